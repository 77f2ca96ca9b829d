import type {
  AuditAction,
  AuditEntry,
  CampaignStatusUpdate,
  ModeratorRole,
  OverviewAnswer,
  OverviewCount,
  Comment,
  CommentStatus,
  ModerationComment,
  Outcome,
  ReceiptState,
  Respondent,
  ResponseLanguage,
  Role,
  KeptSection,
  Visibility,
} from 'civic-comments/contract';
import type { HitCounter } from './hit-counter.js';
import type { Fingerprinted } from '../campaigns/assign.js';

/** A comment as stored: the moderators' view. */
export type StoredComment = ModerationComment;

/** What the routes hand to storage to keep. */
export interface NewRecord {
  page: string;
  section: string;
  parentId: string | null;
  name: string;
  email: string;
  body: string;
  visibility: Visibility;
  status: CommentStatus;
  role: Role;
  respondent?: Respondent | null;
  organisation?: string | null;
  lang?: ResponseLanguage | null;
  /** What the respondent is given to quote, such as `CC-7K3M-Q9TX`; none for the department's own. */
  reference?: string | null;
  /** The options chosen in answer to the section's question. */
  answer?: string[] | null;
  /** The version of its section's wording current when it arrived, or null where the section has none. */
  version?: number | null;
  /** When it was written, in milliseconds: now unless told, as when seeding a demonstration's past. */
  at?: number;
}

/** A page's consultation as stored; dates are ISO 8601 in UTC. */
export interface ConsultationRecord {
  page: string;
  title: string;
  opensAt: string | null;
  closesAt: string | null;
  department: string | null;
  askOrganisation: boolean;
  contactEmail: string | null;
  /** Whether, once closed, each section shows how many responses chose each option. */
  showAnswerCounts: boolean;
  sections: ConsultationSection[];
  updatedAt: string;
}

/** A consultation's section as stored: the contract's `KeptSection`. */
export type ConsultationSection = KeptSection;

/** One change of a section's wording, as the public change log lists it. */
export interface StoredSectionChange {
  section: string;
  version: number;
  at: string;
  note: string | null;
}

/**
 * How many responses an export reads at a time: enough that the queries cost little beside the
 * writing, few enough that a batch stays a few megabytes whatever the texts' length.
 */
export const exportBatchSize = 200;

/** What the Consult export reads of a response: who sent it, where, and, for the section it writes, what was said. */
export interface ConsultRow {
  id: string;
  createdAt: string;
  /** The sender's email in lower case; empty when none is kept (never given, or erased). */
  emailKey: string;
  section: string;
  respondent: string | null;
  organisation: string | null;
  lang: string | null;
  /** Null unless the scan is of this response's section. */
  body: string | null;
  answer: string[] | null;
}

/**
 * One consultation's analysed responses, read in one snapshot of the database however long the
 * export takes, so that every file of it numbers the same respondents alike.
 */
export interface ConsultReader {
  /**
   * Every analysed response, by respondent (those with no email first, in the order they arrived;
   * then by email), a batch of at most `size` at a time; with the text and answers of `section`'s
   * responses, and of none when it is null.
   */
  scan(section: string | null, size?: number): AsyncIterable<ConsultRow[]>;
  /** Ends the snapshot. */
  close(): Promise<void>;
}

/** The responses stored under one section of a page. */
export interface StoredSectionCount {
  section: string;
  count: number;
  newest: string;
}

/** One wording of a section, and when it was current. */
export interface StoredSectionVersion {
  version: number;
  text: string;
  from: string;
  to: string | null;
}

/** Responses that chose one combination of options, by status. */
export interface AnswerTally {
  options: string[];
  status: CommentStatus;
  count: number;
}

/** The first answer to an idempotency key, kept so that a retry gets it again. */
export interface Idempotency {
  key: string;
  /** A hash of the request body: the same key with another body is refused. */
  fingerprint: string;
  /** Builds the answer from the stored comment; it is kept as given. */
  answer: (comment: StoredComment) => string;
}

/** A comment to store, with its idempotency key when the client sent one. */
export interface NewCreate {
  record: NewRecord;
  idempotency?: Idempotency;
}

export type CreateResult =
  | { kind: 'created'; comment: StoredComment; answer?: string }
  | { kind: 'replayed'; answer: string }
  /** The key's comment was stored and has since been deleted; it is not stored again. */
  | { kind: 'removed' }
  | { kind: 'conflict' };

/** A receipt waiting in the outbox. */
export interface QueuedReceipt {
  commentId: string;
  recipient: string;
  /** Tries so far. */
  attempts: number;
  nextAttemptAt: string;
}

