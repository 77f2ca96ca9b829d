/**
 * civic-comments: per-section comment threads for public consultations.
 * Importing this module defines no element; import `civic-comments/define` for that.
 */
export * from './contract/index.js';
export type {
  BackendCapabilities,
  CommentsBackend,
  ListCommentsRequest,
  PostedComment,
  PostOptions,
  RequestOptions,
} from './backends/backend.js';
export * from './backends/errors.js';
export { MemoryBackend } from './backends/memory/memory-backend.js';
export { RestBackend, type RestBackendOptions } from './backends/rest/rest-backend.js';
export { WordPressBackend, type WordPressBackendOptions } from './backends/wordpress/wordpress-backend.js';
export type { MemoryBackendOptions, MemoryFailures, SeedComment, StoredComment } from './backends/memory/memory-backend.js';
export type {
  CivicCommentSubmittedEvent,
  CivicErrorEvent,
  CivicErrorDetail,
  CommentSubmittedDetail,
} from './events.js';
export { CivicComments } from './elements/civic-comments/civic-comments.js';
export { CivicCommentCount } from './elements/civic-comment-count/civic-comment-count.js';
export { CivicConsultation } from './elements/civic-consultation/civic-consultation.js';
export { CivicChangeLog } from './elements/civic-change-log/civic-change-log.js';
export { embedSections, slug, type EmbedSettings } from './auto-embed.js';
export { en, type Strings } from './i18n/index.js';
export { cy } from './i18n/cy/reader.js';
