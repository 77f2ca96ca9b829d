import { html, type ReactiveController, type TemplateResult } from 'lit';
import { lengthOf, limits, type Comment } from '../../contract/public.js';
import type { CommentsBackend } from '../../backends/backend.js';
import { RateLimitedError, ValidationFailedError } from '../../backends/errors.js';
import type { CivicErrorDetail } from '../../events.js';
import type { Strings } from '../../i18n/index.js';
import { errorMessage } from '../../internal/govuk/error-message.js';
import { reportCy } from '../../i18n/cy/report.js';
import { reportEn } from '../../i18n/en/report.js';
import type { ReportStrings } from '../../i18n/features/report.js';

/** The element, as the report form sees it. */
export interface ReportHost {
  readonly strings: Strings;
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly updateComplete: Promise<boolean>;
  requestUpdate(): void;
  addController(controller: ReactiveController): void;
  resolveBackend(): Promise<CommentsBackend | undefined>;
  reportError(error: unknown, operation: CivicErrorDetail['operation']): void;
}

/**
 * "Report this comment": a short form under a published comment, with an optional reason, that
 * sends the report and says thank you in its place. Escape or Cancel closes it and gives focus back
 * to the link that opened it. One comment's form is open at a time; what was typed in each is kept
 * while the element stays on the page.
 */
export class ReportForm implements ReactiveController {
  #open: string | null = null;
  /** What was typed, by comment: kept when a form closes, so that nothing typed is lost. */
  readonly #reasons = new Map<string, string>();
  #error = '';
  #status: 'idle' | 'sending' | 'failed' | 'limited' = 'idle';
  /** Comments reported from here: each shows the thanks in place of its link. */
  readonly #sent = new Set<string>();

  constructor(private readonly host: ReportHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#open = null;
  }

  /** The comment whose form is open, if any. */
  get openFor(): string | null {
    return this.#open;
  }

  get #words(): ReportStrings {
    // Both languages come with this chunk rather than the page's strings: only a reader who reports
    // a comment fetches it, and the link that opens it is all the page itself needs to say.
    return this.host.strings.locale === 'cy' ? reportCy : reportEn;
  }

  #change(change: () => void): void {
    change();
    this.host.requestUpdate();
  }

  async #focus(selector: string): Promise<void> {
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** Opens the form under a comment, closing any other, with focus on its reason. */
  open(comment: Comment): void {
    this.#change(() => {
      if (this.#open !== comment.id) {
        this.#error = '';
        this.#status = 'idle';
      }
      this.#open = comment.id;
    });
    void this.#focus(`#report-reason-${comment.id}`);
  }

  #close(id: string): void {
    this.#change(() => (this.#open = null));
    void this.#focus(`#comment-${id} [part=report-button]`);
  }

  async #send(event: Event, id: string): Promise<void> {
    event.preventDefault();
    if (this.#status === 'sending') return;
    const words = this.#words;
    const reason = (this.#reasons.get(id) ?? '').trim();
    if (lengthOf(reason) > limits.reportReasonMax) {
      this.#change(() => (this.#error = words.tooLong));
      return this.#focus(`#report-reason-${id}`);
    }
    this.#change(() => {
      this.#error = '';
      this.#status = 'sending';
    });
    try {
      const backend = await this.host.resolveBackend();
      if (!backend?.reportComment) throw new Error('This backend takes no reports.');
      await backend.reportComment(id, reason || undefined);
      this.#change(() => {
        this.#sent.add(id);
        this.#open = null;
        this.#status = 'idle';
      });
      void this.#focus(`#report-done-${id}`);
    } catch (error) {
      if (error instanceof ValidationFailedError) {
        this.#change(() => {
          this.#status = 'idle';
          this.#error = words.tooLong;
        });
        return this.#focus(`#report-reason-${id}`);
      }
      this.#change(() => (this.#status = error instanceof RateLimitedError ? 'limited' : 'failed'));
      this.host.reportError(error, 'report');
    }
  }

  /** What goes under a comment: the thanks once reported, the form while open, and else the link. */
  render(comment: Comment, link: TemplateResult): TemplateResult {
    const { id } = comment;
    const words = this.#words;
    if (this.#sent.has(id)) {
      return html`<p class="report-done" part="report-done" id="report-done-${id}" tabindex="-1">${words.thanks}</p>`;
    }
    if (this.#open !== id) return link;
    const error = this.#error;
    const status =
      this.#status === 'sending'
        ? words.sending
        : this.#status === 'failed'
          ? words.failed
          : this.#status === 'limited'
            ? words.tooMany
            : '';
    return html`
      ${link}
      <form
        class="form report-form"
        part="report-form"
        novalidate
        @submit=${(event: Event) => this.#send(event, id)}
        @keydown=${(event: KeyboardEvent) => event.key === 'Escape' && this.#close(id)}
      >
        <div class="field ${error ? 'has-error' : ''}">
          <label for="report-reason-${id}">${words.reasonLabel}</label>
          <div class="hint" id="report-hint-${id}">${words.reasonHint}</div>
          ${errorMessage(`report-error-${id}`, words.errorPrefix, error)}
          <textarea
            class="input"
            id="report-reason-${id}"
            rows="3"
            .value=${this.#reasons.get(id) ?? ''}
            @input=${(event: Event) => this.#reasons.set(id, (event.target as HTMLTextAreaElement).value)}
            aria-describedby="report-hint-${id}${error ? ` report-error-${id}` : ''}"
          ></textarea>
        </div>
        <div class="actions">
          <button class="button" type="submit" aria-disabled=${this.#status === 'sending' ? 'true' : 'false'}>${words.send}</button>
          <button class="button secondary" type="button" @click=${() => this.#close(id)}>${words.cancel}</button>
        </div>
        <p class=${this.#status === 'sending' ? 'hint' : 'error-text'} role="status">${status}</p>
      </form>
    `;
  }
}
