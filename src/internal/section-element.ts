import { LitElement, type PropertyDeclarations } from 'lit';
import type { CommentsBackend } from '../backends/backend.js';
import { ConfigurationError } from '../backends/errors.js';
import { namedBackend } from '../backends/registry.js';
import type { Problem } from './configuration-problem.js';
import { emit, type CivicErrorDetail } from '../events.js';
import { closestLang, en, languageOf, stringsIfLoaded, type Strings } from '../i18n/index.js';

/** The settings a `<civic-consultation>` lends to the elements inside it. */
interface Consultation extends HTMLElement {
  backend?: CommentsBackend;
}

/**
 * What the thread and the count share: the section they belong to, and settings read from the
 * element itself or, when it has none of its own, from the `<civic-consultation>` around it.
 */
export class SectionElement extends LitElement {
  static override properties: PropertyDeclarations = {
    section: { type: String },
    page: { type: String },
    lang: { type: String },
    backend: { attribute: false },
    endpoint: { type: String },
    backendName: { type: String, attribute: 'backend' },
  };

  /** The id of the section this element belongs to. Required. */
  declare section: string;
  /** The page the section is on. Default: the consultation's `page`, or else the page's path, `location.pathname`. */
  declare page: string | undefined;
  /** Language of the element's text, `en` or `cy`. Default: the nearest `lang` attribute. */
  declare lang: string;
  /** The comment server's base URL, such as `https://comments.example.gov.uk`; the `rest` backend adds `/api/v1/…`. Default: the consultation's. */
  declare endpoint: string | undefined;
  /** Names a built-in backend: `rest` (the default when `endpoint` is set), `wordpress` (`endpoint` is then a WordPress site with the companion plugin, `page` a post id or slug) or `memory`, which keeps comments in the page for demos and tests. Default: the consultation's. */
  declare backendName: string | undefined;
  /** The backend to read and send comments through, such as your own adapter; wins over `backend` and `endpoint`. Default: the consultation's. */
  declare backend: CommentsBackend | undefined;

  /** The problem last reported, so that it is reported once. */
  #reportedProblem?: string;
  #configurationMessage?: string;

  constructor() {
    super();
    this.section = '';
    this.lang = '';
  }

  get #consultation(): Consultation | null {
    return this.closest('civic-consultation');
  }

  /** Whether the element belongs to one section (and needs `section`), rather than to the whole page. @internal */
  get sectionNeeded(): boolean {
    return true;
  }

  /** The page this element belongs to. */
  get pageId(): string {
    return this.page || this.#consultation?.getAttribute('page') || globalThis.location?.pathname || '/';
  }

  /** The language the element speaks: its own `lang`, or the nearest ancestor's. @internal */
  get language(): string {
    return languageOf(this.lang || closestLang(this));
  }

  /** @internal */
  get strings(): Strings {
    return stringsIfLoaded(this.language) ?? en;
  }

  /** Called by the consultation when its settings change: the element reads them again, as if its own had changed. @internal */
  settingsChanged(): void {
    this.requestUpdate('backend', {});
  }

  /** The backend to use, or undefined (reported once) when the settings name none that works. @internal */
  async resolveBackend(): Promise<CommentsBackend | undefined> {
    const consultation = this.#consultation;
    const endpoint = this.endpoint || consultation?.getAttribute('endpoint') || '';
    const backend = this.backend || consultation?.backend;
    const name = this.backendName || consultation?.getAttribute('backend') || (endpoint ? 'rest' : '');
    let problem: Problem;
    if (!this.section && this.sectionNeeded) {
      problem = { kind: 'section' };
    } else if (backend) {
      this.#reportedProblem = undefined;
      return backend;
    } else if (name === 'memory' || ((name === 'rest' || name === 'wordpress') && endpoint)) {
      this.#reportedProblem = undefined;
      return namedBackend(name, endpoint);
    } else {
      problem = { kind: 'backend', name };
    }
    const key = JSON.stringify([problem, this.section]);
    if (key !== this.#reportedProblem) {
      this.#reportedProblem = key;
      // Its words are fetched only now: most pages never have a problem to report.
      const { configurationMessage } = await import('./configuration-problem.js');
      this.#configurationMessage = configurationMessage(this, problem);
      this.reportError(this.configurationProblem, 'configure');
    }
    return undefined;
  }

  /** The configuration problem last reported, for operations that cannot go ahead without a backend. @internal */
  get configurationProblem(): ConfigurationError {
    return new ConfigurationError(this.#configurationMessage);
  }

  /** @internal */
  reportError(error: unknown, operation: CivicErrorDetail['operation']): void {
    const reported = error instanceof Error ? error : new Error(String(error));
    if (operation === 'configure') console.error(reported.message);
    emit(this, 'civic-error', { error: reported, operation });
  }
}
