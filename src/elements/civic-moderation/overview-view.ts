import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import type { ModerationConsultation, Overview, QuestionFigures } from '../../contract/index.js';
import { UnauthorizedError } from '../../backends/moderation.js';
import type { ConsultationConsoleStrings } from '../../i18n/features/consultation.js';
import type { OverviewConsoleStrings } from '../../i18n/features/overview.js';
import { ConsoleLoad } from './console-load.js';
import { ConsolePart, type ConsoleAccess } from './console-part.js';
import { formatNumber } from '../../i18n/format.js';

/** What the overview needs of the console besides its strings and backend. */
export interface OverviewAccess extends ConsoleAccess {
  overviewStrings(): OverviewConsoleStrings;
  consultationStrings(): ConsultationConsoleStrings;
}

/** One bar of a chart: its label, and its parts' values in the order of the chart's series. */
interface Bar {
  label: string;
  values: number[];
}

/** A series of a chart: its name, and the colour it is drawn in (each at least 3:1 against white). */
interface Series {
  name: string;
  colour: string;
}

const single = (name: string): Series[] => [{ name, colour: '#1d70b8' }];
/** A bar's height, with its label above it. */
const rowHeight = 44;

/**
 * The console's overview of one consultation: its state and dates, then four charts, each an SVG
 * with a title and a description that says what it shows, and beside it a table of the same
 * figures, which is what a screen reader, a keyboard and a printout get in full. Drawn here in a
 * few SVG rectangles; no charting library.
 */
export class OverviewView extends ConsolePart<OverviewAccess> {
  #consultations: ModerationConsultation[] = [];
  #page = '';
  #overview: Overview | null = null;

