import type { CommentsBackend, RequestOptions } from '../backends/backend.js';
import type { Consultation, Counts } from '../contract/public.js';

interface Shared {
  counts: Promise<Counts>;
  controller: AbortController;
  users: number;
}

const inFlight = new WeakMap<CommentsBackend, Map<string, Shared>>();
/** Each page's last counts answer, so that a thread loaded later learns the consultation without asking again. */
const answered = new WeakMap<CommentsBackend, Map<string, Counts>>();

/** Starts the request the elements asking for one page's counts share; it is forgotten once answered. */
function startRequest(backend: CommentsBackend, page: string, byPage: Map<string, Shared>): Shared {
  const controller = new AbortController();
  const entry: Shared = { counts: backend.getCounts(page, { signal: controller.signal }), controller, users: 0 };
  const forget = () => byPage.get(page) === entry && byPage.delete(page);
  entry.counts.then((counts) => {
    forget();
    if (!answered.has(backend)) answered.set(backend, new Map());
    answered.get(backend)!.set(page, counts);
  }, forget);
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

/**
 * The page's consultation, or null when it has none or the backend does not say: from the counts
 * answer the page already has, or else from the shared counts request. Never fails: a thread whose
 * consultation cannot be learnt behaves as on a page without one, and the backend still decides.
 */
export async function consultationOf(backend: CommentsBackend, page: string, signal: AbortSignal): Promise<Consultation | null> {
  const known = answered.get(backend)?.get(page);
  if (known) return known.consultation ?? null;
  try {
    return (await sharedCounts(backend, page, { signal })).consultation ?? null;
  } catch {
    return null;
  }
}
