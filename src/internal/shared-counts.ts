import type { CommentsBackend, RequestOptions } from '../backends/backend.js';
import type { Counts } from '../contract/public.js';

interface Shared {
  counts: Promise<Counts>;
  controller: AbortController;
  users: number;
}

const inFlight = new WeakMap<CommentsBackend, Map<string, Shared>>();

/** Starts the request the elements asking for one page's counts share; it is forgotten once answered. */
function startRequest(backend: CommentsBackend, page: string, byPage: Map<string, Shared>): Shared {
  const controller = new AbortController();
  const entry: Shared = { counts: backend.getCounts(page, { signal: controller.signal }), controller, users: 0 };
  const forget = () => byPage.get(page) === entry && byPage.delete(page);
  entry.counts.then(forget, forget);
  byPage.set(page, entry);
  return entry;
}

/**
 * The counts of a page, with one request for every element that asks while it is on its way.
 * The request is cancelled when everyone who asked has gone.
 */
export function sharedCounts(backend: CommentsBackend, page: string, options: RequestOptions = {}): Promise<Counts> {
  let byPage = inFlight.get(backend);
  if (!byPage) inFlight.set(backend, (byPage = new Map()));
  const entry = byPage.get(page) ?? startRequest(backend, page, byPage);
  entry.users += 1;
  options.signal?.addEventListener('abort', () => {
    if (--entry.users === 0 && byPage.get(page) === entry) {
      byPage.delete(page);
      entry.controller.abort();
    }
  });
  return entry.counts;
}
