/**
 * The single file for a `<script type="module">` tag. It defines every element, and exports what
 * a page's own script may need beside them: `import { MemoryBackend } from '…/civic-comments.js'`.
 * The contract's schemas come with the npm package.
 */
import './define.js';
export { MemoryBackend } from './backends/memory/memory-backend.js';
export * from './backends/errors.js';
export { CivicComments } from './elements/civic-comments/civic-comments.js';
