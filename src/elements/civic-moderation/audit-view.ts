import { html, nothing, type TemplateResult } from 'lit';
import { auditActions, type AuditEntry, type AuditQuery, type CommentStatus } from '../../contract/index.js';
import { UnauthorizedError } from '../../backends/moderation.js';
import type { AuditConsoleStrings } from '../../i18n/features/audit.js';
import type { ConsultationConsoleStrings } from '../../i18n/features/consultation.js';
import { ConsoleLoad } from './console-load.js';
import { ConsolePart, type ConsoleAccess } from './console-part.js';
import { download } from './export-and-erase.js';

/** What the audit view needs of the console besides its strings and backend. */
export interface AuditAccess extends ConsoleAccess {
  auditStrings(): AuditConsoleStrings;
  /** For dates and times written as the consultations view writes them. */
  consultationStrings(): ConsultationConsoleStrings;
}

type Filters = Required<Pick<AuditQuery, 'moderator' | 'page' | 'comment'>> & { action: string };

const pageSize = 50;
const noFilters: Filters = { moderator: '', action: '', page: '', comment: '' };

/**
 * The console's audit log: every moderation action with when, who, what, on which response, from
 * and to, newest first; filtered by moderator, action, page or response, and downloaded as CSV.
 */
export class AuditView extends ConsolePart<AuditAccess> {
  #filters: Filters = noFilters;
  #entries: AuditEntry[] = [];
  #moderators: string[] = [];
  #total = 0;
  #next: string | null = null;
  #downloadError = '';

  #loadingMore = false;
  readonly #load = new ConsoleLoad(
    this.host,
    ([more]: [boolean]) =>
      this.console.api().audit({ ...this.#query(), limit: pageSize, cursor: more ? (this.#next ?? undefined) : undefined }),
    (result, [more]) => {
      this.#entries = more ? [...this.#entries, ...result.entries] : result.entries;
      this.#moderators = result.moderators;
      this.#total = result.total;
      this.#next = result.nextCursor;
    },
    (error) => {
      if (error instanceof UnauthorizedError) this.console.signedOut();
    },
  );

  hostDisconnected(): void {
    this.#load.forget();
  }

  #query(): AuditQuery {
    const { moderator, action, page, comment } = this.#filters;
    return {
      moderator: moderator || undefined,
      action: (action || undefined) as AuditQuery['action'],
      page: page || undefined,
      comment: comment || undefined,
    };
  }

  /** Reads the log afresh, or its next page. */
  load(more = false): Promise<void> {
    this.#loadingMore = more;
    return this.#load.run(more);
  }

