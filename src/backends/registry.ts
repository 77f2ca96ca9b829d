import type { CommentsBackend } from './backend.js';
import { RestBackend } from './rest/rest-backend.js';

/** Backends an element can name in its `backend` attribute. */
export type BackendName = 'rest' | 'memory' | 'wordpress';

// Kept on the page's global object, so that the reader's script and the console's, built apart, share one `memory` store.
const backends: Map<string, Promise<CommentsBackend> | CommentsBackend> = ((globalThis as Record<symbol, unknown>)[
  Symbol.for('civic-comments.backends')
] ??= new Map()) as Map<string, Promise<CommentsBackend> | CommentsBackend>;

/**
 * The backend a name stands for. Every element that names `memory` shares one in-page store, so a
 * count and a thread agree; elements with the same endpoint share one `rest` or `wordpress`
 * backend. `memory` and `wordpress` are loaded only when a page asks for them, since most pages
 * never need them.
 */
export function namedBackend(name: BackendName, endpoint: string): Promise<CommentsBackend> | CommentsBackend {
  const key = name === 'memory' ? name : `${name} ${endpoint}`;
  let backend = backends.get(key);
  if (!backend) {
    backend =
      name === 'memory'
        ? import('./memory/memory-backend.js').then((m) => new m.MemoryBackend())
        : name === 'wordpress'
          ? import('./wordpress/wordpress-backend.js').then((m) => new m.WordPressBackend({ endpoint }))
          : new RestBackend({ endpoint });
    backends.set(key, backend);
  }
  return backend;
}
