import { nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { SectionChange } from '../../contract/versions.js';
import { loadStrings } from '../../i18n/index.js';
import { SectionElement } from '../../internal/section-element.js';
import { updatesOf } from '../../internal/updates.js';
import { changeLog } from './change-log-view.js';
import { styles as threadStyles } from '../civic-comments/civic-comments.styles.js';

/**
 * The page's change log, as GOV.UK pages carry one: "Last updated 3 March 2027 — see all updates",
 * where "see all updates" opens the list of every change to the wording of the page's sections,
 * newest first, each with the section it changed and what the department said changed, down to
 * when the wording was first published.
 *
 * It shows nothing until a section's wording has changed since it was first published, nor where
 * the backend keeps no versions of the wording. Its code is fetched the first time a page holds
 * one. The auto-embed places one before the first section it finds.
 *
 * @summary "Last updated … — see all updates", for the page's consultation.
 *
 * @fires civic-error - The changes could not be loaded, or the element is not set up. `detail.error` says what.
 *
 * @csspart change-log - The whole element.
 * @csspart last-updated - The line "Last updated 3 March 2027 — see all updates".
 * @csspart updates-button - The "see all updates" button, which opens and closes the list.
 * @csspart updates - The list of updates, with its heading.
 *
 * @cssprop --civic-font-family - Font of all text. Default: the GOV.UK font stack.
 * @cssprop --civic-font-size - Size of the text. Default: 1.1875rem (19px), 1rem on narrow screens.
 * @cssprop --civic-color-text - Text. Default: #0b0c0c.
 * @cssprop --civic-color-secondary-text - The dates of the updates. Default: #505a5f.
 * @cssprop --civic-color-link - The button. Default: #1d70b8.
 * @cssprop --civic-color-focus - Focus highlight. Default: #ffdd00.
 */
export class CivicChangeLog extends SectionElement {
  static override styles = threadStyles;

  static override properties = {
    headingLevel: { type: Number, attribute: 'heading-level' },
    changes: { state: true },
  };

  /** Level of the list's heading, 2 to 6, to fit the page's outline. Default: 2. */
  declare headingLevel: number;
  /** The page's changes, newest first, once read; empty where there are none or the backend keeps none. */
  declare private changes: SectionChange[] | undefined;

  #controller?: AbortController;

  constructor() {
    super();
    this.headingLevel = 2;
  }

  /** @internal */
  override get sectionNeeded(): boolean {
    return false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#controller?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const settingsChanged = ['page', 'endpoint', 'backend', 'backendName', 'lang'].some((p) => changed.has(p as keyof CivicChangeLog));
    if (this.isConnected && settingsChanged) void this.#load();
    this.hidden = !this.changes || !updatesOf(this.changes).updates.length;
  }

  async #load(): Promise<void> {
    this.#controller?.abort();
    const { signal } = (this.#controller = new AbortController());
    const backend = await this.resolveBackend();
    if (!backend?.getChanges || signal.aborted) return;
    try {
      const changes = await backend.getChanges(this.pageId, { signal });
      // A language's words are fetched only when there are updates to say in it.
      if (updatesOf(changes).updates.length) await loadStrings(this.language);
      if (!signal.aborted) this.changes = changes;
    } catch (error) {
      if (!signal.aborted) this.reportError(error, 'load');
    }
  }

  protected override render(): TemplateResult | typeof nothing {
    return this.hidden ? nothing : changeLog(this, this.changes!);
  }
}
