/**
 * The SQL both drivers run, all of it, written once with `?` placeholders (PostgreSQL's driver
 * numbers them). Only what differs, the transactions that store a comment and group campaigns,
 * lives in each driver.
 */
import type { AuditFilter, ModerationFilter, ReceiptOutcome } from './storage.js';

/**
 * The columns a public list reads: what it cannot read, it cannot leak. In this order, which the
 * SQLite driver reads them by (as tuples, for speed).
 */
export const publicColumns = `id, page, section, parent_id,
  CASE WHEN visibility = 'anonymous' OR name = '' THEN NULL ELSE name END AS name,
  body, created_at, status, role,
  CASE WHEN visibility = 'anonymous' THEN NULL ELSE organisation END AS organisation, answer, section_version`;

export const campaignQueries = {
  ungrouped: `SELECT id, page, body, role FROM comments WHERE fingerprint IS NULL ORDER BY created_at, id LIMIT ?`,
  // Read again inside the grouping transaction: another run may have grouped some meanwhile.
  stillUngrouped: (count: number) =>
    `SELECT id FROM comments WHERE fingerprint IS NULL AND id IN (${Array.from({ length: count }, () => '?').join(', ')})`,
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
  made: `SELECT 1 AS made FROM reports WHERE comment_id = ? AND reporter = ?`,
  // A moderator's decision on a comment reviews every report made so far.
  reviewed: `UPDATE comments SET reports_reviewed = reports WHERE id = ?`,
  ofComment: `DELETE FROM reports WHERE comment_id = ?`,
};

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

const bumped = `ON CONFLICT (page) DO UPDATE SET version = page_versions.version + 1`;
// Published with a name or without one: everything but what was sent privately.
const published = `status = 'published' AND visibility IN ('public', 'anonymous')`;
const publicRows = `page = ? AND section = ? AND ${published}`;

/** Each campaign's size, for the exports. */
const campaignSizes = `LEFT JOIN (SELECT campaign, count(*) AS n FROM comments WHERE campaign IS NOT NULL GROUP BY campaign) AS sizes
  ON sizes.campaign = comments.campaign`;

