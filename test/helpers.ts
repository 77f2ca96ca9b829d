import { fixture, html, waitUntil } from '@open-wc/testing';
import { MemoryBackend, type CommentsBackend, type MemoryBackendOptions, type SeedComment } from '../src/index.js';
import type { Visibility } from '../src/contract/public.js';
import type { CivicComments } from '../src/index.js';
import '../src/define.js';

export const page = '/consultation';

/** Renders a thread of one section on a memory backend and waits until it has loaded. */
export async function renderThread(
  options: { comments?: SeedComment[]; backend?: CommentsBackend; section?: string; lang?: string } & MemoryBackendOptions = {},
): Promise<{ el: CivicComments; backend: CommentsBackend }> {
  const backend = options.backend ?? new MemoryBackend({ page, ...options });
  const el = await fixture<CivicComments>(html`
    <civic-comments section=${options.section ?? 'intro'} page=${page} lang=${options.lang ?? ''} .backend=${backend}></civic-comments>
  `);
  await settled(el);
  return { el, backend };
}

/** Brings the thread into view, as a reader scrolling to it would, and waits until it has stopped loading. */
export async function settled(el: CivicComments): Promise<void> {
  el.scrollIntoView();
  await waitUntil(() => {
    const root = shadow(el);
    // The heading appears once the language's strings are here; the loading message goes once the comments are.
    return root.querySelector('[part=heading]') && !/Loading comments|llwytho/.test(root.textContent ?? '');
  }, 'the thread never finished loading');
  await el.updateComplete;
}

export const shadow = (el: Element): ShadowRoot => el.shadowRoot!;
export const $ = <E extends Element = HTMLElement>(el: Element, selector: string): E => {
  const found = shadow(el).querySelector<E>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
};
export const $$ = <E extends Element = HTMLElement>(el: Element, selector: string): E[] => [...shadow(el).querySelectorAll<E>(selector)];
/** Visible text, with runs of white space made one space. */
export const textOf = (node: Node | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Types into a field as a reader would, firing `input`. */
export function type(el: Element, selector: string, value: string): void {
  const field = $<HTMLInputElement | HTMLTextAreaElement>(el, selector);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Fills in a valid comment. */
export async function fillValid(el: CivicComments, visibility: Visibility = 'public', body = 'A useful comment.'): Promise<void> {
  type(el, '#name', 'Ada Lovelace');
  type(el, '#email', 'ada@example.com');
  type(el, '#body', body);
  $<HTMLInputElement>(el, `#visibility-${visibility}`).click();
  await el.updateComplete;
}

export function submit(el: CivicComments): void {
  $<HTMLButtonElement>(el, 'button[type=submit]').click();
}

/** Seeds a thread: a comment, a reply, a reply to the reply, and one deeper still. */
export const nestedSeed: SeedComment[] = [
  { id: 'c1', section: 'intro', name: 'Alice', body: 'First thoughts.' },
  { id: 'c2', section: 'intro', name: 'Bob', body: 'Replying to Alice.', parentId: 'c1' },
  { id: 'c3', section: 'intro', name: 'Carys', body: 'Replying to Bob.', parentId: 'c2' },
  { id: 'c4', section: 'intro', name: 'Dafydd', body: 'Replying to Carys.', parentId: 'c3' },
  { id: 'c5', section: 'intro', name: 'Eve', body: 'A new point.' },
];

/** Wraps a backend to count and optionally break its calls. */
export function spy(inner: CommentsBackend) {
  const calls = { list: 0, post: 0, counts: 0 };
  const keys: (string | undefined)[] = [];
  const backend: CommentsBackend & { calls: typeof calls; keys: typeof keys; loseNextAnswer: boolean } = {
    calls,
    keys,
    loseNextAnswer: false,
    listComments: (...args) => (calls.list++, inner.listComments(...args)),
    getCounts: (...args) => (calls.counts++, inner.getCounts(...args)),
    getComment: (...args) => inner.getComment!(...args),
    async postComment(comment, options) {
      calls.post++;
      keys.push(options?.idempotencyKey);
      const stored = await inner.postComment(comment, options);
      if (backend.loseNextAnswer) {
        // The server stored it but the answer never arrived, as when a connection drops.
        backend.loseNextAnswer = false;
        const { BackendUnavailableError } = await import('../src/index.js');
        throw new BackendUnavailableError('The connection dropped.');
      }
      return stored;
    },
  };
  return backend;
}

export { waitUntil };
