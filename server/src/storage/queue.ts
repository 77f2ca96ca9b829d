/*
 * The moderation queue at any size, for both drivers. Its usual views (a page, a section, a status,
 * a campaign, or none of them) are read without counting or sorting every response:
 *
 * - the counts (by status, reported, how many the list holds) are sums over the few rows of
 *   `response_counts` and `campaign_counts`, which triggers keep as responses are written;
 * - the responses in no campaign come from the queue's index, `(campaign, page, section, status,
 *   created_at, id)`: for each page, section and status that has any, the newest after the cursor,
 *   as many as the list shows, merged newest first;
 * - each campaign is listed once, as its newest response matching the view, which
 *   `campaign_counts` keeps for each page, section and status of it.
 *
 * So a page of the queue reads a few rows per section and status, however many responses there are.
 * Other filters (visibility, reference, email, receipt, reports) narrow the list to few responses,
 * or are rarer, and are read by the general query of `moderationQueries`.
 */
import type { CommentRow } from './rows.js';
import type { Cursor, ModerationFilter } from './storage.js';

/** A row of `response_counts`, as either driver reads it. */
interface CountRow {
  page: string;
  section: string;
  status: string;
  n: number | string;
  reported: number | string;
}

/** A row of `campaign_counts`: a campaign's responses in one page, section and status, and the newest. */
interface CampaignRow extends CountRow {
  campaign: string;
  newest_at: string | null;
  newest_id: string | null;
}

/** A response the page may list: its place in the order, and how many responses it stands for. */
interface Candidate {
  id: string;
  created_at: string;
  shown: number;
}

/** Runs one query with `?` placeholders and answers its rows. */
export type Read = (sql: string, params: unknown[]) => unknown[] | Promise<unknown[]>;

/** Whether the queue's fast path answers a filter: one naming no more than page, section, status and campaign. */
export const isUsualView = (filter: ModerationFilter) =>
  !filter.visibility && !filter.reference && !filter.receipt && !filter.reported && !filter.email;

// Newest first, in the order of the queue's index as a whole: ordered by time alone, PostgreSQL may
// choose to walk the index of every response by time, filtering, which for a rare status reads them all.
const newestFirst = `ORDER BY campaign DESC, page DESC, section DESC, status DESC, created_at DESC, id DESC LIMIT ?`;
// The leading bound on created_at lets SQLite seek in the index to the cursor.
const beforeCursor = `created_at <= ? AND (created_at, id) < (?, ?)`;

export const queueQueries = {
  uncampaigned: `SELECT id, created_at FROM comments
    WHERE campaign IS NULL AND page = ? AND section = ? AND status = ? AND ${beforeCursor} ${newestFirst}`,
  ofCampaign: `SELECT id, created_at FROM comments
    WHERE campaign = ? AND page = ? AND section = ? AND status = ? AND ${beforeCursor} ${newestFirst}`,
  rows: (count: number) => `SELECT comments.*, receipts.state AS receipt FROM comments
    LEFT JOIN receipts ON receipts.comment_id = comments.id WHERE comments.id IN (${Array.from({ length: count }, () => '?').join(', ')})`,
  // Each campaign's size, whatever the page or status of its responses.
  campaignSizes: (count: number) =>
    `SELECT campaign, CAST(sum(n) AS INTEGER) AS n FROM campaign_counts
      WHERE campaign IN (${Array.from({ length: count }, () => '?').join(', ')}) GROUP BY campaign`,
};

/** The rows of a table of counts for a view, whatever its status. */
function countsQuery(table: 'response_counts' | 'campaign_counts', filter: ModerationFilter): [string, unknown[]] {
  const conditions = ['n > 0'];
  const params: unknown[] = [];
  for (const column of table === 'campaign_counts' ? (['page', 'section', 'campaign'] as const) : (['page', 'section'] as const)) {
    if (filter[column] === undefined) continue;
    conditions.push(`${column} = ?`);
    params.push(filter[column]);
  }
  return [`SELECT * FROM ${table} WHERE ${conditions.join(' AND ')}`, params];
}

const sum = (rows: CountRow[]) => rows.reduce((total, row) => total + Number(row.n), 0);

const isNewer = (a: { created_at: string; id: string }, b: { created_at: string; id: string }) =>
  a.created_at > b.created_at || (a.created_at === b.created_at && a.id > b.id);

/** A page of the queue for a usual view: up to `limit` + 1 rows, newest first, each campaign's head saying how many it stands for. */
export async function queuePage(read: Read, filter: ModerationFilter, limit: number, before?: Cursor) {
  const campaigns = (await read(...countsQuery('campaign_counts', filter))) as CampaignRow[];
  // One campaign's view is counted from its rows alone; any other from every response's.
  const totals = filter.campaign ? campaigns : ((await read(...countsQuery('response_counts', filter))) as CountRow[]);
  const statusCounts: Record<string, number> = {};
  let reportedCount = 0;
  for (const row of totals) {
    statusCounts[row.status] = (statusCounts[row.status] ?? 0) + Number(row.n);
    reportedCount += Number(row.reported);
  }
  const ofStatus = <T extends CountRow>(rows: T[]) => (filter.status ? rows.filter((row) => row.status === filter.status) : rows);
  const matchingCampaigns = ofStatus(campaigns);
  const cursor = before ? [before.createdAt, before.createdAt, before.id] : ['9999', '9999', ''];
  const newest = async (row: CountRow, campaign?: string): Promise<Candidate[]> => {
    const rows = (await read(campaign ? queueQueries.ofCampaign : queueQueries.uncampaigned, [
      ...(campaign ? [campaign] : []),
      row.page,
      row.section,
      row.status,
      ...cursor,
      limit + 1,
    ])) as { id: string; created_at: string }[];
    return rows.map((each) => ({ ...each, shown: 1 }));
  };

  let total: number;
  const candidates: Candidate[] = [];
  if (filter.campaign) {
    // The campaign's responses one by one.
    total = sum(matchingCampaigns);
    candidates.push(...(await Promise.all(matchingCampaigns.map((row) => newest(row, row.campaign)))).flat());
  } else {
    // The responses in no campaign, newest first in each page, section and status; then each campaign once.
    const matching = ofStatus(totals);
    candidates.push(...(await Promise.all(matching.map((row) => newest(row)))).flat());
    const heads = new Map<string, Candidate>();
    for (const row of matchingCampaigns) {
      if (!row.newest_id || !row.newest_at) continue;
      const head = heads.get(row.campaign);
      const candidate = { id: row.newest_id, created_at: row.newest_at, shown: Number(row.n) + (head?.shown ?? 0) };
      if (!head || isNewer(candidate, head)) heads.set(row.campaign, candidate);
      else head.shown = candidate.shown;
    }
    total = sum(matching) - sum(matchingCampaigns) + heads.size;
    // A campaign whose newest is above the cursor was listed on an earlier page.
    for (const head of heads.values()) if (!before || isNewer({ created_at: before.createdAt, id: before.id }, head)) candidates.push(head);
  }
  const chosen = candidates.sort((a, b) => (isNewer(a, b) ? -1 : 1)).slice(0, limit + 1);
  const byId = new Map(
    chosen.length
      ? (
          (await read(
            queueQueries.rows(chosen.length),
            chosen.map((each) => each.id),
          )) as CommentRow[]
        ).map((row) => [row.id, row])
      : [],
  );
  const rows = chosen.flatMap((each) => {
    const row = byId.get(each.id);
    return row ? [{ ...row, group_shown: each.shown }] : [];
  });
  return { rows, total, statusCounts, reportedCount };
}