export const sql = {
  insertComment: `INSERT INTO comments
    (id, page, section, parent_id, name, email, body, visibility, status, created_at, updated_at, role,
     respondent, organisation, lang, reference, answer, section_version)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  findComment: `SELECT * FROM comments WHERE id = ?`,
  findKey: `SELECT fingerprint, answer, removed FROM idempotency_keys WHERE key = ?`,
  insertKey: `INSERT INTO idempotency_keys (key, fingerprint, comment_id, answer, created_at) VALUES (?, ?, ?, ?, ?)`,
  listPublished: `SELECT ${publicColumns} FROM comments
    WHERE ${publicRows} AND (created_at, id) > (?, ?)
    ORDER BY created_at, id LIMIT ?`,
  countSection: `SELECT CAST(count(*) AS INTEGER) AS n FROM comments WHERE ${publicRows}`,
  countPage: `SELECT section, CAST(count(*) AS INTEGER) AS n FROM comments
    WHERE page = ? AND ${published} GROUP BY section`,
  setStatus: `UPDATE comments SET status = ?, updated_at = ? WHERE id = ?`,
  // A deleted comment's key stays, emptied, so that a retry is told it was removed rather than stored again.
  tombstoneKeysOf: `UPDATE idempotency_keys SET fingerprint = '', answer = '', removed = 'deleted' WHERE comment_id = ?`,
  deleteComment: `DELETE FROM comments WHERE id = ?`,
  exportPage: `SELECT comments.*, sizes.n AS campaign_size FROM comments ${campaignSizes} WHERE comments.page = ? ORDER BY created_at, id`,
  // An export a batch at a time: every campaign's size, counted once, then the responses after one,
  // in the order they arrived.
  campaignSizes: `SELECT campaign, sum(n) AS n FROM campaign_counts GROUP BY campaign`,
  exportPageAfter: `SELECT * FROM comments WHERE page = ? AND (created_at, id) > (?, ?) ORDER BY created_at, id LIMIT ?`,
  exportAllAfter: `SELECT * FROM comments WHERE (created_at, id) > (?, ?) ORDER BY created_at, id LIMIT ?`,
  exportAll: `SELECT comments.*, sizes.n AS campaign_size FROM comments ${campaignSizes} ORDER BY created_at, id`,
  // The Consult export's scan: one consultation's analysed responses (not the department's own, not
  // rejected or spam) by respondent, then as they arrived, a batch after a place; what was written
  // only for the one section asked for (for none, when none is). The first bound of the place lets
  // SQLite seek in the index rather than read the consultation from its start at every batch.
  consultRowsAfter: `SELECT id, created_at, lower(email) AS email_key, section, respondent, organisation, lang,
      CASE WHEN section = ? THEN body END AS body, CASE WHEN section = ? THEN answer END AS answer
    FROM comments
    WHERE page = ? AND role <> 'official' AND status NOT IN ('rejected', 'spam')
      AND lower(email) >= ? AND (lower(email), created_at, id) > (?, ?, ?)
    ORDER BY lower(email), created_at, id LIMIT ?`,
  // The answers kept for idempotency hold names too: they are rewritten without them, and their
  // fingerprints (hashes of what was sent, the email included) are dropped.
  keysToErase: `SELECT key, answer FROM idempotency_keys WHERE removed IS NULL AND comment_id IN (SELECT id FROM comments WHERE lower(email) = lower(?))`,
  eraseKey: `UPDATE idempotency_keys SET fingerprint = '', answer = ?, removed = 'erased' WHERE key = ?`,
  pageVersion: `SELECT version FROM page_versions WHERE page = ?`,
  // PostgreSQL only: the versions of many pages at once.
  pageVersions: `SELECT page, version FROM page_versions WHERE page = ANY($1)`,
  // Raised by every write that changes what the public sees of a page. (An upsert fed by a SELECT
  // needs the SELECT's WHERE for SQLite to parse it.)
  bumpPage: `INSERT INTO page_versions (page, version) VALUES (?, 1) ${bumped}`,
  bumpPageOf: `INSERT INTO page_versions (page, version) SELECT page, 1 FROM comments WHERE id = ? ${bumped}`,
  bumpPagesOfEmail: `INSERT INTO page_versions (page, version)
    SELECT DISTINCT page, 1 FROM comments WHERE lower(email) = lower(?) ${bumped}`,
  consultation: `SELECT * FROM consultations WHERE page = ?`,
  consultations: `SELECT * FROM consultations ORDER BY updated_at DESC, page`,
  consultationCounts: `SELECT page, status, CAST(count(*) AS INTEGER) AS n FROM comments
    WHERE page IN (SELECT page FROM consultations) GROUP BY page, status`,
  putConsultation: `INSERT INTO consultations
    (page, title, opens_at, closes_at, department, ask_organisation, contact_email, sections, updated_at, show_answer_counts)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (page) DO UPDATE SET title = excluded.title, opens_at = excluded.opens_at,
      closes_at = excluded.closes_at, department = excluded.department,
      ask_organisation = excluded.ask_organisation, contact_email = excluded.contact_email,
      sections = excluded.sections, updated_at = excluded.updated_at, show_answer_counts = excluded.show_answer_counts`,
  outcome: `SELECT body, updated_at FROM outcomes WHERE page = ? AND section = ?`,
  // Read from the tallies the triggers keep (see the migrations), not counted over every response.
  overviewAnswers: `SELECT section, answer, NULLIF(respondent, '') AS respondent, CAST(sum(n) AS INTEGER) AS n FROM answer_counts
    WHERE page = ? AND status <> 'spam' AND n > 0 GROUP BY section, answer, respondent`,
  answerTallies: `SELECT answer, status, CAST(sum(n) AS INTEGER) AS n FROM answer_counts
    WHERE page = ? AND section = ? AND n > 0 GROUP BY answer, status`,
  putOutcome: `INSERT INTO outcomes (page, section, body, updated_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (page, section) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`,
  erase: `UPDATE comments SET name = '', email = '', organisation = NULL, updated_at = ? WHERE lower(email) = lower(?)`,
  overview: `SELECT section, visibility, status, NULLIF(respondent, '') AS respondent, NULLIF(lang, '') AS lang, hour, CAST(n AS INTEGER) AS n
    FROM overview_counts WHERE page = ? AND status <> 'spam' AND n > 0`,
  campaignMembers: `SELECT * FROM comments WHERE campaign = ? ORDER BY created_at, id`,
  erasedComments: `SELECT id, reference, page, section FROM comments WHERE lower(email) = lower(?) ORDER BY created_at, id`,
};

export const moderatorQueries = {
  add: `INSERT INTO moderators (name, token_hash, created_at, role) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  remove: `DELETE FROM moderators WHERE lower(name) = lower(?)`,
  named: `SELECT name FROM moderators WHERE lower(name) = lower(?)`,
  list: `SELECT name, created_at, role FROM moderators ORDER BY lower(name)`,
  withToken: `SELECT name, role FROM moderators WHERE token_hash = ?`,
};

export const auditQueries = {
  insert: `INSERT INTO audit_log (at, moderator, action, comment_id, reference, page, section, from_value, to_value)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  moderators: `SELECT DISTINCT moderator FROM audit_log ORDER BY moderator`,
};

/** The audit log's query for a filter: newest first, from before an entry. */
export function auditLogQueries(filter: AuditFilter, limit: number, before?: string) {
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (filter.moderator) {
    conditions.push('lower(moderator) = lower(?)');
    params.push(filter.moderator);
  }
  for (const column of ['action', 'page'] as const) {
    if (filter[column]) {
      conditions.push(`${column} = ?`);
      params.push(filter[column]);
    }
  }
  if (filter.comment) {
    conditions.push('(comment_id = ? OR reference = ?)');
    params.push(filter.comment, filter.comment);
  }
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  const page = before ? [...conditions, 'id < ?'] : conditions;
  return {
    list: {
      sql: `SELECT * FROM audit_log ${page.length ? `WHERE ${page.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`,
      params: [...params, ...(before ? [Number(before)] : []), limit],
    },
    total: { sql: `SELECT CAST(count(*) AS INTEGER) AS n FROM audit_log ${where}`, params },
  };
}

