/**
 * The file for a `<script type="module">` tag. It defines every element, embeds them in the page's
 * sections when the tag has `data-sections`, and exports what a page's own script may need beside
 * them. The in-page memory backend and the Welsh strings are chunks of their own, fetched only by
 * the pages that use them.
 */
import './define.js';
import { embedFromScriptTag } from './auto-embed.js';

export * from './backends/errors.js';
export { RestBackend } from './backends/rest/rest-backend.js';
export { CivicComments } from './elements/civic-comments/civic-comments.js';
export { CivicCommentCount } from './elements/civic-comment-count/civic-comment-count.js';
export { CivicConsultation } from './elements/civic-consultation/civic-consultation.js';
export { embedSections } from './auto-embed.js';

/** Loads the in-page backend, for demonstrations: `const { MemoryBackend } = await loadMemoryBackend()`. */
export const loadMemoryBackend = () => import('./backends/memory/memory-backend.js');

embedFromScriptTag();
