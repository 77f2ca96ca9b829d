/** What the audit log records of each kind of change, built from the state before it and after. */
import type { ConsultationRecord, NewAuditEntry, StoredComment } from './storage.js';

/** How the audit log names the hiding of a comment that enough readers reported. */
export const readersReports = 'Readers’ reports';

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
  const fields = ['title', 'opensAt', 'closesAt', 'department', 'askOrganisation', 'contactEmail', 'showAnswerCounts', 'sections'] as const;
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
