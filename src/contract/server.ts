import * as z from 'zod/mini';
import { limits } from './limits.js';
import { Comment, CommentStatus, isoDateTimePattern, pageId, sectionId, Visibility, wholeNumber } from './schemas.js';

/*
 * Shapes only servers and the moderation console use: queries, moderation and export. Kept apart
 * from the public shapes so that a reader's page never downloads them.
 */

/** Query of `GET /api/v1/comments`. */
export const ListCommentsQuery = /* @__PURE__ */ z.object({
  page: pageId,
  section: sectionId,
  limit: z.optional(z.coerce.number().check(z.minimum(1), z.maximum(limits.listLimitMax), z.refine(Number.isInteger))),
  cursor: z.optional(z.nullable(z.string().check(z.maxLength(200)))),
});
export type ListCommentsQuery = z.input<typeof ListCommentsQuery>;

/** A refused new comment: `400 { error: "validation", fields: { name: "Enter your name" } }`. */
export const ValidationErrorBody = /* @__PURE__ */ z.object({
  error: z.literal('validation'),
  fields: z.record(z.string(), z.string()),
});
export type ValidationErrorBody = z.infer<typeof ValidationErrorBody>;

/** A comment as moderators see it: with the email, the visibility and when it last changed. */
export const ModerationComment = /* @__PURE__ */ z.object({
  ...Comment.shape,
  email: z.string(),
  visibility: Visibility,
  updatedAt: z.string().check(z.regex(isoDateTimePattern)),
});
export type ModerationComment = z.infer<typeof ModerationComment>;

/** Query of `GET /api/v1/moderation/comments`: every filter is optional. */
export const ModerationQuery = /* @__PURE__ */ z.object({
  status: z.optional(CommentStatus),
  page: z.optional(pageId),
  section: z.optional(sectionId),
  visibility: z.optional(Visibility),
  limit: z.optional(z.coerce.number().check(z.minimum(1), z.maximum(limits.moderationLimitMax), z.refine(Number.isInteger))),
  cursor: z.optional(z.string().check(z.maxLength(200))),
});
export type ModerationQuery = z.input<typeof ModerationQuery>;

/** The moderation queue, newest first, with how many comments match each status. */
export const ModerationPage = /* @__PURE__ */ z.object({
  comments: z.array(ModerationComment),
  nextCursor: z.nullable(z.string()),
  total: wholeNumber,
  statusCounts: z.record(z.string(), wholeNumber),
});
export type ModerationPage = z.infer<typeof ModerationPage>;

/** Body of `PATCH /api/v1/moderation/comments/{id}`. */
export const StatusUpdate = /* @__PURE__ */ z.object({
  status: z.enum(['published', 'rejected', 'spam']),
});
export type StatusUpdate = z.infer<typeof StatusUpdate>;

/** Query of `GET /api/v1/moderation/export`. */
export const ExportQuery = /* @__PURE__ */ z.object({
  page: z.optional(pageId),
  format: z.optional(z.enum(['csv', 'json'])),
});

/** Body of `POST /api/v1/moderation/erase`. */
export const EraseRequest = /* @__PURE__ */ z.object({
  email: z.string().check(z.trim(), z.minLength(1), z.maxLength(limits.emailMax)),
});
/** How many responses an erasure touched. */
export const EraseResult = /* @__PURE__ */ z.object({ erased: wholeNumber });

/** `GET /api/v1/health`. */
export const Health = /* @__PURE__ */ z.object({
  status: z.enum(['ok', 'unavailable']),
  /** `ok` once the database answered and took a write; else why not. */
  database: z.enum(['ok', 'unreachable', 'read-only']),
  storage: z.enum(['sqlite', 'postgres']),
});
