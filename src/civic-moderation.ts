/**
 * The file for the moderators' page: `<script type="module" src="…/civic-moderation.js">`. It is
 * built apart from `civic-comments.js`, so that readers never download the console.
 */
import './elements/civic-moderation/define.js';
export { CivicModeration } from './elements/civic-moderation/civic-moderation.js';
export { UnauthorizedError } from './backends/moderation.js';
export { ModerationClient } from './backends/rest/moderation-client.js';
