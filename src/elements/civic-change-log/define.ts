import { CivicChangeLog } from './civic-change-log.js';

declare global {
  interface HTMLElementTagNameMap {
    'civic-change-log': CivicChangeLog;
  }
}

if (!customElements.get('civic-change-log')) customElements.define('civic-change-log', CivicChangeLog);