/** What became of one try to send a receipt. */
export type ReceiptOutcome = { state: 'sent' } | { state: 'pending'; retryAt: string; error: string } | { state: 'failed'; error: string };

/** A position in a list: the last row of the page before. */
export interface Cursor {
  createdAt: string;
  id: string;
}

export interface ModerationFilter {
  status?: CommentStatus;
  page?: string;
  section?: string;
  visibility?: Visibility;
  /** A reference as stored (`CC-7K3M-Q9TX`): see `normaliseReference`. */
  reference?: string;
  /** Responses whose receipt is in this state. */
  receipt?: ReceiptState;
  /** Only comments with reports a moderator has not yet decided on. */
  reported?: boolean;
  /** Only this campaign's responses; without it, each campaign is listed once. */
  campaign?: string;
  /** Responses sent from this address, whatever its case. */
  email?: string;
}

/** One group of a page's responses, as the overview counts them. */
export type { OverviewCount };

/** An entry for the audit log, written in the same transaction as what it records. */
export interface NewAuditEntry {
  action: AuditAction;
  commentId?: string | null;
  reference?: string | null;
  page?: string | null;
  section?: string | null;
  from?: string | null;
  to?: string | null;
}

export interface AuditFilter {
  moderator?: string;
  action?: AuditAction;
  page?: string;
  /** A response's id, or its reference as stored. */
  comment?: string;
}

/** A moderator added by name; their token is kept only as a hash. */
export interface ModeratorRecord {
  name: string;
  createdAt: string;
  role: ModeratorRole;
}

export interface Page<T> {
  items: T[];
  /** Where the next page starts, when there is one. */
  next: Cursor | null;
  total: number;
}

/**
 * Where the server keeps comments. Routes see only this; the drivers (SQLite, PostgreSQL) are
 * chosen at start and passed in.
 */
/** What became of a reader's report. */
export type ReportOutcome = 'not-found' | 'counted' | 'repeated' | 'hidden';

/** What deciding a campaign in bulk did. */
export interface CampaignDecision {
  changed: number;
  /** Pending responses an approval left alone, since their text differs from every one shown. */
  unseen: number;
}

