import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import type { Outcome, CampaignStatusUpdate, ModeratorRole } from 'civic-comments/contract';
import type { CommentStatus, OverviewAnswer } from 'civic-comments/contract';
import { BatchedReads } from './batched-reads.js';
import { GroupCommit, settle } from './group-commit.js';
import { PostgresHitCounter, type HitCounter } from './hit-counter.js';
import { auditLogQueries, auditQueries, moderationQueries, moderatorQueries, sql as queries } from './queries.js';
import { candidatesPerResponse, planCampaigns, type Candidate, type Fingerprinted } from '../campaigns/assign.js';
import { migrations } from './migrations.js';
import { isUsualView, queuePage } from './queue.js';
import { campaignQueries, orphanQueries, receiptQueries, reportQueries, settleReceiptQuery, versionQueries } from './queries.js';
import {
  campaignDecision,
  consultationSaved,
  decision,
  erasure,
  logged,
  officialLogged,
  outcomeSaved,
  removal,
  sectionMoved,
  report as reportPlan,
  type Write,
} from './transactions.js';
import {
  auditPageOf,
  earlierAnswer,
  fromConsultationRow,
  fromPublicRow,
  fromReceiptRow,
  fromRow,
  pageOf,
  statusCountsByPage,
  withCampaignSizes,
  withReasons,
  type AuditRow,
  type CommentRow,
  type ConsultationRow,
  type KeyRow,
  type PublicRow,
  type ReceiptRow,
  answerOf,
  changeOf,
  sectionCountOf,
  versionOf,
  type VersionRow,
  exportBatchesOf,
  consultScanOf,
} from './rows.js';
import type {
  CampaignDecision,
  ReportOutcome,
  OverviewCount,
  AuditFilter,
  ConsultationRecord,
  CreateResult,
  Cursor,
  Idempotency,
  ModerationFilter,
  ModeratorRecord,
  NewCreate,
  NewRecord,
  QueuedReceipt,
  ReceiptOutcome,
  Storage,
  StoredComment,
  ConsultReader,
  AnswerTally,
  StoredSectionChange,
  StoredSectionCount,
  StoredSectionVersion,
} from './storage.js';
import { exportBatchSize } from './storage.js';

import {
  campaignBands,
  campaignCandidatesByBand,
  campaignGrouped,
  campaignLeads,
  dollar,
  prepared,
  storeStatement,
  type Row,
  type Sql,
  type StoreStatement,
} from './postgres-statements.js';

/**
 * PostgreSQL, for several server instances sharing one database. Idempotency keys are claimed
 * inside the transaction that stores the comment, so two instances given the same key at once
 * store it once: the second waits for the first and then returns its answer.
 */
export class PostgresStorage implements Storage {
  readonly kind = 'postgres';
  private readonly sql: postgres.Sql;
  hitCounter!: HitCounter;

  private constructor(url: string) {
    // A short connect timeout, so that a database out of reach is reported in seconds, not half a minute.
    this.sql = postgres(url, { max: 10, onnotice: () => {}, prepare: true, connect_timeout: 5 });
  }

  static async open(url: string): Promise<PostgresStorage> {
    const storage = new PostgresStorage(url);
    await storage.migrate();
    storage.hitCounter = new PostgresHitCounter(storage.sql, await storage.secret('rate-limit'));
    return storage;
  }

