import { html, type TemplateResult } from 'lit';
import { commentFields, type CommentField, type ValidationMessages } from '../../contract/messages.js';
import { codeForMessage } from '../../contract/validate.js';

/*
 * What the response form needs only once a reader starts to use it: the checks, their messages in
 * English, the error summary and the wording of a server's refusals. A page fetches this when a
 * form first takes focus; most readers of a consultation never write.
 */
export { messagesFor, validateNewComment } from '../../contract/validate.js';

/** Refused fields, with their messages. */
export type FieldErrors = Partial<Record<CommentField, string>>;

/** The GOV.UK error summary: a titled list of the problems, each a link that moves focus to its field. */
export function errorSummary(title: string, errors: FieldErrors): TemplateResult {
  return html`<div class="error-summary" part="error-summary" tabindex="-1">
    <div role="alert">
      <p class="error-summary-title">${title}</p>
      <ul>
        ${commentFields
          .filter((field) => errors[field])
          .map((field) => html`<li><a href="#${fieldTarget(field)}" @click=${focusField}>${errors[field]}</a></li>`)}
      </ul>
    </div>
  </div>`;
}

/** Words a server's English field messages in the reader's language, where they are known. */
export function translateServerMessages(fields: Record<string, string>, messages: ValidationMessages | undefined): FieldErrors {
  const errors: Record<string, string> = {};
  for (const [field, message] of Object.entries(fields)) {
    const code = codeForMessage(field, message);
    const translated = code && (messages as Record<string, Record<string, string>> | undefined)?.[field]?.[code];
    // A field the form does not show is still reported, next to the comment box.
    errors[commentFields.includes(field as CommentField) ? field : 'body'] = translated || message;
  }
  return errors;
}

/** Where an error summary link sends focus for each field: a question of radios, to its first. */
function fieldTarget(field: CommentField): string {
  return field === 'visibility' ? 'visibility-public' : field === 'respondent' ? 'respondent-individual' : field;
}

/** Error summary links point into the shadow root, where the browser's own jump cannot reach. */
function focusField(event: Event): void {
  event.preventDefault();
  const link = event.currentTarget as HTMLAnchorElement;
  const field = (link.getRootNode() as ShadowRoot).querySelector<HTMLElement>(link.getAttribute('href')!);
  field?.focus();
  field?.closest('.field')?.scrollIntoView();
}
