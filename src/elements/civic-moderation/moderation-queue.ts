import { html, nothing, type TemplateResult } from 'lit';
import { mayTakeStatus, type ModerationComment, type ModerationQuery, type StatusUpdate } from '../../contract/index.js';
import type { ModerationAction, ModerationStrings } from '../../i18n/features/moderation.js';
import { ConsoleLoad, type LoadState } from './console-load.js';
import { renderResponse } from './queue-response.js';
import { ConsolePart, type ConsoleAccess } from './console-part.js';
import type { OfficialResponse } from './official-response.js';
import { formatNumber } from '../../i18n/format.js';

const pageSize = 50;
/** Requests in flight at once during a bulk action: quick, without flooding the server. */
const concurrency = 6;
const statusOf: Record<Exclude<ModerationAction, 'delete'>, StatusUpdate['status']> = {
  approve: 'published',
  reject: 'rejected',
  spam: 'spam',
};

/** What the queue is filtered by, each empty for "any". */
export interface Filters {
  page: string;
  section: string;
  status: string;
  visibility: string;
  /** A reference as the respondent read it out: the server reads it however it is typed. */
  reference: string;
  /** The responses sent from one address, whatever its case: a respondent asking what they sent. */
  email: string;
  receipt: string;
  /** `true`: only comments with reports no moderator has decided on. */
  reported: string;
  /** One campaign's responses, one by one; empty for the queue, where each campaign is listed once. */
  campaign: string;
}

const anything: Filters = {
  page: '',
  section: '',
  status: '',
  visibility: '',
  reference: '',
  email: '',
  receipt: '',
  reported: '',
  campaign: '',
};

/** A message after an action: what was done, and what was refused and put back. */
interface Notice {
  text: string;
  error: boolean;
}

/** What the queue needs of the console besides its strings and its backend. */
export interface QueueAccess extends ConsoleAccess {
  /** Reports a failed request; true when the token was refused and the moderator signed out. */
  failed(error: unknown): boolean;
  /** The server answered with the queue, so the token it was asked with is good. */
  accepted(): void;
  /** The moderator chose other filters: the parts that follow the page and section follow them. */
  filtered(filters: Filters): void;
  /** The department's reply button and form under a comment. */
  readonly official: OfficialResponse;
}

/**
 * The queue of comments: its filters and the counts per status; each comment with its status,
 * visibility, reference, readers' reports and campaign; approving, rejecting, marking as spam and
 * deleting one by one or many at once (at once on screen, whatever the server refuses put back);
 * and a campaign's responses listed once, opened, or decided together.
 */
export class ModerationQueue extends ConsolePart<QueueAccess> {
  filters: Filters = { ...anything, status: 'pending' };
  /** `idle` until the queue is first asked for: the console shows the sign-in form until then. */
  #items: ModerationComment[] = [];
  #nextCursor: string | null = null;
  #total = 0;
  #statusCounts: Record<string, number> = {};
  /** Comments with reports no moderator has decided on, whatever the status filter. */
  #reportedCount = 0;
  #selected: ReadonlySet<string> = new Set();
  #notice: Notice | null = null;
  #confirmingDelete: string[] | null = null;
  /** The size of the campaign being shown one by one, for its heading. */
  #campaignSize = 0;

  hostDisconnected(): void {}

  #loadingMore = false;
  readonly #load = new ConsoleLoad(
    this.host,
    ([more]: [boolean]) => {
      const { page, section, status, visibility, reference, email, receipt, reported, campaign } = this.filters;
      return this.console.api().list({
        page: page || undefined,
        section: section || undefined,
        status: (status || undefined) as ModerationComment['status'] | undefined,
        visibility: (visibility || undefined) as ModerationComment['visibility'] | undefined,
        reference: reference || undefined,
        email: email || undefined,
        receipt: (receipt || undefined) as ModerationQuery['receipt'],
        reported: reported ? 'true' : undefined,
        campaign: campaign || undefined,
        limit: pageSize,
        cursor: more ? (this.#nextCursor ?? undefined) : undefined,
      });
    },
    (result, [more]) => {
      this.#items = more ? [...this.#items, ...result.comments] : result.comments;
      this.#nextCursor = result.nextCursor;
      this.#total = result.total;
      this.#statusCounts = result.statusCounts;
      this.#reportedCount = result.reportedCount;
      if (!more) this.#selected = new Set();
      this.console.accepted();
    },
    (error) => this.console.failed(error),
  );

  /** Where the queue's load stands: `idle` until the first, and again once the moderator signs out. */
  get loadState(): LoadState {
    return this.#load.state;
  }