  /** A secret made once and kept in the database, so that every instance holds the same one. */
  async secret(name: string): Promise<Buffer> {
    await this.sql.unsafe('INSERT INTO server_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [
      name,
      randomBytes(32).toString('base64'),
    ]);
    const [row] = await this.sql.unsafe('SELECT value FROM server_secrets WHERE name = $1', [name]);
    return Buffer.from(String(row!.value), 'base64');
  }

  private async migrate(): Promise<void> {
    await this.sql.begin(async (tx) => {
      // One instance migrates at a time, however many start together.
      await tx.unsafe('SELECT pg_advisory_xact_lock(727274)');
      await tx.unsafe('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
      const applied = new Set((await tx.unsafe('SELECT version FROM schema_migrations')).map((r) => Number(r.version)));
      for (const migration of migrations) {
        if (applied.has(migration.version)) continue;
        await tx.unsafe(
          migration.sql
            .replaceAll('ORDERED', 'TEXT COLLATE "C"')
            .replaceAll('SERIAL_ID', 'BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY'),
        );
        if (migration.postgres) await tx.unsafe(migration.postgres);
        await tx.unsafe('INSERT INTO schema_migrations VALUES ($1, $2)', [migration.version, new Date().toISOString()]);
      }
    });
  }

  private async rows(text: string, params: unknown[], sql: Sql = this.sql): Promise<CommentRow[]> {
    return (await sql.unsafe(dollar(text), params as postgres.ParameterOrJSON<never>[], prepared)) as unknown as CommentRow[];
  }

  private async one<T>(text: string, params: unknown[], sql: Sql = this.sql): Promise<T | undefined> {
    return (await this.rows(text, params, sql))[0] as T | undefined;
  }

  /**
   * Stores a comment in the next group commit: the comments that arrive in one turn of the event
   * loop are written in one transaction, their statements pipelined on one connection, so that
   * they share one round trip and one sync to disk. Each is answered once that transaction has
   * committed. Should the transaction fail (a deadlock with another instance, say), each comment
   * is stored on its own, so that one cannot cost the others.
   */
  create(record: NewRecord, idempotency?: Idempotency): Promise<CreateResult> {
    return this.creates.add({ record, idempotency });
  }

  private readonly creates = new GroupCommit<NewCreate, CreateResult>(async (creates) => {
    if (creates.length > 1) {
      // In the order of their pages, so that two batches raise the pages' counters in one order.
      const order = creates.map((_, i) => i).sort((a, b) => (creates[a]!.record.page < creates[b]!.record.page ? -1 : 1));
      const statements = creates.map(storeStatement);
      try {
        const rows = await this.sql.begin((tx) => order.map((i) => tx.unsafe(statements[i]!.text, statements[i]!.params, prepared)));
        const claimedOf = new Map(order.map((i, n) => [i, rows[n] as unknown as Row[]]));
        return Promise.all(statements.map((statement, i) => settle(() => this.answerFor(statement, claimedOf.get(i)!))));
      } catch {
        // Tried again one by one below.
      }
    }
    return Promise.all(
      creates.map((create) =>
        settle(async () => {
          const statement = storeStatement(create);
          return this.answerFor(statement, await this.sql.unsafe(statement.text, statement.params, prepared));
        }),
      ),
    );
  });

  /** What a stored statement means: created, or the key's earlier answer when another request claimed it first. */
  private async answerFor({ comment, idempotency, answer }: StoreStatement, rows: Row[]): Promise<CreateResult> {
    if (!idempotency) return { kind: 'created', comment };
    if (Number(rows[0]!.claimed) === 1) return { kind: 'created', comment, answer };
    const earlier = await this.one<KeyRow>(queries.findKey, [idempotency.key]);
    if (!earlier) throw new Error('An idempotency key vanished while it was being used.');
    return earlierAnswer(earlier, idempotency.fingerprint);
  }

  async replay(key: string, fingerprint: string) {
    const earlier = await this.one<KeyRow>(queries.findKey, [key]);
    // A key claimed by a transaction still storing its comment has no answer yet: that one will answer.
    if (!earlier || (!earlier.answer && !earlier.removed)) return undefined;
    return earlierAnswer(earlier, fingerprint) as Exclude<CreateResult, { kind: 'created' }>;
  }

  async find(id: string): Promise<StoredComment | undefined> {
    const row = await this.one<CommentRow>(queries.findComment, [id]);
    return row && fromRow(row);
  }

  async listPublished(page: string, section: string, limit: number, after?: Cursor) {
    const [rows, count] = await Promise.all([
      this.rows(queries.listPublished, [page, section, after?.createdAt ?? '', after?.id ?? '', limit + 1]),
      this.one<{ n: number }>(queries.countSection, [page, section]),
    ]);
    return pageOf(rows as unknown as PublicRow[], limit, Number(count?.n ?? 0), fromPublicRow);
  }

  pageVersion(page: string): Promise<number> {
    return this.versions.read(page);
  }

  /** Checked on every read the answer cache serves, so concurrent checks share one query. */
  private readonly versions = new BatchedReads<string, number>(async (pages) => {
    const rows = await this.sql.unsafe(queries.pageVersions, [pages], prepared);
    return new Map(rows.map((row) => [String(row.page), Number(row.version)]));
  }, 0);

  async countPublished(page: string): Promise<Record<string, number>> {
    const rows = (await this.sql.unsafe(dollar(queries.countPage), [page], prepared)) as unknown as { section: string; n: number }[];
    return Object.fromEntries(rows.map((row) => [row.section, Number(row.n)]));
  }

  async listForModeration(filter: ModerationFilter, limit: number, before?: Cursor) {
    if (isUsualView(filter)) {
      const usual = await queuePage((text, params) => this.sql.unsafe(dollar(text), params as never[], prepared), filter, limit, before);
      const page = pageOf(usual.rows, limit, usual.total, fromRow);
      await this.withDetails(page.items);
      return { ...page, statusCounts: usual.statusCounts, reportedCount: usual.reportedCount };
    }
    const q = moderationQueries(filter, limit + 1, before);
    const [rows, total, byStatus] = await Promise.all([
      this.rows(q.list.sql, q.list.params),
      this.one<{ n: number }>(q.total.sql, q.total.params),
      this.sql.unsafe(dollar(q.byStatus.sql), q.byStatus.params as never[]),
    ]);
    const page = pageOf(rows, limit, Number(total?.n ?? 0), fromRow);
    await this.withDetails(page.items);
    return {
      ...page,
      statusCounts: Object.fromEntries(byStatus.map((r) => [r.status as string, Number(r.n)])),
      reportedCount: byStatus.reduce((sum, r) => sum + Number(r.reported), 0),
    };
  }

  /** Gives the queue's responses their reports' reasons and their campaigns' sizes. */
  private async withDetails(items: StoredComment[]): Promise<void> {
    await withReasons(
      items,
      async (text, ids) => (await this.sql.unsafe(dollar(text), ids)) as unknown as { comment_id: string; reason: string }[],
    );
    await withCampaignSizes(
      items,
      async (text, campaigns) => (await this.sql.unsafe(dollar(text), campaigns)) as unknown as { campaign: string; n: number }[],
    );
  }

  /** Runs a transaction's writes, in order, inside the transaction the caller opened. */
  private async apply(tx: Sql, writes: Write[]): Promise<void> {
    for (const { sql: text, params } of writes) await tx.unsafe(dollar(text), params as never[]);
  }

  /** A comment read and locked until the transaction ends, so that what the log says it was is what it was. */
  private async locked(tx: Sql, id: string): Promise<StoredComment | undefined> {
    const row = await this.one<CommentRow>(`${queries.findComment} FOR UPDATE`, [id], tx);
    return row && fromRow(row);
  }

  async setStatus(id: string, status: StoredComment['status'], by: string) {
    return this.sql.begin(async (tx) => {
      const before = await this.locked(tx, id);
      if (!before) return undefined;
      await this.apply(tx, decision(before, status, by, new Date().toISOString()));
      const row = await this.one<CommentRow>(queries.findComment, [id], tx);
      return fromRow(row!);
    }) as Promise<StoredComment | undefined>;
  }

  async remove(id: string, by: string): Promise<boolean> {
    return this.sql.begin(async (tx) => {
      const before = await this.locked(tx, id);
      if (!before) return false;
      await this.apply(tx, removal(before, by));
      return true;
    }) as Promise<boolean>;
  }

  exportBatches(page: string | undefined, size = exportBatchSize): AsyncIterable<StoredComment[]> {
    return exportBatchesOf(
      async () => (await this.sql.unsafe(queries.campaignSizes, [], prepared)) as unknown as { campaign: string; n: string }[],
      (after) =>
        page
          ? this.rows(queries.exportPageAfter, [page, after.created_at, after.id, size])
          : this.rows(queries.exportAllAfter, [after.created_at, after.id, size]),
      size,
    );
  }

  /**
   * A connection of its own, in a read-only transaction at REPEATABLE READ: every scan sees the
   * database as it was at the first, while posts go on being written.
   */
  async consultReader(page: string): Promise<ConsultReader> {
    const reserved = await this.sql.reserve();
    await reserved.unsafe('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    let open = true;
    return {
      scan: (section, size = exportBatchSize) =>
        consultScanOf((params) => reserved.unsafe(dollar(queries.consultRowsAfter), params as never[], prepared), page, section, size),
      close: async () => {
        if (!open) return;
        open = false;
        try {
          await reserved.unsafe('COMMIT');
        } finally {
          reserved.release();
        }
      },
    };
  }

  async exportAll(page?: string): Promise<StoredComment[]> {
    return (page ? await this.rows(queries.exportPage, [page]) : await this.rows(queries.exportAll, [])).map(fromRow);
  }

  async erase(email: string, by: string): Promise<number> {
    return this.sql.begin(async (tx) => {
      const keys = (await tx.unsafe(dollar(queries.keysToErase), [email])).map((row) => ({
        key: String(row.key),
        answer: String(row.answer),
      }));
      const responses = (await tx.unsafe(dollar(`${queries.erasedComments} FOR UPDATE`), [email])) as unknown as Parameters<
        typeof erasure
      >[2];
      await this.apply(tx, erasure(email, keys, responses, by, new Date().toISOString()));
      return responses.length;
    }) as Promise<number>;
  }

  async createOfficial(record: NewRecord, by: string): Promise<StoredComment> {
    const statement = storeStatement({ record });
    await this.sql.begin(async (tx) => {
      await tx.unsafe(statement.text, statement.params, prepared);
      await this.apply(tx, officialLogged(statement.comment, by));
    });
    return statement.comment;
  }

  async queueReceipt(commentId: string, recipient: string): Promise<void> {
    const now = new Date().toISOString();
    await this.sql.unsafe(dollar(receiptQueries.queue), [commentId, recipient, now, now], prepared);
  }

  async dueReceipts(now: string, limit: number): Promise<QueuedReceipt[]> {
    const rows = await this.sql.unsafe(dollar(receiptQueries.due), [now, limit], prepared);
    return (rows as unknown as ReceiptRow[]).map(fromReceiptRow);
  }

  async claimReceipt(receipt: QueuedReceipt, until: string): Promise<boolean> {
    const result = await this.sql.unsafe(dollar(receiptQueries.claim), [until, receipt.commentId, receipt.nextAttemptAt], prepared);
    return result.count > 0;
  }

  async settleReceipt(commentId: string, outcome: ReceiptOutcome): Promise<void> {
    const [query, params] = settleReceiptQuery(commentId, outcome, new Date().toISOString());
    await this.sql.unsafe(dollar(query), params as postgres.ParameterOrJSON<never>[], prepared);
  }

  async getConsultation(page: string): Promise<ConsultationRecord | undefined> {
    const [row] = await this.sql.unsafe(dollar(queries.consultation), [page], prepared);
    return row && fromConsultationRow(row as unknown as ConsultationRow);
  }

  async sectionChanges(page: string): Promise<StoredSectionChange[]> {
    return ((await this.sql.unsafe(dollar(versionQueries.ofPage), [page])) as unknown as VersionRow[]).map(changeOf);
  }

  async sectionVersions(page: string, section: string): Promise<StoredSectionVersion[]> {
    return ((await this.sql.unsafe(dollar(versionQueries.ofSection), [page, section])) as unknown as VersionRow[]).map(versionOf);
  }

  async storedSections(page: string): Promise<StoredSectionCount[]> {
    const rows = await this.sql.unsafe(dollar(orphanQueries.stored), [page]);
    return (rows as unknown as { section: string; n: number; newest: string }[]).map(sectionCountOf);
  }

  async moveSection(page: string, from: string, to: string, by: string): Promise<number> {
    return this.sql.begin(async (tx) => {
      // The responses are locked as they are counted, so that the entry in the log says how many moved.
      const [row] = await tx.unsafe(
        'SELECT count(*) AS n FROM (SELECT id FROM comments WHERE page = $1 AND section = $2 FOR UPDATE) AS moving',
        [page, from],
      );
      const count = Number(row?.n ?? 0);
      await this.apply(tx, sectionMoved(page, from, to, count, by));
      return count;
    }) as Promise<number>;
  }

  async putConsultation(record: ConsultationRecord, by: string): Promise<void> {
    await this.sql.begin(async (tx) => {
      // Two moderators saving one consultation at once each log the change from what the other saved.
      await tx.unsafe('SELECT pg_advisory_xact_lock(hashtext($1))', [`consultation ${record.page}`]);
      const [row] = await tx.unsafe(dollar(queries.consultation), [record.page]);
      const last = await tx.unsafe(dollar(versionQueries.last), [record.page]);
      const lastVersions = new Map(last.map((each) => [String(each.section), Number(each.version)]));
      const before = row && fromConsultationRow(row as unknown as ConsultationRow);
      await this.apply(tx, consultationSaved(before, record, by, new Date().toISOString(), lastVersions));
    });
  }

  async listConsultations() {
    const [rows, countRows] = await Promise.all([
      this.sql.unsafe(dollar(queries.consultations)),
      this.sql.unsafe(dollar(queries.consultationCounts)),
    ]);
    const counts = statusCountsByPage(countRows as unknown as { page: string; status: string; n: number }[]);
    return (rows as unknown as ConsultationRow[]).map((row) => ({ ...fromConsultationRow(row), statusCounts: counts.get(row.page) ?? {} }));
  }

  async overviewAnswers(page: string): Promise<OverviewAnswer[]> {
    const rows = await this.sql.unsafe(dollar(queries.overviewAnswers), [page]);
    return rows.map((row) => ({
      section: String(row.section),
      options: answerOf(row.answer as string) ?? [],
      respondent: (row.respondent as OverviewAnswer['respondent']) ?? null,
      n: Number(row.n),
    }));
  }

  async answerTallies(page: string, section: string): Promise<AnswerTally[]> {
    const rows = await this.sql.unsafe(dollar(queries.answerTallies), [page, section], prepared);
    return rows.map((row) => ({
      options: answerOf(row.answer as string) ?? [],
      status: row.status as CommentStatus,
      count: Number(row.n),
    }));
  }

  async getOutcome(page: string, section: string): Promise<Outcome | undefined> {
    const [row] = await this.sql.unsafe(dollar(queries.outcome), [page, section], prepared);
    return row && { body: String(row.body), updatedAt: String(row.updated_at) };
  }

  async putOutcome(page: string, section: string, body: string, by: string): Promise<Outcome> {
    const updatedAt = new Date().toISOString();
    await this.sql.begin(async (tx) => {
      await tx.unsafe('SELECT pg_advisory_xact_lock(hashtext($1))', [`outcome ${page} ${section}`]);
      const [before] = await tx.unsafe(dollar(queries.outcome), [page, section]);
      await this.apply(tx, outcomeSaved(page, section, before && String(before.body), body, by, updatedAt));
    });
    return { body, updatedAt };
  }

  async report(commentId: string, reporter: string, reason: string | null, hideAt: number): Promise<ReportOutcome> {
    return this.sql.begin(async (tx): Promise<ReportOutcome> => {
      // The comment locked first: two reports of it at once are counted one after the other.
      const comment = await this.locked(tx, commentId);
      const [made] = await tx.unsafe(dollar(reportQueries.made), [commentId, reporter]);
      const planned = reportPlan(comment, made !== undefined, reporter, reason, hideAt, new Date().toISOString());
      await this.apply(tx, planned.writes);
      return planned.outcome;
    }) as Promise<ReportOutcome>;
  }

  async overviewCounts(page: string): Promise<OverviewCount[]> {
    const rows = await this.sql.unsafe(dollar(queries.overview), [page]);
    return rows.map((row) => ({ ...(row as unknown as OverviewCount), n: Number(row.n) }));
  }

  async ungrouped(limit: number) {
    const rows = await this.sql.unsafe(dollar(campaignQueries.ungrouped), [limit]);
    return rows.map((row) => ({ id: String(row.id), page: String(row.page), body: String(row.body), role: String(row.role) }));
  }

  async groupCampaigns(items: Fingerprinted[]): Promise<boolean> {
    return this.sql.begin(async (tx) => {
      // One instance groups at a time, so that two near-identical responses grouped at once still meet.
      const [lock] = await tx.unsafe('SELECT pg_try_advisory_xact_lock(727275) AS taken');
      if (!lock!.taken) return false;
      const rows = await tx.unsafe(
        dollar(campaignQueries.stillUngrouped(items.length)),
        items.map((item) => item.id),
      );
      const waiting = new Set(rows.map((row) => String(row.id)));
      const batch = items.filter((each) => waiting.has(each.id));
      // Every candidate of the batch in one query, a few per band key, then the batch planned in
      // memory and written in three statements: four round trips for up to 500 responses.
      const keys = [...new Set(batch.flatMap((item) => item.bands))];
      const found = keys.length ? await tx.unsafe(campaignCandidatesByBand, [keys, candidatesPerResponse]) : [];
      const stored = new Map<string, Candidate[]>();
      for (const row of found) {
        const band = String(row.band);
        stored.set(band, [
          ...(stored.get(band) ?? []),
          { id: String(row.id), campaign: row.campaign as string | null, fingerprint: String(row.fingerprint) },
        ]);
      }
      const plan = planCampaigns(batch, stored);
      if (plan.leaders.length) {
        await tx.unsafe(campaignLeads, [plan.leaders.map((l) => l.id), plan.leaders.map((l) => l.campaign)]);
      }
      if (plan.grouped.length) {
        await tx.unsafe(campaignGrouped, [
          plan.grouped.map((g) => g.id),
          plan.grouped.map((g) => g.fingerprint),
          plan.grouped.map((g) => g.campaign),
        ]);
      }
      if (plan.bands.length) await tx.unsafe(campaignBands, [plan.bands.map((b) => b.band), plan.bands.map((b) => b.id)]);
      return true;
    }) as Promise<boolean>;
  }

  async setCampaignStatus(campaign: string, update: CampaignStatusUpdate, by: string): Promise<CampaignDecision> {
    return this.sql.begin(async (tx) => {
      const rows = await this.rows(`${queries.campaignMembers} FOR UPDATE`, [campaign], tx);
      const planned = campaignDecision(rows.map(fromRow), update, by, new Date().toISOString());
      await this.apply(tx, planned.writes);
      return planned.result;
    }) as Promise<CampaignDecision>;
  }

  async addModerator(name: string, tokenHash: string, role: ModeratorRole, by: string): Promise<boolean> {
    return this.sql.begin(async (tx) => {
      const added = await tx.unsafe(dollar(moderatorQueries.add), [name, tokenHash, new Date().toISOString(), role]);
      if (added.count === 0) return false;
      await this.apply(tx, logged(by, { action: 'moderator-added', to: name }));
      return true;
    }) as Promise<boolean>;
  }

  async removeModerator(name: string, by: string): Promise<boolean> {
    return this.sql.begin(async (tx) => {
      const removed = await tx.unsafe(`${dollar(moderatorQueries.remove)} RETURNING name`, [name]);
      if (removed.count === 0) return false;
      await this.apply(tx, logged(by, { action: 'moderator-removed', from: String(removed[0]!.name) }));
      return true;
    }) as Promise<boolean>;
  }

  async listModerators(): Promise<ModeratorRecord[]> {
    const rows = await this.sql.unsafe(dollar(moderatorQueries.list));
    return rows.map((row) => ({ name: String(row.name), createdAt: String(row.created_at), role: row.role as ModeratorRole }));
  }

  async moderatorWithToken(tokenHash: string): Promise<{ name: string; role: ModeratorRole } | undefined> {
    const [row] = await this.sql.unsafe(dollar(moderatorQueries.withToken), [tokenHash], prepared);
    return row ? { name: String(row.name), role: row.role as ModeratorRole } : undefined;
  }

  async listAudit(filter: AuditFilter, limit: number, before?: string) {
    const q = auditLogQueries(filter, limit + 1, before);
    const [rows, total, moderators] = await Promise.all([
      this.sql.unsafe(dollar(q.list.sql), q.list.params as never[]),
      this.sql.unsafe(dollar(q.total.sql), q.total.params as never[]),
      this.sql.unsafe(dollar(auditQueries.moderators)),
    ]);
    return auditPageOf(
      rows as unknown as AuditRow[],
      limit,
      Number(total[0]?.n ?? 0),
      moderators.map((row) => String(row.moderator)),
    );
  }

  async health(): Promise<'ok' | 'unreachable' | 'read-only'> {
    try {
      const [row] = await this.sql.unsafe(`SELECT pg_is_in_recovery() OR current_setting('transaction_read_only') = 'on' AS read_only`);
      return row!.read_only ? 'read-only' : 'ok';
    } catch {
      return 'unreachable';
    }
  }

  isUnavailable(error: unknown): boolean {
    const code = String((error as { code?: unknown } | null)?.code ?? '');
    // Connection failures (the driver's own codes and the system's), the server shutting down or
    // starting (class 57P0x, 08xxx), too many connections (53300) and a read-only transaction (25006).
    return /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EPIPE|CONNECTION_|CONNECT_TIMEOUT|57P0|08|53300|25006)/.test(code);
  }

  async close(): Promise<void> {
    // Comments already handed in are stored before the connections close.
    await this.creates.drain();
    await this.sql.end({ timeout: 5 });
  }
}
