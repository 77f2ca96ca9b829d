/** The moderation console and its client, for npm users: `import 'civic-comments/moderation'` defines `<civic-moderation>`. */
import './elements/civic-moderation/define.js';
export { CivicModeration } from './elements/civic-moderation/civic-moderation.js';
export { DepartmentMissingError, UnauthorizedError, type ExportFile, type ModerationBackend } from './backends/moderation.js';
export { ModerationClient } from './backends/rest/moderation-client.js';
export { MemoryModeration } from './backends/memory/memory-moderation.js';
export { moderationEn } from './i18n/en/moderation.js';
export { moderationCy } from './i18n/cy/moderation.js';
export type { ModerationStrings, ModerationAction } from './i18n/features/moderation.js';
