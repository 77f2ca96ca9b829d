import { CivicComments } from './civic-comments.js';

declare global {
  interface HTMLElementTagNameMap {
    'civic-comments': CivicComments;
  }
}

if (!customElements.get('civic-comments')) customElements.define('civic-comments', CivicComments);
