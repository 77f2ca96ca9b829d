import { html, nothing, type TemplateResult } from 'lit';
import {
  limits,
  optionInUseMessage,
  questionDefaults,
  questionLimits,
  type ConsultationInput,
  type ModerationConsultation,
  type SectionQuestion,
} from '../../contract/index.js';
import type { SectionsConsoleStrings } from '../../i18n/features/sections.js';
import { errorMessage } from '../../internal/govuk/error-message.js';

/** A section as typed in the form, with its question whether asked or not, so that unticking it loses nothing. */
interface SectionDraft {
  id: string;
  title: string;
  /** Saved before: its id is the threads' key and cannot change. */
  saved: boolean;
  asks: boolean;
  text: string;
  type: SectionQuestion['type'];
  options: string[];
  required: boolean;
  freeText: NonNullable<SectionQuestion['freeText']>;
  errorMessage: string;
  /** Earlier headings' ids, as typed: separated by commas. */
  aliases: string;
  /** The published wording, as typed. */
  wording: string;
  /** What changed in the wording, for the change log. */
  note: string;
}

/** What the editor needs of the form it sits in. */
export interface SectionsEditorHost {
  /** Changes the editor's state and renders again. */
  change(change: () => void): void;
  /** Moves focus once rendered. */
  focus(selector: string): Promise<void>;
  errorPrefix(): string;
}

/** A section's earlier headings as typed: separated by commas or lines, blanks left out. */
const aliasesOf = (section: SectionDraft): string[] =>
  section.aliases
    .split(/[,\n]/)
    .map((alias) => alias.trim())
    .filter(Boolean);

/** Refusals by the id of the element a summary's link focuses, in the form's order. */
export type SectionErrors = Map<string, string>;

/** A question not yet written: a fresh one each time, as its answers' list is typed into. */
const blankQuestion = () => ({
  text: '',
  type: 'single' as const,
  options: ['', ''],
  required: true,
  freeText: 'required' as const,
  errorMessage: '',
});

/**
 * The sections of a consultation, each with its id, title and, if it asks one, its closed
 * question: GOV.UK "add another" for sections and for a question's answers. A section's id is
 * fixed once saved; an answer that responses chose can be added to but not taken away, which the
 * server refuses and the editor words.
 */
export class SectionsEditor {
  sections: SectionDraft[] = [];
  showAnswerCounts = false;
  /** The question of each saved section as saved, to word the server's refusal of an answer taken away. */
  #saved: ModerationConsultation['sections'] = [];

  constructor(private readonly host: SectionsEditorHost) {}

