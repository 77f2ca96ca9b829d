import { LitElement, html, nothing, type TemplateResult } from 'lit';
import type { ModerationComment, ModerationQuery, Moderator, StatusUpdate } from '../../contract/index.js';
import { ModerationClient, UnauthorizedError, type ModerationBackend } from '../../backends/rest/moderation-client.js';
import { ConfigurationError } from '../../backends/errors.js';
import { emit } from '../../events.js';
import { readJson, remove, text, writeJson } from '../../internal/storage.js';
import { closestLang, languageOf } from '../../i18n/index.js';
import { moderationCy, moderationEn, type ModerationAction, type ModerationStrings } from '../../i18n/moderation.js';
import { styles as govukStyles } from '../civic-comments/civic-comments.styles.js';
import { styles } from './civic-moderation.styles.js';
import { consultationConsoleCy, consultationConsoleEn } from '../../i18n/consultation-console.js';
import { auditConsoleCy, auditConsoleEn, type AuditConsoleStrings } from '../../i18n/audit-console.js';
import { AuditView } from './audit-view.js';
import { overviewConsoleCy, overviewConsoleEn } from '../../i18n/overview-console.js';
import { OverviewView } from './overview-view.js';
import { ConsultationsView } from './consultations-view.js';
import { errorSummary } from './error-summary.js';
import { ExportAndErase } from './export-and-erase.js';
import { OfficialResponse } from './official-response.js';
import { SectionOutcome } from './section-outcome.js';

const tokenKey = 'civic-comments:moderator-token';
const pageSize = 50;
/** Requests in flight at once during a bulk action: quick, without flooding the server. */
const concurrency = 6;
const statusOf: Record<Exclude<ModerationAction, 'delete'>, StatusUpdate['status']> = {
  approve: 'published',
  reject: 'rejected',
  spam: 'spam',
};
const state = { state: true } as const;

type View = 'comments' | 'consultations' | 'overview' | 'audit';

interface Filters {
  page: string;
  section: string;
  status: string;
  visibility: string;
  /** A reference as the respondent read it out: the server reads it however it is typed. */
  reference: string;
  receipt: string;
  /** `true`: only comments with reports no moderator has decided on. */
  reported: string;
  /** One campaign's responses, one by one; empty for the queue, where each campaign is listed once. */
  campaign: string;
}

/** A message after an action: what was done, and what was refused and put back. */
interface Notice {
  text: string;
  error: boolean;
}

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
 * @csspart erase - The erasure section.
 *
 * @cssprop --civic-font-family - As for `<civic-comments>`, with every other `--civic-` property.
 */
export class CivicModeration extends LitElement {
  static override styles = [govukStyles, styles];

  static override properties = {
    endpoint: { type: String },
    lang: { type: String },
    backendFor: { attribute: false },
    token: state,
    moderator: state,
    view: state,
    signInError: state,
    filters: state,
    loadState: state,
    items: state,
    nextCursor: state,
    total: state,
    statusCounts: state,
    selected: state,
    notice: state,
    confirmingDelete: state,
  };

  /** The comment server's base URL, such as `https://comments.example.gov.uk`, or `/` on the server's own page. Required. */
  declare endpoint: string;
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
  declare private filters: Filters;
  declare private loadState: 'idle' | 'loading' | 'loaded' | 'failed';
  declare private items: ModerationComment[];
  declare private nextCursor: string | null;
  declare private total: number;
  declare private statusCounts: Record<string, number>;
  declare private selected: ReadonlySet<string>;
  declare private notice: Notice | null;
  declare private confirmingDelete: string[] | null;

