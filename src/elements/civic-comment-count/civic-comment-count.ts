import { html, type PropertyValues, type TemplateResult } from 'lit';
import type { CivicCommentSubmittedEvent } from '../../events.js';
import { loadStrings, stringsIfLoaded } from '../../i18n/index.js';
import { followFragment } from '../../internal/page-links.js';
import { SectionElement } from '../../internal/section-element.js';
import { styles } from './civic-comment-count.styles.js';
import { sharedCounts } from '../../internal/shared-counts.js';

/**
 * The number of published comments on one section, and a "Jump to comments" link to its thread
 * (`#comments-<section>`, the id a `<civic-comments>` takes unless it has its own).
 *
 * Every count on a page shares one request for the page's counts. A count goes up when the
 * reader's own comment on its section is published. Until the number arrives, and if it cannot
 * be had, only the link shows.
 *
 * @summary The count of a section's comments, with a link to them.
 *
 * @fires civic-error - The counts could not be loaded, or the element is not set up. `detail.error` says what.
 *
 * @csspart count - The sentence with the number and the link.
 * @csspart link - The "Jump to comments" link.
 *
 * @cssprop --civic-font-family - Font of all text. Default: the GOV.UK font stack.
 * @cssprop --civic-font-size - Size of the text. Default: 1.1875rem (19px), 1rem on narrow screens.
 * @cssprop --civic-color-text - Text. Default: #0b0c0c.
 * @cssprop --civic-color-link - The link. Default: #1d70b8.
 * @cssprop --civic-color-link-hover - The link when hovered. Default: #003078.
 * @cssprop --civic-color-focus - Focus highlight. Default: #ffdd00.
 */
export class CivicCommentCount extends SectionElement {
  static override styles = styles;

  static override properties = { count: { state: true } };

  declare private count: number | undefined;

  #controller?: AbortController;

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('civic-comment-submitted', this.#countOwnComment);
    // Counted afresh when it comes back, in case the page changed meanwhile.
    this.settingsChanged();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('civic-comment-submitted', this.#countOwnComment);
    this.#controller?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const settingsChanged = ['section', 'page', 'endpoint', 'backend', 'backendName'].some((p) =>
      changed.has(p as keyof CivicCommentCount),
    );
    if (this.isConnected && settingsChanged) void this.#load();
  }

  async #load(): Promise<void> {
    this.#controller?.abort();
    const { signal } = (this.#controller = new AbortController());
    const backend = await this.resolveBackend();
    if (!backend || signal.aborted) return;
    try {
      const { counts } = await sharedCounts(backend, this.pageId, { signal });
      // Own keys only: a section may be called "constructor".
      if (!signal.aborted) this.count = Object.hasOwn(counts, this.section) ? counts[this.section]! : 0;
    } catch (error) {
      if (!signal.aborted) this.reportError(error, 'load');
    }
  }

  #countOwnComment = ({ detail: { comment } }: CivicCommentSubmittedEvent): void => {
    if (comment.status === 'published' && comment.section === this.section && comment.page === this.pageId && this.count !== undefined) {
      this.count += 1;
    }
  };

  /** A link to the fragment the page already has changes nothing, so no `hashchange` comes: the thread is revealed here. */
  #jump(event: Event): void {
    if (location.hash === (event.currentTarget as HTMLAnchorElement).hash) void followFragment();
  }

  protected override render(): TemplateResult {
    const strings = stringsIfLoaded(this.language);
    if (!strings) {
      void loadStrings(this.language).then(() => this.requestUpdate());
      return html`<p part="count">&nbsp;</p>`;
    }
    return html`<p part="count" lang=${strings.locale}>
      ${this.count === undefined ? '' : strings.sectionCount(this.count)}
      <a part="link" href="#comments-${this.section}" @click=${this.#jump}>${strings.jumpToComments}</a>
    </p>`;
  }
}
