import { html, type TemplateResult } from 'lit';

/** One problem in an error summary: its message, and the id of the field it is about. */
export interface Problem {
  field: string;
  message: string;
}

/**
 * The GOV.UK error summary: a titled list of the problems, each a link that moves focus to its
 * field. Give it focus once it is shown (it has `tabindex="-1"`).
 */
export function errorSummary(title: string, problems: readonly Problem[]): TemplateResult {
  return html`<div class="error-summary" tabindex="-1">
    <div role="alert">
      <p class="error-summary-title">${title}</p>
      <ul>
        ${problems.map(({ field, message }) => html`<li><a href="#${field}" @click=${focusTarget}>${message}</a></li>`)}
      </ul>
    </div>
  </div>`;
}

/** Error summary links point into the shadow root, where the browser's own jump cannot reach. */
function focusTarget(event: Event): void {
  event.preventDefault();
  const link = event.currentTarget as HTMLAnchorElement;
  (link.getRootNode() as ShadowRoot).querySelector<HTMLElement>(link.getAttribute('href')!)?.focus();
}
