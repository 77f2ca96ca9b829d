import { CivicModeration } from './civic-moderation.js';

declare global {
  interface HTMLElementTagNameMap {
    'civic-moderation': CivicModeration;
  }
}

if (!customElements.get('civic-moderation')) customElements.define('civic-moderation', CivicModeration);
