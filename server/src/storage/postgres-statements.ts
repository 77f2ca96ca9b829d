/*
 * What only PostgreSQL runs: the statement that stores a comment (its idempotency key claimed and
 * its page's counter raised in the same statement) and campaign grouping a batch at a time over
 * arrays. The SQL both drivers share is in `queries.ts`.
 */
import type postgres from 'postgres';
import { isPublic } from 'civic-comments/contract';
import { answerColumn, newStoredComment } from './rows.js';
import type { Idempotency, NewCreate, StoredComment } from './storage.js';

/** `?` placeholders numbered as PostgreSQL wants them: `$1`, `$2`, … */
const numbered = new Map<string, string>();
export function dollar(text: string): string {
  let result = numbered.get(text);
  if (!result) {
    let n = 0;
    result = text.replace(/\?/g, () => `$${++n}`);
    numbered.set(text, result);
  }
  return result;
}

export type Sql = postgres.Sql | postgres.TransactionSql;

/**
 * For the queries run on every read and post: each connection parses and plans them once, rather
 * than on every call (the driver prepares only tagged queries unless told).
 */
export const prepared = { prepare: true };

// $1 id, $2 time, $3 whether the public sees it at once, $4–$18 the comment's columns.
const insertSelected = `INSERT INTO comments (id, created_at, updated_at, page, section, parent_id, name, email, body, visibility, status, role,
    respondent, organisation, lang, reference, answer, section_version)
  SELECT $1, $2, $2, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18::integer`;
const bumpStored = `INSERT INTO page_versions (page, version) SELECT page, 1 FROM stored WHERE $3
  ON CONFLICT (page) DO UPDATE SET version = page_versions.version + 1`;
const storeComment = `WITH stored AS (${insertSelected} RETURNING page) ${bumpStored}`;
// …and $19 the key, $20 the request's fingerprint, $21 the answer kept for retries.
const storeClaimedComment = `WITH claimed AS (
    INSERT INTO idempotency_keys (key, fingerprint, comment_id, answer, created_at) VALUES ($19, $20, $1, $21, $2)
    ON CONFLICT (key) DO NOTHING RETURNING key
  ),
  stored AS (${insertSelected} WHERE EXISTS (SELECT 1 FROM claimed) RETURNING page),
  bumped AS (${bumpStored})
  SELECT count(*) AS claimed FROM claimed`;

export type Row = Record<string, unknown>;

// Campaign grouping, a batch at a time: PostgreSQL's arrays let one statement carry a whole batch.
export const campaignCandidatesByBand = `SELECT band, id, campaign, fingerprint FROM (
    SELECT campaign_bands.band, comments.id, comments.campaign, comments.fingerprint,
      row_number() OVER (PARTITION BY campaign_bands.band ORDER BY campaign_bands.comment_id) AS place
    FROM campaign_bands JOIN comments ON comments.id = campaign_bands.comment_id
    WHERE campaign_bands.band = ANY($1::text[])
  ) AS found WHERE place <= $2`;
export const campaignLeads = `UPDATE comments SET campaign = batch.campaign
  FROM unnest($1::text[], $2::text[]) AS batch (id, campaign)
  WHERE comments.id = batch.id AND comments.campaign IS NULL`;
export const campaignGrouped = `UPDATE comments SET fingerprint = batch.fingerprint, campaign = batch.campaign
  FROM unnest($1::text[], $2::text[], $3::text[]) AS batch (id, fingerprint, campaign)
  WHERE comments.id = batch.id`;
export const campaignBands = `INSERT INTO campaign_bands (band, comment_id)
  SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`;

/** One comment's statement: the key claimed, the comment inserted and the page's counter raised in one. */
export interface StoreStatement {
  comment: StoredComment;
  idempotency?: Idempotency;
  /** The answer kept for retries, made before the insert from the comment as it will be stored. */
  answer?: string;
  text: string;
  params: postgres.ParameterOrJSON<never>[];
}

export function storeStatement({ record, idempotency }: NewCreate): StoreStatement {
  const comment = newStoredComment(record);
  const params = [
    comment.id,
    comment.createdAt,
    isPublic(record),
    comment.page,
    comment.section,
    comment.parentId,
    comment.name,
    comment.email,
    comment.body,
    comment.visibility,
    comment.status,
    record.role,
    comment.respondent,
    comment.organisation,
    comment.lang,
    comment.reference,
    answerColumn(comment.answer),
    comment.version,
  ];
  if (!idempotency) return { comment, text: storeComment, params };
  const answer = idempotency.answer(comment);
  return { comment, idempotency, answer, text: storeClaimedComment, params: [...params, idempotency.key, idempotency.fingerprint, answer] };
}
