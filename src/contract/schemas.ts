import * as z from 'zod/mini';
import { limits } from './limits.js';
import type { AnswerCounts, SectionQuestion } from './questions.js';

/** Where a comment is in its life. Public lists only ever hold `published` comments. */
export const commentStatuses = ['pending', 'published', 'rejected', 'spam', 'received'] as const;
export const CommentStatus = /* @__PURE__ */ z.enum(commentStatuses);
export type CommentStatus = z.infer<typeof CommentStatus>;

/**
 * `public` comments are published with the name; `anonymous` ones are published without the
 * person's or the organisation's name; `private` ones go to the department only.
 */
export const visibilities = ['public', 'anonymous', 'private'] as const;
export const Visibility = /* @__PURE__ */ z.enum(visibilities);
export type Visibility = z.infer<typeof Visibility>;

/** An ISO 8601 date and time with seconds optional and an offset required (lighter than zod's own check). */
export const isoDateTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A count: a whole number, zero or more (checked as a multiple of 1, lighter in a reader's bundle than `z.int()`). */
export const wholeNumber = /* @__PURE__ */ z.number().check(z.nonnegative(), z.multipleOf(1));

/** An id, a page or a section: non-empty text of bounded length. */
export const id = /* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(limits.idMax));
export const pageId = /* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(limits.pageMax));
export const sectionId = /* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(limits.sectionMax));

/** Whom a respondent answers for, when the consultation asks. */
export const respondents = ['individual', 'organisation'] as const;
export const Respondent = /* @__PURE__ */ z.enum(respondents);
export type Respondent = z.infer<typeof Respondent>;

/** The languages a response may be written in, as the department reports them. */
export const responseLanguages = ['en', 'cy'] as const;
export const ResponseLanguage = /* @__PURE__ */ z.enum(responseLanguages);
export type ResponseLanguage = z.infer<typeof ResponseLanguage>;

/** Who wrote a comment: a reader, or the department answering in its own name. */
export const roles = ['reader', 'official'] as const;
export const Role = /* @__PURE__ */ z.enum(roles);
export type Role = z.infer<typeof Role>;

/** A comment as anyone may see it: never an email, an address or anything private. */
export const Comment = /* @__PURE__ */ z.object({
  id,
  page: pageId,
  section: sectionId,
  parentId: z.nullable(id),
  /** Null when the comment was published without a name, or its author's data was erased. */
  name: z.nullable(z.string()),
  /** The organisation a respondent answered for, when published with the name; left out by backends without it. */
  organisation: z.optional(z.nullable(z.string())),
  body: z.string(),
  /** ISO 8601 date and time with its offset, such as 2026-03-01T10:00:00.000Z. */
  createdAt: z.string().check(z.regex(isoDateTimePattern)),
  status: CommentStatus,
  /** `official` for the department's own responses; backends that have none may leave it out. */
  role: z.optional(Role),
  /** The options chosen in answer to the section's question, as declared; null when none was asked or chosen. */
  answer: z.optional(z.nullable(z.array(z.string()))),
  /** The version of its section's wording current when it arrived; null where the section had none; left out by backends without versions. */
  version: z.optional(z.nullable(wholeNumber)),
});
export type Comment = z.infer<typeof Comment>;

/** Where a consultation is in its life, by the server's clock. */
export const consultationStates = ['upcoming', 'open', 'closed'] as const;
export const ConsultationState = /* @__PURE__ */ z.enum(consultationStates);
export type ConsultationState = z.infer<typeof ConsultationState>;

const dateTime = /* @__PURE__ */ z.string().check(z.regex(isoDateTimePattern));

/** A page's consultation as anyone may see it; a page without one is always open. */
export const Consultation = /* @__PURE__ */ z.object({
  page: pageId,
  title: z.string(),
  /** When responses are first taken (ISO 8601 with offset), or null for at once. */
  opensAt: z.nullable(dateTime),
  /** When responses stop being taken, or null for never. */
  closesAt: z.nullable(dateTime),
  state: ConsultationState,
  /** Who runs it and answers in its name, such as "Department for Digital Services". */
  department: z.nullable(z.string()),
  /** Whether respondents are asked if they answer for an organisation. */
  askOrganisation: z.boolean(),
});
export type Consultation = z.infer<typeof Consultation>;

/** What the department did with a section's comments ("you said, we did"). */
export const Outcome = /* @__PURE__ */ z.object({ body: z.string(), updatedAt: dateTime });
export type Outcome = z.infer<typeof Outcome>;

/** One page of a section's thread, oldest first. */
export const CommentPage = /* @__PURE__ */ z.object({
  comments: z.array(Comment),
  nextCursor: z.nullable(z.string()),
  /** Published public comments in the whole section, replies included. */
  total: wholeNumber,
  /** The section's outcome once the department has published one; left out by backends without outcomes. */
  outcome: z.optional(z.nullable(Outcome)),
  /**
   * The closed question the section asks above its comment box, or null; left out by backends
   * without questions. Checked with `SectionQuestion` by the code that draws it, which a page
   * fetches only when there is a question, so that pages without one never download its schema.
   */
  question: z.optional(z.unknown() as unknown as z.ZodMiniType<SectionQuestion | null>),
  /** After the close, when the consultation publishes them: how many responses chose each option (checked with `AnswerCounts` as the question is). */
  answerCounts: z.optional(z.unknown() as unknown as z.ZodMiniType<AnswerCounts | null>),
  /** The version of the section's wording now, or null; left out by backends without versions. */
  version: z.optional(z.nullable(wholeNumber)),
});
export type CommentPage = z.infer<typeof CommentPage>;

/** Published public comments per section, for every section of a page. */
export const Counts = /* @__PURE__ */ z.object({
  page: pageId,
  counts: /* @__PURE__ */ z.catchall(z.object({}), wholeNumber),
  /** The page's consultation, or null when it has none; left out by backends without consultations. */
  consultation: z.optional(z.nullable(Consultation)),
  /**
   * Earlier ids of the page's sections, each with the section it now names, so that a link made
   * under a section's earlier heading finds its thread; left out by backends without versions.
   */
  aliases: z.optional(z.catchall(z.object({}), sectionId)),
});
export type Counts = z.infer<typeof Counts>;

/**
 * The reply to a stored comment: `201 { comment, reference }`. The reference, such as
 * `CC-7K3M-Q9TX`, is for the respondent alone; backends without references leave it out.
 */
export const CreatedComment = /* @__PURE__ */ z.object({ comment: Comment, reference: z.optional(z.string()) });
export type CreatedComment = z.infer<typeof CreatedComment>;

/** Every other error the API sends, with one shape. */
export const ErrorBody = /* @__PURE__ */ z.object({
  error: z.string(),
  message: z.optional(z.string()),
  fields: z.optional(z.catchall(z.object({}), z.string())),
  /** With `consultation_not_open` and `consultation_closed`: the consultation's dates. */
  opensAt: z.optional(z.nullable(z.string())),
  closesAt: z.optional(z.nullable(z.string())),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** The state of a consultation with these dates at this time: open from `opensAt` until `closesAt`. */
export function consultationState(dates: { opensAt: string | null; closesAt: string | null }, now = Date.now()): ConsultationState {
  if (dates.opensAt && now < Date.parse(dates.opensAt)) return 'upcoming';
  if (dates.closesAt && now >= Date.parse(dates.closesAt)) return 'closed';
  return 'open';
}
