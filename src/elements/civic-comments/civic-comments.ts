import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import {
  codeForMessage,
  commentFields,
  lengthOf,
  limits,
  messagesFor,
  validateNewComment,
  type Comment,
  type CommentField,
  type Visibility,
} from '../../contract/public.js';
import { RateLimitedError, ValidationFailedError } from '../../backends/errors.js';
import { emit } from '../../events.js';
import { loadStrings, stringsIfLoaded, type Strings } from '../../i18n/index.js';
import { newIdempotencyKey } from '../../internal/idempotency-key.js';
import { whenNearViewport } from '../../internal/near-viewport.js';
import { fragment, linkThread, unlinkThread } from '../../internal/page-links.js';
import { printSection } from '../../internal/print.js';
import { SectionElement } from '../../internal/section-element.js';
import { readJson, remove, text, writeJson } from '../../internal/storage.js';
import { buildThread, type ThreadNode } from '../../internal/thread.js';
import { styles } from './civic-comments.styles.js';

/** Reactive internal state: it re-renders the element but has no attribute. */
const state = { state: true } as const;

type LoadState = 'idle' | 'loading' | 'loaded' | 'failed';
type SubmitState = 'idle' | 'submitting' | 'failed';

/** What the reader has typed. */
interface FormValues {
  name: string;
  email: string;
  body: string;
  visibility: Visibility | '';
  remember: boolean;
}

/** The part of a draft kept on the device between visits: never the name or the email. */
interface StoredDraft {
  body: string;
  visibility: Visibility | '';
  parentId: string | null;
}

/** Name and email; kept for the tab only, or on the device when the reader asks. */
interface StoredIdentity {
  name: string;
  email: string;
}

const identityKey = 'civic-comments:identity';
const announceDelay = 100;
const characterCountDelay = 1000;

/**
 * The comment thread and the response form for one section of a page.
 *
 * Readers see the section's published comments, oldest first, with replies nested under what they
 * answer, and can comment publicly or send a private response. What they type is kept as a draft
 * until it has been sent.
 *
 * The thread asks for its comments only when it comes within a viewport's height of being seen,
 * or when a link targets it: its own id, `comments-<section>` unless it has one, or a comment's
 * permalink, `#comment-<id>`, which loads the thread, highlights the comment and moves focus to
 * it. "Print this section" prints the section with its comments and nothing else of the page.
 *
 * @summary The thread and the form for one section.
 *
 * @fires civic-comment-submitted - A comment was stored. `detail.comment` is the comment as the public sees it, with its status; it never holds the email.
 * @fires civic-error - Loading, sending or the element's own set-up failed. `detail.error` says what, `detail.operation` when.
 *
 * @csspart thread - The whole element: heading, comments and form.
 * @csspart heading - The thread's heading with the number of comments.
 * @csspart comments - The list of comments.
 * @csspart comment - One comment.
 * @csspart comment-author - A comment's author.
 * @csspart comment-date - A comment's date.
 * @csspart comment-body - A comment's text.
 * @csspart comment-status - "Awaiting moderation" or "Sent privately" on the reader's own comment.
 * @csspart reply-button - The "Reply" button of a comment.
 * @csspart comment-link - A comment's date, a link to the comment.
 * @csspart show-more-button - The "Show more comments" button.
 * @csspart print-button - The "Print this section" button.
 * @csspart status - The loading and "could not be loaded" messages.
 * @csspart form - The response form.
 * @csspart error-summary - The list of problems shown when a comment is refused.
 * @csspart field - Each question of the form, with its label, hint and error message.
 * @csspart input - The name and email inputs and the comment's text area.
 * @csspart button - The submit button.
 * @csspart secondary-button - The "Cancel" and "Try again" buttons.
 *
 * @cssprop --civic-font-family - Font of all text. Default: the GOV.UK font stack.
 * @cssprop --civic-font-size - Size of body text. Default: 1.1875rem (19px), 1rem on narrow screens.
 * @cssprop --civic-color-text - Text and borders of inputs. Default: #0b0c0c.
 * @cssprop --civic-color-secondary-text - Hints and dates. Default: #505a5f.
 * @cssprop --civic-color-background - Background of inputs and notices. Default: #ffffff.
 * @cssprop --civic-color-link - Links and link-style buttons. Default: #1d70b8.
 * @cssprop --civic-color-link-hover - Links when hovered. Default: #003078.
 * @cssprop --civic-color-focus - Focus highlight. Default: #ffdd00.
 * @cssprop --civic-color-error - Error messages and borders. Default: #d4351c.
 * @cssprop --civic-color-button - Submit button. Default: #00703c.
 * @cssprop --civic-color-button-shadow - Submit button's lower edge. Default: #002d18.
 * @cssprop --civic-color-border - Dividers and reply guides. Default: #b1b4b6.
 * @cssprop --civic-color-highlight - Background of a comment a link points to. Default: #fff7bf.
 * @cssprop --civic-status-min-height - Space kept for the comments while they load, so the page does not jump. Default: 5rem.
 */
