/**
 * Rows as both drivers read them, and what they become: the stored comment, the public one, a
 * consultation, a receipt, an audit entry, a page of a list; and the parameters writes take.
 */
import type { AuditEntry, Comment, ReceiptState, Respondent, ResponseLanguage, Visibility } from 'civic-comments/contract';
import { newCommentId } from './ids.js';
import { reportQueries } from './queries.js';
import { queueQueries } from './queue.js';
import type {
  ConsultationRecord,
  ConsultRow,
  CreateResult,
  NewAuditEntry,
  NewRecord,
  QueuedReceipt,
  StoredComment,
  StoredSectionChange,
  StoredSectionCount,
  StoredSectionVersion,
} from './storage.js';

/** A stored idempotency key as both drivers read it. */
export interface KeyRow {
  fingerprint: string;
  answer: string;
  /** `deleted` once its comment was deleted, `erased` once its sender's data was erased. */
  removed: 'deleted' | 'erased' | null;
}

/** What a key already used answers: its first answer, a removal, or a conflict when the request differs. */
export function earlierAnswer(row: KeyRow, fingerprint: string): CreateResult {
  if (row.removed === 'deleted') return { kind: 'removed' };
  // An erased key no longer knows what was sent, so any retry gets the anonymised answer.
  if (row.removed === 'erased' || row.fingerprint === fingerprint) return { kind: 'replayed', answer: row.answer };
  return { kind: 'conflict' };
}

/** An answer kept for a key, rewritten without the sender's name or organisation. */
export function anonymisedAnswer(answer: string): string {
  const parsed = JSON.parse(answer) as { comment?: { name?: unknown; organisation?: unknown } };
  if (parsed.comment) {
    parsed.comment.name = null;
    parsed.comment.organisation = null;
  }
  return JSON.stringify(parsed);
}

/** A new comment as it will be stored: its id and dates made now (or when the record says it was written). */
export function newStoredComment({ at, ...record }: NewRecord): StoredComment &
  Required<Pick<StoredComment, 'respondent' | 'organisation' | 'lang' | 'reference'>> & {
    answer: string[] | null;
    version: number | null;
  } {
  const time = at ?? Date.now();
  const now = new Date(time).toISOString();
  return {
    respondent: null,
    organisation: null,
    lang: null,
    reference: null,
    answer: null,
    version: null,
    ...record,
    id: newCommentId(time),
    createdAt: now,
    updatedAt: now,
  };
}

/** A row of `comments` as both drivers read it. */
export interface CommentRow {
  id: string;
  page: string;
  section: string;
  parent_id: string | null;
  name: string;
  email: string;
  body: string;
  visibility: Visibility;
  status: 'pending' | 'published' | 'rejected' | 'spam' | 'received';
  created_at: string;
  updated_at: string;
  role: 'reader' | 'official';
  respondent: Respondent | null;
  organisation: string | null;
  lang: ResponseLanguage | null;
  reference: string | null;
  /** The options chosen in answer to the section's question, as a JSON array. */
  answer?: string | null;
  /** The version of its section's wording it arrived on. */
  section_version?: number | string | null;
  /** The state of its receipt, when one was queued (moderation lists only). */
  receipt?: ReceiptState | null;
  reports?: number | string;
  reports_reviewed?: number | string;
  campaign?: string | null;
  /** In a moderation list: the responses matching its filters that this one stands for. */
  group_shown?: number | string;
  /** In an export: how many responses its campaign holds. */
  campaign_size?: number | string | null;
}

/**
 * A row read with the public columns only, and for a comment published without a name, without
 * its name or organisation: the query itself leaves them out (see `publicColumns`).
 */
export type PublicRow = Pick<
  CommentRow,
  'id' | 'page' | 'section' | 'parent_id' | 'body' | 'created_at' | 'status' | 'role' | 'answer' | 'section_version'
> & {
  name: string | null;
  organisation: string | null;
};

export function fromPublicRow(row: PublicRow): Comment {
  return {
    id: row.id,
    page: row.page,
    section: row.section,
    parentId: row.parent_id,
    name: row.name,
    organisation: row.organisation,
    body: row.body,
    createdAt: row.created_at,
    status: row.status,
    role: row.role,
    answer: answerOf(row.answer),
    version: row.section_version == null ? null : Number(row.section_version),
  };
}

/** The options a row's `answer` column holds, or null. */
export const answerOf = (column: string | null | undefined): string[] | null => (column ? (JSON.parse(column) as string[]) : null);
/** Options as the `answer` column keeps them. */
export const answerColumn = (answer: string[] | null | undefined): string | null => (answer?.length ? JSON.stringify(answer) : null);

