import { html, nothing, type TemplateResult } from 'lit';
import { UnauthorizedError, type ExportFile, type ExportFormat } from '../../backends/moderation.js';
import { ConsolePart, type ConsoleAccess } from './console-part.js';
import { errorMessage } from '../../internal/govuk/error-message.js';

/** What export and erasure need of the console besides its strings and backend. */
export interface RecordsAccess extends ConsoleAccess {
  /** Reads the queue again: an erasure changes the names it shows. */
  reload(): void;
}

/** An amount of data as the console says it: "12.4 MB". */
const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

/** Saves a file the server made, as a download. */
export function download({ blob, fileName }: ExportFile): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}

/**
 * The queue's last two sections: every response exported as CSV or JSON (of the page the queue is
 * filtered to, or of all), and a person's name and email erased from all their responses, after
 * a confirmation that says what cannot be undone.
 */
export class ExportAndErase extends ConsolePart<RecordsAccess> {
  #stage: 'ask' | 'confirm' = 'ask';
  #email = '';
  #eraseError = '';
  #erased = '';
  #exportError = '';
  /** How much of the export in progress has come, said as it downloads; empty when none is. */
  #exportProgress = '';

  hostDisconnected(): void {
    this.#stage = 'ask';
    this.#email = '';
    this.#eraseError = '';
    this.#erased = '';
    this.#exportError = '';
    this.#exportProgress = '';
  }

  /** Forgets a failed export's message, as when the filters change. */
  clear(): void {
    this.change(() => (this.#exportError = ''));
  }

  async #export(page: string, format: ExportFormat): Promise<void> {
    this.change(() => (this.#exportError = ''));
    let said = 0;
    const progress = (bytes: number) => {
      // Said at most twice a second, in megabytes, so that a screen reader is not flooded.
      if (Date.now() - said < 500) return;
      said = Date.now();
      this.change(() => (this.#exportProgress = this.console.strings().exportProgress(megabytes(bytes))));
    };
    try {
      download(await this.console.api().export(page || undefined, format, progress));
    } catch (error) {
      if (error instanceof UnauthorizedError) return this.console.signedOut();
      this.change(() => (this.#exportError = this.console.strings().exportFailed));
    } finally {
      this.change(() => (this.#exportProgress = ''));
    }
  }

  async #erase(event: Event): Promise<void> {
    event.preventDefault();
    const strings = this.console.strings();
    this.change(() => (this.#erased = ''));
    if (this.#stage === 'ask') {
      const email = this.host.renderRoot.querySelector<HTMLInputElement>('#erase-email')!.value.trim();
      this.change(() => {
        this.#email = email;
        this.#eraseError = email ? '' : strings.eraseEmailMissing;
        if (email) this.#stage = 'confirm';
      });
      return this.focus(email ? '.erase-confirm' : '#erase-email');
    }
    try {
      const erased = await this.console.api().erase(this.#email);
      this.change(() => {
        this.#erased = strings.erased(erased);
        this.#stage = 'ask';
        this.#email = '';
      });
      this.console.reload();
      // The confirmation that had focus is gone: focus goes to what was done.
      await this.focus('.erased');
    } catch (error) {
      if (error instanceof UnauthorizedError) return this.console.signedOut();
      this.change(() => (this.#eraseError = strings.failed));
    }
  }

  #cancelErase(): void {
    this.change(() => (this.#stage = 'ask'));
    void this.focus('#erase-email');
  }

  render(page: string): TemplateResult {
    return html`${this.#renderExport(page)} ${this.#renderErase()}`;
  }

  #renderExport(page: string): TemplateResult {
    const strings = this.console.strings();
    return html`
      <section class="panel" part="export" aria-labelledby="export-heading">
        <h3 class="form-heading" id="export-heading">${strings.exportHeading}</h3>
        <p class="hint">${strings.exportHint(page)}</p>
        <div class="actions">
          <button class="button secondary" type="button" @click=${() => this.#export(page, 'csv')}>${strings.downloadCsv}</button>
          <button class="button secondary" type="button" @click=${() => this.#export(page, 'json')}>${strings.downloadJson}</button>
          ${
            page
              ? html`<button class="button secondary" type="button" aria-describedby="consult-hint" @click=${() => this.#export(page, 'consult')}>
                ${strings.downloadConsult}
              </button>`
              : nothing
          }
        </div>
        ${page ? html`<p class="hint" id="consult-hint">${strings.consultHint}</p>` : nothing}
        <p class="hint" part="export-progress" role="status">${this.#exportProgress}</p>
        <p class="error-text" role="status">${this.#exportError}</p>
      </section>
    `;
  }

  #renderErase(): TemplateResult {
    const strings = this.console.strings();
    const error = this.#eraseError;
    return html`
      <section class="panel" part="erase" aria-labelledby="erase-heading">
        <h3 class="form-heading" id="erase-heading">${strings.eraseHeading}</h3>
        <form class="form" novalidate @submit=${(event: Event) => this.#erase(event)}>
          <p class="hint">${strings.eraseHint}</p>
          ${
            this.#stage === 'confirm'
              ? html`<div class="confirm erase-confirm" tabindex="-1" role="alertdialog" aria-labelledby="erase-confirm-text">
                <p id="erase-confirm-text"><strong>${strings.eraseConfirm(this.#email)}</strong></p>
                <div class="actions">
                  <button class="button warning" type="submit">${strings.eraseYes}</button>
                  <button class="button secondary" type="button" @click=${() => this.#cancelErase()}>${strings.cancel}</button>
                </div>
              </div>`
              : html`<div class="field ${error ? 'has-error' : ''}">
                  <label for="erase-email">${strings.eraseEmailLabel}</label>
                  ${errorMessage('erase-error', strings.errorPrefix, error)}
                  <input
                    class="input"
                    id="erase-email"
                    type="email"
                    autocomplete="off"
                    spellcheck="false"
                    .value=${this.#email}
                    aria-describedby=${error ? 'erase-error' : nothing}
                  />
                </div>
                <button class="button secondary" type="submit">${strings.eraseContinue}</button>`
          }
          <p class="done erased" role="status" tabindex="-1">${this.#erased}</p>
        </form>
      </section>
    `;
  }
}