  readonly #load = new ConsoleLoad(
    this.host,
    async ([page]: [string]) => {
      const api = this.console.api();
      const consultations = await api.consultations();
      const chosen = page || consultations[0]?.page || '';
      return { consultations, page: chosen, overview: chosen ? await api.overview(chosen) : null };
    },
    ({ consultations, page, overview }) => {
      this.#consultations = consultations;
      this.#page = page;
      this.#overview = overview;
    },
    (error) => {
      if (error instanceof UnauthorizedError) this.console.signedOut();
    },
  );

  hostDisconnected(): void {
    this.#load.forget();
  }

  /** Reads the consultations, then the overview of the one chosen (the first, unless told). */
  load(page = this.#page): Promise<void> {
    return this.#load.run(page);
  }

  #choose(event: Event): void {
    event.preventDefault();
    const page = String(new FormData(event.currentTarget as HTMLFormElement).get('overview-page') ?? '');
    void this.load(page).then(() => this.focus('#overview-total'));
  }

  render(): TemplateResult {
    const words = this.console.overviewStrings();
    const strings = this.console.strings();
    return html`<section part="overview" aria-labelledby="overview-heading">
      <h3 class="form-heading" id="overview-heading">${words.heading}</h3>
      <p class="hint">${words.intro}</p>
      ${
        this.#load.status({ ...words, tryAgain: strings.tryAgain }, () => this.load()) ??
        (!this.#consultations.length
          ? html`<p class="hint">${words.none}</p>`
          : html`${this.#renderChoice(words)} ${this.#overview ? this.#renderOverview(this.#overview, words) : nothing}`)
      }
    </section>`;
  }

  #renderChoice(words: OverviewConsoleStrings): TemplateResult {
    return html`<form class="filters" @submit=${(event: Event) => this.#choose(event)}>
      <div class="field">
        <label for="overview-page">${words.consultationLabel}</label>
        <select class="input" id="overview-page" name="overview-page">
          ${this.#consultations.map(
            (consultation) =>
              html`<option value=${consultation.page} ?selected=${consultation.page === this.#page}>${consultation.title}</option>`,
          )}
        </select>
      </div>
      <button class="button secondary" type="submit">${words.show}</button>
    </form>`;
  }

  #renderOverview(overview: Overview, words: OverviewConsoleStrings): TemplateResult {
    const dates = this.console.consultationStrings();
    const consultation = overview.consultation;
    const row = (label: string, value: string, id?: string) =>
      html`<div><dt>${label}</dt><dd id=${id ?? nothing} tabindex=${id ? '-1' : nothing}>${value}</dd></div>`;
    const { series, respondents, languages } = words;
    const sectionSeries: Series[] = [
      { name: series.public, colour: '#1d70b8' },
      { name: series.anonymous, colour: '#003078' },
      { name: series.private, colour: '#4c2c92' },
      { name: series.pending, colour: '#505a5f' },
    ];
    const sections = overview.sections.map((s) => ({ label: s.title, values: [s.public, s.anonymous, s.private, s.pending] }));
    const busiestSection = [...overview.sections].sort((a, b) => total(b) - total(a))[0];
    const days = overview.perDay.map((day) => ({ label: words.formatDay(day.date), values: [day.count] }));
    const busiestDay = [...overview.perDay].sort((a, b) => b.count - a.count)[0];
    const parts = (counts: Record<string, number>, labels: Record<string, string>): Bar[] =>
      Object.entries(labels).map(([key, label]) => ({ label, values: [counts[key] ?? 0] }));
    const who = parts(overview.respondents, respondents);
    const tongues = parts(overview.languages, languages);
    const describe = (bars: Bar[]) => (overview.total ? words.parts(bars.map((bar) => [bar.label, bar.values[0]!])) : words.nothingYet);
    return html`
      ${
        consultation
          ? html`<dl class="summary">
            ${row(dates.opensLabel, consultation.opensAt ? dates.formatDateTime(consultation.opensAt) : dates.opensAtOnce)}
            ${row(dates.closesLabel, consultation.closesAt ? dates.formatDateTime(consultation.closesAt) : dates.neverCloses)}
            ${row(words.totalLabel, formatNumber(overview.total), 'overview-total')}
          </dl>
          <p><strong class="tag ${consultation.state}">${dates.states[consultation.state]}</strong></p>`
          : html`<dl class="summary">${row(words.totalLabel, formatNumber(overview.total), 'overview-total')}</dl>`
      }
      ${this.#chart('sections', words.sectionsHeading, busiestSection && total(busiestSection) ? words.sectionsDescription(busiestSection.title, total(busiestSection)) : words.nothingYet, sectionSeries, sections, words.sectionColumn, 'bars')}
      ${this.#chart(
        'days',
        words.daysHeading,
        days.length && busiestDay
          ? words.daysDescription(days[0]!.label, days.at(-1)!.label, words.formatDay(busiestDay.date), busiestDay.count)
          : words.nothingYet,
        single(words.responsesColumn),
        days,
        words.dateColumn,
        'columns',
        // The drawing shows every day; the table, read row by row, only the days that had responses.
        { rows: days.filter((day) => day.values[0]), note: words.daysTableNote },
      )}
      ${(overview.questions ?? []).map((question, index) => this.#renderQuestion(question, index, words))}
      ${this.#chart('respondents', words.respondentsHeading, describe(who), single(words.responsesColumn), who, words.respondentColumn, 'bars')}
      ${this.#chart('languages', words.languagesHeading, describe(tongues), single(words.responsesColumn), tongues, words.languageColumn, 'bars')}
    `;
  }

  /** A section's closed question: how many chose each option, split by whom they answered for. */
  #renderQuestion(question: QuestionFigures, index: number, words: OverviewConsoleStrings): TemplateResult {
    const series: Series[] = [
      { name: words.respondents.individual, colour: '#1d70b8' },
      { name: words.respondents.organisation, colour: '#4c2c92' },
      { name: words.respondents.notAsked, colour: '#505a5f' },
    ];
    const bars = question.options.map((row) => ({ label: row.option, values: [row.individual, row.organisation, row.notAsked] }));
    const most = [...bars].sort((a, b) => sum(b.values) - sum(a.values))[0];
    const description =
      question.answered && most ? words.questionDescription(most.label, sum(most.values), question.answered) : words.nothingYet;
    return html`<p class="hint question-section">${words.questionIn(question.title)}</p>
      ${this.#chart(`question-${index}`, question.text, description, series, bars, words.answerColumn, 'bars')}`;
  }

  /** A chart and its table: the same figures, drawn and written. */
  #chart(
    id: string,
    title: string,
    description: string,
    series: Series[],
    bars: Bar[],
    firstColumn: string,
    shape: 'bars' | 'columns',
    table: { rows: Bar[]; note?: string } = { rows: bars },
  ): TemplateResult {
    const drawing = shape === 'bars' ? barsOf(bars, series) : columnsOf(bars);
    return html`<figure class="chart" part="chart">
      <h4 class="form-heading" id="${id}-heading">${title}</h4>
      <div class="chart-body">
        <svg class="chart-drawing" role="img" aria-labelledby="${id}-title ${id}-description" width="100%" height=${drawing.height}>
          <title id="${id}-title">${title}</title>
          <desc id="${id}-description">${description}</desc>
          ${drawing.shapes}
        </svg>
        ${
          series.length > 1
            ? html`<ul class="legend" aria-hidden="true">
              ${series.map((s) => html`<li><svg viewBox="0 0 12 12" width="12" height="12"><rect width="12" height="12" fill=${s.colour}></rect></svg>${s.name}</li>`)}
            </ul>`
            : nothing
        }
        <div class="table-scroll" role="region" aria-labelledby="${id}-caption" tabindex="0">
          <table class="audit-table chart-table">
            <caption id="${id}-caption">${title}${table.note ? html`<span class="caption-note">${table.note}</span>` : nothing}</caption>
            <thead>
              <tr>
                <th scope="col">${firstColumn}</th>
                ${series.map((s) => html`<th scope="col" class="number">${s.name}</th>`)}
              </tr>
            </thead>
            <tbody>
              ${table.rows.map(
                (bar) => html`<tr>
                  <th scope="row">${bar.label}</th>
                  ${bar.values.map((value) => html`<td class="number">${formatNumber(value)}</td>`)}
                </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </div>
    </figure>`;
  }
}

const total = (section: { public: number; anonymous: number; private: number; pending: number }) =>
  section.public + section.anonymous + section.private + section.pending;

/*
 * The drawings are laid out in percentages of their width, with text and heights in pixels, rather
 * than scaled from a fixed viewBox: on a phone the bars get shorter, but the words stay readable.
 */

/** Horizontal bars, each under its label and total, their parts stacked left to right. */
function barsOf(bars: Bar[], series: Series[]): { height: number; shapes: SVGTemplateResult[] } {
  const largest = Math.max(1, ...bars.map((bar) => sum(bar.values)));
  const shapes = bars.map((bar, row) => {
    const y = row * rowHeight;
    let x = 0;
    const parts = bar.values.map((value, i) => {
      // Up to 96% of the width, so that the longest bar's end still shows a little margin.
      const length = (value / largest) * 96;
      const part = svg`<rect x="${x}%" y=${y + 20} width="${length}%" height="14" fill=${series[i]!.colour}></rect>`;
      x += length;
      return part;
    });
    return svg`<g>
      <text x="0" y=${y + 14} class="chart-label">${bar.label}: ${formatNumber(sum(bar.values))}</text>
      ${parts}
    </g>`;
  });
  return { height: Math.max(1, bars.length) * rowHeight, shapes };
}

/** Columns, one a day, with the first and last day and the highest count written beside them. */
function columnsOf(bars: Bar[]): { height: number; shapes: SVGTemplateResult[] } {
  const height = 170;
  const top = 20;
  const plot = height - 24;
  const largest = Math.max(1, ...bars.map((bar) => bar.values[0]!));
  const step = 100 / Math.max(1, bars.length);
  const shapes = bars.map((bar, i) => {
    const h = (bar.values[0]! / largest) * (plot - top);
    return svg`<rect x="${i * step + step * 0.1}%" y=${plot - h} width="${step * 0.8}%" height=${h} fill="#1d70b8"></rect>`;
  });
  if (bars.length) {
    shapes.push(
      svg`<line x1="0" y1=${plot} x2="100%" y2=${plot} stroke="#0b0c0c"></line>`,
      svg`<text x="0" y="12" class="chart-value">${formatNumber(largest)}</text>`,
      svg`<text x="0" y=${height - 6} class="chart-label">${bars[0]!.label}</text>`,
      svg`<text x="100%" y=${height - 6} text-anchor="end" class="chart-label">${bars.at(-1)!.label}</text>`,
    );
  }
  return { height, shapes };
}

const sum = (values: number[]) => values.reduce((all, value) => all + value, 0);
