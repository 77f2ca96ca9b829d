import { Task, TaskStatus } from '@lit/task';
import { html, type TemplateResult } from 'lit';
import type { ConsoleHost } from './console-part.js';

/** Where a view's load stands: before its first run, waiting, with an answer, or refused. */
export type LoadState = 'idle' | 'loading' | 'loaded' | 'failed';

/** The words of a load's two passing states, in the view's language. */
export interface LoadWords {
  loading: string;
  loadFailed: string;
  tryAgain: string;
}

/**
 * What a console view reads from the backend, run by `@lit/task`: the newest run wins, so an older
 * answer that arrives late (the filters changed twice in quick succession) is dropped rather than
 * shown, and the view takes an answer in `loaded` only if it is the newest. A refusal that signs the
 * moderator out is `failed` here and handled by the view's `failed`.
 */
export class ConsoleLoad<Args extends readonly unknown[], T> {
  readonly #task: Task<Args, { args: Args; value: T }>;
  #started = false;

  constructor(
    host: ConsoleHost,
    read: (args: Args, signal: AbortSignal) => Promise<T>,
    loaded: (value: T, args: Args) => void,
    failed: (error: unknown) => void,
  ) {
    this.#task = new Task(host, {
      autoRun: false,
      task: async (args, { signal }) => ({ args, value: await read(args, signal) }),
      onComplete: ({ args, value }) => loaded(value, args),
      onError: failed,
    });
  }

  get state(): LoadState {
    if (!this.#started) return 'idle';
    const status = this.#task.status;
    return status === TaskStatus.PENDING ? 'loading' : status === TaskStatus.ERROR ? 'failed' : 'loaded';
  }

  /** Reads afresh; resolves once this run has settled, whether or not a newer one has taken its place. */
  run(...args: Args): Promise<void> {
    this.#started = true;
    return this.#task.run(args);
  }

  /** Back to before the first run: the next moderator to sign in starts afresh. */
  forget(): void {
    this.#task.abort();
    this.#started = false;
  }

  /**
   * The one way every view shows a load that has not answered: "Loading…" while it has nothing to
   * show, the failure and "Try again" when it failed; `undefined` when the view has its answer to show.
   */
  status(words: LoadWords, retry: () => void, showWhileLoading = false): TemplateResult | undefined {
    const state = this.state;
    if (state === 'failed') {
      return html`<div class="status-box">
        <p class="error-text">${words.loadFailed}</p>
        <button class="button secondary" type="button" @click=${retry}>${words.tryAgain}</button>
      </div>`;
    }
    if (state === 'idle' || (state === 'loading' && !showWhileLoading)) return html`<p class="hint status-box">${words.loading}</p>`;
    return undefined;
  }
}
