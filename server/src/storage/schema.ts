import type { AuditEntry, Comment, ReceiptState, Respondent, ResponseLanguage, Visibility } from '../../../src/contract/index.js';
import { newCommentId } from './ids.js';
import type { ConsultationRecord, CreateResult, NewAuditEntry, NewRecord, QueuedReceipt, ReceiptOutcome, StoredComment } from './storage.js';

/**
 * Tables shared by both drivers; each driver applies, in order, the migrations it has not applied.
 * Dates are ISO 8601 text in UTC, which sorts as time does; `ORDERED` marks the columns that lists
 * sort by, which PostgreSQL must compare byte by byte rather than by its locale's rules, and
 * `SERIAL_ID` a key the database numbers itself, in the order rows are written.
 */
export const migrations: { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE comments (
        id ORDERED PRIMARY KEY,
        page TEXT NOT NULL,
        section TEXT NOT NULL,
        parent_id TEXT,
        name TEXT NOT NULL,
        email TEXT NOT NULL,
        body TEXT NOT NULL,
        visibility TEXT NOT NULL,
        status TEXT NOT NULL,
        created_at ORDERED NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX comments_public ON comments (page, section, status, visibility, created_at, id);
      CREATE INDEX comments_recent ON comments (created_at, id);
      CREATE INDEX comments_email ON comments (email);
      CREATE TABLE idempotency_keys (
        key TEXT PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        comment_id TEXT NOT NULL,
        answer TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX idempotency_comment ON idempotency_keys (comment_id);
    `,
  },
  {
    version: 2,
    sql: `
      ALTER TABLE idempotency_keys ADD COLUMN removed TEXT;
      CREATE TABLE rate_limits (
        key TEXT NOT NULL,
        window_start BIGINT NOT NULL,
        window_end BIGINT NOT NULL,
        hits INTEGER NOT NULL,
        PRIMARY KEY (key, window_start)
      );
      CREATE TABLE server_secrets (name TEXT PRIMARY KEY, value TEXT NOT NULL);
    `,
  },
  {
    version: 3,
    // A change counter per page, raised in the same transaction as every write the public can see,
    // so that each instance can tell in one indexed read whether the answers it keeps still hold.
    sql: `CREATE TABLE page_versions (page TEXT PRIMARY KEY, version BIGINT NOT NULL);`,
  },
  {
    version: 4,
    // Consultations with dates, the department's own responses, and what it did with each section's comments.
    sql: `
      ALTER TABLE comments ADD COLUMN role TEXT NOT NULL DEFAULT 'reader';
      CREATE TABLE consultations (
        page TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        opens_at TEXT,
        closes_at TEXT,
        department TEXT,
        ask_organisation INTEGER NOT NULL,
        contact_email TEXT,
        sections TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE outcomes (
        page TEXT NOT NULL,
        section TEXT NOT NULL,
        body TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (page, section)
      );
    `,
  },
  {
    version: 5,
    // Respondents: whom they answer for, the language they wrote in, and the reference they were
    // given. Rows from before have none of these, and read as an individual's, with no reference.
    sql: `
      ALTER TABLE comments ADD COLUMN respondent TEXT;
      ALTER TABLE comments ADD COLUMN organisation TEXT;
      ALTER TABLE comments ADD COLUMN lang TEXT;
      ALTER TABLE comments ADD COLUMN reference TEXT;
      CREATE UNIQUE INDEX comments_reference ON comments (reference);
    `,
  },
  {
    version: 6,
    // Receipts waiting to be mailed, and what became of them: an outbox, so that a mail server that
    // is down never fails, delays or loses a response.
    sql: `
      CREATE TABLE receipts (
        comment_id TEXT PRIMARY KEY,
        recipient TEXT NOT NULL,
        state TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        next_attempt_at TEXT NOT NULL,
        last_error TEXT,
        queued_at TEXT NOT NULL,
        sent_at TEXT
      );
      CREATE INDEX receipts_due ON receipts (state, next_attempt_at);
    `,
  },
  {
    version: 7,
    // Moderators by name, each with a token of their own (only its hash is kept), and the log of
    // what each of them did. The log keeps a response's reference, which outlives its deletion.
    sql: `
      CREATE TABLE moderators (
        name TEXT PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
      );
      CREATE UNIQUE INDEX moderators_name ON moderators (lower(name));
      CREATE TABLE audit_log (
        id SERIAL_ID,
        at TEXT NOT NULL,
        moderator TEXT NOT NULL,
        action TEXT NOT NULL,
        comment_id TEXT,
        reference TEXT,
        page TEXT,
        section TEXT,
        from_value TEXT,
        to_value TEXT
      );
      CREATE INDEX audit_comment ON audit_log (comment_id);
      CREATE INDEX audit_moderator ON audit_log (moderator, id);
    `,
  },
  {
    version: 8,
    // Readers' reports: one row per reader and comment (readers are known by a keyed hash of their
    // address), and on each comment how many reported it and how many of those a moderator has seen.
    sql: `
      ALTER TABLE comments ADD COLUMN reports INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE comments ADD COLUMN reports_reviewed INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX comments_reported ON comments (created_at, id) WHERE reports > reports_reviewed;
      CREATE TABLE reports (
        comment_id TEXT NOT NULL,
        reporter TEXT NOT NULL,
        reason TEXT,
        created_at TEXT NOT NULL,
        PRIMARY KEY (comment_id, reporter)
      );
    `,
  },
  {
    version: 9,
    // Campaigns: each response's MinHash signature once grouped (NULL until then, '' for what is
    // never grouped), the campaign it belongs to (the id of its first response), and the band keys
    // through which near-identical responses find each other.
    sql: `
      ALTER TABLE comments ADD COLUMN fingerprint TEXT;
      ALTER TABLE comments ADD COLUMN campaign TEXT;
      CREATE INDEX comments_campaign ON comments (campaign);
      CREATE INDEX comments_ungrouped ON comments (created_at, id) WHERE fingerprint IS NULL;
      CREATE TABLE campaign_bands (
        band TEXT NOT NULL,
        comment_id TEXT NOT NULL,
        PRIMARY KEY (band, comment_id)
      );
    `,
  },
  {
    version: 10,
    // Each named moderator's role. Those added before roles were moderators: an administrator gives
    // a wider role by adding them again with --role.
    sql: `ALTER TABLE moderators ADD COLUMN role TEXT NOT NULL DEFAULT 'moderator';`,
  },
];

/** Every table the migrations make, for tests and benchmarks that empty a database. */
export const tables = [
  'comments', 'idempotency_keys', 'rate_limits', 'server_secrets', 'page_versions', 'consultations', 'outcomes', 'receipts',
  'moderators', 'audit_log', 'reports', 'campaign_bands', 'schema_migrations',
];

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
export function newStoredComment({ at, ...record }: NewRecord): StoredComment & Required<Pick<StoredComment, 'respondent' | 'organisation' | 'lang' | 'reference'>> {
  const time = at ?? Date.now();
  const now = new Date(time).toISOString();
  return { respondent: null, organisation: null, lang: null, reference: null, ...record, id: newCommentId(time), createdAt: now, updatedAt: now };
}

/** Whether a comment is seen by the public (with its name or without): published, and not private. */
export { isPublic } from '../../../src/contract/rules.js';

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
export type PublicRow = Pick<CommentRow, 'id' | 'page' | 'section' | 'parent_id' | 'body' | 'created_at' | 'status' | 'role'> & {
  name: string | null;
  organisation: string | null;
};

/**
 * The columns a public list reads: what it cannot read, it cannot leak. In this order, which the
 * SQLite driver reads them by (as tuples, for speed).
 */
export const publicColumns = `id, page, section, parent_id,
  CASE WHEN visibility = 'anonymous' OR name = '' THEN NULL ELSE name END AS name,
  body, created_at, status, role,
  CASE WHEN visibility = 'anonymous' THEN NULL ELSE organisation END AS organisation`;

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
  };
}

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

/** Gives the responses of a list that belong to a campaign the campaign's size, read in one query. */
export async function withCampaignSizes(
  comments: StoredComment[],
  read: (sql: string, campaigns: string[]) => Promise<{ campaign: string; n: number | string }[]> | { campaign: string; n: number | string }[],
): Promise<StoredComment[]> {
  const campaigns = [...new Set(comments.flatMap((comment) => (comment.campaign ? [comment.campaign] : [])))];
  if (!campaigns.length) return comments;
  const rows = await read(
    `SELECT campaign, CAST(count(*) AS INTEGER) AS n FROM comments WHERE campaign IN (${campaigns.map(() => '?').join(', ')}) GROUP BY campaign`,
    campaigns,
  );
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

export const campaignQueries = {
  ungrouped: `SELECT id, page, body, role FROM comments WHERE fingerprint IS NULL ORDER BY created_at, id LIMIT ?`,
  // Read again inside the grouping transaction: another run may have grouped some meanwhile.
  stillUngrouped: (count: number) => `SELECT id FROM comments WHERE fingerprint IS NULL AND id IN (${Array.from({ length: count }, () => '?').join(', ')})`,
  candidates: (bands: number, limit: number) => `SELECT DISTINCT comments.id, comments.campaign, comments.fingerprint
    FROM campaign_bands JOIN comments ON comments.id = campaign_bands.comment_id
    WHERE campaign_bands.band IN (${Array.from({ length: bands }, () => '?').join(', ')}) AND comments.id <> ? LIMIT ${limit}`,
  grouped: `UPDATE comments SET fingerprint = ?, campaign = ? WHERE id = ?`,
  leads: `UPDATE comments SET campaign = ? WHERE id = ? AND campaign IS NULL`,
  band: `INSERT INTO campaign_bands (band, comment_id) VALUES (?, ?) ON CONFLICT DO NOTHING`,
  ofComment: `DELETE FROM campaign_bands WHERE comment_id = ?`,
};

export const reportQueries = {
  reasons: `SELECT comment_id, reason FROM reports WHERE reason IS NOT NULL AND comment_id IN`,
  insert: `INSERT INTO reports (comment_id, reporter, reason, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  count: `UPDATE comments SET reports = reports + 1 WHERE id = ?`,
  // A moderator's decision on a comment reviews every report made so far.
  reviewed: `UPDATE comments SET reports_reviewed = reports WHERE id = ?`,
  ofComment: `DELETE FROM reports WHERE comment_id = ?`,
};

/** How the audit log names the hiding of a comment that enough readers reported. */
export const readersReports = 'Readers’ reports';

/** What became of a reader's report. */
export type ReportOutcome = 'not-found' | 'counted' | 'repeated' | 'hidden';

export { hidesAt } from '../../../src/contract/rules.js';

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

/** A receipt's outcome as the settling query takes its parameters: the query, then its parameters. */
export function settleReceiptQuery(commentId: string, outcome: ReceiptOutcome, now: string): [string, unknown[]] {
  if (outcome.state === 'sent') return [receiptQueries.sent, [now, commentId]];
  if (outcome.state === 'pending') return [receiptQueries.retry, [outcome.retryAt, outcome.error.slice(0, 500), commentId]];
  return [receiptQueries.failed, [outcome.error.slice(0, 500), commentId]];
}

export const receiptQueries = {
  queue: `INSERT INTO receipts (comment_id, recipient, state, attempts, next_attempt_at, queued_at)
    VALUES (?, ?, 'pending', 0, ?, ?) ON CONFLICT (comment_id) DO NOTHING`,
  due: `SELECT comment_id, recipient, attempts, next_attempt_at FROM receipts
    WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, comment_id LIMIT ?`,
  // Taken only if no other instance took it since it was read: its time moves on as it is taken.
  claim: `UPDATE receipts SET next_attempt_at = ? WHERE comment_id = ? AND state = 'pending' AND next_attempt_at = ?`,
  sent: `UPDATE receipts SET state = 'sent', attempts = attempts + 1, sent_at = ?, last_error = NULL WHERE comment_id = ?`,
  retry: `UPDATE receipts SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE comment_id = ?`,
  failed: `UPDATE receipts SET state = 'failed', attempts = attempts + 1, last_error = ? WHERE comment_id = ?`,
  // An erasure takes the address out of every receipt still waiting, and of every record of one.
  erase: `DELETE FROM receipts WHERE lower(recipient) = lower(?)`,
  ofComment: `DELETE FROM receipts WHERE comment_id = ?`,
};

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
    updatedAt: row.updated_at,
  };
}

/** A consultation record as the upsert takes its parameters. */
export const consultationParams = (c: ConsultationRecord) => [
  c.page, c.title, c.opensAt, c.closesAt, c.department, c.askOrganisation ? 1 : 0, c.contactEmail, JSON.stringify(c.sections), c.updatedAt,
];

/** Responses per page and status, as read for the consultations' list. */
export function statusCountsByPage(rows: { page: string; status: string; n: number | string }[]): Map<string, Record<string, number>> {
  const byPage = new Map<string, Record<string, number>>();
  for (const row of rows) byPage.set(row.page, { ...byPage.get(row.page), [row.status]: Number(row.n) });
  return byPage;
}

/** An audit entry as the insert takes its parameters. */
export const auditParams = (by: string, entry: NewAuditEntry, at = new Date().toISOString()) => [
  at, by, entry.action, entry.commentId ?? null, entry.reference ?? null, entry.page ?? null, entry.section ?? null, entry.from ?? null, entry.to ?? null,
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

/** The audit entry of a status change, or none when the status stays as it was. */
export function statusChange(before: StoredComment, status: string): NewAuditEntry | undefined {
  if (before.status === status) return undefined;
  return { action: 'status', ...about(before), from: before.status, to: status };
}

/** The response an entry is about. */
export const about = (comment: Pick<StoredComment, 'id' | 'reference' | 'page' | 'section'>) => ({
  commentId: comment.id,
  reference: comment.reference ?? null,
  page: comment.page,
  section: comment.section,
});

/**
 * The audit entry of a consultation saved: the fields that changed, before and after, as JSON;
 * none when nothing did.
 */
export function consultationChange(before: ConsultationRecord | undefined, after: ConsultationRecord): NewAuditEntry | undefined {
  const fields = ['title', 'opensAt', 'closesAt', 'department', 'askOrganisation', 'contactEmail', 'sections'] as const;
  const from: Record<string, unknown> = {};
  const to: Record<string, unknown> = {};
  for (const field of fields) {
    if (before && JSON.stringify(before[field]) === JSON.stringify(after[field])) continue;
    if (before) from[field] = before[field];
    to[field] = after[field];
  }
  if (!Object.keys(to).length) return undefined;
  return { action: 'consultation', page: after.page, from: before ? JSON.stringify(from) : null, to: JSON.stringify(to) };
}

/** The audit entry of a section's outcome written; none when its text stays as it was. */
export function outcomeChange(page: string, section: string, before: string | undefined, body: string): NewAuditEntry | undefined {
  return before === body ? undefined : { action: 'outcome', page, section, from: before ?? null, to: body };
}