export class CivicComments extends SectionElement {
  static override styles = styles;

  static override properties = {
    headingLevel: { type: Number, attribute: 'heading-level' },
    pageSize: { type: Number, attribute: 'page-size' },
    loadState: state,
    comments: state,
    total: state,
    nextCursor: state,
    moreState: state,
    own: state,
    values: state,
    replyTo: state,
    errors: state,
    submitState: state,
    submitMessage: state,
    announcement: state,
    characterCountAnnouncement: state,
  };

  /**
   * The first element of the section, such as its heading, for "Print this section": the section
   * is it, its following siblings and the thread. Default: the nearest heading before the thread
   * among its siblings, or else the thread's parent element.
   */
  printFrom: Element | undefined;
  /** Level of the thread's and the form's headings, 2 to 6, to fit the page's outline. Default: 3. */
  declare headingLevel: number;
  /** How many comments to ask for at a time. Default: the backend's choice. */
  declare pageSize: number | undefined;

  declare private loadState: LoadState;
  declare private comments: Comment[];
  declare private total: number;
  declare private nextCursor: string | null;
  declare private moreState: 'idle' | 'loading' | 'failed';
  /** The reader's own comments sent from this element that the public list does not show yet. */
  declare private own: Comment[];
  declare private values: FormValues;
  declare private replyTo: string | null;
  declare private errors: Partial<Record<CommentField, string>>;
  declare private submitState: SubmitState;
  declare private submitMessage: string;
  declare private announcement: string;
  declare private characterCountAnnouncement: string;

  #loadController?: AbortController;
  #submitController?: AbortController;
  /** Kept until a submission succeeds, so that trying again after a network error stores it once. */
  #idempotencyKey?: string;
  #announceTimer?: ReturnType<typeof setTimeout>;
  #characterCountTimer?: ReturnType<typeof setTimeout>;
  /** Whether the thread has come near the viewport, or a link asked for it: only then is it loaded. */
  #wanted = false;
  #stopWaiting?: () => void;
  #loading?: Promise<void>;
  /** The page's fragment when the thread was last drawn: the comment it names is highlighted. */
  #fragment = '';

