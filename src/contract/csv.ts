import { londonTime } from '../i18n/london-time.js';
import type { ModerationComment } from './server.js';

/** A response as exported: every field a moderator sees, and when it was received in UK time. */
export type ExportedResponse = Omit<ModerationComment, 'reports' | 'shownTogether' | 'campaignSize'> & {
  /** `2026-12-04 17:30`: UK time, as a spreadsheet reads a date and time. */
  receivedAt: string;
  /** How many responses its campaign holds; null for a response in none. */
  campaignSize: number | null;
  /** The text of the question its section asked, or null. */
  question: string | null;
  /** The options it chose, as declared; in CSV, one cell with the options separated by "; ". */
  answer: string[] | null;
  /** The version of its section's wording it answered, or null where the section had none. */
  version: number | null;
  /** When that wording was published (ISO 8601), so that an analyst can find the text it answered. */
  versionFrom: string | null;
};

/** The question a response's section asks, if any: how an export finds the question's text. */
export type QuestionOf = (response: { page: string; section: string }) => { text: string } | null | undefined;
/** When the wording a response answered was published: how an export dates a response's version. */
export type VersionFrom = (response: { page: string; section: string; version: number }) => string | null | undefined;

/** The columns of an export, in order. */
export const exportColumns = [
  'id',
  'reference',
  'page',
  'section',
  'version',
  'versionFrom',
  'parentId',
  'role',
  'status',
  'visibility',
  'respondent',
  'organisation',
  'lang',
  'receivedAt',
  'createdAt',
  'updatedAt',
  'campaign',
  'campaignSize',
  'name',
  'email',
  'question',
  'answer',
  'body',
] as const satisfies readonly (keyof ExportedResponse)[];

/** A response as the exports write it, with every column present (null where it has none). */
export function exportedResponse(
  { reports: _reports, shownTogether: _shown, ...comment }: ModerationComment,
  questionOf?: QuestionOf,
  versionFrom?: VersionFrom,
): ExportedResponse {
  const time = londonTime(comment.createdAt);
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    ...comment,
    reference: comment.reference ?? null,
    // The department's own responses are `official`: an analyst tells them from readers' by it.
    role: comment.role ?? 'reader',
    respondent: comment.respondent ?? null,
    organisation: comment.organisation ?? null,
    lang: comment.lang ?? null,
    campaign: comment.campaign ?? null,
    campaignSize: comment.campaign ? (comment.campaignSize ?? 1) : null,
    question: (!comment.parentId && questionOf?.(comment)?.text) || null,
    answer: comment.answer?.length ? comment.answer : null,
    version: comment.version ?? null,
    versionFrom: (comment.version != null && versionFrom?.({ ...comment, version: comment.version })) || null,
    receivedAt: `${time.year}-${two(time.month)}-${two(time.day)} ${two(time.hour)}:${two(time.minute)}`,
  };
}

/**
 * One CSV cell as RFC 4180 wants it, and safe to open in a spreadsheet: a cell that starts with
 * `=`, `+`, `-`, `@`, a tab or a carriage return would run as a formula, so it gets a leading `'`.
 */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  // Quoted also for a semicolon or a tab, the separators many spreadsheets use where a comma is a
  // decimal point: unquoted, "a;=cmd" would open there as a cell that starts with a formula.
  return /[",;\t\r\n']/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The CSV's header row, with its line end. */
export const csvHeader = `${exportColumns.join(',')}\r\n`;

/** One response as a CSV row, with its line end: an export written a batch at a time is the same file. */
export function csvRow(each: ModerationComment, questionOf?: QuestionOf, versionFrom?: VersionFrom): string {
  const comment = exportedResponse(each, questionOf, versionFrom);
  return `${exportColumns.map((column) => csvCell(column === 'answer' ? comment.answer?.join('; ') : comment[column])).join(',')}\r\n`;
}

/** Every response as CSV with a header row and CRLF line ends. */
export function toCsv(comments: ModerationComment[], questionOf?: QuestionOf, versionFrom?: VersionFrom): string {
  return csvHeader + comments.map((comment) => csvRow(comment, questionOf, versionFrom)).join('');
}
