import { html, nothing, type TemplateResult } from 'lit';

/**
 * The GOV.UK error message under a field's label: its id for the field's `aria-describedby`, and a
 * visually hidden "Error:" (in the page's language) so that a screen reader says what it is.
 * Nothing when there is no message.
 */
export function errorMessage(id: string, prefix: string, message: string | undefined): TemplateResult | typeof nothing {
  return message ? html`<p class="error-message" id=${id}><span class="visually-hidden">${prefix}</span> ${message}</p>` : nothing;
}
