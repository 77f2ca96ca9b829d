import type { TemplateResult } from 'lit';
import { ConsultationClosedError, RateLimitedError, ValidationFailedError } from '../../backends/errors.js';
import type { ResponseLanguage } from '../../contract/public.js';
import { commentFields, type CommentField, type ValidationMessages } from '../../contract/messages.js';
import { codeForMessage, messagesFor, validateNewComment } from '../../contract/validate.js';
import { newIdempotencyKey } from '../../internal/idempotency-key.js';
import { errorSummary as summary } from '../../internal/govuk/error-summary.js';
import type { CommentForm } from './comment-form.js';

/*
 * What the response form needs only once a reader starts to use it: the checks, their messages in
 * English, the error summary, the wording of a server's refusals, and sending. A page fetches this
 * when a form first takes focus; most readers of a consultation never write.
 */

/**
 * Checks what the reader typed and sends it, with one idempotency key until the comment is stored.
 * Problems go to the form's fields; a consultation found closed goes to the element; anything else
 * keeps what was typed and tells the reader to try again.
 */
export async function send(form: CommentForm): Promise<void> {
  const { host, values } = form;
  const { strings, askOrganisation } = host;
  const { respondent } = values;
  const checked = validateNewComment(
    {
      page: host.pageId,
      section: host.section,
      parentId: form.replyTo,
      name: values.name,
      email: values.email,
      body: values.body,
      visibility: values.visibility || undefined,
      // Asked only where the consultation asks; the organisation's name only of someone answering for one.
      respondent: (askOrganisation && respondent) || undefined,
      organisation: askOrganisation && respondent === 'organisation' ? values.organisation : undefined,
      // "en-GB" or "cy": the language the reader was writing in.
      lang: strings.locale.slice(0, 2) as ResponseLanguage,
    },
    { askOrganisation },
  );
  if (!checked.success) return form.showErrors(messagesFor(checked.codes, strings.validation));

  form.update({ submitState: 'submitting', submitMessage: '', errors: {} });
  form.idempotencyKey ??= newIdempotencyKey();
  const controller = (form.submitController = new AbortController());
  try {
    const backend = await host.resolveBackend();
    if (!backend) throw host.configurationProblem;
    const comment = await backend.postComment(checked.data, { idempotencyKey: form.idempotencyKey, signal: controller.signal });
    form.idempotencyKey = undefined;
    form.sent(comment);
  } catch (error) {
    if (controller.signal.aborted) return;
    if (error instanceof ConsultationClosedError) {
      form.update({ submitState: 'idle' });
      form.onClosed(error);
    } else if (error instanceof ValidationFailedError) {
      form.update({ submitState: 'idle' });
      await form.showErrors(translateServerMessages(error.fields, strings.validation));
    } else {
      form.update({ submitState: 'failed', submitMessage: error instanceof RateLimitedError ? strings.rateLimited : strings.submitFailed });
      host.reportError(error, 'submit');
    }
  }
}

/** Refused fields, with their messages. */
export type FieldErrors = Partial<Record<CommentField, string>>;

/** The GOV.UK error summary of the form's refused fields, in the form's order. */
export function errorSummary(title: string, errors: FieldErrors): TemplateResult {
  return summary(
    title,
    commentFields.filter((field) => errors[field]).map((field) => ({ target: fieldTarget(field), message: errors[field]! })),
  );
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
