import { LitElement, html, nothing, type TemplateResult } from 'lit';
import type { Moderator } from '../../contract/index.js';
import { UnauthorizedError, type ModerationBackend } from '../../backends/moderation.js';
import { namedModerationBackend } from '../../backends/moderation-registry.js';
import { ConfigurationError } from '../../backends/errors.js';
import { emit } from '../../events.js';
import { readJson, remove, text, writeJson } from '../../internal/storage.js';
import { closestLang, languageOf } from '../../i18n/index.js';
import { moderationCy } from '../../i18n/cy/moderation.js';
import { moderationEn } from '../../i18n/en/moderation.js';
import type { ModerationStrings } from '../../i18n/features/moderation.js';
import { styles as govukStyles } from '../civic-comments/civic-comments.styles.js';
import { styles } from './civic-moderation.styles.js';
import { consultationConsoleCy } from '../../i18n/cy/consultation.js';
import { consultationConsoleEn } from '../../i18n/en/consultation.js';
import { sectionsConsoleCy } from '../../i18n/cy/sections.js';
import { sectionsConsoleEn } from '../../i18n/en/sections.js';
import { auditConsoleCy } from '../../i18n/cy/audit.js';
import { auditConsoleEn } from '../../i18n/en/audit.js';
import type { AuditConsoleStrings } from '../../i18n/features/audit.js';
import { AuditView } from './audit-view.js';
import { overviewConsoleCy } from '../../i18n/cy/overview.js';
import { overviewConsoleEn } from '../../i18n/en/overview.js';
import { OverviewView } from './overview-view.js';
import { ConsultationsView } from './consultations-view.js';
import { errorSummary } from '../../internal/govuk/error-summary.js';
import { errorMessage } from '../../internal/govuk/error-message.js';
import { ExportAndErase } from './export-and-erase.js';
import { ModerationQueue } from './moderation-queue.js';
import { OfficialResponse } from './official-response.js';
import { SectionOutcome } from './section-outcome.js';

const tokenKey = 'civic-comments:moderator-token';
const state = { state: true } as const;

type View = 'comments' | 'consultations' | 'overview' | 'audit';

/**
 * The department's moderation console: sign in with a moderator's token, work the queue (approve,
 * reject, mark as spam, delete, one by one or many at once), read private submissions, answer in the
 * department's name, publish each section's outcome, export every response and erase a person's
 * data; in its second view, create, change and extend consultations; in its third, see a
 * consultation's responses at a glance in charts and tables; in its fourth, read the audit log of
 * who did what. The token is kept in `sessionStorage` for this tab only.
 *
 * @summary The moderation console for the reference server.
 *
 * @fires civic-error - A request failed. `detail.error` says what.
 *
 * @csspart console - The whole console.
 * @csspart sign-in - The sign-in form.
 * @csspart filters - The filters of the queue.
 * @csspart queue - The list of comments.
 * @csspart item - One comment in the queue.
 * @csspart notice - The message after an action.
 * @csspart reports - Readers' reports of a comment, with their reasons.
 * @csspart campaign - A campaign of near-identical responses listed once, or the heading of one opened.
 * @csspart official-response - The form for a response of the department's own on a section.
 * @csspart outcome-editor - The outcome of the section the queue is filtered to.
 * @csspart views - The navigation between the comments, the consultations, the overview and the audit log.
 * @csspart consultations - The consultations view.
 * @csspart consultation - One consultation in its list.
 * @csspart consultation-form - The form that creates, changes or extends a consultation.
 * @csspart signed-in - Who is signed in, beside "Sign out".
 * @csspart overview - The overview of a consultation.
 * @csspart chart - One of the overview's charts, with its table.
 * @csspart audit - The audit log view.
 * @csspart audit-filters - The audit log's filters.
 * @csspart audit-log - The table of the audit log.
 * @csspart export - The export section.
 * @csspart export-progress - While a large export downloads, how much of it has come.
 * @csspart erase - The erasure section.
 *
 * @cssprop --civic-font-family - As for `<civic-comments>`, with every other `--civic-` property.
 */
export class CivicModeration extends LitElement {
  static override styles = [govukStyles, styles];

  static override properties = {
    endpoint: { type: String },
    backend: { type: String },
    lang: { type: String },
    backendFor: { attribute: false },
    token: state,
    moderator: state,
    view: state,
    signInError: state,
  };

