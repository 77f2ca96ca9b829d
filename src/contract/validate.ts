import type { SectionQuestion } from './questions.js';
import { NewComment } from './new-comment.js';
import { commentFields, type CommentField, type ValidationMessages } from './messages.js';
import { validationMessages } from '../i18n/en/validation.js';

/** The first refusal code for each field that was refused. */
export type FieldCodes = Partial<Record<CommentField, string>>;

export type NewCommentResult = { success: true; data: NewComment } | { success: false; codes: FieldCodes };

/**
 * Checks a new comment, trimming its text, and reports one code per refused field. With the
 * page's consultation, also whether the respondent said whom they answer for, when it asks; with
 * the section's question, the answer to it, and whether the comment box may be left empty. (A reply
 * answers no question.)
 */
export function validateNewComment(
  input: unknown,
  consultation?: { askOrganisation: boolean } | null,
  question?: SectionQuestion | null,
): NewCommentResult {
  const result = NewComment.safeParse(input);
  const codes: FieldCodes = {};
  for (const issue of result.error?.issues ?? []) {
    const field = issue.path[0] as CommentField;
    if (commentFields.includes(field) && !codes[field]) codes[field] = issue.message;
  }
  // The questions that hang on others, checked whatever else is wrong, so that a reader is told everything at once.
  const { respondent, organisation, parentId, answer, body } = (input ?? {}) as Record<string, unknown>;
  if (consultation?.askOrganisation && (respondent == null || respondent === '')) codes.respondent ??= 'missing';
  const asked = parentId ? null : question;
  if (!codes.answer && (answer === undefined || Array.isArray(answer))) {
    const problem = answerProblem(answer as string[] | undefined, asked);
    if (problem) codes.answer = problem;
  }
  // A response says something: the comment where it is required, and otherwise a comment or a choice.
  const freeText = asked ? questionDefaults(asked).freeText : 'required';
  const chose = Array.isArray(answer) && answer.length > 0;
  if (!(typeof body === 'string' && body.trim()) && (freeText === 'required' || !chose)) {
    if (freeText === 'none') codes.answer ??= 'missing';
    else codes.body ??= 'missing';
  }
  if (respondent === 'organisation' && !(typeof organisation === 'string' && organisation.trim())) codes.organisation ??= 'missing';
  return result.success && !Object.keys(codes).length ? { success: true, data: result.data } : { success: false, codes };
}

/** Each refused field of a zod check, by its path, as `{ title: "…" }`; a refusal of the whole under `body`. */
export const fieldsOf = (issues: readonly { path: PropertyKey[]; message: string }[]): Record<string, string> =>
  Object.fromEntries(issues.map((issue) => [issue.path.join('.') || 'body', issue.message]));

/** Words the codes of a refusal in one language; an unknown code keeps its field's first message. */
export function messagesFor(codes: FieldCodes, messages: ValidationMessages = validationMessages): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const field of commentFields) {
    const code = codes[field];
    if (!code) continue;
    const byCode = messages[field] as Record<string, string>;
    fields[field] = byCode[code] ?? Object.values(byCode)[0]!;
  }
  return fields;
}

/** Recognises an English message sent by a server, so that a widget can word it in its own language. */
export function codeForMessage(field: string, message: string): string | undefined {
  const byCode = (validationMessages as Record<string, Record<string, string>>)[field];
  if (!byCode) return undefined;
  return Object.keys(byCode).find((code) => byCode[code] === message);
}

/** A question with its defaults filled in. */
export const questionDefaults = (question: SectionQuestion) => ({
  required: question.required ?? true,
  freeText: question.freeText ?? 'required',
});

/**
 * Checks an answer against the section's question, as the server and every backend do: a
 * required question answered, only declared options, one for `single`, and no answer where
 * nothing is asked (a reply, or a section without a question). Undefined when it is right.
 */
export function answerProblem(
  answer: readonly string[] | undefined,
  question: SectionQuestion | null | undefined,
): 'missing' | 'invalid' | undefined {
  const given = answer ?? [];
  if (!question) return given.length ? 'invalid' : undefined;
  if (!given.length) return questionDefaults(question).required ? 'missing' : undefined;
  if (given.some((option) => !question.options.includes(option))) return 'invalid';
  if (new Set(given).size !== given.length || (question.type === 'single' && given.length > 1)) return 'invalid';
  return undefined;
}