  constructor() {
    super();
    this.headingLevel = 3;
    this.loadState = 'idle';
    this.comments = [];
    this.total = 0;
    this.nextCursor = null;
    this.moreState = 'idle';
    this.own = [];
    this.values = { name: '', email: '', body: '', visibility: '', remember: false };
    this.replyTo = null;
    this.errors = {};
    this.submitState = 'idle';
    this.submitMessage = '';
    this.announcement = '';
    this.characterCountAnnouncement = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.id && this.section) this.id = `comments-${this.section}`;
    linkThread(this);
    this.#wanted = false;
    this.#stopWaiting = whenNearViewport(this, () => {
      this.#wanted = true;
      this.requestUpdate();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    unlinkThread(this);
    this.#stopWaiting?.();
    this.#loadController?.abort();
    this.#submitController?.abort();
    clearTimeout(this.#announceTimer);
    clearTimeout(this.#characterCountTimer);
    // Loaded again when it comes back, in case the page changed meanwhile.
    this.loadState = 'idle';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('section') || changed.has('page')) this.#restoreDraft();
    const settingsChanged = ['section', 'page', 'endpoint', 'backend', 'backendName', 'pageSize'].some((p) =>
      changed.has(p as keyof CivicComments),
    );
    if (this.isConnected && this.#wanted && (settingsChanged || this.loadState === 'idle')) void this.#load();
  }

  /** Loads the thread if it has not been, then moves focus to its heading, or to one of its comments. */
  async reveal(commentId?: string): Promise<void> {
    this.#stopWaiting?.();
    this.#wanted = true;
    // A comment newer than the thread as loaded needs it loaded again.
    const stale = commentId && !this.shows(commentId) && !this.nextCursor;
    if (this.loadState !== 'loaded' || stale) await ((this.loadState === 'loading' && this.#loading) || this.#load());
    if (!commentId) {
      await this.updateComplete;
      // Scrolled explicitly: WebKit does not always scroll to an element focused from a hash
      // change, and the host page's scroll-margin-top (a sticky header) applies to the host.
      this.renderRoot.querySelector<HTMLElement>('#thread-heading')?.focus({ preventScroll: true });
      this.scrollIntoView({ block: 'start' });
      return;
    }
    // A comment further down the thread is on a later page.
    while (!this.shows(commentId) && this.nextCursor && this.moreState !== 'failed') await this.#loadMore();
    if (this.shows(commentId)) await this.#focusComment(commentId);
  }

  /** Whether the thread shows this comment. */
  shows(commentId: string): boolean {
    return [...this.comments, ...this.own].some((c) => c.id === commentId);
  }

  get #draftKey(): string {
    return `civic-comments:draft:${this.pageId}:${this.section}`;
  }

  // ---- Loading -----------------------------------------------------------------------------

  #load(): Promise<void> {
    return (this.#loading = this.#fetchThread());
  }

  async #fetchThread(): Promise<void> {
    this.#loadController?.abort();
    const controller = (this.#loadController = new AbortController());
    this.loadState = 'loading';
    this.moreState = 'idle';
    try {
      const backend = await this.resolveBackend();
      if (controller.signal.aborted) return;
      if (!backend) {
        this.loadState = 'failed';
        return;
      }
      const result = await backend.listComments(
        { page: this.pageId, section: this.section, limit: this.pageSize },
        { signal: controller.signal },
      );
      if (controller.signal.aborted) return;
      this.comments = result.comments;
      this.total = result.total;
      this.nextCursor = result.nextCursor;
      this.own = this.own.filter((mine) => !result.comments.some((c) => c.id === mine.id));
      this.loadState = 'loaded';
      this.#restoreReplyTarget();
    } catch (error) {
      if (controller.signal.aborted) return;
      this.loadState = 'failed';
      this.reportError(error, 'load');
    }
  }

  async #loadMore(): Promise<void> {
    if (!this.nextCursor || this.moreState === 'loading') return;
    const controller = this.#loadController ?? new AbortController();
    this.moreState = 'loading';
    try {
      const backend = await this.resolveBackend();
      if (!backend) throw this.configurationProblem;
      const result = await backend.listComments(
        { page: this.pageId, section: this.section, limit: this.pageSize, cursor: this.nextCursor },
        { signal: controller.signal },
      );
      if (controller.signal.aborted) return;
      const known = new Set(this.comments.map((c) => c.id));
      const fresh = result.comments.filter((c) => !known.has(c.id));
      this.comments = [...this.comments, ...fresh];
      this.total = result.total;
      this.nextCursor = result.nextCursor;
      this.moreState = 'idle';
      // Keyboard and screen reader users carry on reading where the new comments begin.
      if (fresh[0]) await this.#focusComment(fresh[0].id);
    } catch (error) {
      if (controller.signal.aborted) return;
      this.moreState = 'failed';
      this.reportError(error, 'load');
    }
  }

  async #retryLoad(): Promise<void> {
    const loading = this.#load();
    // The "Try again" button goes away; the heading keeps focus where the reader was.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#thread-heading')?.focus();
    await loading;
  }

  // ---- Drafts --------------------------------------------------------------------------------

