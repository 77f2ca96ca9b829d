import { html, nothing, type TemplateResult } from 'lit';
import type { ModerationComment } from '../../contract/index.js';
import { DepartmentMissingError, UnauthorizedError } from '../../backends/moderation.js';
import { ConsolePart } from './console-part.js';
import { errorMessage } from '../../internal/govuk/error-message.js';

/** Where a response goes: under a comment of the queue, or on its own in a page's section. */
type Target = { kind: 'reply'; comment: ModerationComment } | { kind: 'section' };

/**
 * Answering in the department's name: a "Reply as the department" form under any published
 * comment of the queue, and a form for a response of the department's own on a page's section.
 * Either publishes at once, whatever the consultation's state; errors follow the GOV.UK pattern.
 */
export class OfficialResponse extends ConsolePart {
  /** The comment whose reply form is open. */
  replyingTo: string | null = null;
  #error: { field: 'reply' | 'body' | 'page' | 'section'; message: string } | null = null;
  #done = '';
  #sending = false;

  hostDisconnected(): void {
    this.replyingTo = null;
  }

  async #open(comment: ModerationComment): Promise<void> {
    this.change(() => {
      this.replyingTo = comment.id;
      this.#error = null;
      this.#done = '';
    });
    await this.focus(`#official-reply-${CSS.escape(comment.id)}`);
  }

  async #close(id: string): Promise<void> {
    this.change(() => {
      this.replyingTo = null;
      this.#error = null;
    });
    await this.focus(`[data-official-reply="${CSS.escape(id)}"]`);
  }

  async #send(event: Event, target: Target): Promise<void> {
    event.preventDefault();
    if (this.#sending) return;
    const form = event.currentTarget as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | null)?.value.trim() ?? '';
    const strings = this.console.strings();
    const body = value('body');
    const page = target.kind === 'reply' ? target.comment.page : value('page');
    const section = target.kind === 'reply' ? target.comment.section : value('section');
    const bodyField = target.kind === 'reply' ? 'reply' : 'body';
    const missing =
      (target.kind === 'section' && !page && { field: 'page' as const, message: strings.officialPageMissing }) ||
      (target.kind === 'section' && !section && { field: 'section' as const, message: strings.officialSectionMissing }) ||
      (!body && { field: bodyField, message: strings.officialBodyMissing });
    if (missing) {
      this.change(() => (this.#error = missing));
      await this.focus(target.kind === 'reply' ? `#official-reply-${CSS.escape(target.comment.id)}` : `#official-${missing.field}`);
      return;
    }
    this.change(() => {
      this.#sending = true;
      this.#error = null;
    });
    try {
      const comment = await this.console
        .api()
        .respond({ page, section, parentId: target.kind === 'reply' ? target.comment.id : null, body });
      this.change(() => {
        this.#done = strings.officialPublished(comment.name ?? '');
        if (target.kind === 'reply') this.replyingTo = null;
        else form.reset();
      });
      if (target.kind === 'reply') await this.focus(`[data-official-reply="${CSS.escape(target.comment.id)}"]`);
    } catch (error) {
      if (error instanceof UnauthorizedError) return this.console.signedOut();
      const message = error instanceof DepartmentMissingError ? strings.departmentMissing : strings.officialFailed;
      this.change(() => (this.#error = { field: bodyField, message }));
    } finally {
      this.change(() => (this.#sending = false));
    }
  }

  #fieldError(field: string): TemplateResult | typeof nothing {
    if (this.#error?.field !== field) return nothing;
    return errorMessage(`official-${field}-error`, this.console.strings().errorPrefix, this.#error.message);
  }

  /** The button among a published comment's actions. */
  renderReplyButton(item: ModerationComment, nameId: string): TemplateResult | typeof nothing {
    // The server answers only published public comments, as readers can.
    if (item.status !== 'published' || item.visibility !== 'public') return nothing;
    return html`<button
      class="link-button"
      type="button"
      data-official-reply=${item.id}
      aria-describedby=${nameId}
      aria-expanded=${this.replyingTo === item.id ? 'true' : 'false'}
      @click=${() => this.#open(item)}
    >
      ${this.console.strings().replyAsDepartment}
    </button>`;
  }

  /** The reply form under the comment, while it is open. */
  renderReplyForm(item: ModerationComment): TemplateResult | typeof nothing {
    if (this.replyingTo !== item.id) return nothing;
    const strings = this.console.strings();
    const error = this.#error?.field === 'reply';
    return html`<form
      class="form official-form"
      novalidate
      @submit=${(event: Event) => this.#send(event, { kind: 'reply', comment: item })}
      @keydown=${(event: KeyboardEvent) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        void this.#close(item.id);
      }}
    >
      <div class="field ${error ? 'has-error' : ''}">
        <label for="official-reply-${item.id}">${strings.officialReplyLabel}</label>
        ${this.#fieldError('reply')}
        <textarea class="input" id="official-reply-${item.id}" name="body" rows="4" aria-describedby=${error ? 'official-reply-error' : nothing}></textarea>
      </div>
      <div class="actions">
        <button class="button" type="submit" aria-disabled=${this.#sending ? 'true' : 'false'}>${strings.publishReply}</button>
        <button class="button secondary" type="button" @click=${() => this.#close(item.id)}>${strings.cancel}</button>
      </div>
    </form>`;
  }

  /** A response of the department's own, on a page's section. */
  renderSectionForm(page: string, section: string): TemplateResult {
    const strings = this.console.strings();
    const field = (
      name: 'page' | 'section',
      label: string,
      value: string,
    ) => html`<div class="field ${this.#error?.field === name ? 'has-error' : ''}">
      <label for="official-${name}">${label}</label>
      ${this.#fieldError(name)}
      <input class="input" id="official-${name}" name=${name} .value=${value} aria-describedby=${this.#error?.field === name ? `official-${name}-error` : nothing} />
    </div>`;
    return html`
      <section class="panel" part="official-response" aria-labelledby="official-heading">
        <h3 class="form-heading" id="official-heading">${strings.officialHeading}</h3>
        <form class="form" novalidate @submit=${(event: Event) => this.#send(event, { kind: 'section' })}>
          <p class="hint">${strings.officialHint}</p>
          ${field('page', strings.pageLabel, page)} ${field('section', strings.sectionLabel, section)}
          <div class="field ${this.#error?.field === 'body' ? 'has-error' : ''}">
            <label for="official-body">${strings.officialBodyLabel}</label>
            ${this.#fieldError('body')}
            <textarea class="input" id="official-body" name="body" rows="5" aria-describedby=${this.#error?.field === 'body' ? 'official-body-error' : nothing}></textarea>
          </div>
          <button class="button" type="submit" aria-disabled=${this.#sending ? 'true' : 'false'}>${strings.publishResponse}</button>
        </form>
      </section>
    `;
  }

  /** Said, politely, once a response is published: one live region for both forms. */
  renderStatus(): TemplateResult {
    return html`<p class="done" role="status">${this.#done}</p>`;
  }
}
