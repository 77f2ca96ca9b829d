import { html, nothing, type TemplateResult } from 'lit';
import { UnauthorizedError } from '../../backends/moderation.js';
import { ConsolePart } from './console-part.js';
import { errorMessage } from '../../internal/govuk/error-message.js';

/**
 * "You said, we did": the outcome of the section the queue is filtered to, read when the filters
 * name a page and a section, and published or replaced from here. Readers see it above the
 * section's comments.
 */
export class SectionOutcome extends ConsolePart {
  #for = '';
  #body = '';
  #error = '';
  #done = '';
  #sending = false;

  /** Read again when the console comes back: the outcome may have changed meanwhile. */
  hostDisconnected(): void {
    this.#for = '';
  }

  /** Reads the section's outcome when the filters move to another section. */
  async show(page: string, section: string): Promise<void> {
    const key = page && section ? JSON.stringify([page, section]) : '';
    if (key === this.#for) return;
    this.change(() => {
      this.#for = key;
      this.#body = '';
      this.#error = '';
      this.#done = '';
    });
    if (!key) return;
    try {
      const outcome = await this.console.api().outcome(page, section);
      if (this.#for === key) this.change(() => (this.#body = outcome?.body ?? ''));
    } catch (error) {
      if (error instanceof UnauthorizedError) this.console.signedOut();
    }
  }

  async #publish(event: Event, page: string, section: string): Promise<void> {
    event.preventDefault();
    if (this.#sending) return;
    const strings = this.console.strings();
    const field = (event.currentTarget as HTMLFormElement).elements.namedItem('outcome') as HTMLTextAreaElement;
    const body = field.value.trim();
    if (!body) {
      this.change(() => (this.#error = strings.outcomeMissing));
      await this.host.updateComplete;
      field.focus();
      return;
    }
    this.change(() => {
      this.#sending = true;
      this.#error = '';
      this.#done = '';
    });
    try {
      const saved = await this.console.api().saveOutcome(page, section, body);
      this.change(() => {
        this.#body = saved.body;
        this.#done = strings.outcomePublished;
      });
    } catch (error) {
      if (error instanceof UnauthorizedError) return this.console.signedOut();
      this.change(() => (this.#error = strings.outcomeFailed));
    } finally {
      this.change(() => (this.#sending = false));
    }
  }

  /** The editor, while the queue is filtered to one section of one page. */
  render(page: string, section: string): TemplateResult | typeof nothing {
    if (!page || !section) return nothing;
    const strings = this.console.strings();
    return html`
      <section class="panel" part="outcome-editor" aria-labelledby="outcome-editor-heading">
        <h3 class="form-heading" id="outcome-editor-heading">${strings.outcomeEditorHeading(section)}</h3>
        <form class="form" novalidate @submit=${(event: Event) => this.#publish(event, page, section)}>
          <div class="field ${this.#error ? 'has-error' : ''}">
            <label for="outcome">${strings.outcomeLabel}</label>
            <div class="hint" id="outcome-hint">${strings.outcomeHint}</div>
            ${errorMessage('outcome-error', strings.errorPrefix, this.#error)}
            <textarea
              class="input"
              id="outcome"
              name="outcome"
              rows="5"
              .value=${this.#body}
              aria-describedby=${this.#error ? 'outcome-hint outcome-error' : 'outcome-hint'}
            ></textarea>
          </div>
          <button class="button" type="submit" aria-disabled=${this.#sending ? 'true' : 'false'}>${strings.publishOutcome}</button>
          <p class="done" role="status">${this.#done}</p>
        </form>
      </section>
    `;
  }
}
