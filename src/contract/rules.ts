/**
 * The domain's rules, in one place for the reference server and the in-page `memory` backend alike:
 * what the public may see, the status a new response gets, when readers' reports hide a comment,
 * what erasure blanks, and what deciding a campaign in bulk may change. Nothing here knows a
 * database or the DOM.
 */
import type { CommentStatus, Visibility } from './schemas.js';

/** Whether a response is in public view: published, with the name or without it; never one sent privately. */
export const isPublic = (response: { status: string; visibility?: string }): boolean =>
  response.status === 'published' && response.visibility !== 'private';

/**
 * The status a new reader's response gets: kept as spam when the form's hidden field was filled
 * (not refused, so a person whose browser filled it loses nothing), received when sent privately,
 * else published or pending as the consultation is moderated after or before.
 */
export const statusOfNew = (response: { website?: string; visibility: Visibility }, moderation: 'pre' | 'post'): CommentStatus =>
  response.website ? 'spam' : response.visibility === 'private' ? 'received' : moderation === 'post' ? 'published' : 'pending';

/**
 * Whether a moderator may give a response this status: anything but publishing one that was sent
 * privately, by whatever route (one at a time, selected together, a campaign, the API), so that no
 * count, overview, export or log ever calls a private response published.
 */
export const mayTakeStatus = (response: { visibility?: string }, status: string): boolean =>
  !(status === 'published' && response.visibility === 'private');

/** The status a sender is told their new response has: one kept as spam is told what any pending one is. */
export const statusToldToSender = (status: CommentStatus): CommentStatus => (status === 'spam' ? 'pending' : status);

// ---- Readers' reports

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

// ---- Erasure

/**
 * What erasing a person's data (subject-access erasure) blanks on each response they sent: their
 * name, email and organisation. The text stays, for analysis, and so do the answers kept for
 * idempotency, without the name. The reference server's `erase` statement and the in-page backend
 * both follow it.
 */
export const erasedRespondent = { name: '', email: '', organisation: null } as const;

// ---- Campaigns

/**
 * What deciding a campaign in bulk may change: one rule for the reference server and the in-page
 * backend. A campaign groups responses that are nearly alike, so its members may carry text that
 * its first copies did not (a defamatory paragraph, a link). Approving in bulk therefore publishes
 * only responses whose text, once normalised, is a text the moderator was shown; the others stay
 * pending for a moderator to read one by one.
 */

/**
 * The text as campaigns are compared: Unicode-normalised, lower case, letters and digits only,
 * single spaces. "Keep Zone C!" and "keep zone c" are the same text; a text of no letters or digits
 * is empty, and never joins a campaign.
 */
export function normaliseCampaignText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

interface Member {
  id: string;
  status: string;
  visibility: string;
  body: string;
}

/**
 * The members a bulk decision changes, and how many it leaves for a moderator to read:
 * - approving publishes only pending public responses (never one rejected, kept as spam, or sent
 *   privately) whose normalised text is that of a response in `seen`;
 * - rejecting or marking as spam changes pending and published responses only (never a private
 *   one, nor one already decided the other way);
 * - `from`, when given, narrows either to the responses in that status.
 */
export function campaignChanges<T extends Member>(
  members: T[],
  decision: { status: 'published' | 'rejected' | 'spam'; from?: string; seen?: string[] },
): { change: T[]; unseen: number } {
  const eligible = members.filter(
    (member) =>
      member.visibility !== 'private' &&
      member.status !== decision.status &&
      (!decision.from || member.status === decision.from) &&
      (decision.status === 'published' ? member.status === 'pending' : member.status === 'pending' || member.status === 'published'),
  );
  if (decision.status !== 'published') return { change: eligible, unseen: 0 };
  const seenIds = new Set(decision.seen ?? []);
  const seenTexts = new Set(members.filter((member) => seenIds.has(member.id)).map((member) => normaliseCampaignText(member.body)));
  seenTexts.delete('');
  const change = eligible.filter((member) => seenTexts.has(normaliseCampaignText(member.body)));
  return { change, unseen: eligible.length - change.length };
}
