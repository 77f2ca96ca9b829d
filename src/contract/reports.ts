/**
 * Whether a comment reported once more leaves public view until a moderator decides: a reader's
 * published comment whose reports have reached the threshold (0 never hides). The department's own
 * responses are never hidden by readers, and nor is a comment a moderator has already kept after
 * reading its reports: a few more reporters must not undo a moderator's decision. Reports on either
 * still reach the moderators' queue. The reference server and the in-page backend both decide by it.
 */
export const hidesAt = (
  comment: { status: string; role?: string; reports?: { count: number; unreviewed: number } },
  threshold: number,
): boolean =>
  threshold > 0 &&
  comment.status === 'published' &&
  (comment.role ?? 'reader') === 'reader' &&
  comment.reports !== undefined &&
  comment.reports.count === comment.reports.unreviewed &&
  comment.reports.unreviewed >= threshold;
