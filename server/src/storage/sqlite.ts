import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { auditLogQueries, auditQueries, moderationQueries, moderatorQueries, sql } from './queries.js';
import { GroupCommit, type Settled } from './group-commit.js';
import { MemoryHitCounter } from './hit-counter.js';
import { campaignStep, candidatesPerResponse, type Candidate, type Fingerprinted } from '../campaigns/assign.js';
import { isPublic, type Outcome, type CampaignStatusUpdate, type ModeratorRole } from 'civic-comments/contract';
import type { CommentStatus, OverviewAnswer } from 'civic-comments/contract';
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
  fromReceiptRow,
  fromRow,
  newStoredComment,
  pageOf,
  statusCountsByPage,
  withCampaignSizes,
  withReasons,
  type AuditRow,
  type CommentRow,
  type ConsultationRow,
  type KeyRow,
  type ReceiptRow,
  answerColumn,
  answerOf,
  fromPublicTuple,
  type PublicTuple,
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

/**
 * SQLite through better-sqlite3: one file, write-ahead logging and `synchronous=FULL`, so that a
 * comment acknowledged with 201 survives a crash or a power cut; posts arriving together share one
 * commit (group commit), so durability costs one sync per batch rather than one per post.
 */
export class SqliteStorage implements Storage {
  readonly kind = 'sqlite';
  /** One process writes a SQLite file, so its rate limits count in memory. */
  readonly hitCounter: MemoryHitCounter;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly creates: GroupCommit<NewCreate, CreateResult>;
  /** The busiest query reads rows as arrays: about a third faster than as objects. */
  private readonly listPublishedRaw: Database.Statement;

  constructor(readonly file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    // Deleted and overwritten content is overwritten with zeros, so that an erased email leaves no
    // copy in the file's free space (see `erase`, which also empties the write-ahead log).
    this.db.pragma('secure_delete = ON');
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
    // Its key is kept in the file, so that a reader's report is known again after a restart.
    this.hitCounter = new MemoryHitCounter(this.secretNow('rate-limit'));
    // Each comment of a batch in its own savepoint, so that one that fails leaves the others stored.
    const one = this.db.transaction(this.createInTransaction);
    // IMMEDIATE takes the write lock at once, so each idempotency check and its insert are one step.
    const batch = this.db.transaction((creates: NewCreate[]) =>
      creates.map(({ record, idempotency }): Settled<CreateResult> => {
        try {
          return { ok: true, value: one(record, idempotency) };
        } catch (error) {
          return { ok: false, error };
        }
      }),
    );
    this.creates = new GroupCommit((creates) => batch.immediate(creates));
    this.listPublishedRaw = this.db.prepare(sql.listPublished).raw(true);
  }

  private migrate(): void {
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    const applied = new Set(this.db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      this.db.transaction(() => {
        this.db.exec(migration.sql.replaceAll('ORDERED', 'TEXT').replaceAll('SERIAL_ID', 'INTEGER PRIMARY KEY AUTOINCREMENT'));
        if (migration.sqlite) this.db.exec(migration.sqlite);
        this.db.prepare('INSERT INTO schema_migrations VALUES (?, ?)').run(migration.version, new Date().toISOString());
      })();
    }
  }

  private secretNow(name: string): Buffer {
    this.statement('INSERT INTO server_secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING').run(
      name,
      randomBytes(32).toString('base64'),
    );
    return Buffer.from(this.statement('SELECT value FROM server_secrets WHERE name = ?').pluck().get(name) as string, 'base64');
  }

  async secret(name: string): Promise<Buffer> {
    return this.secretNow(name);
  }

