import * as z from 'zod/mini';
import { csvCell } from './csv.js';
import { limits } from './limits.js';
import { isoDateTimePattern, pageId, wholeNumber } from './schemas.js';

/*
 * Moderators as people, and the audit log of what each of them did. Only the console and servers
 * use these shapes.
 */

/**
 * What a moderator may do: an `administrator` everything; a `moderator` the queue, the department's
 * responses and outcomes, but not exports (which hold every email), erasure or consultations; an
 * `analyst` read and export, and change nothing.
 */
export const moderatorRoles = ['administrator', 'moderator', 'analyst'] as const;
export const ModeratorRole = /* @__PURE__ */ z.enum(moderatorRoles);
export type ModeratorRole = z.infer<typeof ModeratorRole>;

/** `GET /api/v1/moderation/me`: who the token belongs to. */
export const Moderator = /* @__PURE__ */ z.object({
  name: z.string(),
  /** Whether the role is `administrator`: the holder of the server's own `MODERATOR_TOKEN` always is. */
  administrator: z.boolean(),
  role: ModeratorRole,
});
export type Moderator = z.infer<typeof Moderator>;

/** A moderator's name as `moderators add` takes it: what the audit log records them by. */
export const ModeratorName = /* @__PURE__ */ z.string().check(z.trim(), z.minLength(1), z.maxLength(limits.nameMax));

/** Everything the audit log records. */
export const auditActions = [
  /** A response's status changed: `from` and `to` are statuses. */
  'status',
  /** A response was deleted: `from` is the status it had. */
  'delete',
  /** A respondent's name, email and organisation were erased from this response. */
  'erase',
  /** The department published an official response: `to` is its text. */
  'official-response',
  /** A section's outcome was written or changed: `from` and `to` are its texts. */
  'outcome',
  /** A consultation was created or changed: `from` and `to` are the changed fields, as JSON. */
  'consultation',
  /** An orphaned thread was moved into a section: `from` is the section it was under, `to` the section and how many moved. */
  'move',
  /** A moderator was added or removed from the command line: `to` or `from` is their name. */
  'moderator-added',
  'moderator-removed',
] as const;
export const AuditAction = /* @__PURE__ */ z.enum(auditActions);
export type AuditAction = z.infer<typeof AuditAction>;

/** One entry of the audit log. */
export const AuditEntry = /* @__PURE__ */ z.object({
  id: z.string(),
  at: z.string().check(z.regex(isoDateTimePattern)),
  /** Who did it: the moderator's name as it was when they did it. */
  moderator: z.string(),
  action: AuditAction,
  /** The response acted on, when the action was on one; it may since have been deleted. */
  commentId: z.nullable(z.string()),
  /** Its reference, kept here so that it still reads after the response is deleted. */
  reference: z.nullable(z.string()),
  page: z.nullable(z.string()),
  section: z.nullable(z.string()),
  from: z.nullable(z.string()),
  to: z.nullable(z.string()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** Query of `GET /api/v1/moderation/audit`: every filter is optional. */
export const AuditQuery = /* @__PURE__ */ z.object({
  moderator: z.optional(z.string().check(z.maxLength(limits.nameMax))),
  action: z.optional(AuditAction),
  page: z.optional(pageId),
  /** A response's id or reference. */
  comment: z.optional(z.string().check(z.maxLength(limits.idMax))),
  format: z.optional(z.enum(['json', 'csv'])),
  limit: z.optional(z.coerce.number().check(z.minimum(1), z.maximum(limits.moderationLimitMax), z.refine(Number.isInteger))),
  cursor: z.optional(z.string().check(z.maxLength(200))),
});
export type AuditQuery = z.input<typeof AuditQuery>;

/** The audit log, newest first. */
export const AuditPage = /* @__PURE__ */ z.object({
  entries: z.array(AuditEntry),
  nextCursor: z.nullable(z.string()),
  total: wholeNumber,
  /** Everyone who appears in the log, for a filter to offer. */
  moderators: z.array(z.string()),
});
export type AuditPage = z.infer<typeof AuditPage>;

/** The columns of the audit log's CSV, in order. */
export const auditColumns = ['id', 'at', 'moderator', 'action', 'commentId', 'reference', 'page', 'section', 'from', 'to'] as const;

/** The audit log as CSV, with a header row and CRLF line ends. */
export function auditCsv(entries: AuditEntry[]): string {
  const lines = [auditColumns.join(',')];
  for (const entry of entries) lines.push(auditColumns.map((column) => csvCell(entry[column])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
