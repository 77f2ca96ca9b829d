import { html, nothing, type TemplateResult } from 'lit';
import type { ModerationConsultation, OrphanedThread } from '../../contract/index.js';
import { ValidationFailedError } from '../../backends/errors.js';
import type { ConsultationConsoleStrings } from '../../i18n/features/consultation.js';
import type { ConsoleAccess } from './console-part.js';

/** What the panel needs of the view it sits in. */
export interface OrphansHost extends ConsoleAccess {
  consultationStrings(): ConsultationConsoleStrings;
  change(change: () => void): void;
  focus(selector: string): Promise<void>;
  /** A refusal of the token signs the moderator out; anything else is the panel's to say. */
  failed(error: unknown): boolean;
}

/**
 * Threads of a consultation's page that no section names (responses posted under a heading the
 * consultation did not know), shown while the consultation's form is open, each with a choice of
 * section and "Move": the thread moves at once, logged, every response keeping its reference.
 */
export class OrphansPanel {
  #page = '';
  #orphans: OrphanedThread[] = [];
  #notice: { text: string; error: boolean } | null = null;
  #moving = false;
  /** The consultation's sections as saved: the ones a thread can move into. */
  #sections: ModerationConsultation['sections'] = [];
  /** The section chosen for each thread, by the thread's section id. */
  readonly #choice = new Map<string, string>();

  constructor(private readonly host: OrphansHost) {}

  /** Reads the threads of a consultation's page that no section names; none for a new consultation. */
  async show(consultation: ModerationConsultation | null): Promise<void> {
    this.#page = consultation?.page ?? '';
    this.#sections = consultation?.sections ?? [];
    this.#choice.clear();
    this.host.change(() => {
      this.#orphans = [];
      this.#notice = null;
    });
    if (!consultation) return;
    try {
      const orphans = await this.host.api().orphans(consultation.page);
      if (this.#page === consultation.page) this.host.change(() => (this.#orphans = orphans));
    } catch (error) {
      // The form works without the list: a failure to read it leaves the list out (a refused token still signs out).
      this.host.failed(error);
    }
  }

  hide(): void {
    this.#page = '';
    this.#orphans = [];
    this.#notice = null;
  }

  async #move(index: number): Promise<void> {
    if (this.#moving) return;
    const strings = this.host.consultationStrings();
    const orphan = this.#orphans[index]!;
    const to = this.#choice.get(orphan.section) ?? this.#sections[0]?.id;
    if (!to) return;
    this.#moving = true;
    try {
      const moved = await this.host.api().moveOrphan(this.#page, orphan.section, to);
      const title = this.#sections.find((section) => section.id === to)?.title ?? to;
      const orphans = await this.host.api().orphans(this.#page);
      this.host.change(() => {
        this.#orphans = orphans;
        this.#notice = { text: strings.moved(moved, orphan.section, title), error: false };
      });
    } catch (error) {
      if (this.host.failed(error)) return;
      const text = error instanceof ValidationFailedError ? (Object.values(error.fields)[0] ?? strings.moveFailed) : strings.moveFailed;
      this.host.change(() => (this.#notice = { text, error: true }));
    } finally {
      this.#moving = false;
    }
    // The button pressed has gone with its thread: focus goes to what was done.
    await this.host.focus('#orphans-notice');
  }

  render(): TemplateResult | typeof nothing {
    if (!this.#orphans.length && !this.#notice) return nothing;
    const strings = this.host.consultationStrings();
    return html`<section class="orphans" part="orphans" aria-labelledby="orphans-heading">
      <h4 class="form-heading" id="orphans-heading">${strings.orphansHeading}</h4>
      <p class="hint">${strings.orphansHint}</p>
      <div class="notice-area" role="status">
        ${
          this.#notice
            ? html`<p class=${this.#notice.error ? 'error-text' : 'done'} id="orphans-notice" tabindex="-1">${this.#notice.text}</p>`
            : nothing
        }
      </div>
      <ul class="orphan-list">
        ${this.#orphans.map(
          (orphan, index) => html`<li class="orphan">
            <p id="orphan-${index}">${strings.orphanSummary(orphan.section, orphan.count, strings.formatDateTime(orphan.newest))}</p>
            <div class="field">
              <label for="orphan-${index}-to">${strings.moveTo}</label>
              <select
                class="input"
                id="orphan-${index}-to"
                @change=${(event: Event) => this.#choice.set(orphan.section, (event.target as HTMLSelectElement).value)}
              >
                ${this.#sections.map(
                  (section) =>
                    html`<option value=${section.id} ?selected=${section.id === this.#choice.get(orphan.section)}>${section.title}</option>`,
                )}
              </select>
            </div>
            <button class="button secondary" type="button" aria-describedby="orphan-${index}" @click=${() => this.#move(index)}>
              ${strings.move}
            </button>
          </li>`,
        )}
      </ul>
    </section>`;
  }
}
