import { CivicConsultation } from './civic-consultation.js';

declare global {
  interface HTMLElementTagNameMap {
    'civic-consultation': CivicConsultation;
  }
}

if (!customElements.get('civic-consultation')) customElements.define('civic-consultation', CivicConsultation);
