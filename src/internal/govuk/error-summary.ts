import { html, type TemplateResult } from 'lit';

/** One problem in an error summary: its message, and the id of the control it is about. */
export interface Problem {
  /** The id of the control to move to: for radios, the first of them. */
  target: string;
  message: string;
}

/**
 * The GOV.UK error summary: a titled list of the problems, each a link to its control. Give it
 * focus once it is shown (it has `tabindex="-1"`). A link behaves as GOV.UK Frontend's does: it
 * brings the control's legend (for a group of radios or checkboxes) or label into view, then moves
 * focus to the control without scrolling again, so that the question is seen with its answer.
 */
export function errorSummary(title: string, problems: readonly Problem[], part = 'error-summary'): TemplateResult {
  return html`<div class="error-summary" part=${part} tabindex="-1">
    <div role="alert">
      <p class="error-summary-title">${title}</p>
      <ul>
        ${problems.map(({ target, message }) => html`<li><a href="#${target}" @click=${moveToControl}>${message}</a></li>`)}
      </ul>
    </div>
  </div>`;
}

/** The links point into a shadow root, where the browser's own jump to a fragment cannot reach. */
function moveToControl(event: Event): void {
  event.preventDefault();
  const link = event.currentTarget as HTMLAnchorElement;
  const root = link.getRootNode() as ShadowRoot | Document;
  const control = root.querySelector<HTMLElement>(link.getAttribute('href')!);
  if (!control) return;
  const legend = control.closest('fieldset')?.querySelector('legend');
  const label = control.id ? root.querySelector(`label[for="${CSS.escape(control.id)}"]`) : null;
  (legend ?? label ?? control).scrollIntoView();
  control.focus({ preventScroll: true });
}
