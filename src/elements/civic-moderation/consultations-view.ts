import { html, nothing, type TemplateResult } from 'lit';
import { emailPattern, limits, type ConsultationInput, type ModerationConsultation } from '../../contract/index.js';
import { UnauthorizedError } from '../../backends/moderation.js';
import { ValidationFailedError } from '../../backends/errors.js';
import type { ConsultationConsoleStrings, DateField } from '../../i18n/features/consultation.js';
import { dateTimeParts, readDateTime, type DatePart, type DateTimeParts, type DateTimeReading } from './date-time-field.js';
import { errorSummary, type Problem } from '../../internal/govuk/error-summary.js';
import { ConsoleLoad } from './console-load.js';
import { ConsolePart, type ConsoleAccess } from './console-part.js';
import { errorMessage } from '../../internal/govuk/error-message.js';
import type { SectionsConsoleStrings } from '../../i18n/features/sections.js';
import { SectionsEditor, type SectionErrors } from './sections-editor.js';
import { OrphansPanel } from './orphans-panel.js';

/** What the consultations view needs of the console besides its strings and backend. */
export interface ConsultationsAccess extends ConsoleAccess {
  consultationStrings(): ConsultationConsoleStrings;
  sectionsStrings(): SectionsConsoleStrings;
  /** Moves to the comments view, filtered to one page. */
  showComments(page: string): void;
}

/** Creating one, changing one, or extending one (the same form, opened at its closing date). */
type Mode = 'create' | 'change' | 'extend';

/** The form as typed: kept through refusals and failures, so nothing is lost. */
interface Draft {
  page: string;
  title: string;
  opens: DateTimeParts;
  closes: DateTimeParts;
  department: string;
  askOrganisation: boolean;
  contactEmail: string;
}

type DraftField = 'page' | 'title' | 'opens' | 'closes' | 'department' | 'contactEmail';

interface FieldError {
  message: string;
  /** For a date: the parts to mark, the first of which the summary's link focuses. */
  parts?: DatePart[];
}

const startOfDay = { hour: 0, minute: 0 };
const endOfDay = { hour: 23, minute: 59 };
const dateParts: DatePart[] = ['day', 'month', 'year', 'time'];
/** The order of the fields on the form, which the error summary follows. */
const fieldOrder: DraftField[] = ['page', 'title', 'opens', 'closes', 'department', 'contactEmail'];

/**
 * The console's consultations: each with its state, dates and responses by status, and a form to
 * create one, change it or extend it, with dates typed in UK time in the GOV.UK date input and
 * errors in the GOV.UK pattern. The server's clock decides the state; a saved change applies at once.
 */