export function fromRow(row: CommentRow): StoredComment {
  return {
    ...fromPublicRow(row),
    name: row.name,
    organisation: row.organisation,
    email: row.email,
    visibility: row.visibility,
    updatedAt: row.updated_at,
    respondent: row.respondent,
    lang: row.lang,
    reference: row.reference,
    receipt: row.receipt ?? null,
    campaign: row.campaign ?? null,
    ...(row.campaign_size != null && { campaignSize: Number(row.campaign_size) }),
    ...(Number(row.group_shown ?? 1) > 1 && { shownTogether: Number(row.group_shown) }),
    ...(Number(row.reports ?? 0) > 0 && {
      reports: { count: Number(row.reports), unreviewed: Number(row.reports) - Number(row.reports_reviewed ?? 0), reasons: [] },
    }),
  };
}

/** Where an export's next batch starts: after the last response of the one before. */
interface ExportPlace {
  created_at: string;
  id: string;
}

/**
 * An export a batch at a time, for both drivers: each campaign's size counted once (as many
 * entries as campaigns, however many copies each has), then batches of `size` read after the last
 * one, in the order the responses arrived, until a batch comes short.
 */
export async function* exportBatchesOf(
  campaignSizes: () => { campaign: string; n: number | string }[] | Promise<{ campaign: string; n: number | string }[]>,
  readAfter: (after: ExportPlace) => CommentRow[] | Promise<CommentRow[]>,
  size: number,
): AsyncIterable<StoredComment[]> {
  const sizes = new Map((await campaignSizes()).map((each) => [each.campaign, each.n]));
  let after: ExportPlace = { created_at: '', id: '' };
  for (;;) {
    const rows = await readAfter(after);
    if (rows.length)
      yield rows.map((each) => fromRow({ ...each, campaign_size: each.campaign ? (sizes.get(each.campaign) ?? null) : null }));
    if (rows.length < size) return;
    after = rows.at(-1)!;
  }
}

/** A row of the Consult export's scan, as either driver reads it. */
interface ConsultScanRow {
  id: string;
  created_at: string;
  email_key: string;
  section: string;
  respondent: string | null;
  organisation: string | null;
  lang: string | null;
  body: string | null;
  answer: string | null;
}

/**
 * The Consult export's scan, for both drivers: `consultRowsAfter`'s parameters for a batch after
 * the last, until a batch comes short.
 */
export async function* consultScanOf(
  read: (params: unknown[]) => unknown[] | Promise<unknown[]>,
  page: string,
  section: string | null,
  size: number,
): AsyncIterable<ConsultRow[]> {
  let after = ['', '', ''];
  for (;;) {
    const rows = (await read([section, section, page, after[0], ...after, size])) as ConsultScanRow[];
    if (rows.length)
      yield rows.map((row) => ({
        id: row.id,
        createdAt: row.created_at,
        emailKey: row.email_key,
        section: row.section,
        respondent: row.respondent,
        organisation: row.organisation,
        lang: row.lang,
        body: row.body,
        answer: answerOf(row.answer),
      }));
    if (rows.length < size) return;
    const last = rows.at(-1)!;
    after = [last.email_key, last.created_at, last.id];
  }
}

/** Gives the responses of a list that belong to a campaign the campaign's size, read in one query. */
export async function withCampaignSizes(
  comments: StoredComment[],
  read: (
    sql: string,
    campaigns: string[],
  ) => Promise<{ campaign: string; n: number | string }[]> | { campaign: string; n: number | string }[],
): Promise<StoredComment[]> {
  const campaigns = [...new Set(comments.flatMap((comment) => (comment.campaign ? [comment.campaign] : [])))];
  if (!campaigns.length) return comments;
  const rows = await read(queueQueries.campaignSizes(campaigns.length), campaigns);
  const sizes = new Map(rows.map((row) => [row.campaign, Number(row.n)]));
  for (const comment of comments) if (comment.campaign) comment.campaignSize = sizes.get(comment.campaign) ?? 1;
  return comments;
}

/** Gives the reported comments of a list the reasons readers gave, read in one query. */
export async function withReasons(
  comments: StoredComment[],
  read: (sql: string, ids: string[]) => Promise<{ comment_id: string; reason: string }[]> | { comment_id: string; reason: string }[],
): Promise<StoredComment[]> {
  const reported = comments.filter((comment) => comment.reports);
  if (!reported.length) return comments;
  const ids = reported.map((comment) => comment.id);
  const rows = await read(`${reportQueries.reasons} (${ids.map(() => '?').join(', ')}) ORDER BY created_at`, ids);
  for (const row of rows) comments.find((comment) => comment.id === row.comment_id)?.reports?.reasons.push(row.reason);
  return comments;
}

/** A row of `receipts` as both drivers read it for sending. */
export interface ReceiptRow {
  comment_id: string;
  recipient: string;
  attempts: number | string;
  next_attempt_at: string;
}

