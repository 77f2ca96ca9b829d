import { css, type TemplateResult } from 'lit';
import { ConsultationClosedError, RateLimitedError, ValidationFailedError } from '../../backends/errors.js';
import type { NewComment, ResponseLanguage } from '../../contract/public.js';
import type { PostedComment } from '../../backends/backend.js';
import type { SectionQuestion } from '../../contract/questions.js';
import { commentFields, type CommentField, type ValidationMessages } from '../../contract/messages.js';
import { codeForMessage, messagesFor, validateNewComment } from '../../contract/validate.js';
import { newIdempotencyKey } from '../../internal/idempotency-key.js';
import { errorSummary as summary } from '../../internal/govuk/error-summary.js';
import { addStyles } from '../../internal/add-styles.js';
import type { CommentForm } from './comment-form.js';
import { sendingCy } from '../../i18n/cy/sending.js';
import { sendingEn } from '../../i18n/en/sending.js';

/*
 * What the response form needs only once a reader starts to use it: the checks, their messages in
 * English, the error summary, the wording of a server's refusals, and sending. A page fetches this
 * when a form first takes focus; most readers of a consultation never write.
 */

/** What became of a press of "Send": the form decides what the reader sees of it. */
export type SendOutcome =
  /** `announcement`: what a screen reader is told of it, in the reader's language. */
  | { kind: 'sent'; comment: PostedComment; announcement: string }
  /** Fields the reader must put right, refused here or by the server, in the reader's language. */
  | { kind: 'invalid'; errors: FieldErrors }
  /** The consultation closed while the reader was typing. */
  | { kind: 'closed'; error: ConsultationClosedError }
  /** Nothing was stored: what the reader is told, to try again, and why, for the element's `civic-error`. */
  | { kind: 'failed'; message: string; error: unknown }
  /** The form went away, or was sent again, before an answer came. */
  | { kind: 'aborted' };

/** The form's values as the contract's new comment, or the problems the reader must put right first. */
/** The GOV.UK error summary's look, added to the thread's styles with the first check: only a form with problems shows one. */
const summaryStyles = css`
  .error-summary {
    margin-bottom: 1.5em;
    padding: 0.75em;
    border: 5px solid var(--civic-color-error, #d4351c);
  }
  .error-summary ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .error-summary-title {
    margin: 0 0 0.75em;
    font-size: 1.2em;
    font-weight: 700;
  }
  .error-summary a {
    font-weight: 700;
    color: var(--civic-color-error, #d4351c);
  }
`.styleSheet;

export function check(
  host: CommentForm['host'],
  values: CommentForm['values'],
  replyTo: string | null,
  asked: SectionQuestion | null,
): { comment: NewComment } | { errors: FieldErrors } {
  addStyles(host.renderRoot, summaryStyles);
  const { strings, askOrganisation } = host;
  // A reply answers no question.
  const question = replyTo ? null : asked;
  const { respondent } = values;
  const checked = validateNewComment(
    {
      page: host.pageId,
      section: host.section,
      parentId: replyTo,
      name: values.name,
      email: values.email,
      body: values.body,
      visibility: values.visibility || undefined,
      // Asked only where the consultation asks; the organisation's name only of someone answering for one.
      respondent: (askOrganisation && respondent) || undefined,
      organisation: askOrganisation && respondent === 'organisation' ? values.organisation : undefined,
      // "en-GB" or "cy": the language the reader was writing in.
      lang: strings.locale.slice(0, 2) as ResponseLanguage,
      answer: question && values.answer.length ? values.answer : undefined,
    },
    { askOrganisation },
    question,
  );
  if (checked.success) return { comment: checked.data };
  const errors = messagesFor(checked.codes, strings.validation);
  // The department's own words for an unanswered question, where it gave them.
  if (checked.codes.answer === 'missing' && question?.errorMessage) errors.answer = question.errorMessage;
  return { errors };
}

export { newIdempotencyKey };

/**
 * Sends a checked comment under one idempotency key, which the form keeps until the comment is
 * stored so that sending again stores it once.
 */
export async function post(
  host: CommentForm['host'],
  comment: NewComment,
  idempotencyKey: string,
  signal: AbortSignal,
): Promise<SendOutcome> {
  addStyles(host.renderRoot, summaryStyles);
  const { strings } = host;
  try {
    const backend = await host.resolveBackend();
    if (!backend) throw host.configurationProblem;
    const sent = await backend.postComment(comment, { idempotencyKey, signal });
    const words = strings.locale === 'cy' ? sendingCy : sendingEn;
    const said =
      sent.status === 'published' ? words.announcePublished : sent.status === 'received' ? words.announcePrivate : words.announcePending;
    return { kind: 'sent', comment: sent, announcement: sent.reference ? `${said} ${strings.referenceIs(sent.reference)}.` : said };
  } catch (error) {
    if (signal.aborted) return { kind: 'aborted' };
    if (error instanceof ConsultationClosedError) return { kind: 'closed', error };
    if (error instanceof ValidationFailedError)
      return { kind: 'invalid', errors: translateServerMessages(error.fields, strings.validation) };
    const sending = strings.locale === 'cy' ? sendingCy : sendingEn;
    return { kind: 'failed', message: error instanceof RateLimitedError ? sending.rateLimited : strings.submitFailed, error };
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
  return field === 'visibility'
    ? 'visibility-public'
    : field === 'respondent'
      ? 'respondent-individual'
      : field === 'answer'
        ? 'answer-0'
        : field;
}
