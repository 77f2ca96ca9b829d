import type { ModerationComment } from './server.js';

/** The columns of an export, in order. */
export const exportColumns = [
  'id', 'page', 'section', 'parentId', 'status', 'visibility', 'createdAt', 'updatedAt', 'name', 'email', 'body',
] as const satisfies readonly (keyof ModerationComment)[];

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

/** Every response as CSV with a header row and CRLF line ends. */
export function toCsv(comments: ModerationComment[]): string {
  const lines = [exportColumns.join(',')];
  for (const comment of comments) lines.push(exportColumns.map((column) => csvCell(comment[column])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