  reset(consultation: ModerationConsultation | null): void {
    this.#saved = consultation?.sections ?? [];
    this.showAnswerCounts = consultation?.showAnswerCounts ?? false;
    this.sections = this.#saved.map((section) => ({
      id: section.id,
      title: section.title,
      saved: true,
      aliases: section.aliases.join(', '),
      wording: section.text ?? '',
      note: '',
      ...blankQuestion(),
      ...(section.question && {
        asks: true,
        text: section.question.text,
        type: section.question.type,
        options: [...section.question.options],
        ...questionDefaults(section.question),
        errorMessage: section.question.errorMessage ?? '',
      }),
      asks: Boolean(section.question),
    }));
  }

  /**
   * Keeps what is typed without drawing the form again: redrawn on every key, a field would set its
   * own value back under the typing and lose keys (as WebKit does).
   */
  #keep(index: number, change: Partial<SectionDraft>): void {
    Object.assign(this.sections[index]!, change);
  }

  #set(index: number, change: Partial<SectionDraft>): void {
    this.host.change(() => (this.sections = this.sections.map((section, i) => (i === index ? { ...section, ...change } : section))));
  }

  #addSection(): void {
    this.host.change(
      () =>
        (this.sections = [
          ...this.sections,
          { id: '', title: '', saved: false, asks: false, ...blankQuestion(), aliases: '', wording: '', note: '' },
        ]),
    );
    void this.host.focus(`#section-${this.sections.length - 1}-id`);
  }

  #removeSection(index: number): void {
    this.host.change(() => (this.sections = this.sections.filter((_, i) => i !== index)));
    void this.host.focus('#add-section');
  }

  #addOption(index: number): void {
    const options = [...this.sections[index]!.options, ''];
    this.#set(index, { options });
    void this.host.focus(`#section-${index}-option-${options.length - 1}`);
  }

  #removeOption(index: number, option: number): void {
    this.#set(index, { options: this.sections[index]!.options.filter((_, i) => i !== option) });
    void this.host.focus(`#section-${index}-option-${Math.max(0, option - 1)}`);
  }

  /** The sections as the contract takes them, or the problems to put right first, keyed by what each link focuses. */
  check(strings: SectionsConsoleStrings): { sections?: ConsultationInput['sections']; errors: SectionErrors } {
    const errors: SectionErrors = new Map();
    const seen = new Set<string>();
    const long = (text: string, max: number) => [...text].length > max;
    // Every id a section answers to, its own and its earlier headings', names that section only.
    const named = new Map<string, number>();
    this.sections.forEach((section, i) => {
      for (const name of [section.id.trim(), ...aliasesOf(section)]) if (name && !named.has(name)) named.set(name, i);
    });
    const wordingOf = (section: SectionDraft, i: number) => {
      // A section's own id among its earlier headings says nothing: it is left out.
      const aliases = aliasesOf(section).filter((alias) => alias !== section.id.trim());
      const taken = aliases.find((alias) => named.get(alias) !== i);
      if (taken) errors.set(`section-${i}-aliases`, strings.aliasTaken(taken));
      else if (aliases.length > limits.aliasesMax) errors.set(`section-${i}-aliases`, strings.aliasesTooMany(limits.aliasesMax));
      else if (aliases.some((alias) => long(alias, limits.sectionMax)))
        errors.set(`section-${i}-aliases`, strings.tooLong(strings.aliasesLabel, limits.sectionMax));
      const text = section.wording.trim();
      if (long(text, limits.sectionTextMax))
        errors.set(`section-${i}-wording`, strings.tooLong(strings.wordingLabel, limits.sectionTextMax));
      const note = section.note.trim();
      if (long(note, limits.noteMax)) errors.set(`section-${i}-note`, strings.tooLong(strings.noteLabel, limits.noteMax));
      return { aliases, text: text || null, note: note || null };
    };
    const sections = this.sections.map((section, i) => {
      const id = section.id.trim();
      const title = section.title.trim();
      if (!id) errors.set(`section-${i}-id`, strings.idMissing);
      else if (long(id, limits.sectionMax)) errors.set(`section-${i}-id`, strings.tooLong(strings.idLabel, limits.sectionMax));
      else if (seen.has(id)) errors.set(`section-${i}-id`, strings.idDuplicate);
      seen.add(id);
      if (!title) errors.set(`section-${i}-title`, strings.titleMissing);
      else if (long(title, limits.titleMax)) errors.set(`section-${i}-title`, strings.tooLong(strings.titleLabel, limits.titleMax));
      if (!section.asks) return { id, title, question: null, ...wordingOf(section, i) };
      const text = section.text.trim();
      const options = section.options.map((option) => option.trim()).filter(Boolean);
      const errorText = section.errorMessage.trim();
      if (!text) errors.set(`section-${i}-question`, strings.questionMissing);
      else if (long(text, questionLimits.textMax))
        errors.set(`section-${i}-question`, strings.tooLong(strings.questionLabel, questionLimits.textMax));
      const optionsError =
        options.length < questionLimits.optionsMin
          ? strings.optionsTooFew
          : options.length > questionLimits.optionsMax
            ? strings.optionsTooMany
            : new Set(options).size !== options.length
              ? strings.optionsDuplicate
              : options.some((option) => long(option, questionLimits.optionMax))
                ? strings.tooLong(strings.optionLabel(1), questionLimits.optionMax)
                : '';
      if (optionsError) errors.set(`section-${i}-option-0`, optionsError);
      if (long(errorText, questionLimits.optionMax)) {
        errors.set(`section-${i}-error-message`, strings.tooLong(strings.errorMessageLabel, questionLimits.optionMax));
      }
      const question: SectionQuestion = { text, type: section.type, options, required: section.required, freeText: section.freeText };
      if (errorText) question.errorMessage = errorText;
      return { id, title, question, ...wordingOf(section, i) };
    });
    return errors.size ? { errors } : { errors, sections };
  }

  /** The server's refusals of the sections, worded here: an answer or a section that responses chose cannot go. */
  refused(fields: Record<string, string>, strings: SectionsConsoleStrings): SectionErrors {
    const errors: SectionErrors = new Map();
    for (const [key, message] of Object.entries(fields)) {
      if (key === 'sections') {
        errors.set('add-section', strings.sectionInUse);
        continue;
      }
      const index = Number(/^sections\.(\d+)/.exec(key)?.[1]);
      if (Number.isNaN(index)) continue;
      const section = this.sections[index];
      const saved = this.#saved.find((each) => each.id === section?.id);
      const taken = saved?.question?.options.find((option) => message === optionInUseMessage(option, saved.id));
      const target = key.includes('.question.options')
        ? `section-${index}-option-0`
        : key.includes('.question')
          ? `section-${index}-question`
          : key.includes('.aliases')
            ? `section-${index}-aliases`
            : key.endsWith('.text')
              ? `section-${index}-wording`
              : key.endsWith('.note')
                ? `section-${index}-note`
                : key.endsWith('.title')
                  ? `section-${index}-title`
                  : `section-${index}-id`;
      errors.set(target, taken ? strings.optionInUse(taken) : message);
    }
    return errors;
  }

  render(strings: SectionsConsoleStrings, errors: SectionErrors): TemplateResult {
    return html`
      <div class="field sections" part="sections-editor">
        <h4 class="form-heading" id="sections-heading">${strings.heading}</h4>
        <div class="hint" id="sections-hint">${strings.hint}</div>
        ${this.sections.length ? nothing : html`<p class="hint">${strings.none}</p>`}
        ${this.sections.map((section, index) => this.#renderSection(section, index, strings, errors))}
        ${errors.get('add-section') ? this.#error('add-section-error', errors.get('add-section')) : nothing}
        <button class="button secondary" id="add-section" type="button" @click=${() => this.#addSection()}>${strings.add}</button>
        <div class="field">
          <div class="choice">
            <input
              id="show-answer-counts"
              type="checkbox"
              .checked=${this.showAnswerCounts}
              aria-describedby="show-answer-counts-hint"
              @change=${(event: Event) => this.host.change(() => (this.showAnswerCounts = (event.target as HTMLInputElement).checked))}
            />
            <label for="show-answer-counts">${strings.showAnswerCountsLabel}</label>
          </div>
          <div class="hint choice-hint" id="show-answer-counts-hint">${strings.showAnswerCountsHint}</div>
        </div>
      </div>
    `;
  }

  #renderSection(section: SectionDraft, index: number, strings: SectionsConsoleStrings, errors: SectionErrors): TemplateResult {
    const id = (name: string) => `section-${index}-${name}`;
    return html`
      <fieldset class="section-editor" part="section-editor">
        <legend>${strings.legend(index + 1)}</legend>
        ${
          section.saved
            ? html`<p class="meta"><span>${strings.idLabel}:</span> <strong id=${id('id')} tabindex="-1">${section.id}</strong></p>`
            : this.#text(id('id'), strings.idLabel, section.id, errors, (text) => this.#keep(index, { id: text }), strings.idHint)
        }
        ${this.#text(id('title'), strings.titleLabel, section.title, errors, (text) => this.#keep(index, { title: text }))}
        ${this.#text(id('aliases'), strings.aliasesLabel, section.aliases, errors, (text) => this.#keep(index, { aliases: text }), strings.aliasesHint)}
        ${this.#textarea(id('wording'), strings.wordingLabel, section.wording, errors, (text) => this.#keep(index, { wording: text }), strings.wordingHint)}
        ${this.#text(id('note'), strings.noteLabel, section.note, errors, (text) => this.#keep(index, { note: text }), strings.noteHint)}
        <div class="choice">
          <input
            id=${id('asks')}
            type="checkbox"
            aria-controls=${id('question-fields')}
            .checked=${section.asks}
            @change=${(event: Event) => this.#set(index, { asks: (event.target as HTMLInputElement).checked })}
          />
          <label for=${id('asks')}>${strings.asksQuestion}</label>
        </div>
        <div class="conditional" id=${id('question-fields')} ?hidden=${!section.asks}>
          ${this.#text(id('question'), strings.questionLabel, section.text, errors, (text) => this.#keep(index, { text }))}
          ${this.#radios(
            id('type'),
            strings.typeLegend,
            section.type,
            [
              ['single', strings.single],
              ['multiple', strings.multiple],
            ],
            (type) => this.#set(index, { type: type as SectionDraft['type'] }),
          )}
          ${this.#renderOptions(section, index, strings, errors)}
          <div class="choice">
            <input
              id=${id('required')}
              type="checkbox"
              .checked=${section.required}
              @change=${(event: Event) => this.#set(index, { required: (event.target as HTMLInputElement).checked })}
            />
            <label for=${id('required')}>${strings.requiredLabel}</label>
          </div>
          ${this.#radios(
            id('free-text'),
            strings.freeTextLegend,
            section.freeText,
            [
              ['required', strings.freeTextRequired],
              ['optional', strings.freeTextOptional],
              ['none', strings.freeTextNone],
            ],
            (freeText) => this.#set(index, { freeText: freeText as SectionDraft['freeText'] }),
          )}
          ${this.#text(id('error-message'), strings.errorMessageLabel, section.errorMessage, errors, (text) => this.#keep(index, { errorMessage: text }), strings.errorMessageHint)}
        </div>
        <button class="link-button" type="button" @click=${() => this.#removeSection(index)} aria-describedby=${id('title')}>
          ${strings.remove}
        </button>
      </fieldset>
    `;
  }

  #renderOptions(section: SectionDraft, index: number, strings: SectionsConsoleStrings, errors: SectionErrors): TemplateResult {
    const error = errors.get(`section-${index}-option-0`);
    return html`
      <div class="field ${error ? 'has-error' : ''}">
        <fieldset aria-describedby=${error ? `section-${index}-options-error` : nothing}>
          <legend>${strings.optionsLegend}</legend>
          ${this.#error(`section-${index}-options-error`, error)}
          ${section.options.map(
            (option, n) => html`<div class="option-row">
              <label for="section-${index}-option-${n}">${strings.optionLabel(n + 1)}</label>
              <input
                class="input"
                id="section-${index}-option-${n}"
                type="text"
                autocomplete="off"
                .value=${option}
                @input=${(event: Event) => {
                  section.options[n] = (event.target as HTMLInputElement).value;
                }}
              />
              ${
                section.options.length > questionLimits.optionsMin
                  ? html`<button class="link-button" type="button" @click=${() => this.#removeOption(index, n)}>${strings.removeOption(n + 1)}</button>`
                  : nothing
              }
            </div>`,
          )}
          ${
            section.options.length < questionLimits.optionsMax
              ? html`<button class="button secondary" type="button" @click=${() => this.#addOption(index)}>${strings.addOption}</button>`
              : nothing
          }
        </fieldset>
      </div>
    `;
  }

  #text(id: string, label: string, value: string, errors: SectionErrors, set: (text: string) => void, hint?: string): TemplateResult {
    const error = errors.get(id);
    const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`<div class="field ${error ? 'has-error' : ''}">
      <label for=${id}>${label}</label>
      ${hint ? html`<div class="hint" id="${id}-hint">${hint}</div>` : nothing}
      ${this.#error(`${id}-error`, error)}
      <input
        class="input"
        id=${id}
        type="text"
        autocomplete="off"
        .value=${value}
        aria-describedby=${described || nothing}
        @input=${(event: Event) => set((event.target as HTMLInputElement).value)}
      />
    </div>`;
  }

  #textarea(id: string, label: string, value: string, errors: SectionErrors, set: (text: string) => void, hint: string): TemplateResult {
    const error = errors.get(id);
    return html`<div class="field ${error ? 'has-error' : ''}">
      <label for=${id}>${label}</label>
      <div class="hint" id="${id}-hint">${hint}</div>
      ${this.#error(`${id}-error`, error)}
      <textarea
        class="input"
        id=${id}
        rows="5"
        .value=${value}
        aria-describedby=${error ? `${id}-hint ${id}-error` : `${id}-hint`}
        @input=${(event: Event) => set((event.target as HTMLTextAreaElement).value)}
      ></textarea>
    </div>`;
  }

  #radios(name: string, legend: string, value: string, choices: [string, string][], set: (value: string) => void): TemplateResult {
    return html`<div class="field">
      <fieldset>
        <legend>${legend}</legend>
        ${choices.map(
          ([choice, label]) => html`<div class="choice">
            <input id="${name}-${choice}" type="radio" name=${name} .checked=${value === choice} @change=${() => set(choice)} />
            <label for="${name}-${choice}">${label}</label>
          </div>`,
        )}
      </fieldset>
    </div>`;
  }

  #error(id: string, message: string | undefined): TemplateResult | typeof nothing {
    return errorMessage(id, this.host.errorPrefix(), message);
  }
}