  private statement(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  private rows(text: string, params: unknown[]): CommentRow[] {
    return this.statement(text).all(...params) as CommentRow[];
  }

  private readonly createInTransaction = (record: NewRecord, idempotency?: Idempotency): CreateResult => {
    if (idempotency) {
      const earlier = this.statement(sql.findKey).get(idempotency.key) as KeyRow | undefined;
      if (earlier) return earlierAnswer(earlier, idempotency.fingerprint);
    }
    const comment = newStoredComment(record);
    this.statement(sql.insertComment).run(
      comment.id,
      comment.page,
      comment.section,
      comment.parentId,
      comment.name,
      comment.email,
      comment.body,
      comment.visibility,
      comment.status,
      comment.createdAt,
      comment.updatedAt,
      comment.role,
      comment.respondent,
      comment.organisation,
      comment.lang,
      comment.reference,
      answerColumn(comment.answer),
      comment.version,
    );
    if (isPublic(record)) this.statement(sql.bumpPage).run(record.page);
    if (!idempotency) return { kind: 'created', comment };
    const answer = idempotency.answer(comment);
    this.statement(sql.insertKey).run(idempotency.key, idempotency.fingerprint, comment.id, answer, comment.createdAt);
    return { kind: 'created', comment, answer };
  };

  /**
   * Stores a comment in the next group commit: every comment that arrives in one turn of the event
   * loop is written in one transaction, so many posts share one sync to disk. Each is answered only
   * once that transaction has committed (`synchronous=FULL`), so an acknowledged comment is stored.
   */
  create(record: NewRecord, idempotency?: Idempotency): Promise<CreateResult> {
    return this.creates.add({ record, idempotency });
  }

  async replay(key: string, fingerprint: string) {
    const earlier = this.statement(sql.findKey).get(key) as KeyRow | undefined;
    return earlier && (earlierAnswer(earlier, fingerprint) as Exclude<CreateResult, { kind: 'created' }>);
  }

  async find(id: string): Promise<StoredComment | undefined> {
    return this.findRow(id);
  }

  async listPublished(page: string, section: string, limit: number, after?: Cursor) {
    const tuples = this.listPublishedRaw.all(page, section, after?.createdAt ?? '', after?.id ?? '', limit + 1) as PublicTuple[];
    const total = (this.statement(sql.countSection).get(page, section) as { n: number }).n;
    return pageOf(tuples, limit, total, fromPublicTuple);
  }

  async pageVersion(page: string): Promise<number> {
    const row = this.statement(sql.pageVersion).get(page) as { version: number } | undefined;
    return row?.version ?? 0;
  }

  async countPublished(page: string): Promise<Record<string, number>> {
    const rows = this.statement(sql.countPage).all(page) as { section: string; n: number }[];
    return Object.fromEntries(rows.map((row) => [row.section, row.n]));
  }

  async listForModeration(filter: ModerationFilter, limit: number, before?: Cursor) {
    if (isUsualView(filter)) {
      const usual = await queuePage((text, params) => this.statement(text).all(...params), filter, limit, before);
      const page = pageOf(usual.rows, limit, usual.total, fromRow);
      await this.withDetails(page.items);
      return { ...page, statusCounts: usual.statusCounts, reportedCount: usual.reportedCount };
    }
    const q = moderationQueries(filter, limit + 1, before);
    const rows = this.rows(q.list.sql, q.list.params);
    const total = (this.statement(q.total.sql).get(...q.total.params) as { n: number }).n;
    const byStatus = this.statement(q.byStatus.sql).all(...q.byStatus.params) as { status: string; n: number; reported: number }[];
    const page = pageOf(rows, limit, total, fromRow);
    await this.withDetails(page.items);
    return {
      ...page,
      statusCounts: Object.fromEntries(byStatus.map((r) => [r.status, r.n])),
      reportedCount: byStatus.reduce((sum, r) => sum + r.reported, 0),
    };
  }

  /** Gives the queue's responses their reports' reasons and their campaigns' sizes. */
  private async withDetails(items: StoredComment[]): Promise<void> {
    await withReasons(items, (text, ids) => this.statement(text).all(...ids) as { comment_id: string; reason: string }[]);
    await withCampaignSizes(items, (text, campaigns) => this.statement(text).all(...campaigns) as { campaign: string; n: number }[]);
  }

  /** Runs a transaction's writes, in order, inside the transaction the caller opened. */
  private apply(writes: Write[]): void {
    for (const { sql: text, params } of writes) this.statement(text).run(...params);
  }

  private findRow(id: string): StoredComment | undefined {
    const row = this.statement(sql.findComment).get(id) as CommentRow | undefined;
    return row && fromRow(row);
  }

  async setStatus(id: string, status: StoredComment['status'], by: string) {
    return this.db
      .transaction(() => {
        const before = this.findRow(id);
        if (!before) return undefined;
        this.apply(decision(before, status, by, new Date().toISOString()));
        return this.findRow(id);
      })
      .immediate();
  }

  async remove(id: string, by: string): Promise<boolean> {
    return this.db
      .transaction(() => {
        const before = this.findRow(id);
        if (!before) return false;
        this.apply(removal(before, by));
        return true;
      })
      .immediate();
  }

  exportBatches(page: string | undefined, size = exportBatchSize): AsyncIterable<StoredComment[]> {
    return exportBatchesOf(
      () => this.statement(sql.campaignSizes).all() as { campaign: string; n: number }[],
      (after) =>
        page
          ? this.rows(sql.exportPageAfter, [page, after.created_at, after.id, size])
          : this.rows(sql.exportAllAfter, [after.created_at, after.id, size]),
      size,
    );
  }

  async exportAll(page?: string): Promise<StoredComment[]> {
    return (page ? this.rows(sql.exportPage, [page]) : this.rows(sql.exportAll, [])).map(fromRow);
  }

  /**
   * A connection of its own, reading in one transaction: with write-ahead logging it sees the file
   * as it was when the export began while posts go on being written. (A database in memory has no
   * second connection: it is read as it changes.)
   */
  async consultReader(page: string): Promise<ConsultReader> {
    const own = this.file === ':memory:' ? undefined : new Database(this.file, { readonly: true });
    const db = own ?? this.db;
    own?.exec('BEGIN');
    const statement = db.prepare(sql.consultRowsAfter);
    return {
      scan: (section, size = exportBatchSize) => consultScanOf((params) => statement.all(...params), page, section, size),
      close: async () => {
        if (own?.open) own.close();
      },
    };
  }

  async erase(email: string, by: string): Promise<number> {
    const erased = this.eraseInTransaction(email, by);
    // The write-ahead log still holds the pages as they were before: copy it into the file, whose
    // freed space secure_delete has zeroed, and truncate it, so no copy of the erased data is left.
    const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (result?.busy)
      console.error(
        'civic-comments-server: after an erasure, the write-ahead log could not be emptied while other connections read; it will be at the next checkpoint.',
      );
    return erased;
  }

  private eraseInTransaction(email: string, by: string): number {
    return this.db
      .transaction(() => {
        const keys = this.statement(sql.keysToErase).all(email) as { key: string; answer: string }[];
        const responses = this.statement(sql.erasedComments).all(email) as Parameters<typeof erasure>[2];
        this.apply(erasure(email, keys, responses, by, new Date().toISOString()));
        return responses.length;
      })
      .immediate();
  }

  async createOfficial(record: NewRecord, by: string): Promise<StoredComment> {
    return this.db
      .transaction(() => {
        const result = this.createInTransaction(record);
        if (result.kind !== 'created') throw new Error('An official response without an idempotency key was not stored.');
        this.apply(officialLogged(result.comment, by));
        return result.comment;
      })
      .immediate();
  }

  async queueReceipt(commentId: string, recipient: string): Promise<void> {
    const now = new Date().toISOString();
    this.statement(receiptQueries.queue).run(commentId, recipient, now, now);
  }

  async dueReceipts(now: string, limit: number): Promise<QueuedReceipt[]> {
    return (this.statement(receiptQueries.due).all(now, limit) as ReceiptRow[]).map(fromReceiptRow);
  }

  async claimReceipt(receipt: QueuedReceipt, until: string): Promise<boolean> {
    return this.statement(receiptQueries.claim).run(until, receipt.commentId, receipt.nextAttemptAt).changes > 0;
  }

  async settleReceipt(commentId: string, outcome: ReceiptOutcome): Promise<void> {
    const [query, params] = settleReceiptQuery(commentId, outcome, new Date().toISOString());
    this.statement(query).run(...params);
  }

  async getConsultation(page: string): Promise<ConsultationRecord | undefined> {
    const row = this.statement(sql.consultation).get(page) as ConsultationRow | undefined;
    return row && fromConsultationRow(row);
  }

  async sectionChanges(page: string): Promise<StoredSectionChange[]> {
    return (this.statement(versionQueries.ofPage).all(page) as VersionRow[]).map(changeOf);
  }

  async sectionVersions(page: string, section: string): Promise<StoredSectionVersion[]> {
    return (this.statement(versionQueries.ofSection).all(page, section) as VersionRow[]).map(versionOf);
  }

  async storedSections(page: string): Promise<StoredSectionCount[]> {
    return (this.statement(orphanQueries.stored).all(page) as { section: string; n: number; newest: string }[]).map(sectionCountOf);
  }

  async moveSection(page: string, from: string, to: string, by: string): Promise<number> {
    return this.db
      .transaction(() => {
        const count =
          (this.statement(orphanQueries.stored).all(page) as { section: string; n: number }[]).find((row) => row.section === from)?.n ?? 0;
        this.apply(sectionMoved(page, from, to, count, by));
        return count;
      })
      .immediate();
  }

  async putConsultation(record: ConsultationRecord, by: string): Promise<void> {
    this.db
      .transaction(() => {
        const row = this.statement(sql.consultation).get(record.page) as ConsultationRow | undefined;
        const last = this.statement(versionQueries.last).all(record.page) as { section: string; version: number }[];
        const lastVersions = new Map(last.map((each) => [each.section, Number(each.version)]));
        this.apply(consultationSaved(row && fromConsultationRow(row), record, by, new Date().toISOString(), lastVersions));
      })
      .immediate();
  }

  async listConsultations() {
    const counts = statusCountsByPage(this.statement(sql.consultationCounts).all() as { page: string; status: string; n: number }[]);
    return (this.statement(sql.consultations).all() as ConsultationRow[]).map((row) => ({
      ...fromConsultationRow(row),
      statusCounts: counts.get(row.page) ?? {},
    }));
  }

  async overviewAnswers(page: string): Promise<OverviewAnswer[]> {
    const rows = this.statement(sql.overviewAnswers).all(page) as {
      section: string;
      answer: string;
      respondent: OverviewAnswer['respondent'];
      n: number;
    }[];
    return rows.map((row) => ({ section: row.section, options: answerOf(row.answer) ?? [], respondent: row.respondent, n: row.n }));
  }

  async answerTallies(page: string, section: string): Promise<AnswerTally[]> {
    const rows = this.statement(sql.answerTallies).all(page, section) as { answer: string; status: CommentStatus; n: number }[];
    return rows.map((row) => ({ options: answerOf(row.answer) ?? [], status: row.status, count: row.n }));
  }

  async getOutcome(page: string, section: string): Promise<Outcome | undefined> {
    const row = this.statement(sql.outcome).get(page, section) as { body: string; updated_at: string } | undefined;
    return row && { body: row.body, updatedAt: row.updated_at };
  }

  async putOutcome(page: string, section: string, body: string, by: string): Promise<Outcome> {
    const updatedAt = new Date().toISOString();
    this.db
      .transaction(() => {
        const before = this.statement(sql.outcome).get(page, section) as { body: string } | undefined;
        this.apply(outcomeSaved(page, section, before?.body, body, by, updatedAt));
      })
      .immediate();
    return { body, updatedAt };
  }

  async report(commentId: string, reporter: string, reason: string | null, hideAt: number): Promise<ReportOutcome> {
    return this.db
      .transaction((): ReportOutcome => {
        const made = this.statement(reportQueries.made).get(commentId, reporter) !== undefined;
        const planned = reportPlan(this.findRow(commentId), made, reporter, reason, hideAt, new Date().toISOString());
        this.apply(planned.writes);
        return planned.outcome;
      })
      .immediate();
  }

  async overviewCounts(page: string): Promise<OverviewCount[]> {
    return this.statement(sql.overview).all(page) as OverviewCount[];
  }

  async ungrouped(limit: number) {
    return this.statement(campaignQueries.ungrouped).all(limit) as { id: string; page: string; body: string; role: string }[];
  }

  async groupCampaigns(items: Fingerprinted[]): Promise<boolean> {
    this.db
      .transaction(() => {
        const waiting = new Set(
          this.statement(campaignQueries.stillUngrouped(items.length))
            .pluck()
            .all(...items.map((item) => item.id)) as string[],
        );
        for (const item of items.filter((each) => waiting.has(each.id))) {
          const candidates = item.bands.length
            ? (this.statement(campaignQueries.candidates(item.bands.length, candidatesPerResponse)).all(
                ...item.bands,
                item.id,
              ) as Candidate[])
            : [];
          const step = campaignStep(item, candidates);
          if (step.leader) this.statement(campaignQueries.leads).run(step.campaign, step.leader);
          this.statement(campaignQueries.grouped).run(item.fingerprint, step.campaign, item.id);
          if (step.keepBands) for (const band of item.bands) this.statement(campaignQueries.band).run(band, item.id);
        }
      })
      .immediate();
    return true;
  }

  async setCampaignStatus(campaign: string, update: CampaignStatusUpdate, by: string): Promise<CampaignDecision> {
    return this.db
      .transaction(() => {
        const members = (this.statement(sql.campaignMembers).all(campaign) as CommentRow[]).map(fromRow);
        const planned = campaignDecision(members, update, by, new Date().toISOString());
        this.apply(planned.writes);
        return planned.result;
      })
      .immediate();
  }

  async addModerator(name: string, tokenHash: string, role: ModeratorRole, by: string): Promise<boolean> {
    return this.db
      .transaction(() => {
        if (this.statement(moderatorQueries.named).get(name)) return false;
        this.statement(moderatorQueries.add).run(name, tokenHash, new Date().toISOString(), role);
        this.apply(logged(by, { action: 'moderator-added', to: name }));
        return true;
      })
      .immediate();
  }

  async removeModerator(name: string, by: string): Promise<boolean> {
    return this.db
      .transaction(() => {
        const named = this.statement(moderatorQueries.named).get(name) as { name: string } | undefined;
        if (!named) return false;
        this.statement(moderatorQueries.remove).run(name);
        this.apply(logged(by, { action: 'moderator-removed', from: named.name }));
        return true;
      })
      .immediate();
  }

  async listModerators(): Promise<ModeratorRecord[]> {
    const rows = this.statement(moderatorQueries.list).all() as { name: string; created_at: string; role: ModeratorRole }[];
    return rows.map((row) => ({ name: row.name, createdAt: row.created_at, role: row.role }));
  }

  async moderatorWithToken(tokenHash: string): Promise<{ name: string; role: ModeratorRole } | undefined> {
    return this.statement(moderatorQueries.withToken).get(tokenHash) as { name: string; role: ModeratorRole } | undefined;
  }

  async listAudit(filter: AuditFilter, limit: number, before?: string) {
    const q = auditLogQueries(filter, limit + 1, before);
    const rows = this.statement(q.list.sql).all(...q.list.params) as AuditRow[];
    const total = (this.statement(q.total.sql).get(...q.total.params) as { n: number }).n;
    const moderators = this.statement(auditQueries.moderators).pluck().all() as string[];
    return auditPageOf(rows, limit, total, moderators);
  }

  async health(): Promise<'ok' | 'unreachable' | 'read-only'> {
    try {
      // A write that changes nothing: a read would succeed on a file that can no longer be written.
      this.statement(`DELETE FROM server_secrets WHERE name = 'health-check'`).run();
      return 'ok';
    } catch (error) {
      return /READONLY|PERM|AUTH/.test(sqliteCode(error)) ? 'read-only' : 'unreachable';
    }
  }

  isUnavailable(error: unknown): boolean {
    return /^SQLITE_(BUSY|LOCKED|READONLY|IOERR|FULL|CANTOPEN|PERM|NOTADB|CORRUPT)/.test(sqliteCode(error));
  }

  async close(): Promise<void> {
    // Comments already handed in are stored before the file closes.
    await this.creates.drain();
    this.db.close();
  }
}

const sqliteCode = (error: unknown) => String((error as { code?: unknown } | null)?.code ?? '');
