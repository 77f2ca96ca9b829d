import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import type { CommentsBackend, CommentPage, Counts } from '../src/index.js';
import '../src/define.js';

/** Listeners on the window and the document, by type: where a leak would outlive the elements. */
const listening = new Map<EventTarget, Map<string, Set<unknown>>>();
for (const target of [window, document] as EventTarget[]) {
  const byType = new Map<string, Set<unknown>>();
  listening.set(target, byType);
  const add = target.addEventListener.bind(target);
  const remove = target.removeEventListener.bind(target);
  // A set holds a listener once, as the browser ignores the same one added twice.
  target.addEventListener = (
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ) => {
    byType.set(type, (byType.get(type) ?? new Set()).add(listener));
    add(type, listener, options);
  };
  target.removeEventListener = (
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ) => {
    byType.get(type)?.delete(listener);
    remove(type, listener, options);
  };
}
const listeners = () =>
  Object.fromEntries(
    [...listening].flatMap(([target, byType]) =>
      [...byType].filter(([, set]) => set.size).map(([type, set]) => [`${target === window ? 'window' : 'document'}:${type}`, set.size]),
    ),
  );

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
    const before = listeners();
    const { backend, signals } = slowBackend();
    for (let cycle = 0; cycle < 100; cycle++) {
      const consultation = document.createElement('civic-consultation');
      consultation.setAttribute('page', `cycle-${cycle}`);
      consultation.backend = backend;
      consultation.innerHTML =
        '<h2>Section</h2><civic-comment-count section="s"></civic-comment-count><civic-comments section="s"></civic-comments>';
      document.body.append(consultation);
      // Some are removed at once, some while their requests are on their way.
      await aTimeout(cycle % 2 ? 20 : 0);
      consultation.remove();
    }
    await aTimeout(100);
    expect(listeners()).to.deep.equal(before);
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
