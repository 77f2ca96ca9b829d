/**
 * The single file for a `<script type="module">` tag: it defines every element and exports the
 * same API as the package, so a page can also `import { MemoryBackend } from '…/civic-comments.js'`.
 */
import './define.js';
export * from './index.js';
