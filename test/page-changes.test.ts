import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import type { CommentsBackend, CommentPage, Counts } from '../src/index.js';
import '../src/define.js';

/** Listeners on the window and the document, where a leak would outlive the elements. */
const active = new Map<string, number>();
const key = (target: EventTarget, type: string) => `${target === window ? 'window' : 'document'}:${type}`;
for (const target of [window, document] as EventTarget[]) {
  const add = target.addEventListener.bind(target);
  const remove = target.removeEventListener.bind(target);
  const seen = new Set<unknown>();
  target.addEventListener = (type: string, listener: EventListenerOrEventListenerObject | null, options?: unknown) => {
    // Counted once per type and listener, as the browser ignores the same pair added twice.
    const id = { type, listener };
    if (![...seen].some((s) => (s as typeof id).type === type && (s as typeof id).listener === listener)) {
      seen.add(id);
      active.set(key(target, type), (active.get(key(target, type)) ?? 0) + 1);
    }
    add(type, listener, options as AddEventListenerOptions);
  };
  target.removeEventListener = (type: string, listener: EventListenerOrEventListenerObject | null, options?: unknown) => {
    const found = [...seen].find((s) => (s as { type: string }).type === type && (s as { listener: unknown }).listener === listener);
    if (found) {
      seen.delete(found);
      active.set(key(target, type), active.get(key(target, type))! - 1);
    }
    remove(type, listener, options as EventListenerOptions);
  };
}

/** Elements IntersectionObservers still watch. */
let watched = 0;
const observe = IntersectionObserver.prototype.observe;
const unobserve = IntersectionObserver.prototype.unobserve;
const observing = new WeakMap<IntersectionObserver, Set<Element>>();
IntersectionObserver.prototype.observe = function (this: IntersectionObserver, target: Element) {
  const set = observing.get(this) ?? new Set();
  observing.set(this, set);
  if (!set.has(target)) watched++;
  set.add(target);
  observe.call(this, target);
};
IntersectionObserver.prototype.unobserve = function (this: IntersectionObserver, target: Element) {
  if (observing.get(this)?.delete(target)) watched--;
  unobserve.call(this, target);
};
const disconnect = IntersectionObserver.prototype.disconnect;
IntersectionObserver.prototype.disconnect = function (this: IntersectionObserver) {
  watched -= observing.get(this)?.size ?? 0;
  observing.get(this)?.clear();
  disconnect.call(this);
};

/** A backend that never answers in time, and remembers whether each request was cancelled. */
function slowBackend() {
  const signals: AbortSignal[] = [];
  const answer = <T>(value: T, signal?: AbortSignal) =>
    new Promise<T>((resolve, reject) => {
      if (signal) signals.push(signal);
      const timer = setTimeout(() => resolve(value), 60_000);
      signal?.addEventListener('abort', () => (clearTimeout(timer), reject(new DOMException('Aborted', 'AbortError'))));
    });
  const backend: CommentsBackend = {
    listComments: (_request, options) => answer<CommentPage>({ comments: [], nextCursor: null, total: 0 }, options?.signal),
    getCounts: (page, options) => answer<Counts>({ page, counts: {} }, options?.signal),
    postComment: () => Promise.reject(new Error('not used')),
  };
  return { backend, signals };
}

describe('pages that change', () => {
  it('leaves no listener, observer or request behind after 100 add and remove cycles', async () => {
    const before = new Map(active);
    const { backend, signals } = slowBackend();
    for (let cycle = 0; cycle < 100; cycle++) {
      const consultation = document.createElement('civic-consultation');
      consultation.setAttribute('page', `cycle-${cycle}`);
      consultation.backend = backend;
      consultation.innerHTML = '<h2>Section</h2><civic-comment-count section="s"></civic-comment-count><civic-comments section="s"></civic-comments>';
      document.body.append(consultation);
      // Some are removed at once, some while their requests are on their way.
      await aTimeout(cycle % 2 ? 20 : 0);
      consultation.remove();
    }
    await aTimeout(100);
    expect(Object.fromEntries([...active].filter(([type, n]) => n !== (before.get(type) ?? 0)))).to.deep.equal({});
    expect(watched).to.equal(0);
    expect(signals.length).to.be.above(100);
    expect(signals.filter((signal) => !signal.aborted).length).to.equal(0);
  });

  it('works for elements added later', async () => {
    const { MemoryBackend } = await import('../src/index.js');
    const consultation = document.createElement('civic-consultation');
    consultation.backend = new MemoryBackend({ page: 'later', comments: [{ section: 's', name: 'A', body: 'Added later.' }] });
    consultation.setAttribute('page', 'later');
    document.body.append(consultation);
    const thread = document.createElement('civic-comments');
    thread.setAttribute('section', 's');
    consultation.append(thread);
    try {
      await waitUntil(() => thread.shadowRoot?.textContent?.includes('Added later.'), 'the thread added later never loaded');
    } finally {
      consultation.remove();
    }
  });
});
