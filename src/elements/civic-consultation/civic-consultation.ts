import type { CommentsBackend } from '../../backends/backend.js';

/**
 * Settings shared by every `<civic-comments>`, `<civic-comment-count>` and `<civic-change-log>` inside it, so that a page
 * says once where its comments live. An element's own attribute wins over the consultation's.
 * Two consultations on one page are independent of each other. It draws nothing itself.
 *
 * @summary Shared settings for the elements inside it.
 *
 * @attr endpoint - The comment server's base URL, such as `https://comments.example.gov.uk`.
 * @attr page - The page the sections are on. Default: the page's path.
 * @attr backend - A built-in backend: `rest` (the default when `endpoint` is set), `wordpress` (a WordPress site with the companion plugin) or `memory`.
 * @attr lang - Language of the elements' text, `en` or `cy`, as anywhere in HTML.
 */
export class CivicConsultation extends HTMLElement {
  static observedAttributes = ['endpoint', 'page', 'backend', 'lang'];

  #backend?: CommentsBackend;

  /** The backend of every element inside, such as your own adapter; wins over `backend` and `endpoint`. */
  get backend(): CommentsBackend | undefined {
    return this.#backend;
  }

  set backend(backend: CommentsBackend | undefined) {
    this.#backend = backend;
    this.attributeChangedCallback();
  }

  /** @internal */
  attributeChangedCallback(): void {
    for (const element of this.querySelectorAll('civic-comments, civic-comment-count, civic-change-log')) {
      (element as Partial<{ settingsChanged(): void }>).settingsChanged?.();
    }
  }
}