  /** The comment server's base URL, such as `https://comments.example.gov.uk`, or `/` on the server's own page. Required with the `rest` backend. */
  declare endpoint: string;
  /**
   * Where the console's data lives: `rest` (the default), the reference server's routes at
   * `endpoint`; or `memory`, the in-page store that the page's `backend="memory"` elements share,
   * for demonstrations, which accepts the token `demo`.
   */
  declare backend: 'rest' | 'memory';
  /** Language of the console, `en` or `cy`. Default: the nearest `lang` attribute. */
  declare lang: string;
  /** Makes the backend for a token, instead of the server's REST routes at `endpoint`: for stories, tests and other servers. */
  declare backendFor: ((token: string) => ModerationBackend) | undefined;

  declare private token: string | null;
  /** Who the token belongs to, once the server has said. */
  declare private moderator: Moderator | null;
  /** The queue of comments, the consultations, or the audit log. */
  declare private view: View;
  declare private signInError: string;

  #client?: ModerationBackend;
  /** Answering in the department's name, under a comment or on a section. */
  #access = {
    strings: () => this.#strings,
    api: () => this.#api,
    signedOut: () => this.#signOut(this.#strings.tokenRefused),
  };
  #official = new OfficialResponse(this, this.#access);
  /** The outcome of the section the queue is filtered to. */
  #outcome = new SectionOutcome(this, this.#access);
  /** Export of every response, and erasure of a person's data. */
  #records = new ExportAndErase(this, { ...this.#access, reload: () => void this.#queue.load() });
  #queue = new ModerationQueue(this, {
    ...this.#access,
    failed: (error) => this.#failed(error),
    accepted: () => this.#accepted(),
    filtered: ({ page, section }) => {
      void this.#outcome.show(page, section);
      this.#records.clear();
    },
    official: this.#official,
  });
  #consultations = new ConsultationsView(this, {
    ...this.#access,
    consultationStrings: () => this.#consultationStrings,
    sectionsStrings: () => (this.#strings.locale === 'cy' ? sectionsConsoleCy : sectionsConsoleEn),
    showComments: (page) => this.#showComments(page),
  });
  #overview = new OverviewView(this, {
    ...this.#access,
    overviewStrings: () => (this.#strings.locale === 'cy' ? overviewConsoleCy : overviewConsoleEn),
    consultationStrings: () => this.#consultationStrings,
  });
  #audit = new AuditView(this, {
    ...this.#access,
    auditStrings: () => this.#auditStrings,
    consultationStrings: () => this.#consultationStrings,
  });

  constructor() {
    super();
    this.endpoint = '';
    this.lang = '';
    this.token = readToken();
    this.moderator = null;
    this.view = 'comments';
    this.signInError = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.token && this.#queue.loadState === 'idle') void this.#queue.load();
  }

  get #strings(): ModerationStrings {
    return languageOf(this.lang || closestLang(this)) === 'cy' ? moderationCy : moderationEn;
  }

  get #consultationStrings() {
    return this.#strings.locale === 'cy' ? consultationConsoleCy : consultationConsoleEn;
  }

  get #auditStrings(): AuditConsoleStrings {
    return this.#strings.locale === 'cy' ? auditConsoleCy : auditConsoleEn;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('endpoint') || changed.has('backend') || changed.has('backendFor')) this.#client = undefined;
  }

  get #api(): ModerationBackend {
    if (this.backendFor) return (this.#client ??= this.backendFor(this.token ?? ''));
    const backend = this.backend ?? 'rest';
    if (backend !== 'rest' && backend !== 'memory') {
      throw new ConfigurationError(`<civic-moderation>: the "backend" attribute must be "rest" or "memory", not "${backend}".`);
    }
    if (backend === 'rest' && !this.endpoint) {
      throw new ConfigurationError(
        '<civic-moderation>: the "endpoint" attribute is required: the comment server\'s base URL, or "/" on its own page.',
      );
    }
    return (this.#client ??= namedModerationBackend(backend, this.endpoint ?? '', this.token ?? ''));
  }

  // ---- Signing in ----------------------------------------------------------------------------

  async #signIn(event: Event): Promise<void> {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#token')!;
    const token = input.value.trim();
    if (!token) {
      this.signInError = this.#strings.tokenMissing;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
      return;
    }
    this.token = token;
    this.#client = undefined;
    await this.#queue.load();
    // Signed in, the console replaces the form: focus goes to its heading rather than falling to the page.
    if (this.token) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#console-heading')?.focus();
    }
  }

  #signOut(message = ''): void {
    removeToken();
    this.token = null;
    this.moderator = null;
    this.#client = undefined;
    this.#queue.forget();
    this.signInError = message;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(message ? '.error-summary' : '#token')?.focus());
  }

  /** Every request goes through here: a refused token sends the moderator back to sign in. */
  #failed(error: unknown): boolean {
    if (error instanceof UnauthorizedError) {
      this.#signOut(this.#strings.tokenRefused);
      return true;
    }
    emit(this, 'civic-error', { error: error instanceof Error ? error : new Error(String(error)), operation: 'load' });
    return false;
  }

  /** The server answered with the queue: the token is kept, for this tab only, and its moderator named. */
  #accepted(): void {
    if (this.token && this.isConnected) writeToken(this.token);
    this.signInError = '';
    if (!this.moderator) void this.#whoIsSignedIn();
  }

  /** Asks whose the token is, to show it beside "Sign out"; a console that cannot tell shows no name. */
  async #whoIsSignedIn(): Promise<void> {
    try {
      this.moderator = await this.#api.me();
    } catch (error) {
      this.#failed(error);
    }
  }

  #showView(view: View): void {
    this.view = view;
    if (view === 'consultations') void this.#consultations.load();
    if (view === 'audit') void this.#audit.load();
    // The overview opens on the consultation of the page the queue is filtered to, if any.
    if (view === 'overview') void this.#overview.load(this.#queue.filters.page);
  }

  /** From a consultation to its comments. */
  #showComments(page: string): void {
    this.view = 'comments';
    void this.#queue.showPage(page);
  }

  // ---- Rendering -----------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const strings = this.#strings;
    return html`<div part="console" lang=${strings.locale}>${this.token && this.#queue.loadState !== 'idle' ? this.#renderConsole(strings) : this.#renderSignIn(strings)}</div>`;
  }

  #renderSignIn(strings: ModerationStrings): TemplateResult {
    const error = this.signInError;
    return html`
      <form class="form" part="sign-in" novalidate @submit=${this.#signIn}>
        <h2 class="heading">${strings.signInHeading}</h2>
        ${error ? errorSummary(strings.errorSummaryTitle, [{ target: 'token', message: error }]) : nothing}
        <div class="field ${error ? 'has-error' : ''}">
          <label for="token">${strings.tokenLabel}</label>
          <div class="hint" id="token-hint">${strings.tokenHint}</div>
          ${errorMessage('token-error', strings.errorPrefix, error)}
          <input
            class="input"
            id="token"
            name="token"
            type="password"
            autocomplete="current-password"
            spellcheck="false"
            aria-describedby=${error ? 'token-hint token-error' : 'token-hint'}
          />
        </div>
        <button class="button" type="submit">${strings.signIn}</button>
      </form>
    `;
  }

  #renderConsole(strings: ModerationStrings): TemplateResult {
    return html`
      <div class="bar">
        <h2 class="heading" id="console-heading" tabindex="-1">${strings.heading}</h2>
        <div class="signed-in">
          ${this.moderator ? html`<p class="hint" part="signed-in">${this.#signedInAs(this.moderator)}</p>` : nothing}
          <button class="button secondary" type="button" @click=${() => this.#signOut()}>${strings.signOut}</button>
        </div>
      </div>
      ${this.#renderViews()}
      ${
        this.view === 'consultations'
          ? this.#consultations.render()
          : this.view === 'overview'
            ? this.#overview.render()
            : this.view === 'audit'
              ? this.#audit.render()
              : this.#renderComments()
      }
    `;
  }

  #signedInAs({ name, administrator }: Moderator): string {
    const words = this.#auditStrings;
    return words.signedInAs(administrator ? `${words.nameOf(name)} (${words.administrator})` : words.nameOf(name));
  }

  /** The console's views, as GOV.UK service navigation: the current one marked for every reader. */
  #renderViews(): TemplateResult {
    const words = this.#consultationStrings;
    const link = (view: View, label: string) =>
      html`<li class=${this.view === view ? 'current' : ''}>
        <button class="link-button" type="button" aria-current=${this.view === view ? 'page' : 'false'} @click=${() => this.#showView(view)}>
          ${label}
        </button>
      </li>`;
    return html`<nav class="views" part="views" aria-label=${words.viewsLabel}>
      <ul>
        ${link('comments', words.commentsView)} ${link('consultations', words.consultationsView)}
        ${link('overview', (this.#strings.locale === 'cy' ? overviewConsoleCy : overviewConsoleEn).view)} ${link('audit', this.#auditStrings.auditView)}
      </ul>
    </nav>`;
  }

  #renderComments(): TemplateResult {
    const { page, section } = this.#queue.filters;
    return html`
      ${this.#queue.render()} ${this.#official.renderStatus()} ${this.#outcome.render(page, section)}
      ${this.#official.renderSectionForm(page, section)} ${this.#records.render(page)}
    `;
  }
}

// The token lives in this tab's sessionStorage only: never localStorage, never a URL.
const readToken = () => text(readJson<{ token: string }>('session', tokenKey)?.token) || null;
const writeToken = (token: string) => writeJson('session', tokenKey, { token });
const removeToken = () => remove('session', tokenKey);