export class ConsultationsView extends ConsolePart<ConsultationsAccess> {
  #list: ModerationConsultation[] = [];
  #mode: Mode | null = null;
  #editing: ModerationConsultation | null = null;
  /** The id of the button that opened the form, which gets focus back when it closes. */
  #opener = '';
  #draft: Draft = emptyDraft();
  #errors = new Map<DraftField, FieldError>();
  #notice = '';
  #sending = false;
  /** The consultation's sections and their questions, as typed. */
  #sections = new SectionsEditor({
    change: (change) => this.change(change),
    focus: (selector) => this.focus(selector),
    errorPrefix: () => this.console.strings().errorPrefix,
  });
  #sectionErrors: SectionErrors = new Map();
  /** The page's threads that no section names, shown while its consultation is being changed. */
  #orphans = new OrphansPanel({
    ...this.console,
    consultationStrings: () => this.console.consultationStrings(),
    change: (change) => this.change(change),
    focus: (selector) => this.focus(selector),
    failed: (error) => {
      if (!(error instanceof UnauthorizedError)) return false;
      this.console.signedOut();
      return true;
    },
  });

  readonly #load = new ConsoleLoad(
    this.host,
    () => this.console.api().consultations(),
    (list) => (this.#list = list),
    (error) => {
      if (error instanceof UnauthorizedError) this.console.signedOut();
    },
  );

  hostDisconnected(): void {
    this.#load.forget();
  }

  /** Reads the consultations afresh: their states move with the clock. */
  load(): Promise<void> {
    return this.#load.run();
  }

  #open(mode: Mode, consultation: ModerationConsultation | null, opener: string): void {
    const { clock } = this.console.consultationStrings();
    this.change(() => {
      this.#mode = mode;
      this.#editing = consultation;
      this.#opener = opener;
      this.#errors = new Map();
      this.#sectionErrors = new Map();
      this.#sections.reset(consultation);
      this.#notice = '';
      this.#orphans.hide();
      this.#draft = consultation
        ? {
            page: consultation.page,
            title: consultation.title,
            opens: dateTimeParts(consultation.opensAt, clock),
            closes: dateTimeParts(consultation.closesAt, clock),
            department: consultation.department ?? '',
            askOrganisation: consultation.askOrganisation,
            contactEmail: consultation.contactEmail ?? '',
          }
        : emptyDraft();
    });
    if (mode === 'change') void this.#orphans.show(consultation);
    void this.focus(mode === 'extend' ? '#closes-day' : mode === 'change' ? '#consultation-title' : '#consultation-page');
  }

  #close(): void {
    const opener = this.#opener;
    this.change(() => {
      this.#mode = null;
      this.#editing = null;
      this.#errors = new Map();
    });
    void this.focus(opener ? `#${opener}` : '#consultations-heading');
  }

  async #save(event: Event): Promise<void> {
    event.preventDefault();
    if (this.#sending) return;
    const strings = this.console.consultationStrings();
    const draft = readDraft(event.currentTarget as HTMLFormElement, this.#editing);
    const { input, errors } = check(draft, strings);
    const sectioned = this.#sections.check(this.console.sectionsStrings());
    this.change(() => {
      this.#draft = draft;
      this.#errors = errors;
      this.#sectionErrors = sectioned.errors;
    });
    if (!input || !sectioned.sections) return this.focus('.error-summary');

    this.change(() => (this.#sending = true));
    try {
      const saved = await this.console.api().saveConsultation(draft.page, {
        ...input,
        sections: sectioned.sections,
        showAnswerCounts: this.#sections.showAnswerCounts,
      });
      const others = this.#list.filter((consultation) => consultation.page !== saved.page);
      this.change(() => {
        this.#list = [saved, ...others];
        this.#mode = null;
        this.#editing = null;
        this.#notice = strings.saved(saved.title);
      });
      await this.focus('.consultations-notice');
    } catch (error) {
      if (error instanceof UnauthorizedError) return this.console.signedOut();
      const refused = error instanceof ValidationFailedError ? fieldsRefused(error.fields) : [];
      const sectionsRefused =
        error instanceof ValidationFailedError ? this.#sections.refused(error.fields, this.console.sectionsStrings()) : new Map();
      this.change(() => {
        this.#sectionErrors = sectionsRefused;
        this.#errors = new Map<DraftField, FieldError>(
          refused.length
            ? refused.map((field) => [
                field,
                { message: strings.refused, parts: field === 'opens' || field === 'closes' ? ['day'] : undefined },
              ])
            : sectionsRefused.size
              ? []
              : [[this.#editing ? 'title' : 'page', { message: strings.saveFailed }]],
        );
      });
      await this.focus('.error-summary');
    } finally {
      this.change(() => (this.#sending = false));
    }
  }

  // ---- Rendering -----------------------------------------------------------------------------

  render(): TemplateResult {
    const strings = this.console.consultationStrings();
    if (this.#mode) return html`${this.#renderForm(strings, this.#mode)} ${this.#mode === 'change' ? this.#orphans.render() : nothing}`;
    return html`
      <section part="consultations" aria-labelledby="consultations-heading">
        <div class="bar">
          <h3 class="form-heading" id="consultations-heading" tabindex="-1">${strings.heading}</h3>
          <button class="button" id="create-consultation" type="button" @click=${() => this.#open('create', null, 'create-consultation')}>
            ${strings.create}
          </button>
        </div>
        <p class="hint">${strings.intro}</p>
        <div class="notice-area" role="status">
          ${this.#notice ? html`<p class="done consultations-notice" tabindex="-1">${this.#notice}</p>` : nothing}
        </div>
        ${this.#renderList(strings)}
      </section>
    `;
  }

  #renderList(strings: ConsultationConsoleStrings): TemplateResult {
    const moderation = this.console.strings();
    const waiting = this.#load.status({ ...strings, tryAgain: moderation.tryAgain }, () => this.load());
    if (waiting) return waiting;
    if (!this.#list.length) return html`<p class="hint">${strings.none}</p>`;
    return html`<ul class="consultation-list">
      ${this.#list.map((consultation, index) => this.#renderCard(consultation, index, strings))}
    </ul>`;
  }

  #renderCard(consultation: ModerationConsultation, index: number, strings: ConsultationConsoleStrings): TemplateResult {
    const titleId = `consultation-${index}`;
    const counts = Object.entries(consultation.statusCounts).filter(([, count]) => count > 0);
    const row = (label: string, value: string) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`;
    const action = (id: string, label: string, act: () => void) =>
      html`<button class="link-button" id=${id} type="button" aria-describedby=${titleId} @click=${act}>${label}</button>`;
    return html`<li>
      <article class="card" part="consultation" aria-labelledby=${titleId}>
        <div class="card-head">
          <h4 class="card-title" id=${titleId}>${consultation.title}</h4>
          <strong class="tag state ${consultation.state}">${strings.states[consultation.state]}</strong>
        </div>
        <dl class="summary">
          ${row(this.console.strings().pageLabel, consultation.page)}
          ${row(strings.opensLabel, consultation.opensAt ? strings.formatDateTime(consultation.opensAt) : strings.opensAtOnce)}
          ${row(strings.closesLabel, consultation.closesAt ? strings.formatDateTime(consultation.closesAt) : strings.neverCloses)}
          ${row(strings.departmentLabel, consultation.department ?? strings.departmentNone)}
          ${row(strings.organisationLabel, consultation.askOrganisation ? strings.yes : strings.no)}
          ${row(strings.contactLabel, consultation.contactEmail ?? strings.notGiven)}
          ${row(strings.responsesLabel, counts.length ? strings.responses(counts) : strings.responsesNone)}
        </dl>
        <div class="actions">
          ${action(`change-${index}`, strings.change, () => this.#open('change', consultation, `change-${index}`))}
          ${consultation.closesAt ? action(`extend-${index}`, strings.extend, () => this.#open('extend', consultation, `extend-${index}`)) : nothing}
          ${action(`comments-${index}`, strings.showComments, () => this.console.showComments(consultation.page))}
        </div>
      </article>
    </li>`;
  }

  #renderForm(strings: ConsultationConsoleStrings, mode: Mode): TemplateResult {
    const moderation = this.console.strings();
    const draft = this.#draft;
    const editing = this.#editing;
    const problems: Problem[] = [
      ...fieldOrder.flatMap((field) => {
        const error = this.#errors.get(field);
        return error ? [{ target: fieldId(field, error), message: error.message }] : [];
      }),
      ...[...this.#sectionErrors].map(([target, message]) => ({ target, message })),
    ];
    const heading = !editing
      ? strings.createHeading
      : mode === 'extend'
        ? strings.extendHeading(editing.title)
        : strings.changeHeading(editing.title);
    return html`
      <form class="form" part="consultation-form" novalidate @submit=${(event: Event) => this.#save(event)} aria-labelledby="consultation-form-heading">
        <h3 class="form-heading" id="consultation-form-heading">${heading}</h3>
        ${problems.length ? errorSummary(moderation.errorSummaryTitle, problems) : nothing}
        ${mode === 'extend' ? html`<p class="hint">${strings.extendHint}</p>` : nothing}
        ${
          editing
            ? html`<p class="meta"><span>${strings.pageLabel}:</span> <strong>${editing.page}</strong></p>`
            : this.#textField('page', 'consultation-page', strings.pageLabel, draft.page, { hint: strings.pageHint, spellcheck: false })
        }
        ${this.#textField('title', 'consultation-title', strings.titleLabel, draft.title)}
        ${this.#dateField('opens', draft.opens, strings)} ${this.#dateField('closes', draft.closes, strings)}
        ${this.#textField('department', 'consultation-department', strings.departmentLabel, draft.department, { hint: strings.departmentHint })}
        <div class="field">
          <div class="choice">
            <input
              id="consultation-organisation"
              name="askOrganisation"
              type="checkbox"
              .checked=${draft.askOrganisation}
              aria-describedby="consultation-organisation-hint"
            />
            <label for="consultation-organisation">${strings.askOrganisationLabel}</label>
          </div>
          <div class="hint choice-hint" id="consultation-organisation-hint">${strings.askOrganisationHint}</div>
        </div>
        ${this.#textField('contactEmail', 'consultation-contact', strings.contactEmailLabel, draft.contactEmail, {
          hint: strings.contactHint,
          type: 'email',
          spellcheck: false,
        })}
        ${mode === 'extend' ? nothing : this.#sections.render(this.console.sectionsStrings(), this.#sectionErrors)}
        <div class="actions">
          <button class="button" type="submit" aria-disabled=${this.#sending ? 'true' : 'false'}>${strings.save}</button>
          <button class="button secondary" type="button" @click=${() => this.#close()}>${moderation.cancel}</button>
        </div>
      </form>
    `;
  }

  #textField(
    field: DraftField,
    id: string,
    label: string,
    value: string,
    options: { hint?: string; type?: string; spellcheck?: boolean } = {},
  ): TemplateResult {
    const error = this.#errors.get(field);
    const described = [options.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`<div class="field ${error ? 'has-error' : ''}">
      <label for=${id}>${label}</label>
      ${options.hint ? html`<div class="hint" id="${id}-hint">${options.hint}</div>` : nothing}
      ${error ? this.#errorMessage(`${id}-error`, error.message) : nothing}
      <input
        class="input"
        id=${id}
        name=${field}
        type=${options.type ?? 'text'}
        spellcheck=${options.spellcheck === false ? 'false' : 'true'}
        autocomplete="off"
        .value=${value}
        aria-describedby=${described || nothing}
      />
    </div>`;
  }

  /** The GOV.UK date input (day, month, year) with the time beside it, as one group. */
  #dateField(field: DateField, value: DateTimeParts, strings: ConsultationConsoleStrings): TemplateResult {
    const error = this.#errors.get(field);
    const marked = new Set(error?.parts ?? []);
    const label = { day: strings.day, month: strings.month, year: strings.year, time: strings.time };
    return html`<div class="field ${error ? 'has-error' : ''}">
      <fieldset role="group" aria-describedby="${field}-hint${error ? ` ${field}-error` : ''}">
        <legend>${strings.dateLegend[field]}</legend>
        <div class="hint" id="${field}-hint">${strings.dateHint[field]}</div>
        ${error ? this.#errorMessage(`${field}-error`, error.message) : nothing}
        <div class="date-input">
          ${dateParts.map(
            (part) => html`<div class="date-item ${part}">
              <label for="${field}-${part}">${label[part]}</label>
              <input
                class="input ${marked.has(part) ? 'part-error' : ''}"
                id="${field}-${part}"
                name="${field}-${part}"
                type="text"
                inputmode=${part === 'time' ? nothing : 'numeric'}
                autocomplete="off"
                spellcheck="false"
                .value=${value[part]}
              />
            </div>`,
          )}
        </div>
      </fieldset>
    </div>`;
  }

  #errorMessage(id: string, message: string): TemplateResult | typeof nothing {
    return errorMessage(id, this.console.strings().errorPrefix, message);
  }
}

function emptyDraft(): Draft {
  const none = { day: '', month: '', year: '', time: '' };
  return { page: '', title: '', opens: none, closes: none, department: '', askOrganisation: false, contactEmail: '' };
}

/** The id an error summary's link focuses: the field, or a date's first marked part. */
function fieldId(field: DraftField, error: FieldError): string {
  if (field === 'opens' || field === 'closes') return `${field}-${error.parts?.[0] ?? 'day'}`;
  return {
    page: 'consultation-page',
    title: 'consultation-title',
    department: 'consultation-department',
    contactEmail: 'consultation-contact',
  }[field];
}

function readDraft(form: HTMLFormElement, editing: ModerationConsultation | null): Draft {
  const data = new FormData(form);
  const value = (name: string) => String(data.get(name) ?? '');
  const date = (field: DateField): DateTimeParts => ({
    day: value(`${field}-day`),
    month: value(`${field}-month`),
    year: value(`${field}-year`),
    time: value(`${field}-time`),
  });
  return {
    page: editing ? editing.page : value('page').trim(),
    title: value('title'),
    opens: date('opens'),
    closes: date('closes'),
    department: value('department'),
    askOrganisation: data.get('askOrganisation') !== null,
    contactEmail: value('contactEmail'),
  };
}

/** Checks the draft as the contract will, with a message for each field in the GOV.UK style. */
function check(draft: Draft, strings: ConsultationConsoleStrings): { input?: ConsultationInput; errors: Map<DraftField, FieldError> } {
  const errors = new Map<DraftField, FieldError>();
  const title = draft.title.trim();
  const department = draft.department.trim();
  const contactEmail = draft.contactEmail.trim();
  if (!draft.page) errors.set('page', { message: strings.pageMissing });
  else if ([...draft.page].length > limits.pageMax) errors.set('page', { message: strings.pageTooLong(limits.pageMax) });
  if (!title) errors.set('title', { message: strings.titleMissing });
  else if ([...title].length > limits.titleMax) errors.set('title', { message: strings.tooLong(strings.titleLabel, limits.titleMax) });
  const opens = readDateTime(draft.opens, startOfDay);
  const closes = readDateTime(draft.closes, endOfDay);
  for (const [field, reading] of [
    ['opens', opens],
    ['closes', closes],
  ] as [DateField, DateTimeReading][]) {
    if (!reading.ok) errors.set(field, { message: dateMessage(field, reading, strings), parts: reading.parts });
  }
  if (opens.ok && closes.ok && opens.value && closes.value && Date.parse(closes.value) <= Date.parse(opens.value)) {
    errors.set('closes', { message: strings.closesBeforeOpens, parts: [...dateParts] });
  }
  if ([...department].length > limits.titleMax) {
    errors.set('department', { message: strings.tooLong(strings.departmentLabel, limits.titleMax) });
  }
  if (contactEmail && (!emailPattern.test(contactEmail) || contactEmail.length > limits.emailMax)) {
    errors.set('contactEmail', { message: strings.contactInvalid });
  }
  if (errors.size || !opens.ok || !closes.ok) return { errors };
  return {
    errors,
    input: {
      title,
      opensAt: opens.value,
      closesAt: closes.value,
      department: department || null,
      askOrganisation: draft.askOrganisation,
      contactEmail: contactEmail || null,
    },
  };
}

function dateMessage(field: DateField, reading: Extract<DateTimeReading, { ok: false }>, strings: ConsultationConsoleStrings): string {
  const { problem } = reading;
  switch (problem.kind) {
    case 'missing':
      return strings.dateMissing(field);
    case 'incomplete':
      return strings.dateIncomplete(field, problem.missing);
    case 'not-real':
      return strings.dateNotReal(field);
    case 'year-digits':
      return strings.yearDigits;
    case 'time':
      return strings.timeInvalid(field);
  }
}

/** The form's fields that a server's refusal names, in the form's order. */
function fieldsRefused(fields: Record<string, string>): DraftField[] {
  const named: Record<string, DraftField> = {
    page: 'page',
    title: 'title',
    opensAt: 'opens',
    closesAt: 'closes',
    department: 'department',
    contactEmail: 'contactEmail',
  };
  const refused = new Set(
    Object.keys(fields)
      .map((key) => named[key.split('.')[0]!])
      .filter((field) => field !== undefined),
  );
  return fieldOrder.filter((field) => refused.has(field));
}
