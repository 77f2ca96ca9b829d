import * as z from 'zod/mini';
import { lengthOf, limits } from './limits.js';
import { ResponseLanguage, pageId, respondents, sectionId, visibilities } from './schemas.js';

/*
 * What a reader sends, in a module of its own: a reader's page fetches it with the form's checks,
 * when the form is first used, rather than with every thread.
 */

/**
 * A deliberately simple address check, as the GOV.UK Design System advises: something, an @,
 * a domain with a dot. (zod's stricter pattern.)
 */
export const emailPattern = /^(?!\.)(?!.*\.\.)([A-Za-z0-9_'+\-.]*)[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

/**
 * At most `max` characters as the reader sees and counts them (see `lengthOf`: a family emoji is
 * one), refused with `code`. The server's limit on a request's size bounds what is stored.
 */
export const atMostCharacters = (max: number, code: string) =>
  z.check<string>((context) => {
    if (lengthOf(context.value) > max)
      context.issues.push({ code: 'too_big', origin: 'string', maximum: max, inclusive: true, input: context.value, message: code });
  });

/**
 * What a reader sends. Text fields are trimmed before they are checked; each refusal carries a
 * code from `ValidationCodes` as its message, so that every language can word it.
 */
export const NewComment = /* @__PURE__ */ z.object({
  page: pageId,
  /** Left empty by people; a form filler that completes it marks the comment as spam. */
  website: z.optional(z.string().check(z.maxLength(2048))),
  section: sectionId,
  parentId: z.optional(z.nullable(z.string().check(z.minLength(1, 'invalid'), z.maxLength(limits.idMax, 'invalid')))),
  name: z.string('missing').check(z.trim(), z.minLength(1, { error: 'missing', abort: true }), atMostCharacters(limits.nameMax, 'tooLong')),
  email: z
    .string('missing')
    .check(
      z.trim(),
      z.minLength(1, { error: 'missing', abort: true }),
      z.maxLength(limits.emailMax, { error: 'tooLong', abort: true }),
      z.regex(emailPattern, 'invalid'),
    ),
  /** Required, unless the section's question makes the comment box optional or does not ask it (see `validateNewComment`). */
  body: z.string('missing').check(z.trim(), atMostCharacters(limits.bodyMax, 'tooLong')),
  /**
   * The options chosen in answer to the section's question, exactly as declared (see
   * `answerProblem`, which also bounds them: only declared options, each once).
   */
  answer: z.optional(z.array(z.string('invalid'), 'invalid')),
  visibility: z.enum(visibilities, 'missing'),
  /** Required when the consultation asks whether a response comes from an organisation (see `validateNewComment`). */
  respondent: z.optional(z.enum(respondents, 'missing')),
  /** Required of a respondent who answers for an organisation. */
  organisation: z.optional(z.string().check(z.trim(), atMostCharacters(limits.organisationMax, 'tooLong'))),
  /** The language the response was written in. */
  lang: z.optional(ResponseLanguage),
});
/** A new comment as typed, before trimming. */
export type NewCommentInput = z.input<typeof NewComment>;
/** A new comment once checked and trimmed. */
export type NewComment = z.output<typeof NewComment>;
