/**
 * Each moderator transaction written once: given the state before it (read, and on PostgreSQL
 * locked, by the driver inside its own transaction), what to write, the audit entry included. Each
 * driver runs the writes in order in that same transaction, so a change and its record in the log
 * are stored together or not at all.
 */
import { campaignChanges, hidesAt, isPublic, reviseWordings, type CampaignStatusUpdate } from 'civic-comments/contract';
import { about, consultationChange, outcomeChange, readersReports, statusChange } from './audit-entries.js';
import { auditQueries, campaignQueries, orphanQueries, receiptQueries, reportQueries, sql, versionQueries } from './queries.js';
import { anonymisedAnswer, auditParams, consultationParams } from './rows.js';
import type { CampaignDecision, ConsultationRecord, NewAuditEntry, ReportOutcome, StoredComment } from './storage.js';

/** One statement and its parameters. */
export interface Write {
  sql: string;
  params: unknown[];
}

const write = (text: string, ...params: unknown[]): Write => ({ sql: text, params });

/** The audit log's entry as a write, when there is one. */
export const logged = (by: string, entry: NewAuditEntry | undefined): Write[] =>
  entry ? [write(auditQueries.insert, ...auditParams(by, entry))] : [];

/** A moderator's decision on a response: its status, the reports made so far reviewed, its page's answers refreshed, and the log. */
export const decision = (before: StoredComment, status: StoredComment['status'], by: string, now: string): Write[] => [
  write(sql.setStatus, status, now, before.id),
  write(reportQueries.reviewed, before.id),
  write(sql.bumpPageOf, before.id),
  ...logged(by, statusChange(before, status)),
];

/** A campaign decided in bulk, as the contract's rule allows: each change a decision of its own. */
export function campaignDecision(
  members: StoredComment[],
  update: CampaignStatusUpdate,
  by: string,
  now: string,
): { writes: Write[]; result: CampaignDecision } {
  const { change, unseen } = campaignChanges(members, update);
  return { writes: change.flatMap((member) => decision(member, update.status, by, now)), result: { changed: change.length, unseen } };
}

/** A response deleted: its key kept as a tombstone (so a retry is not stored again), and everything else of it gone. */
export const removal = (before: StoredComment, by: string): Write[] => [
  write(sql.tombstoneKeysOf, before.id),
  write(sql.bumpPageOf, before.id),
  write(receiptQueries.ofComment, before.id),
  write(reportQueries.ofComment, before.id),
  write(campaignQueries.ofComment, before.id),
  write(sql.deleteComment, before.id),
  ...logged(by, { action: 'delete', ...about(before), from: before.status }),
];

/**
 * A person's data erased (see the contract's `erasedRespondent`) from the responses sent with the
 * email: the answers kept for their keys rewritten without the name, their receipts forgotten, one
 * entry in the log per response, naming no one.
 */
export const erasure = (
  email: string,
  keys: { key: string; answer: string }[],
  responses: Parameters<typeof about>[0][],
  by: string,
  now: string,
): Write[] => [
  ...keys.map(({ key, answer }) => write(sql.eraseKey, anonymisedAnswer(answer), key)),
  ...responses.flatMap((response) => logged(by, { action: 'erase', ...about(response) })),
  write(sql.bumpPagesOfEmail, email),
  write(receiptQueries.erase, email),
  write(sql.erase, now, email),
];

/**
 * A consultation saved whole, logged field by field against what it was. A section whose wording
 * changed gets a new version (the one it replaces stops being current), numbered from what the
 * section had before, with the note the department gave; the stored record keeps each section's
 * latest number, which new responses are stamped with.
 */
export function consultationSaved(
  before: ConsultationRecord | undefined,
  record: ConsultationRecord,
  by: string,
  now: string,
  lastVersions: ReadonlyMap<string, number> = new Map(),
): Write[] {
  const { sections, ended, added } = reviseWordings(before?.sections ?? [], record.sections, lastVersions);
  const stored = { ...record, sections };
  return [
    write(sql.putConsultation, ...consultationParams(stored)),
    ...ended.map((section) => write(versionQueries.close, now, record.page, section)),
    ...added.map(({ section, version, text, note }) => write(versionQueries.add, record.page, section, version, text, note, now)),
    write(sql.bumpPage, record.page),
    ...logged(by, consultationChange(before, stored)),
  ];
}

/** A thread moved whole from a section no longer named to one of the consultation's, in one entry of the log. */
export const sectionMoved = (page: string, from: string, to: string, count: number, by: string): Write[] =>
  count
    ? [
        write(orphanQueries.move, to, page, from),
        write(sql.bumpPage, page),
        ...logged(by, { action: 'move', page, section: to, from, to: `${to} (${count})` }),
      ]
    : [];

/** A section's outcome published or replaced. */
export const outcomeSaved = (page: string, section: string, before: string | undefined, body: string, by: string, now: string): Write[] => [
  write(sql.putOutcome, page, section, body, now),
  write(sql.bumpPage, page),
  ...logged(by, outcomeChange(page, section, before, body)),
];

/** The department's own response stored: its log entry, written with it. */
export const officialLogged = (comment: StoredComment, by: string): Write[] =>
  logged(by, { action: 'official-response', ...about(comment), to: comment.body });

/**
 * A reader's report: counted once per reporter, and, when it brings the comment to the threshold
 * (the contract's `hidesAt`), the comment taken out of public view until a moderator decides.
 */
export function report(
  comment: StoredComment | undefined,
  alreadyReported: boolean,
  reporter: string,
  reason: string | null,
  hideAt: number,
  now: string,
): { writes: Write[]; outcome: ReportOutcome } {
  if (!comment || !isPublic(comment)) return { writes: [], outcome: 'not-found' };
  if (alreadyReported) return { writes: [], outcome: 'repeated' };
  const counted = [write(reportQueries.insert, comment.id, reporter, reason, now), write(reportQueries.count, comment.id)];
  const reports = { count: (comment.reports?.count ?? 0) + 1, unreviewed: (comment.reports?.unreviewed ?? 0) + 1 };
  const reported = { ...comment, reports: { ...reports, reasons: [] } };
  if (!hidesAt(reported, hideAt)) return { writes: counted, outcome: 'counted' };
  return {
    writes: [
      ...counted,
      write(sql.setStatus, 'pending', now, comment.id),
      write(sql.bumpPageOf, comment.id),
      ...logged(readersReports, statusChange(reported, 'pending')),
    ],
    outcome: 'hidden',
  };
}
