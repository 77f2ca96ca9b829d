import type { CommentsBackend, RequestOptions } from '../backends/backend.js';
import type { Counts } from '../contract/public.js';

interface Shared {
  counts: Promise<Counts>;
  controller: AbortController;
  users: number;
}

const inFlight = new WeakMap<CommentsBackend, Map<string, Shared>>();

/**
 * The counts of a page, with one request for every element that asks while it is on its way.
 * The request is cancelled when everyone who asked has gone.
 */
export function sharedCounts(backend: CommentsBackend, page: string, options: RequestOptions = {}): Promise<Counts> {
  let byPage = inFlight.get(backend);
  if (!byPage) inFlight.set(backend, (byPage = new Map()));
  let shared = byPage.get(page);
  if (!shared) {
    const controller = new AbortController();
    const counts = backend.getCounts(page, { signal: controller.signal });
    const entry: Shared = (shared = { counts, controller, users: 0 });
    const forget = () => byPage.get(page) === entry && byPage.delete(page);
    counts.then(forget, forget);
    byPage.set(page, entry);
  }
  const entry = shared;
  entry.users += 1;
  options.signal?.addEventListener('abort', () => {
    if (--entry.users === 0 && byPage.get(page) === entry) {
      byPage.delete(page);
      entry.controller.abort();
    }
  });
  return entry.counts;
}
