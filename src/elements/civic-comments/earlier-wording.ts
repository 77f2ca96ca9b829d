import { css, html, nothing, type TemplateResult } from 'lit';
import type { CommentsBackend } from '../../backends/backend.js';
import type { Comment } from '../../contract/public.js';
import type { SectionVersion } from '../../contract/versions.js';
import type { Strings } from '../../i18n/features/reader.js';
import { versionWords } from '../../i18n/versions.js';
import { addStyles } from '../../internal/add-styles.js';

/*
 * A response made on an earlier wording of its section says so, with a disclosure that shows what
 * changed in the wording since. Fetched only by threads that hold such a response; the difference
 * itself, and the wordings it is drawn from, only when a reader opens one.
 */

/** The thread this is drawn in: its section, its words and its backend. */
export interface WordingHost extends HTMLElement {
  readonly strings: Strings;
  readonly pageId: string;
  section: string;
  readonly renderRoot: HTMLElement | DocumentFragment;
  resolveBackend(): Promise<CommentsBackend | undefined>;
  requestUpdate(): void;
}

/** The marks of the difference: not colour alone, as a strike and an underline carry them too. */
const differenceStyles = css`
  .earlier-version {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.75em;
    align-items: baseline;
    margin-bottom: 0.25em;
  }
  .changes {
    margin: 0.5em 0 0.75em;
    padding-left: 0.75em;
    border-left: 4px solid var(--civic-color-border, #b1b4b6);
  }
  .difference {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  del {
    text-decoration: line-through 2px;
    background: #f6d7d2;
    color: inherit;
  }
  ins {
    text-decoration: underline 2px;
    background: #cce2d8;
    color: inherit;
  }
  /* A word replaced shows both, apart. */
  del + ins {
    margin-left: 0.25em;
  }
  @media (forced-colors: active) {
    del,
    ins {
      background: none;
    }
  }
`.styleSheet;

interface Wordings {
  versions: SectionVersion[];
  difference: typeof import('./wording-diff.js');
}

const threads = new WeakMap<WordingHost, EarlierWording>();

/** The marker under a response made on a version of its section's wording before `current`; nothing under any other. */
export function earlierWording(host: WordingHost, comment: Comment, current: number | null | undefined): TemplateResult | typeof nothing {
  let thread = threads.get(host);
  if (!thread) threads.set(host, (thread = new EarlierWording(host)));
  return thread.render(comment, current);
}

/** The marker and the difference of every response in one thread made on an earlier wording. */
class EarlierWording {
  readonly #host: WordingHost;
  /** The responses whose difference the reader has opened. */
  readonly #open = new Set<string>();
  #wordings?: Promise<Wordings>;
  #loaded?: Wordings;
  #failed = false;

  constructor(host: WordingHost) {
    this.#host = host;
    addStyles(host.renderRoot, differenceStyles);
  }

  /** The marker, under a response made on a version of the wording before `current`; nothing under any other. */
  render(comment: Comment, current: number | null | undefined): TemplateResult | typeof nothing {
    if (!current || !comment.version || comment.version >= current) return nothing;
    const words = versionWords(this.#host.strings);
    const open = this.#open.has(comment.id);
    const id = `changes-${comment.id}`;
    return html`
      <p class="earlier-version" part="earlier-version">
        <strong class="tag">${words.earlierVersion}</strong>
        <button
          type="button"
          class="link-button"
          part="changes-button"
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls=${id}
          @click=${() => this.#toggle(comment.id)}
        >
          ${words.showChanges}
        </button>
      </p>
      <div class="changes" part="changes" id=${id} ?hidden=${!open}>${open ? this.#renderChanges(comment.version, current) : nothing}</div>
    `;
  }

  #renderChanges(from: number, to: number): TemplateResult {
    const words = versionWords(this.#host.strings);
    if (this.#failed) return html`<p class="error-text">${words.changesFailed}</p>`;
    if (!this.#loaded) return html`<p class="hint">${words.loadingChanges}</p>`;
    const { versions, difference } = this.#loaded;
    const before = versions.find((version) => version.version === from);
    const after = versions.find((version) => version.version === to);
    if (!before || !after) return html`<p class="error-text">${words.changesFailed}</p>`;
    return difference.difference(before.text, after.text, words);
  }

  async #toggle(id: string): Promise<void> {
    if (!this.#open.delete(id)) this.#open.add(id);
    // Opened again after a failure, the wordings are asked for again.
    if (this.#failed) this.#wordings = undefined;
    this.#failed = false;
    this.#host.requestUpdate();
    if (!this.#open.has(id) || this.#loaded) return;
    try {
      this.#loaded = await (this.#wordings ??= this.#fetch());
    } catch {
      this.#failed = true;
    }
    this.#host.requestUpdate();
  }

  async #fetch(): Promise<Wordings> {
    const host = this.#host;
    const [backend, difference] = await Promise.all([host.resolveBackend(), import('./wording-diff.js')]);
    if (!backend?.getSectionVersions) throw new Error('The backend keeps no earlier wordings.');
    return { versions: await backend.getSectionVersions(host.pageId, host.section), difference };
  }
}