  #restoreDraft(): void {
    if (!this.section) return;
    const remembered = readJson<StoredIdentity>('local', identityKey);
    const identity = remembered ?? readJson<StoredIdentity>('session', identityKey);
    const draft = readJson<StoredDraft>('local', this.#draftKey);
    const visibility = draft?.visibility === 'public' || draft?.visibility === 'private' ? draft.visibility : '';
    this.values = {
      name: text(identity?.name, this.values.name),
      email: text(identity?.email, this.values.email),
      body: text(draft?.body, this.values.body),
      visibility: visibility || this.values.visibility,
      remember: Boolean(remembered),
    };
    this.#pendingReplyTarget = typeof draft?.parentId === 'string' ? draft.parentId : null;
  }

  /** A reply's draft reopens under its comment once the thread has loaded. */
  #pendingReplyTarget: string | null = null;

  #restoreReplyTarget(): void {
    const target = this.#pendingReplyTarget;
    this.#pendingReplyTarget = null;
    if (target && this.comments.some((c) => c.id === target)) this.replyTo = target;
  }

  #saveDraft(): void {
    const { name, email, body, visibility, remember } = this.values;
    writeJson('session', identityKey, { name, email } satisfies StoredIdentity);
    if (remember) writeJson('local', identityKey, { name, email } satisfies StoredIdentity);
    else remove('local', identityKey);
    if (body || visibility || this.replyTo) {
      writeJson('local', this.#draftKey, { body, visibility, parentId: this.replyTo } satisfies StoredDraft);
    } else {
      remove('local', this.#draftKey);
    }
  }

  #setValue<K extends keyof FormValues>(key: K, value: FormValues[K]): void {
    this.values = { ...this.values, [key]: value };
    this.#saveDraft();
    if (key === 'body') this.#scheduleCharacterCountAnnouncement();
  }

  #scheduleCharacterCountAnnouncement(): void {
    // As in the GOV.UK character count: screen readers hear the count once typing pauses.
    clearTimeout(this.#characterCountTimer);
    this.#characterCountTimer = setTimeout(() => {
      this.characterCountAnnouncement = this.#characterCountText();
    }, characterCountDelay);
  }

  #characterCountText(): string {
    const left = limits.bodyMax - lengthOf(this.values.body.trim());
    return left >= 0 ? this.strings.charactersRemaining(left) : this.strings.charactersTooMany(-left);
  }

  // ---- Replying ------------------------------------------------------------------------------

  async #openReply(comment: Comment): Promise<void> {
    this.replyTo = comment.id;
    this.errors = {};
    this.#saveDraft();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#body')?.focus();
  }

  async #cancelReply(): Promise<void> {
    const parentId = this.replyTo;
    if (!parentId) return;
    this.replyTo = null;
    this.errors = {};
    this.#saveDraft();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-reply-to="${CSS.escape(parentId)}"]`)?.focus();
  }

  #onFormKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.replyTo) {
      event.preventDefault();
      void this.#cancelReply();
    }
  }

  // ---- Submitting ----------------------------------------------------------------------------

  async #submit(event: Event): Promise<void> {
    event.preventDefault();
    // However often the button is pressed, one request is in flight.
    if (this.submitState === 'submitting') return;
    const strings = this.strings;
    const input = {
      page: this.pageId,
      section: this.section,
      parentId: this.replyTo,
      name: this.values.name,
      email: this.values.email,
      body: this.values.body,
      visibility: this.values.visibility || undefined,
    };
    const checked = validateNewComment(input);
    if (!checked.success) {
      await this.#showErrors(messagesFor(checked.codes, strings.validation));
      return;
    }

    this.submitState = 'submitting';
    this.submitMessage = '';
    this.errors = {};
    this.#idempotencyKey ??= newIdempotencyKey();
    const controller = (this.#submitController = new AbortController());
    try {
      const backend = await this.resolveBackend();
      if (!backend) throw this.configurationProblem;
      const comment = await backend.postComment(checked.data, {
        idempotencyKey: this.#idempotencyKey,
        signal: controller.signal,
      });
      this.#idempotencyKey = undefined;
      this.submitState = 'idle';
      this.#accept(comment);
    } catch (error) {
      if (controller.signal.aborted) return;
      if (error instanceof ValidationFailedError) {
        this.submitState = 'idle';
        await this.#showErrors(this.#translateServerMessages(error.fields));
        return;
      }
      this.submitState = 'failed';
      this.submitMessage = error instanceof RateLimitedError ? strings.rateLimited : strings.submitFailed;
      this.reportError(error, 'submit');
    }
  }

  /** Words a server's English field messages in the reader's language, where they are known. */
  #translateServerMessages(fields: Record<string, string>): Partial<Record<CommentField, string>> {
    const messages: Record<string, string> = {};
    for (const [field, message] of Object.entries(fields)) {
      const code = codeForMessage(field, message);
      const translated = code && (this.strings.validation as Record<string, Record<string, string>>)[field]?.[code];
      // A field the form does not show is still reported, next to the comment box.
      messages[commentFields.includes(field as CommentField) ? field : 'body'] = translated || message;
    }
    return messages;
  }

  async #showErrors(errors: Partial<Record<CommentField, string>>): Promise<void> {
    this.errors = errors;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
  }

  #accept(comment: Comment): void {
    const strings = this.strings;
    if (comment.status === 'published') {
      this.comments = [...this.comments, comment];
      this.total += 1;
    } else {
      this.own = [...this.own, comment];
    }
    this.values = { ...this.values, body: '', visibility: '' };
    this.replyTo = null;
    remove('local', this.#draftKey);
    this.#saveDraft();
    this.characterCountAnnouncement = '';
    this.#announce(
      comment.status === 'published'
        ? strings.announcePublished
        : comment.status === 'received'
          ? strings.announcePrivate
          : strings.announcePending,
    );
    emit(this, 'civic-comment-submitted', { comment });
    void this.#focusComment(comment.id);
  }

  #announce(message: string): void {
    // Emptied first, so that the same message twice in a row is still read out.
    this.announcement = '';
    clearTimeout(this.#announceTimer);
    this.#announceTimer = setTimeout(() => (this.announcement = message), announceDelay);
  }

  async #focusComment(id: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#comment-${CSS.escape(id)}`)?.focus();
  }

  // ---- Rendering -----------------------------------------------------------------------------

  protected override render(): TemplateResult {
    this.#fragment = fragment();
    const language = this.language;
    const strings = stringsIfLoaded(language);
    if (!strings) {
      // Nothing rather than a flash of English while a Welsh page fetches its strings.
      void loadStrings(language).then(() => this.requestUpdate());
      return html`<div class="status-box" part="status"></div>`;
    }
    const level = Math.min(6, Math.max(2, Math.round(this.headingLevel) || 3));
    const loaded = this.loadState === 'loaded';
    return html`
      <div part="thread" lang=${strings.locale}>
        <div class="heading" part="heading" role="heading" aria-level=${level} id="thread-heading" tabindex="-1">
          ${loaded ? strings.threadHeading(this.total) : strings.commentsHeading}
        </div>
        <p class="print-link">
          <button type="button" class="link-button" part="print-button" @click=${() => printSection(this.printFrom, this)}>
            ${strings.printSection}
          </button>
        </p>
        ${loaded ? this.#renderComments(level) : this.#renderLoadStatus(strings)}
        ${this.replyTo && loaded ? nothing : this.#renderForm(level, null)}
        <div class="visually-hidden" role="status">${this.announcement}</div>
      </div>
    `;
  }

  #renderLoadStatus(strings: Strings): TemplateResult {
    if (this.loadState === 'failed') {
      return html`
        <div class="status-box" part="status">
          <p class="status-title">${strings.loadFailed}</p>
          <p class="hint">${strings.loadFailedHint}</p>
          <button type="button" class="button secondary" part="secondary-button" @click=${this.#retryLoad}>
            ${strings.tryAgain}
          </button>
        </div>
      `;
    }
    return html`<div class="status-box" part="status"><p class="hint">${strings.loading}</p></div>`;
  }

  #renderComments(level: number): TemplateResult {
    const shown = [...this.comments, ...this.own];
    const thread = buildThread(shown);
    const strings = this.strings;
    return html`
      ${thread.length
        ? html`<ol part="comments">${thread.map((node) => this.#renderNode(node, level))}</ol>`
        : nothing}
      ${this.nextCursor
        ? html`<p>
            <button
              type="button"
              class="link-button"
              part="show-more-button"
              aria-disabled=${this.moreState === 'loading' ? 'true' : 'false'}
              @click=${this.#loadMore}
            >
              ${strings.showMore}
            </button>
            ${this.moreState === 'failed' ? html`<span class="error-text">${strings.loadFailed}</span>` : nothing}
          </p>`
        : nothing}
    `;
  }

  #renderNode(node: ThreadNode, level: number): TemplateResult {
    const { comment, inReplyTo } = node;
    const strings = this.strings;
    const mine = this.own.includes(comment);
    const status = comment.status === 'received' ? strings.statusPrivate : comment.status === 'pending' ? strings.statusPending : '';
    const date = new Date(comment.createdAt);
    return html`
      <li>
        <article class="comment ${mine ? 'own' : ''} ${this.#fragment === `comment-${comment.id}` ? 'highlighted' : ''}" part="comment" id="comment-${comment.id}" tabindex="-1" aria-labelledby="author-${comment.id}">
          <p class="meta">
            <span class="author" part="comment-author" id="author-${comment.id}">${comment.name}</span>
            <a href="#comment-${comment.id}" part="comment-link"
              ><time part="comment-date" datetime=${comment.createdAt}>${Number.isNaN(date.getTime()) ? '' : strings.formatDate(date)}</time></a
            >
            ${status ? html`<strong class="tag ${comment.status}" part="comment-status">${status}</strong>` : nothing}
          </p>
          ${inReplyTo ? html`<p class="in-reply-to">${strings.inReplyTo(inReplyTo.name)}</p>` : nothing}
          <p class="body" part="comment-body">${comment.body}</p>
          ${mine || comment.status !== 'published'
            ? nothing
            : html`<button
                type="button"
                class="link-button"
                part="reply-button"
                data-reply-to=${comment.id}
                aria-expanded=${this.replyTo === comment.id ? 'true' : 'false'}
                @click=${() => this.#openReply(comment)}
              >
                ${strings.reply}<span class="visually-hidden">${strings.replyToSuffix(comment.name)}</span>
              </button>`}
          ${this.replyTo === comment.id ? this.#renderForm(level, comment) : nothing}
        </article>
        ${node.replies.length
          ? html`<ol class="replies">${node.replies.map((reply) => this.#renderNode(reply, level))}</ol>`
          : nothing}
      </li>
    `;
  }

  #renderForm(level: number, parent: Comment | null): TemplateResult {
    const strings = this.strings;
    const { values, errors } = this;
    const listed = commentFields.filter((field) => errors[field]);
    const submitting = this.submitState === 'submitting';
    const left = limits.bodyMax - lengthOf(values.body.trim());
    return html`
      <form
        class="form ${parent ? 'reply-form' : ''}"
        part="form"
        novalidate
        @submit=${this.#submit}
        @keydown=${this.#onFormKeydown}
      >
        <div class="form-heading" role="heading" aria-level=${parent ? Math.min(6, level + 1) : level} id="form-heading">
          ${parent ? strings.replyHeading(parent.name) : strings.formHeading}
        </div>
        ${listed.length
          ? html`<div class="error-summary" part="error-summary" tabindex="-1">
              <div role="alert">
                <p class="error-summary-title">${strings.errorSummaryTitle}</p>
                <ul>
                  ${listed.map(
                    (field) =>
                      html`<li><a href="#${fieldTarget(field)}" @click=${this.#focusField}>${errors[field]}</a></li>`,
                  )}
                </ul>
              </div>
            </div>`
          : nothing}

        ${this.#renderInput('name', 'text', strings.nameLabel)}
        ${this.#renderInput('email', 'email', strings.emailLabel, strings.emailHint)}

        <div class="field ${errors.body ? 'has-error' : ''}" part="field">
          <label for="body">${strings.bodyLabel}</label>
          ${this.#renderFieldError('body')}
          <textarea
            id="body"
            class="input textarea ${left < 0 ? 'over-limit' : ''}"
            part="input"
            aria-describedby=${errors.body ? 'body-limit body-error' : 'body-limit'}
            aria-invalid=${errors.body || left < 0 ? 'true' : nothing}
            .value=${values.body}
            @input=${(e: InputEvent) => this.#setValue('body', (e.target as HTMLTextAreaElement).value)}
          ></textarea>
          <div class="visually-hidden" id="body-limit">${strings.bodyLimitHint(limits.bodyMax)}</div>
          <div class="character-count ${left < 0 ? 'over-limit' : ''}" aria-hidden="true">${this.#characterCountText()}</div>
          <div class="visually-hidden" aria-live="polite">${this.characterCountAnnouncement}</div>
        </div>

        <div class="field ${errors.visibility ? 'has-error' : ''}" part="field">
          <fieldset aria-describedby=${errors.visibility ? 'visibility-error' : nothing}>
            <legend>${strings.visibilityLegend}</legend>
            ${this.#renderFieldError('visibility')}
            ${this.#renderChoice('visibility-public', 'public', strings.visibilityPublic)}
            ${this.#renderChoice('visibility-private', 'private', strings.visibilityPrivate)}
          </fieldset>
        </div>

        <div class="choice" part="field">
          <input
            id="remember"
            type="checkbox"
            .checked=${values.remember}
            @change=${(e: Event) => this.#setValue('remember', (e.target as HTMLInputElement).checked)}
          />
          <label for="remember">${strings.remember}</label>
        </div>

        ${errors.parentId ? html`<p class="error-text" id="parentId" tabindex="-1">${errors.parentId}</p>` : nothing}

        <p class="notice">${strings.moderationNotice}</p>

        <div class="actions">
          <button
            type="submit"
            class="button"
            part="button"
            aria-disabled=${submitting ? 'true' : 'false'}
            aria-describedby=${this.submitMessage ? 'submit-status' : nothing}
          >
            ${strings.submit}
          </button>
          ${parent
            ? html`<button type="button" class="button secondary" part="secondary-button" @click=${this.#cancelReply}>
                ${strings.cancel}
              </button>`
            : nothing}
        </div>
        <div class="submit-status ${this.submitMessage ? 'failed' : ''}" id="submit-status" role="status">
          ${submitting ? strings.submitting : this.submitMessage}
        </div>
      </form>
    `;
  }

  /** A GOV.UK text input: label, hint, error message, then the input, described by the last two. */
  #renderInput(field: 'name' | 'email', type: string, label: string, hint?: string): TemplateResult {
    const error = this.errors[field];
    const describedBy = [hint && `${field}-hint`, error && `${field}-error`].filter(Boolean).join(' ');
    return html`
      <div class="field ${error ? 'has-error' : ''}" part="field">
        <label for=${field}>${label}</label>
        ${hint ? html`<div class="hint" id="${field}-hint">${hint}</div>` : nothing}
        ${this.#renderFieldError(field)}
        <input
          id=${field}
          class="input"
          part="input"
          type=${type}
          autocomplete=${field}
          spellcheck="false"
          aria-describedby=${describedBy || nothing}
          aria-invalid=${error ? 'true' : nothing}
          .value=${this.values[field]}
          @input=${(e: InputEvent) => this.#setValue(field, (e.target as HTMLInputElement).value)}
        />
      </div>
    `;
  }

  #renderFieldError(field: CommentField): TemplateResult | typeof nothing {
    const message = this.errors[field];
    if (!message) return nothing;
    return html`<p class="error-message" id="${field}-error">
      <span class="visually-hidden">${this.strings.errorPrefix}</span> ${message}
    </p>`;
  }

  #renderChoice(id: string, value: Visibility, label: string): TemplateResult {
    return html`
      <div class="choice">
        <input
          id=${id}
          type="radio"
          name="visibility"
          value=${value}
          .checked=${this.values.visibility === value}
          @change=${() => this.#setValue('visibility', value)}
        />
        <label for=${id}>${label}</label>
      </div>
    `;
  }

  /** Error summary links point into the shadow root, where the browser's own jump cannot reach. */
  #focusField(event: Event): void {
    event.preventDefault();
    const id = (event.currentTarget as HTMLAnchorElement).getAttribute('href')!.slice(1);
    const field = this.renderRoot.querySelector<HTMLElement>(`#${id}`);
    field?.focus();
    field?.closest('.field')?.scrollIntoView();
  }
}

/** Where an error summary link sends focus for each field. */
function fieldTarget(field: CommentField): string {
  return field === 'visibility' ? 'visibility-public' : field;
}
