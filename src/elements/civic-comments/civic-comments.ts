import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { PostedComment } from '../../backends/backend.js';
import type { ConsultationClosedError } from '../../backends/errors.js';
import type { Comment, Consultation, Outcome } from '../../contract/public.js';
import { emit } from '../../events.js';
import { loadStrings, stringsIfLoaded, type Strings } from '../../i18n/index.js';
import { hasNotice } from '../../internal/closing-soon.js';
import { whenNearViewport } from '../../internal/near-viewport.js';
import { fragment, linkThread, unlinkThread } from '../../internal/page-links.js';
import { consultationOf } from '../../internal/shared-counts.js';
import { SectionElement } from '../../internal/section-element.js';
import { styles } from './civic-comments.styles.js';
import { CommentForm } from './comment-form.js';
import { fetchQuestionPart, questionPart, renderComments } from './thread-view.js';
import type { ReportForm } from './report-form.js';

/** Reactive internal state: it re-renders the element but has no attribute. */
const state = { state: true } as const;

type LoadState = 'idle' | 'loading' | 'loaded' | 'failed';

const announceDelay = 100;
const noop = () => undefined;
/** The marker of responses made on an earlier wording of their section: fetched by threads that hold one. */
let earlierPart: typeof import('./earlier-wording.js') | undefined;
const fetchEarlierPart = async () => (earlierPart ??= await import('./earlier-wording.js'));
/** What the thread says of its consultation's dates: fetched by threads whose consultation is not plainly open. */
let noticePart: typeof import('./consultation-notice.js') | undefined;
const fetchNoticePart = async () => (noticePart ??= await import('./consultation-notice.js'));

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
 * On a page with a consultation, the form is there only while it is open: before it opens and
 * after it closes, a notice with the date, in UK time, takes the form's place and the thread stays
 * readable; in its last seven days the form says when it closes. A reader whose comment is refused
 * because the consultation closed while they typed is told so, and what they typed is shown back
 * and kept. The department's own responses carry an "Official response" badge, and what it did with
 * the section's comments is shown above them under its own heading.
 *
 * Where the consultation's section asks a closed question, the form asks it above the comment box
 * (radios for one answer, checkboxes for several; its code is fetched only then), each published
 * response shows its answer, and after the close, where the consultation says so, a table shows
 * how many chose each option.
 *
 * Where the section's wording has changed since a response was made, the response says "Made on an
 * earlier version of this section", with "Show what has changed since": a disclosure that shows the
 * difference between the two wordings, words taken out struck through and words added underlined,
 * each introduced in words for screen readers. Its code is fetched only by threads that hold such a
 * response, and the difference's only when a reader opens one.
 *
 * Where the backend takes reports, each published comment has "Report this comment": a short form
 * with an optional reason, fetched when first opened, that says thank you in its place once sent.
 *
 * @summary The thread and the form for one section.
 *
 * @fires civic-comment-submitted - A comment was stored. `detail.comment` is the comment as the public sees it, with its status; it never holds the email.
 * @fires civic-error - Loading, sending or the element's own set-up failed. `detail.error` says what, `detail.operation` when (`configure`, `load`, `submit` or `report`).
 *
 * @csspart thread - The whole element: heading, comments and form.
 * @csspart heading - The thread's heading with the number of comments.
 * @csspart comments - The list of comments.
 * @csspart comment - One comment.
 * @csspart comment-author - A comment's author.
 * @csspart comment-date - A comment's date.
 * @csspart comment-body - A comment's text.
 * @csspart comment-answer - The options a response chose in answer to the section's question.
 * @csspart question - The section's closed question in the form.
 * @csspart answer-counts - After the close, the table of how many chose each option.
 * @csspart earlier-version - "Made on an earlier version of this section", with its button, on a response made on an earlier wording.
 * @csspart changes-button - The "Show what has changed since" button.
 * @csspart changes - What has changed in the wording since the response was made, once opened.
 * @csspart difference - The wording, with the words taken out and added marked.
 * @csspart comment-status - "Awaiting moderation" or "Sent privately" on the reader's own comment.
 * @csspart reference - "Your reference is CC-…" under a comment the reader has just sent.
 * @csspart official-badge - "Official response" beside the department's name on its own responses.
 * @csspart outcome - What the department did with the section's comments, above them.
 * @csspart consultation-notice - "This consultation closed on …" or "opens on …", in place of the form.
 * @csspart closing-notice - "This consultation closes on …", above the form in its last seven days.
 * @csspart kept-comment - What a reader typed before the consultation closed, shown back to them.
 * @csspart reply-button - The "Reply" button of a comment.
 * @csspart report-button - The "Report this comment" button of a comment.
 * @csspart report-form - The form that reports a comment, with its optional reason.
 * @csspart report-done - The thanks that takes the report button's place once a report is sent.
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
    references: state,
    announcement: state,
    consultation: state,
    outcome: state,
    closedWhileTyping: state,
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
  /** The references given for the comments the reader sent from here, by comment. */
  declare private references: ReadonlyMap<string, string>;
  declare private announcement: string;
  /** The page's consultation, when it has one: its state decides whether the form is shown, and a printed section names it. */
  declare private consultation: Consultation | null;
  declare private outcome: Outcome | null;
  /** After the close, how many chose each option, as the backend sent them (the question's code checks them). */
  #answerCounts: unknown;
  /** The backend refused the reader's comment because the consultation had closed meanwhile. */
  declare private closedWhileTyping: boolean;

  /** The response form: what the reader types, the reply it is open under, and sending. */
  #form = new CommentForm(
    this,
    (comment, announcement) => this.#accept(comment, announcement),
    (error) => void this.#closed(error),
  );
  #loadController?: AbortController;
  #announceTimer?: ReturnType<typeof setTimeout>;
  /** Whether the thread has come near the viewport, or a link asked for it: only then is it loaded. */
  #wanted = false;
  #stopWaiting?: () => void;
  #loading?: Promise<void>;
  /** The page's fragment when the thread was last drawn: the comment it names is highlighted. */
  #fragment = '';
  /** Whether the backend takes readers' reports: only then is "Report this comment" shown. */
  #reportable = false;
  /** The report form, fetched the first time a reader opens it. */
  #report?: ReportForm;
  /** The version of the section's wording now, as the backend said with the list. */
  #version?: number | null;

  constructor() {
    super();
    this.headingLevel = 3;
    this.loadState = 'idle';
    this.comments = [];
    this.total = 0;
    this.nextCursor = null;
    this.moreState = 'idle';
    this.own = [];
    this.references = new Map();
    this.announcement = '';
    this.consultation = null;
    this.outcome = null;
    this.closedWhileTyping = false;
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
    clearTimeout(this.#announceTimer);
    // Loaded again when it comes back, in case the page changed meanwhile.
    this.loadState = 'idle';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('section') || changed.has('page')) this.#form.restoreDraft();
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
      const [result, consultation] = await Promise.all([
        backend.listComments({ page: this.pageId, section: this.section, limit: this.pageSize }, { signal: controller.signal }),
        consultationOf(backend, this.pageId, controller.signal),
      ]);
      // What the thread says of the consultation's dates is fetched before it shows, where it says anything.
      if (!noticePart && hasNotice(consultation)) await fetchNoticePart().catch(noop);
      if (controller.signal.aborted) return;
      this.#reportable = !!backend.reportComment;
      this.consultation = consultation;
      this.outcome = result.outcome ?? null;
      this.#answerCounts = result.answerCounts;
      // A question's code comes only to pages that ask one; a failure to fetch it leaves the form without it.
      if (!result.question) this.#form.update({ question: null });
      else void fetchQuestionPart().then((part) => this.#form.update({ question: part.checkedQuestion(result.question) }), noop);
      this.#version = result.version;
      this.#noteEarlier(result.comments);
      this.comments = result.comments;
      this.total = result.total;
      this.nextCursor = result.nextCursor;
      this.own = this.own.filter((mine) => !result.comments.some((c) => c.id === mine.id));
      this.loadState = 'loaded';
      this.#form.restoreReplyTarget(this.comments);
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
      this.#noteEarlier(fresh);
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

  /** Fetches the marker's code the first time a thread holds a response made on an earlier wording. */
  #noteEarlier(comments: Comment[]): void {
    if (!earlierPart && comments.some((c) => c.version && c.version < this.#version!))
      void fetchEarlierPart().then(() => this.requestUpdate(), noop);
  }

  async #retryLoad(): Promise<void> {
    const loading = this.#load();
    // The "Try again" button goes away; the heading keeps focus where the reader was.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#thread-heading')?.focus();
    await loading;
  }

  // ---- Sent comments ------------------------------------------------------------------------

  #accept(comment: PostedComment, announcement: string): void {
    if (comment.reference) this.references = new Map([...this.references, [comment.id, comment.reference]]);
    if (comment.status === 'published') {
      this.comments = [...this.comments, comment];
      this.total += 1;
    } else {
      this.own = [...this.own, comment];
    }
    this.#announce(announcement);
    emit(this, 'civic-comment-submitted', { comment });
    void this.#focusComment(comment.id);
  }

  /** The consultation closed (or has yet to open) while the reader typed: say so, and keep what they typed. */
  async #closed(error: ConsultationClosedError): Promise<void> {
    const { state, opensAt, closesAt } = error;
    await fetchNoticePart().catch(noop);
    this.consultation = {
      page: this.pageId,
      title: '',
      department: null,
      askOrganisation: false,
      ...this.consultation,
      state,
      opensAt,
      closesAt,
    };
    this.closedWhileTyping = true;
    // As the GOV.UK notification banner after an action: focus moves to it, and it is read out.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#consultation-notice')?.focus();
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

  /** The report form is fetched the first time a reader opens it: most readers never do. */
  readonly #openReport = async (comment: Comment): Promise<void> => {
    try {
      const { ReportForm } = await import('./report-form.js');
      (this.#report ??= new ReportForm(this)).open(comment);
    } catch (error) {
      this.reportError(error, 'report');
    }
  };

  /** Printing is fetched the first time a reader asks for it: most readers never do. */
  readonly #print = async (): Promise<void> => {
    const { printSection } = await import('../../internal/print.js');
    await printSection(this.printFrom, this, this.consultation);
  };

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
          <button type="button" class="link-button" part="print-button" @click=${this.#print}>
            ${strings.printSection}
          </button>
        </p>
        ${loaded && this.#form.question && this.#answerCounts ? questionPart!.answerCountsTable(this.#form.question, this.#answerCounts, strings) : nothing}
        ${loaded ? this.#renderComments(strings, level) : this.#renderLoadStatus(strings)}
        ${
          this.#open
            ? html`${noticePart?.closingSoonNotice(this.consultation, strings)} ${this.#form.replyTo && loaded ? nothing : this.#form.render(level, null)}`
            : noticePart?.consultationNotice(
                this.consultation!,
                strings,
                this.closedWhileTyping ? this.#form.values.body.trim() : '',
                this.closedWhileTyping,
              )
        }
        <div class="visually-hidden" role="status">${this.announcement}</div>
      </div>
    `;
  }

  /** Whether the page's consultation asks whom each response comes from. @internal */
  get askOrganisation(): boolean {
    return this.consultation?.askOrganisation ?? false;
  }

  /** Whether responses are taken: always, on a page without a consultation; the backend decides in the end. */
  get #open(): boolean {
    return (this.consultation?.state ?? 'open') === 'open';
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

  #renderComments(strings: Strings, level: number): TemplateResult {
    return renderComments({
      strings,
      level,
      outcome: this.outcome,
      comments: this.comments,
      own: this.own,
      references: this.references,
      nextCursor: this.nextCursor,
      moreState: this.moreState,
      fragment: this.#fragment,
      // Closed, the thread offers no replies; a reply being typed is kept in the notice.
      replyTo: this.#open ? this.#form.replyTo : null,
      canReply: this.#open,
      loadMore: () => void this.#loadMore(),
      openReply: (comment) => void this.#form.openReply(comment),
      replyForm: (parent) => this.#form.render(level, parent),
      report: this.#reportable ? (comment) => this.#renderReport(comment, strings) : undefined,
      earlier: earlierPart && ((comment) => earlierPart!.earlierWording(this, comment, this.#version)),
    });
  }

  #renderReport(comment: Comment, strings: Strings): TemplateResult {
    const link = html`<button
      type="button"
      class="link-button"
      part="report-button"
      aria-expanded=${this.#report?.openFor === comment.id ? 'true' : 'false'}
      @click=${() => this.#openReport(comment)}
    >
      ${strings.report}
    </button>`;
    return this.#report ? this.#report.render(comment, link) : link;
  }
}
