import type { CommentsBackend } from './backend.js';
import { RestBackend } from './rest/rest-backend.js';

/** Backends an element can name in its `backend` attribute. */
export type BackendName = 'rest' | 'memory';

let sharedMemory: Promise<CommentsBackend> | undefined;
const restBackends = new Map<string, CommentsBackend>();

/**
 * The backend a name stands for. Every element that names `memory` shares one in-page store, so a
 * count and a thread agree; it is loaded only when a page asks for it, since pages on a server
 * never need it. Elements with the same endpoint share one `rest` backend.
 */
export async function namedBackend(name: BackendName, endpoint: string): Promise<CommentsBackend> {
  if (name === 'memory') {
    return (sharedMemory ??= import('./memory/memory-backend.js').then((m) => new m.MemoryBackend()));
  }
  let rest = restBackends.get(endpoint);
  if (!rest) {
    rest = new RestBackend({ endpoint });
    restBackends.set(endpoint, rest);
  }
  return rest;
}
