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