  /** Forgets the queue on signing out: the next moderator starts from the sign-in form. */
  forget(): void {
    this.#load.forget();
    this.change(() => {
      this.#items = [];
      this.#selected = new Set();
    });
  }

  /** Reads the queue afresh with its filters, or its next page. */
  load(more = false): Promise<void> {
    this.#loadingMore = more;
    return this.#load.run(more);
  }

  /** Every comment of a page, whatever its status, so that nothing of the page is hidden; focus goes to the page filter. */
  async showPage(page: string): Promise<void> {
    this.change(() => {
      this.filters = { ...anything, page };
      this.#notice = null;
    });
    this.console.filtered(this.filters);
    await this.load();
    await this.focus('#page');
  }

  #applyFilters(event: Event): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    this.change(() => {
      this.filters = {
        page: value('page'),
        section: value('section'),
        status: value('status'),
        visibility: value('visibility'),
        reference: value('reference'),
        email: value('email'),
        receipt: value('receipt'),
        reported: value('reported'),
        campaign: '',
      };
      this.#notice = null;
    });
    this.console.filtered(this.filters);
    void this.load();
  }

  /** Lists one campaign's responses one by one, under the same filters; or, with none, the whole queue again. */
  async #openCampaign(campaign: string, size = 0): Promise<void> {
    const leaving = this.filters.campaign;
    this.change(() => {
      this.filters = { ...this.filters, campaign };
      this.#campaignSize = size;
      this.#notice = null;
    });
    await this.load();
    // Into the campaign, focus goes to its heading; back out, to the campaign in the queue.
    await this.focus(campaign ? '#campaign-heading' : `[data-campaign="${CSS.escape(leaving)}"]`);
  }

  /**
   * Decides a campaign's responses that the status filter matches, then reads the queue again.
   * Approval names the responses whose text the moderator has in front of them (the one shown for the
   * campaign, or every one listed once it is opened): only responses with the same text are published.
   */
  async #actOnCampaign(campaign: string, action: 'approve' | 'reject', seen: string[]): Promise<void> {
    const strings = this.console.strings();
    try {
      const status = (this.filters.status || undefined) as ModerationComment['status'] | undefined;
      const { changed, unseen } = await this.console.api().setCampaignStatus(campaign, statusOf[action], status, seen);
      await this.load();
      const text = unseen ? `${strings.done(action, changed)} ${strings.campaignUnseen(unseen)}` : strings.done(action, changed);
      this.change(() => (this.#notice = { text, error: false }));
    } catch (error) {
      if (!this.console.failed(error)) this.change(() => (this.#notice = { text: strings.refused(this.#total), error: true }));
    }
  }

  #toggle(id: string, on: boolean): void {
    const selected = new Set(this.#selected);
    if (on) selected.add(id);
    else selected.delete(id);
    this.change(() => (this.#selected = selected));
  }

  #toggleAll(on: boolean): void {
    this.change(() => (this.#selected = new Set(on ? this.#items.map((item) => item.id) : [])));
  }

  #ask(action: ModerationAction, ids: string[]): void {
    if (!ids.length) return;
    if (action === 'delete') {
      this.change(() => (this.#confirmingDelete = ids));
      void this.focus('.confirm');
      return;
    }
    void this.#act(action, ids);
  }

  /**
   * Acts at once on screen and then on the server; whatever the server refuses is put back where it
   * was, with a message. Requests go a few at a time.
   */
  async #act(action: ModerationAction, ids: string[]): Promise<void> {
    const status = action === 'delete' ? undefined : statusOf[action];
    // A private response selected with others is left as it is: it is never published.
    const asked = new Set(ids);
    const before = this.#items;
    const selected = before.filter((item) => asked.has(item.id));
    const targets = selected.filter((item) => !status || mayTakeStatus(item, status));
    const kept = selected.length - targets.length;
    const chosen = new Set(targets.map((item) => item.id));
    // A comment that no longer matches the status filter leaves the list; otherwise it shows its new status.
    const stays = status && (!this.filters.status || this.filters.status === status);
    this.change(() => {
      this.#confirmingDelete = null;
      this.#items = before.flatMap((item) =>
        !chosen.has(item.id) ? [item] : stays ? [{ ...item, status, reports: item.reports && { ...item.reports, unreviewed: 0 } }] : [],
      );
      this.#recount(targets, status, 1);
      this.#selected = new Set([...this.#selected].filter((id) => !chosen.has(id)));
    });

    const refused: ModerationComment[] = [];
    let signedOut = false;
    const queue = [...targets];
    const api = this.console.api();
    const worker = async () => {
      for (let item = queue.shift(); item && !signedOut; item = queue.shift()) {
        try {
          if (status) await api.setStatus(item.id, status);
          else await api.remove(item.id);
        } catch (error) {
          refused.push(item);
          signedOut ||= this.console.failed(error);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, targets.length) }, worker));
    if (signedOut) return;

    const strings = this.console.strings();
    const done = targets.length - refused.length;
    this.change(() => {
      if (refused.length) {
        const back = new Map(refused.map((item) => [item.id, item]));
        const shown = new Map(this.#items.map((item) => [item.id, item]));
        // Back in the order they were in, among whatever is shown now.
        this.#items = before.flatMap((item) => {
          const current = back.get(item.id) ?? shown.get(item.id);
          return current ? [current] : [];
        });
        this.#recount(refused, status, -1);
      }
      this.#notice = {
        text: [
          done ? strings.done(action, done) : '',
          refused.length ? strings.refused(refused.length) : '',
          kept ? strings.privateKept(kept) : '',
        ]
          .filter(Boolean)
          .join(' '),
        error: refused.length > 0,
      };
    });
    // The button pressed (one comment's, or the confirmation's) has gone with what it acted on: focus
    // goes to what was done, never to the next comment's same button, where Enter again would act again.
    if (ids.length === 1 || action === 'delete') await this.focus('.notice-area p');
  }

  /** Moves comments between the counts per status, or back again (`direction` -1). */
  #recount(items: ModerationComment[], status: ModerationComment['status'] | undefined, direction: 1 | -1): void {
    const counts = { ...this.#statusCounts };
    let total = this.#total;
    for (const item of items) {
      // A decision reviews a comment's reports; deleting it takes them away.
      if (item.reports?.unreviewed) this.#reportedCount -= direction;
      counts[item.status] = (counts[item.status] ?? 0) - direction;
      if (status) counts[status] = (counts[status] ?? 0) + direction;
      if (!status || (this.filters.status && this.filters.status !== status)) total -= direction;
    }
    this.#statusCounts = counts;
    this.#total = total;
  }

  // ---- Rendering -----------------------------------------------------------------------------

  /** The filters, the counts per status, the message after an action and the queue itself. */
  render(): TemplateResult {
    const strings = this.console.strings();
    const { filters } = this;
    const text = (name: 'page' | 'section' | 'reference' | 'email', label: string) =>
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
      <form class="filters" part="filters" @submit=${(event: Event) => this.#applyFilters(event)} aria-labelledby="filters-heading">
        <h3 class="visually-hidden" id="filters-heading">${strings.filtersHeading}</h3>
        ${text('page', strings.pageLabel)} ${text('section', strings.sectionLabel)}
        ${choose('status', strings.statusLabel, strings.statuses)} ${choose('visibility', strings.visibilityLabel, strings.visibilities)}
        ${text('reference', strings.referenceLabel)} ${text('email', strings.emailFilterLabel)} ${choose('receipt', strings.receiptLabel, strings.receipts)}
        ${choose('reported', strings.reportedLabel, { true: strings.reportedChoice })}
        <button class="button secondary" type="submit">${strings.applyFilters}</button>
      </form>

      <ul class="counts" aria-label=${strings.countsLabel}>
        ${Object.entries(strings.statuses).map(
          ([status, label]) => html`<li><span>${label}</span> <strong>${formatNumber(this.#statusCounts[status] ?? 0)}</strong></li>`,
        )}
        <li class="reported-count"><span>${strings.reportedChoice}</span> <strong>${formatNumber(this.#reportedCount)}</strong></li>
      </ul>

      <div class="notice-area" part="notice" role="status">
        ${this.#notice ? html`<p class=${this.#notice.error ? 'error-text' : 'done'} tabindex="-1">${this.#notice.text}</p>` : nothing}
      </div>

      ${filters.campaign ? this.#renderCampaignHeading(strings) : nothing} ${this.#renderQueue(strings)}
    `;
  }

  #renderQueue(strings: ModerationStrings): TemplateResult {
    const waiting = this.#load.status(strings, () => this.load(), this.#loadingMore);
    if (waiting) return waiting;
    const items = this.#items;
    const ids = [...this.#selected];
    const all = items.length > 0 && items.every((item) => this.#selected.has(item.id));
    return html`
      <p class="hint">${items.length ? strings.shown(items.length, this.#total) : strings.none}</p>
      ${
        items.length
          ? html`<div class="bulk">
            <div class="choice">
              <input id="select-all" type="checkbox" .checked=${all} @change=${(e: Event) => this.#toggleAll((e.target as HTMLInputElement).checked)} />
              <label for="select-all">${strings.selectAll}</label>
            </div>
            ${(['approve', 'reject', 'spam', 'delete'] as const).map(
              (action) => html`<button
                class="button ${action === 'approve' ? '' : 'secondary'}"
                type="button"
                ?disabled=${!ids.length}
                @click=${() => this.#ask(action, ids)}
              >
                ${strings.actionSelected(action, ids.length)}
              </button>`,
            )}
          </div>`
          : nothing
      }
      ${this.#confirmingDelete ? this.#renderConfirmDelete(this.#confirmingDelete, strings) : nothing}
      <ol class="queue" part="queue">
        ${items.map((item) => this.#renderItem(item, strings))}
      </ol>
      ${
        this.#nextCursor
          ? html`<button class="link-button" type="button" @click=${() => this.load(true)}>${strings.showMore}</button>`
          : nothing
      }
    `;
  }

  /** Whose one comment is about to be deleted, and its first words, so that the question names it. */
  #whose(ids: string[], strings: ModerationStrings): { name: string; excerpt: string } | undefined {
    const item = ids.length === 1 ? this.#items.find((each) => each.id === ids[0]) : undefined;
    if (!item) return undefined;
    const words = item.body.split(/\s+/);
    return { name: item.name || strings.nameRemoved, excerpt: words.length > 8 ? `${words.slice(0, 8).join(' ')}…` : item.body };
  }

  #renderConfirmDelete(ids: string[], strings: ModerationStrings): TemplateResult {
    return html`<div class="confirm" tabindex="-1" role="alertdialog" aria-labelledby="confirm-text">
      <p id="confirm-text"><strong>${strings.confirmDelete(ids.length, this.#whose(ids, strings))}</strong></p>
      <div class="actions">
        <button class="button warning" type="button" @click=${() => this.#act('delete', ids)}>${strings.confirmDeleteYes}</button>
        <button class="button secondary" type="button" @click=${() => this.change(() => (this.#confirmingDelete = null))}>${strings.cancel}</button>
      </div>
    </div>`;
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
          (action) => html`<button class="link-button" type="button" @click=${() => this.#actOnCampaign(campaign, action, [item.id])}>
            ${strings.campaignAction(action, shown)}
          </button>`,
        )}
      </div>
    </div>`;
  }

  #renderCampaignHeading(strings: ModerationStrings): TemplateResult {
    const campaign = this.filters.campaign;
    return html`<div class="panel campaign" part="campaign">
      <h3 class="form-heading" id="campaign-heading" tabindex="-1">${strings.campaignHeading(this.#campaignSize || this.#total)}</h3>
      <div class="actions">
        ${(['approve', 'reject'] as const).map(
          (action) => html`<button
            class="button ${action === 'approve' ? '' : 'secondary'}"
            type="button"
            @click=${() =>
              this.#actOnCampaign(
                campaign,
                action,
                this.#items.map((item) => item.id),
              )}
          >
            ${strings.campaignAction(action, this.#total)}
          </button>`,
        )}
        <button class="link-button" type="button" @click=${() => this.#openCampaign('')}>${strings.wholeQueue}</button>
      </div>
    </div>`;
  }

  #renderItem(item: ModerationComment, strings: ModerationStrings): TemplateResult {
    const nameId = `name-${item.id}`;
    const { official } = this.console;
    return html`
      <li>
        <article class="item ${item.visibility}" part="item" aria-labelledby=${nameId}>
          <div class="choice">
            <input
              id="select-${item.id}"
              type="checkbox"
              .checked=${this.#selected.has(item.id)}
              @change=${(e: Event) => this.#toggle(item.id, (e.target as HTMLInputElement).checked)}
            />
            <label for="select-${item.id}"><span class="visually-hidden">${strings.selectComment(item.name || strings.nameRemoved)}</span></label>
          </div>
          <div class="content">
            ${renderResponse(item, nameId, strings)}
            ${item.campaign && !this.filters.campaign && (item.campaignSize ?? 1) > 1 ? this.#renderCampaign(item, strings) : nothing}
            <div class="actions">
              ${(['approve', 'reject', 'spam', 'delete'] as const)
                .filter((action) => action === 'delete' || mayTakeStatus(item, statusOf[action]))
                .map(
                  (action) => html`<button
                    class="link-button"
                    type="button"
                    aria-describedby=${nameId}
                    @click=${() => this.#ask(action, [item.id])}
                  >
                    ${strings.actions[action]}
                  </button>`,
                )}
              ${official.renderReplyButton(item, nameId)}
            </div>
            ${official.renderReplyForm(item)}
          </div>
        </article>
      </li>
    `;
  }
}