  #apply(event: Event): void {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const value = (name: keyof Filters) => String(data.get(`audit-${name}`) ?? '').trim();
    this.#filters = { moderator: value('moderator'), action: value('action'), page: value('page'), comment: value('comment') };
    this.#downloadError = '';
    void this.load();
  }

  async #download(): Promise<void> {
    this.change(() => (this.#downloadError = ''));
    try {
      download(await this.console.api().exportAudit(this.#query()));
    } catch (error) {
      if (error instanceof UnauthorizedError) return this.console.signedOut();
      this.change(() => (this.#downloadError = this.console.auditStrings().downloadFailed));
    }
  }

  render(): TemplateResult {
    const words = this.console.auditStrings();
    return html`
      <section part="audit" aria-labelledby="audit-heading">
        <h3 class="form-heading" id="audit-heading">${words.heading}</h3>
        <p class="hint">${words.intro}</p>
        ${this.#renderFilters(words)}
        <div class="actions">
          <button class="button secondary" type="button" @click=${() => this.#download()}>${words.download}</button>
        </div>
        <p class="error-text" role="status">${this.#downloadError}</p>
        ${this.#renderLog(words)}
      </section>
    `;
  }

  #renderFilters(words: AuditConsoleStrings): TemplateResult {
    const strings = this.console.strings();
    const filters = this.#filters;
    const choose = (name: 'moderator' | 'action', label: string, choices: [string, string][]) =>
      html`<div class="field">
        <label for="audit-${name}">${label}</label>
        <select class="input" id="audit-${name}" name="audit-${name}">
          ${[['', strings.any] as [string, string], ...choices].map(
            ([value, text]) => html`<option value=${value} ?selected=${value === filters[name]}>${text}</option>`,
          )}
        </select>
      </div>`;
    const text = (name: 'page' | 'comment', label: string, hint?: string) =>
      html`<div class="field">
        <label for="audit-${name}">${label}</label>
        ${hint ? html`<div class="hint" id="audit-${name}-hint">${hint}</div>` : nothing}
        <input
          class="input"
          id="audit-${name}"
          name="audit-${name}"
          spellcheck="false"
          autocomplete="off"
          aria-describedby=${hint ? `audit-${name}-hint` : nothing}
          .value=${filters[name]}
        />
      </div>`;
    const moderators = [...new Set([...this.#moderators, ...(filters.moderator ? [filters.moderator] : [])])];
    return html`<form class="filters" part="audit-filters" @submit=${(event: Event) => this.#apply(event)} aria-labelledby="audit-filters-heading">
      <h4 class="visually-hidden" id="audit-filters-heading">${words.filtersHeading}</h4>
      ${choose(
        'moderator',
        words.moderatorLabel,
        moderators.map((name) => [name, words.nameOf(name)]),
      )}
      ${choose(
        'action',
        words.actionLabel,
        auditActions.map((action) => [action, words.actions[action]]),
      )}
      ${text('page', strings.pageLabel)} ${text('comment', words.responseLabel, words.responseHint)}
      <button class="button secondary" type="submit">${strings.applyFilters}</button>
    </form>`;
  }

  #renderLog(words: AuditConsoleStrings): TemplateResult {
    const strings = this.console.strings();
    const waiting = this.#load.status({ ...words, tryAgain: strings.tryAgain }, () => this.load(), this.#loadingMore);
    if (waiting) return waiting;
    if (!this.#entries.length) return html`<p class="hint">${words.none}</p>`;
    const { columns } = words;
    return html`
      <p class="hint">${words.shown(this.#entries.length, this.#total)}</p>
      <div class="table-scroll" role="region" aria-labelledby="audit-caption" tabindex="0">
        <table class="audit-table" part="audit-log">
          <caption class="visually-hidden" id="audit-caption">${words.tableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">${columns.at}</th>
              <th scope="col">${columns.moderator}</th>
              <th scope="col">${columns.action}</th>
              <th scope="col">${columns.response}</th>
              <th scope="col">${columns.from}</th>
              <th scope="col">${columns.to}</th>
            </tr>
          </thead>
          <tbody>
            ${this.#entries.map((entry) => this.#renderEntry(entry, words))}
          </tbody>
        </table>
      </div>
      ${this.#next ? html`<button class="link-button" type="button" @click=${() => this.load(true)}>${words.showMore}</button>` : nothing}
    `;
  }

  #renderEntry(entry: AuditEntry, words: AuditConsoleStrings): TemplateResult {
    const { formatDateTime } = this.console.consultationStrings();
    const [from, to] = this.#values(entry, words);
    return html`<tr>
      <td><time datetime=${entry.at}>${formatDateTime(entry.at)}</time></td>
      <td>${words.nameOf(entry.moderator)}</td>
      <td>${words.actions[entry.action] ?? entry.action}</td>
      <td>
        ${entry.reference || entry.commentId ? html`<span class="reference">${entry.reference ?? entry.commentId}</span><br />` : nothing}
        ${entry.page ? words.onPage(entry.page, entry.section) : nothing}
      </td>
      <td class="change">${from}</td>
      <td class="change">${to}</td>
    </tr>`;
  }

  /** An entry's from and to, in the reader's words: statuses named, a consultation's changes listed. */
  #values(entry: AuditEntry, words: AuditConsoleStrings): [TemplateResult | string, TemplateResult | string] {
    const statuses = this.console.strings().statuses;
    const status = (value: string | null) => (value ? (statuses[value as CommentStatus] ?? value) : '');
    switch (entry.action) {
      case 'status':
        return [status(entry.from), status(entry.to)];
      case 'delete':
        return [status(entry.from), words.deleted];
      case 'erase':
        return ['', words.erasedDetails];
      case 'consultation':
        return [this.#changes(entry.from, words), this.#changes(entry.to, words)];
      default:
        return [entry.from ?? '', entry.to ?? ''];
    }
  }

  /** A consultation's changed fields, one per line. */
  #changes(json: string | null, words: AuditConsoleStrings): TemplateResult | string {
    if (!json) return '';
    let fields: Record<string, unknown>;
    try {
      fields = JSON.parse(json) as Record<string, unknown>;
    } catch {
      return json;
    }
    const { formatDateTime, notGiven } = this.console.consultationStrings();
    const shown = (field: string, value: unknown): string => {
      if (value === null || value === undefined || value === '') return notGiven;
      if (typeof value === 'boolean') return value ? words.yes : words.no;
      if (Array.isArray(value)) return words.sectionsCount(value.length);
      if ((field === 'opensAt' || field === 'closesAt') && typeof value === 'string') return formatDateTime(value);
      return String(value);
    };
    return html`<ul class="changes">
      ${Object.entries(fields).map(
        ([field, value]) => html`<li>${words.fields[field as keyof AuditConsoleStrings['fields']] ?? field}: ${shown(field, value)}</li>`,
      )}
    </ul>`;
  }
}