export const fromReceiptRow = (row: ReceiptRow): QueuedReceipt => ({
  commentId: row.comment_id,
  recipient: row.recipient,
  attempts: Number(row.attempts),
  nextAttemptAt: row.next_attempt_at,
});

/** Rows fetched one past the limit tell whether there is a next page. */
export function pageOf<R, T extends { createdAt: string; id: string }>(rows: R[], limit: number, total: number, map: (row: R) => T) {
  const items = rows.slice(0, limit).map(map);
  const last = items.at(-1);
  return { items, total, next: rows.length > limit && last ? { createdAt: last.createdAt, id: last.id } : null };
}

/** A row of `consultations` as both drivers read it. */
export interface ConsultationRow {
  page: string;
  title: string;
  opens_at: string | null;
  closes_at: string | null;
  department: string | null;
  ask_organisation: number;
  contact_email: string | null;
  sections: string;
  updated_at: string;
  show_answer_counts: number | boolean;
}

export function fromConsultationRow(row: ConsultationRow): ConsultationRecord {
  return {
    page: row.page,
    title: row.title,
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    department: row.department,
    askOrganisation: Boolean(Number(row.ask_organisation)),
    contactEmail: row.contact_email,
    sections: JSON.parse(row.sections) as ConsultationRecord['sections'],
    showAnswerCounts: Boolean(Number(row.show_answer_counts)),
    updatedAt: row.updated_at,
  };
}

/** A consultation record as the upsert takes its parameters. */
export const consultationParams = (c: ConsultationRecord) => [
  c.page,
  c.title,
  c.opensAt,
  c.closesAt,
  c.department,
  c.askOrganisation ? 1 : 0,
  c.contactEmail,
  JSON.stringify(c.sections),
  c.updatedAt,
  c.showAnswerCounts ? 1 : 0,
];

/** Responses per page and status, as read for the consultations' list. */
export function statusCountsByPage(rows: { page: string; status: string; n: number | string }[]): Map<string, Record<string, number>> {
  const byPage = new Map<string, Record<string, number>>();
  for (const row of rows) byPage.set(row.page, { ...byPage.get(row.page), [row.status]: Number(row.n) });
  return byPage;
}

/** An audit entry as the insert takes its parameters. */
export const auditParams = (by: string, entry: NewAuditEntry, at = new Date().toISOString()) => [
  at,
  by,
  entry.action,
  entry.commentId ?? null,
  entry.reference ?? null,
  entry.page ?? null,
  entry.section ?? null,
  entry.from ?? null,
  entry.to ?? null,
];

/** A row of `audit_log` as both drivers read it. */
export interface AuditRow {
  id: number | string;
  at: string;
  moderator: string;
  action: AuditEntry['action'];
  comment_id: string | null;
  reference: string | null;
  page: string | null;
  section: string | null;
  from_value: string | null;
  to_value: string | null;
}

export const fromAuditRow = (row: AuditRow): AuditEntry => ({
  id: String(row.id),
  at: row.at,
  moderator: row.moderator,
  action: row.action,
  commentId: row.comment_id,
  reference: row.reference,
  page: row.page,
  section: row.section,
  from: row.from_value,
  to: row.to_value,
});

/** A page of the audit log from rows fetched one past the limit. */
export function auditPageOf(rows: AuditRow[], limit: number, total: number, moderators: string[]) {
  const items = rows.slice(0, limit).map(fromAuditRow);
  return { items, total, moderators, next: rows.length > limit ? items.at(-1)!.id : null };
}

/** A public row as `listPublished` selects it, column by column (see `publicColumns`). */
export type PublicTuple = [
  string,
  string,
  string,
  string | null,
  string | null,
  string,
  string,
  Comment['status'],
  NonNullable<Comment['role']>,
  string | null,
  string | null,
  number | null,
];

export const fromPublicTuple = ([
  id,
  page,
  section,
  parentId,
  name,
  body,
  createdAt,
  status,
  role,
  organisation,
  answer,
  version,
]: PublicTuple): Comment => ({
  id,
  page,
  section,
  parentId,
  name,
  organisation,
  body,
  createdAt,
  status,
  role,
  answer: answerOf(answer),
  version,
});

/** A row of `section_versions`, as either list reads it. */
export interface VersionRow {
  section?: string;
  version: number | string;
  text?: string;
  note?: string | null;
  valid_from: string;
  valid_to?: string | null;
}
export const changeOf = (row: VersionRow): StoredSectionChange => ({
  section: row.section!,
  version: Number(row.version),
  at: row.valid_from,
  note: row.note ?? null,
});
export const versionOf = (row: VersionRow): StoredSectionVersion => ({
  version: Number(row.version),
  text: row.text!,
  from: row.valid_from,
  to: row.valid_to ?? null,
});

export const sectionCountOf = (row: { section: string; n: number | string; newest: string }): StoredSectionCount => ({
  section: row.section,
  count: Number(row.n),
  newest: row.newest,
});