  #client?: ModerationBackend;
  /** The size of the campaign being shown one by one, for its heading. */
  #campaignSize = 0;
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
  #records = new ExportAndErase(this, { ...this.#access, reload: () => void this.#load() });
  #consultations = new ConsultationsView(this, {
    ...this.#access,
    consultationStrings: () => this.#consultationStrings,
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
    this.filters = { page: '', section: '', status: 'pending', visibility: '', reference: '', receipt: '', reported: '', campaign: '' };
    this.loadState = 'idle';
    this.items = [];
    this.nextCursor = null;
    this.total = 0;
    this.statusCounts = {};
    this.selected = new Set();
    this.notice = null;
    this.confirmingDelete = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.token && this.loadState === 'idle') void this.#load();
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
    if (changed.has('endpoint') || changed.has('backendFor')) this.#client = undefined;
  }

  get #api(): ModerationBackend {
    if (this.backendFor) return (this.#client ??= this.backendFor(this.token ?? ''));
    if (!this.endpoint) {
      throw new ConfigurationError('<civic-moderation>: the "endpoint" attribute is required: the comment server\'s base URL, or "/" on its own page.');
    }
    return (this.#client ??= new ModerationClient({ endpoint: this.endpoint, token: this.token ?? '' }));
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
    await this.#load();
  }

  #signOut(message = ''): void {
    removeToken();
    this.token = null;
    this.moderator = null;
    this.#client = undefined;
    this.items = [];
    this.selected = new Set();
    this.loadState = 'idle';
    this.signInError = message;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(message ? '.error-summary' : '#token')?.focus(),
    );
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

  // ---- The queue -----------------------------------------------------------------------------

  async #load(more = false): Promise<void> {
    this.loadState = more ? this.loadState : 'loading';
    try {
      const { page, section, status, visibility, reference, receipt, reported, campaign } = this.filters;
      const result = await this.#api.list({
        page: page || undefined,
        section: section || undefined,
        status: (status || undefined) as ModerationComment['status'] | undefined,
        visibility: (visibility || undefined) as ModerationComment['visibility'] | undefined,
        reference: reference || undefined,
        receipt: (receipt || undefined) as ModerationQuery['receipt'],
        reported: reported ? 'true' : undefined,
        campaign: campaign || undefined,
        limit: pageSize,
        cursor: more ? (this.nextCursor ?? undefined) : undefined,
      });
      // Only a token the server accepted is kept, and only for this tab.
      if (this.token && this.isConnected) writeToken(this.token);
      this.signInError = '';
      this.items = more ? [...this.items, ...result.comments] : result.comments;
      this.nextCursor = result.nextCursor;
      this.total = result.total;
      this.statusCounts = result.statusCounts;
      if (!more) this.selected = new Set();
      this.loadState = 'loaded';
      if (!this.moderator) void this.#whoIsSignedIn();
    } catch (error) {
      if (!this.#failed(error)) this.loadState = 'failed';
    }
  }

  /** Asks whose the token is, to show it beside "Sign out"; a console that cannot tell shows no name. */
  async #whoIsSignedIn(): Promise<void> {
    try {
      this.moderator = await this.#api.me();
    } catch (error) {
      this.#failed(error);
    }
  }

  #applyFilters(event: Event): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    this.filters = {
      page: value('page'),
      section: value('section'),
      status: value('status'),
      visibility: value('visibility'),
      reference: value('reference'),
      receipt: value('receipt'),
      reported: value('reported'),
      campaign: '',
    };
    void this.#outcome.show(this.filters.page, this.filters.section);
    this.notice = null;
    this.#records.clear();
    void this.#load();
  }

  #showView(view: View): void {
    this.view = view;
    if (view === 'consultations') void this.#consultations.load();
    if (view === 'audit') void this.#audit.load();
    // The overview opens on the consultation of the page the queue is filtered to, if any.
    if (view === 'overview') void this.#overview.load(this.filters.page);
  }

  /** From a consultation to its comments: every status, so that nothing of the page is hidden. */
  #showComments(page: string): void {
    this.filters = { page, section: '', status: '', visibility: '', reference: '', receipt: '', reported: '', campaign: '' };
    this.view = 'comments';
    this.notice = null;
    void this.#outcome.show(page, '');
    void this.#load().then(() => this.renderRoot.querySelector<HTMLElement>('#page')?.focus());
  }

  /** Lists one campaign's responses one by one, under the same filters; or, with none, the whole queue again. */
  #openCampaign(campaign: string, size = 0): void {
    const leaving = this.filters.campaign;
    this.filters = { ...this.filters, campaign };
    this.#campaignSize = size;
    this.notice = null;
    // Into the campaign, focus goes to its heading; back out, to the campaign in the queue.
    const focus = campaign ? '#campaign-heading' : `[data-campaign="${CSS.escape(leaving)}"]`;
    void this.#load().then(() => this.renderRoot.querySelector<HTMLElement>(focus)?.focus());
  }

  /** Decides every response of a campaign that the status filter matches, then reads the queue again. */
  async #actOnCampaign(campaign: string, action: 'approve' | 'reject'): Promise<void> {
    const strings = this.#strings;
    try {
      const changed = await this.#api.setCampaignStatus(campaign, statusOf[action], (this.filters.status || undefined) as ModerationComment['status'] | undefined);
      await this.#load();
      this.notice = { text: strings.done(action, changed), error: false };
    } catch (error) {
      if (!this.#failed(error)) this.notice = { text: strings.refused(this.total), error: true };
    }
  }

  #toggle(id: string, on: boolean): void {
    const selected = new Set(this.selected);
    if (on) selected.add(id);
    else selected.delete(id);
    this.selected = selected;
  }

  #toggleAll(on: boolean): void {
    this.selected = new Set(on ? this.items.map((item) => item.id) : []);
  }

  #ask(action: ModerationAction, ids: string[]): void {
    if (!ids.length) return;
    if (action === 'delete') {
      this.confirmingDelete = ids;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.confirm')?.focus());
      return;
    }
    void this.#act(action, ids);
  }

  /**
   * Acts at once on screen and then on the server; whatever the server refuses is put back where it
   * was, with a message. Requests go a few at a time.
   */
  async #act(action: ModerationAction, ids: string[]): Promise<void> {
    this.confirmingDelete = null;
    const chosen = new Set(ids);
    const before = this.items;
    const targets = before.filter((item) => chosen.has(item.id));
    const status = action === 'delete' ? undefined : statusOf[action];
    // A comment that no longer matches the status filter leaves the list; otherwise it shows its new status.
    const stays = status && (!this.filters.status || this.filters.status === status);
    this.items = before.flatMap((item) => (!chosen.has(item.id) ? [item] : stays ? [{ ...item, status }] : []));
    this.#recount(targets, status, 1);
    this.selected = new Set([...this.selected].filter((id) => !chosen.has(id)));

    const refused: ModerationComment[] = [];
    let signedOut = false;
    const queue = [...targets];
    const worker = async () => {
      for (let item = queue.shift(); item && !signedOut; item = queue.shift()) {
        try {
          if (status) await this.#api.setStatus(item.id, status);
          else await this.#api.remove(item.id);
        } catch (error) {
          refused.push(item);
          signedOut ||= this.#failed(error);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, targets.length) }, worker));
    if (signedOut) return;

    if (refused.length) {
      const back = new Map(refused.map((item) => [item.id, item]));
      const shown = new Map(this.items.map((item) => [item.id, item]));
      // Back in the order they were in, among whatever is shown now.
      this.items = before.flatMap((item) => {
        const current = back.get(item.id) ?? shown.get(item.id);
        return current ? [current] : [];
      });
      this.#recount(refused, status, -1);
    }
    const strings = this.#strings;
    const done = targets.length - refused.length;
    this.notice = {
      text: [done ? strings.done(action, done) : '', refused.length ? strings.refused(refused.length) : ''].filter(Boolean).join(' '),
      error: refused.length > 0,
    };
  }

  /** Moves comments between the counts per status, or back again (`direction` -1). */
  #recount(items: ModerationComment[], status: ModerationComment['status'] | undefined, direction: 1 | -1): void {
    const counts = { ...this.statusCounts };
    let total = this.total;
    for (const item of items) {
      counts[item.status] = (counts[item.status] ?? 0) - direction;
      if (status) counts[status] = (counts[status] ?? 0) + direction;
      if (!status || (this.filters.status && this.filters.status !== status)) total -= direction;
    }
    this.statusCounts = counts;
    this.total = total;
  }

  // ---- Rendering -----------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const strings = this.#strings;
    return html`<div part="console" lang=${strings.locale}>${this.token && this.loadState !== 'idle' ? this.#renderConsole(strings) : this.#renderSignIn(strings)}</div>`;
  }

  #renderSignIn(strings: ModerationStrings): TemplateResult {
    const error = this.signInError;
    return html`
      <form class="form" part="sign-in" novalidate @submit=${this.#signIn}>
        <h2 class="heading">${strings.signInHeading}</h2>
        ${error ? errorSummary(strings.errorSummaryTitle, [{ field: 'token', message: error }]) : nothing}
        <div class="field ${error ? 'has-error' : ''}">
          <label for="token">${strings.tokenLabel}</label>
          <div class="hint" id="token-hint">${strings.tokenHint}</div>
          ${error ? html`<p class="error-message" id="token-error"><span class="visually-hidden">${strings.errorPrefix}</span> ${error}</p>` : nothing}
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
        <h2 class="heading">${strings.heading}</h2>
        <div class="signed-in">
          ${this.moderator ? html`<p class="hint" part="signed-in">${this.#signedInAs(this.moderator)}</p>` : nothing}
          <button class="button secondary" type="button" @click=${() => this.#signOut()}>${strings.signOut}</button>
        </div>
      </div>
      ${this.#renderViews()}
      ${this.view === 'consultations'
        ? this.#consultations.render()
        : this.view === 'overview'
          ? this.#overview.render()
          : this.view === 'audit'
            ? this.#audit.render()
            : this.#renderComments(strings)}
    `;
  }

  #signedInAs({ name, administrator }: Moderator): string {
    const words = this.#auditStrings;
    return words.signedInAs(administrator ? `${name} (${words.administrator})` : name);
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

  #renderComments(strings: ModerationStrings): TemplateResult {
    const { filters } = this;
    const text = (name: 'page' | 'section' | 'reference', label: string) =>
      html`<div class="field">
        <label for=${name}>${label}</label><input class="input" id=${name} name=${name} spellcheck="false" autocomplete="off" .value=${filters[name]} />
      </div>`;
    // A filter's choices, "Any" first.
    const choose = (name: 'status' | 'visibility' | 'receipt' | 'reported', label: string, choices: Record<string, string>) =>
      html`<div class="field">
        <label for=${name}>${label}</label>
        <select class="input" id=${name} name=${name}>
          ${Object.entries({ '': strings.any, ...choices }).map(
            ([value, words]) => html`<option value=${value} ?selected=${value === filters[name]}>${words}</option>`,
          )}
        </select>
      </div>`;
    return html`
      <form class="filters" part="filters" @submit=${this.#applyFilters} aria-labelledby="filters-heading">
        <h3 class="visually-hidden" id="filters-heading">${strings.filtersHeading}</h3>
        ${text('page', strings.pageLabel)} ${text('section', strings.sectionLabel)}
        ${choose('status', strings.statusLabel, strings.statuses)} ${choose('visibility', strings.visibilityLabel, strings.visibilities)}
        ${text('reference', strings.referenceLabel)} ${choose('receipt', strings.receiptLabel, strings.receipts)}
        ${choose('reported', strings.reportedLabel, { true: strings.reportedChoice })}
        <button class="button secondary" type="submit">${strings.applyFilters}</button>
      </form>

      <ul class="counts" aria-label=${strings.countsLabel}>
        ${Object.entries(strings.statuses).map(
          ([status, label]) => html`<li><span>${label}</span> <strong>${(this.statusCounts[status] ?? 0).toLocaleString('en-GB')}</strong></li>`,
        )}
      </ul>

      <div class="notice-area" part="notice" role="status">
        ${this.notice ? html`<p class=${this.notice.error ? 'error-text' : 'done'}>${this.notice.text}</p>` : nothing}
      </div>

      ${this.filters.campaign ? this.#renderCampaignHeading(strings) : nothing} ${this.#renderQueue(strings)} ${this.#official.renderStatus()}
      ${this.#outcome.render(this.filters.page, this.filters.section)}
      ${this.#official.renderSectionForm(this.filters.page, this.filters.section)} ${this.#records.render(this.filters.page)}
    `;
  }

  #renderQueue(strings: ModerationStrings): TemplateResult {
    if (this.loadState === 'loading') return html`<p class="hint status-box">${strings.loading}</p>`;
    if (this.loadState === 'failed') {
      return html`<div class="status-box">
        <p class="error-text">${strings.loadFailed}</p>
        <button class="button secondary" type="button" @click=${() => this.#load()}>${strings.tryAgain}</button>
      </div>`;
    }
    const ids = [...this.selected];
    const all = this.items.length > 0 && this.items.every((item) => this.selected.has(item.id));
    return html`
      <p class="hint">${this.items.length ? strings.shown(this.items.length, this.total) : strings.none}</p>
      ${this.items.length
        ? html`<div class="bulk">
            <div class="choice">
              <input id="select-all" type="checkbox" .checked=${all} @change=${(e: Event) => this.#toggleAll((e.target as HTMLInputElement).checked)} />
              <label for="select-all">${strings.selectAll}</label>
            </div>
            ${(['approve', 'reject', 'spam', 'delete'] as const).map(
              (action) => html`<button
                class="button ${action === 'approve' ? '' : 'secondary'}"
                type="button"
                aria-disabled=${ids.length ? 'false' : 'true'}
                @click=${() => this.#ask(action, ids)}
              >
                ${strings.actionSelected(action, ids.length)}
              </button>`,
            )}
          </div>`
        : nothing}
      ${this.confirmingDelete
        ? html`<div class="confirm" tabindex="-1" role="alertdialog" aria-labelledby="confirm-text">
            <p id="confirm-text"><strong>${strings.confirmDelete(this.confirmingDelete.length)}</strong></p>
            <div class="actions">
              <button class="button warning" type="button" @click=${() => this.#act('delete', this.confirmingDelete!)}>
                ${strings.confirmDeleteYes}
              </button>
              <button class="button secondary" type="button" @click=${() => (this.confirmingDelete = null)}>${strings.cancel}</button>
            </div>
          </div>`
        : nothing}
      <ol class="queue" part="queue">
        ${this.items.map((item) => this.#renderItem(item, strings))}
      </ol>
      ${this.nextCursor
        ? html`<button class="link-button" type="button" @click=${() => this.#load(true)}>${strings.showMore}</button>`
        : nothing}
    `;
  }

  /** A campaign listed once: how many share the text, and its responses opened or decided together. */
  #renderCampaign(item: ModerationComment, strings: ModerationStrings): TemplateResult {
    const size = item.campaignSize ?? 1;
    const shown = item.shownTogether ?? 1;
    const campaign = item.campaign!;
    return html`<div class="campaign" part="campaign">
      <p class="meta">
        <strong class="tag campaign-tag">${strings.campaignShares(size)}</strong>
        ${shown !== size ? html`<span>${strings.campaignMatching(shown)}</span>` : nothing}
      </p>
      <div class="actions">
        <button class="link-button" type="button" data-campaign=${campaign} @click=${() => this.#openCampaign(campaign, size)}>
          ${strings.showCampaign}
        </button>
        ${(['approve', 'reject'] as const).map(
          (action) => html`<button class="link-button" type="button" @click=${() => this.#actOnCampaign(campaign, action)}>
            ${strings.campaignAction(action, shown)}
          </button>`,
        )}
      </div>
    </div>`;
  }

  #renderCampaignHeading(strings: ModerationStrings): TemplateResult {
    const campaign = this.filters.campaign;
    return html`<div class="panel campaign" part="campaign">
      <h3 class="form-heading" id="campaign-heading" tabindex="-1">${strings.campaignHeading(this.#campaignSize || this.total)}</h3>
      <div class="actions">
        ${(['approve', 'reject'] as const).map(
          (action) => html`<button class="button ${action === 'approve' ? '' : 'secondary'}" type="button" @click=${() => this.#actOnCampaign(campaign, action)}>
            ${strings.campaignAction(action, this.total)}
          </button>`,
        )}
        <button class="link-button" type="button" @click=${() => this.#openCampaign('')}>${strings.wholeQueue}</button>
      </div>
    </div>`;
  }

  /** What readers said when they reported a comment, shown until a moderator decides. */
  #renderReports(reports: NonNullable<ModerationComment['reports']>, strings: ModerationStrings): TemplateResult {
    return html`<div class="reports" part="reports">
      <p class="meta"><strong class="tag rejected">${strings.reportedBy(reports.unreviewed, reports.count)}</strong></p>
      ${reports.reasons.length
        ? html`<p class="hint">${strings.reasonsLabel}</p>
            <ul class="reasons">
              ${reports.reasons.map((reason) => html`<li>${reason}</li>`)}
            </ul>`
        : nothing}
    </div>`;
  }

  #renderItem(item: ModerationComment, strings: ModerationStrings): TemplateResult {
    const nameId = `name-${item.id}`;
    const date = new Date(item.createdAt);
    return html`
      <li>
        <article class="item ${item.visibility}" part="item" aria-labelledby=${nameId}>
          <div class="choice">
            <input
              id="select-${item.id}"
              type="checkbox"
              .checked=${this.selected.has(item.id)}
              @change=${(e: Event) => this.#toggle(item.id, (e.target as HTMLInputElement).checked)}
            />
            <label for="select-${item.id}"><span class="visually-hidden">${strings.selectComment(item.name || strings.nameRemoved)}</span></label>
          </div>
          <div class="content">
            <p class="meta">
              <strong class="author" id=${nameId}>${item.name || strings.nameRemoved}</strong>
              <span class="email">${item.email}</span>
            </p>
            <p class="meta">
              <span>${strings.sectionOf(item.section)}</span>
              <span>${item.page}</span>
              <time datetime=${item.createdAt}>${Number.isNaN(date.getTime()) ? '' : strings.formatDate(date)}</time>
            </p>
            <p class="meta">
              <strong class="tag ${item.status}">${strings.statuses[item.status]}</strong>
              ${item.visibility === 'private'
                ? html`<strong class="tag private">${strings.privateTag}</strong>`
                : html`<span class="visibility">${strings.visibilities[item.visibility]}</span>`}
              ${item.receipt === 'failed' ? html`<strong class="tag rejected">${strings.receiptFailed}</strong>` : nothing}
            </p>
            ${item.reference || item.organisation
              ? html`<p class="meta">
                  ${item.reference ? html`<span class="reference">${item.reference}</span>` : nothing}
                  ${item.organisation ? html`<span>${strings.onBehalfOf(item.organisation)}</span>` : nothing}
                </p>`
              : nothing}
            <p class="body">${item.body}</p>
            ${item.reports?.unreviewed ? this.#renderReports(item.reports, strings) : nothing}
            ${item.campaign && !this.filters.campaign && (item.campaignSize ?? 1) > 1 ? this.#renderCampaign(item, strings) : nothing}
            <div class="actions">
              ${(['approve', 'reject', 'spam', 'delete'] as const).map(
                (action) => html`<button
                  class="link-button"
                  type="button"
                  aria-describedby=${nameId}
                  @click=${() => this.#ask(action, [item.id])}
                >
                  ${strings.actions[action]}
                </button>`,
              )}
              ${this.#official.renderReplyButton(item, nameId)}
            </div>
            ${this.#official.renderReplyForm(item)}
          </div>
        </article>
      </li>
    `;
  }
}

// The token lives in this tab's sessionStorage only: never localStorage, never a URL.
const readToken = () => text(readJson<{ token: string }>('session', tokenKey)?.token) || null;
const writeToken = (token: string) => writeJson('session', tokenKey, { token });
const removeToken = () => remove('session', tokenKey);