export interface Storage {
  readonly kind: 'sqlite' | 'postgres';
  /** Where rate limits count: shared by every instance that shares this database, where it can be. */
  readonly hitCounter: HitCounter;
  /** Stores a comment, or with an idempotency key already used, returns the first answer. */
  create(record: NewRecord, idempotency?: Idempotency): Promise<CreateResult>;
  /** What an idempotency key already used answers, or undefined for a new key; stores nothing. */
  replay(key: string, fingerprint: string): Promise<Exclude<CreateResult, { kind: 'created' }> | undefined>;
  find(id: string): Promise<StoredComment | undefined>;
  /** Published public comments of a section, oldest first, with their public fields only. */
  listPublished(page: string, section: string, limit: number, after?: Cursor): Promise<Page<Comment>>;
  /**
   * The page's change counter: it moves on every write that changes what the public sees of the
   * page (a published comment, a status change, a deletion, an erasure), on every instance.
   */
  pageVersion(page: string): Promise<number>;
  /** Published public comments per section of a page. */
  countPublished(page: string): Promise<Record<string, number>>;
  /** Everything matching the filter, newest first, and how many match each status. */
  listForModeration(
    filter: ModerationFilter,
    limit: number,
    before?: Cursor,
  ): Promise<Page<StoredComment> & { statusCounts: Record<string, number>; reportedCount: number }>;
  /**
   * Moderators' writes name who made them (`by`): each is recorded in the audit log in the same
   * transaction, so that nothing changes without its entry.
   */
  setStatus(id: string, status: CommentStatus, by: string): Promise<StoredComment | undefined>;
  remove(id: string, by: string): Promise<boolean>;
  /** Every response, oldest first, of one page or of all. */
  exportAll(page?: string): Promise<StoredComment[]>;
  /**
   * The same responses as `exportAll`, in the same order, a batch of at most `size` at a time, so
   * that an export of any size is written as it is read, holding one batch at once.
   */
  exportBatches(page: string | undefined, size?: number): AsyncIterable<StoredComment[]>;
  /** Reads a consultation for the Consult export; the reader must be closed. */
  consultReader(page: string): Promise<ConsultReader>;
  /** Removes the name and email from every response with this email; returns how many. */
  erase(email: string, by: string): Promise<number>;
  /** Publishes the department's own response at once, recorded as `by`'s. */
  createOfficial(record: NewRecord, by: string): Promise<StoredComment>;
  /** The page's consultation, if it has one. */
  getConsultation(page: string): Promise<ConsultationRecord | undefined>;
  /** Every change of the page's sections' wordings, newest first. */
  sectionChanges(page: string): Promise<StoredSectionChange[]>;
  /** Every wording a section has had, oldest first. */
  sectionVersions(page: string, section: string): Promise<StoredSectionVersion[]>;
  /** Each section a page's responses were stored under, with how many and the newest's time. */
  storedSections(page: string): Promise<StoredSectionCount[]>;
  /** Moves every response stored under one section of a page to another, logged as one move; answers how many moved. */
  moveSection(page: string, from: string, to: string, by: string): Promise<number>;
  /** Creates or replaces a page's consultation; what the public sees of the page changes with it. */
  putConsultation(record: ConsultationRecord, by: string): Promise<void>;
  /** Every consultation, most recently changed first, with its responses counted by status. */
  listConsultations(): Promise<(ConsultationRecord & { statusCounts: Record<string, number> })[]>;
  /** What the department did with a section's comments, once it has said. */
  getOutcome(page: string, section: string): Promise<Outcome | undefined>;
  /** The answers to a page's questions for its overview: each section's combinations of options chosen, by respondent type (readers', not spam). */
  overviewAnswers(page: string): Promise<OverviewAnswer[]>;
  /** The answers to a section's question: each combination of options chosen, by status (readers' responses only). */
  answerTallies(page: string, section: string): Promise<AnswerTally[]>;
  /** Creates or replaces a section's outcome; what the public sees of the page changes with it. */
  putOutcome(page: string, section: string, body: string, by: string): Promise<Outcome>;
  /** Adds a moderator by name with the hash of their token; false when the name is taken, in any case. */
  addModerator(name: string, tokenHash: string, role: ModeratorRole, by: string): Promise<boolean>;
  /** Removes a moderator, whose token stops working at once; false when there is none by that name. */
  removeModerator(name: string, by: string): Promise<boolean>;
  listModerators(): Promise<ModeratorRecord[]>;
  /** The moderator whose token has this hash, if any. */
  moderatorWithToken(tokenHash: string): Promise<{ name: string; role: ModeratorRole } | undefined>;
  /**
   * Counts a reader's report of a public comment, once per reader (`reporter`, a keyed hash of their
   * address); at `hideAt` unreviewed reports (0: never) the comment goes back to pending until a
   * moderator decides, and the audit log records it.
   */
  report(commentId: string, reporter: string, reason: string | null, hideAt: number): Promise<ReportOutcome>;
  /**
   * A page's responses from the public, spam aside, counted by section, visibility, status,
   * respondent, language and the hour they arrived (`2026-12-04T17`, UTC).
   */
  overviewCounts(page: string): Promise<OverviewCount[]>;
  /** Responses not yet grouped into campaigns, oldest first. */
  ungrouped(limit: number): Promise<{ id: string; page: string; body: string; role: string }[]>;
  /**
   * Groups fingerprinted responses into campaigns, in order, in one transaction, so that each sees
   * the ones before it. False when another instance is grouping: it will group these too.
   */
  groupCampaigns(items: Fingerprinted[]): Promise<boolean>;
  /**
   * Decides a campaign's responses in bulk, as `campaignChanges` allows (approval publishes only
   * text the moderator was shown), each change recorded in the audit log as `by`'s; answers how many
   * changed and how many approval left pending because their text was not shown.
   */
  setCampaignStatus(campaign: string, decision: CampaignStatusUpdate, by: string): Promise<CampaignDecision>;
  /** A secret kept in the database, made the first time it is asked for: the same on every instance and after restarts. */
  secret(name: string): Promise<Buffer>;
  /** The audit log, newest first, with everyone who appears in it. */
  listAudit(
    filter: AuditFilter,
    limit: number,
    before?: string,
  ): Promise<{ items: AuditEntry[]; next: string | null; total: number; moderators: string[] }>;
  /** Queues a receipt for a stored response, once; the receipt sender mails it, never the request. */
  queueReceipt(commentId: string, recipient: string): Promise<void>;
  /** Receipts whose time has come, the longest waiting first. */
  dueReceipts(now: string, limit: number): Promise<QueuedReceipt[]>;
  /** Takes a due receipt until `until`, so that no other instance sends it meanwhile; false when one already has. */
  claimReceipt(receipt: QueuedReceipt, until: string): Promise<boolean>;
  /** Records what became of a try. */
  settleReceipt(commentId: string, outcome: ReceiptOutcome): Promise<void>;
  /** Whether the database answers and accepts writes now. */
  health(): Promise<'ok' | 'unreachable' | 'read-only'>;
  /** Whether an error thrown by this driver means the database is out of reach or refusing writes (so: 503, try later). */
  isUnavailable(error: unknown): boolean;
  close(): Promise<void>;
}