/** Comments with the state of their receipt, for moderators. */
const withReceipts = `comments LEFT JOIN receipts ON receipts.comment_id = comments.id`;

/** The moderation queue's query for a filter: newest first, from before a cursor. */
export function moderationQueries(filter: ModerationFilter, limit: number, before?: { createdAt: string; id: string }) {
  const conditions: string[] = [];
  const params: unknown[] = [];
  for (const column of ['page', 'section', 'visibility', 'reference'] as const) {
    if (filter[column]) {
      conditions.push(`${column} = ?`);
      params.push(filter[column]);
    }
  }
  if (filter.email) {
    conditions.push('lower(email) = lower(?)');
    params.push(filter.email);
  }
  if (filter.receipt) {
    conditions.push('receipts.state = ?');
    params.push(filter.receipt);
  }
  if (filter.reported) conditions.push('reports > reports_reviewed');
  if (filter.campaign) {
    conditions.push('campaign = ?');
    params.push(filter.campaign);
  }
  const withoutStatus = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  const statusCondition = filter.status ? [...conditions, 'status = ?'] : conditions;
  const statusParams = filter.status ? [...params, filter.status] : params;
  const where = statusCondition.length ? `WHERE ${statusCondition.join(' AND ')}` : '';
  const page = [...statusCondition, ...(before ? ['(created_at, id) < (?, ?)'] : [])];
  const after = before ? [before.createdAt, before.id] : [];
  // A campaign's responses are listed together as its newest one, saying how many it stands for,
  // unless the list is of that campaign.
  const list = filter.campaign
    ? `SELECT comments.*, receipts.state AS receipt FROM ${withReceipts} ${page.length ? `WHERE ${page.join(' AND ')}` : ''}
        ORDER BY created_at DESC, id DESC LIMIT ?`
    : // Windowed over narrow rows (the wide ones are read for the page's fifty only): sorting whole
      // rows, texts and fingerprints included, made this many times slower.
      `SELECT comments.*, receipts.state AS receipt, heads.group_shown FROM (
        SELECT id, created_at, group_shown FROM (
          SELECT comments.id, comments.created_at,
            count(*) OVER (PARTITION BY COALESCE(campaign, comments.id)) AS group_shown,
            row_number() OVER (PARTITION BY COALESCE(campaign, comments.id) ORDER BY comments.created_at DESC, comments.id DESC) AS group_place
          FROM ${withReceipts} ${where}
        ) AS matching
        WHERE group_place = 1 ${before ? 'AND (created_at, id) < (?, ?)' : ''}
        ORDER BY created_at DESC, id DESC LIMIT ?
      ) AS heads JOIN comments ON comments.id = heads.id LEFT JOIN receipts ON receipts.comment_id = comments.id
      ORDER BY comments.created_at DESC, comments.id DESC`;
  const counted = filter.campaign ? 'count(*)' : 'count(DISTINCT COALESCE(campaign, comments.id))';
  return {
    list: { sql: list, params: [...statusParams, ...after, limit] },
    total: { sql: `SELECT CAST(${counted} AS INTEGER) AS n FROM ${withReceipts} ${where}`, params: statusParams },
    byStatus: {
      // With how many of each have reports no moderator has decided on, whatever the status filter.
      sql: `SELECT status, CAST(count(*) AS INTEGER) AS n,
          CAST(sum(CASE WHEN reports > reports_reviewed THEN 1 ELSE 0 END) AS INTEGER) AS reported
        FROM ${withReceipts} ${withoutStatus} GROUP BY status`,
      params,
    },
  };
}

/** A section's wordings: written when a consultation's save changes one, read by the public change log. */
export const versionQueries = {
  // The wording being replaced stops being current when the new one is published.
  close: `UPDATE section_versions SET valid_to = ? WHERE page = ? AND section = ? AND valid_to IS NULL`,
  add: `INSERT INTO section_versions (page, section, version, text, note, valid_from) VALUES (?, ?, ?, ?, ?, ?)`,
  ofSection: `SELECT version, text, valid_from, valid_to FROM section_versions WHERE page = ? AND section = ? ORDER BY version`,
  ofPage: `SELECT section, version, valid_from, note FROM section_versions WHERE page = ? ORDER BY valid_from DESC, section, version DESC`,
  // The last number each section of a page has had, even a section since taken out of the consultation.
  last: `SELECT section, max(version) AS version FROM section_versions WHERE page = ? GROUP BY section`,
};

/** The sections a page's responses were stored under, for finding threads no section of its consultation names. */
export const orphanQueries = {
  stored: `SELECT section, CAST(count(*) AS INTEGER) AS n, max(created_at) AS newest FROM comments WHERE page = ? GROUP BY section`,
  // A thread moved whole: every response keeps its id, reference, campaign, reports and answers.
  move: `UPDATE comments SET section = ? WHERE page = ? AND section = ?`,
};
