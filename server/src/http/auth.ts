import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Whether an Authorization header carries the moderator token; compared in constant time. */
export function hasModeratorToken(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? '');
  // Hashing first makes both sides the same length, so the comparison time says nothing.
  return timingSafeEqual(digest(match?.[1]?.trim() ?? ''), digest(token)) && Boolean(match);
}
