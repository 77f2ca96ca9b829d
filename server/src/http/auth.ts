import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Moderator, ModeratorRole } from 'civic-comments/contract';
import type { Storage } from '../storage/storage.js';

declare module 'hono' {
  interface ContextVariableMap {
    /** Who the moderation request's token belongs to, once the token was checked. */
    moderator: Moderator;
  }
}

/** How the audit log names the holder of `MODERATOR_TOKEN`. */
export const administratorName = 'Administrator';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** The token of an `Authorization: Bearer …` header. */
const bearer = (header: string | undefined) => /^Bearer\s+(.+)$/i.exec(header ?? '')?.[1]?.trim();

/** Whether an Authorization header carries the moderator token; compared in constant time. */
export function hasModeratorToken(header: string | undefined, token: string): boolean {
  const sent = bearer(header);
  // Hashing first makes both sides the same length, so the comparison time says nothing.
  return timingSafeEqual(digest(sent ?? ''), digest(token)) && sent !== undefined;
}

/**
 * What a named moderator's token is kept as. Tokens are 192 random bits, so one fast hash is
 * enough: there is nothing to guess from the hash that would be quicker than guessing the token.
 */
export const tokenHash = (token: string) => digest(token).toString('hex');

/** A new moderator's token: printed once, never stored. */
export const newModeratorToken = () => randomBytes(24).toString('base64url');

/**
 * Who an Authorization header signs in: the administrator with `MODERATOR_TOKEN`, or a moderator
 * added by name, looked up on every request so that a removed moderator is refused at once, by
 * every instance sharing the database.
 */
export async function moderatorSignedIn(
  header: string | undefined,
  administratorToken: string,
  storage: Storage,
): Promise<Moderator | undefined> {
  if (hasModeratorToken(header, administratorToken)) return { name: administratorName, administrator: true, role: 'administrator' };
  const sent = bearer(header);
  if (!sent || sent.length > 200) return undefined;
  const found = await storage.moderatorWithToken(tokenHash(sent));
  return found && { name: found.name, administrator: found.role === 'administrator', role: found.role };
}

/** Routes only an administrator may use: every email (export, to a moderator), erasure, and consultations. */
const administratorsOnly: { method: string; path: RegExp }[] = [
  { method: 'POST', path: /^\/api\/v1\/moderation\/erase$/ },
  { method: 'PUT', path: /^\/api\/v1\/moderation\/consultations\// },
];

/**
 * Whether a role may make a moderation request: an administrator anything; an analyst only reads,
 * exports included; a moderator decides and answers, but neither exports nor erases nor changes
 * consultations.
 */
export function roleAllows(role: ModeratorRole, method: string, path: string): boolean {
  if (role === 'administrator') return true;
  if (administratorsOnly.some((route) => route.method === method && route.path.test(path))) return false;
  const reading = method === 'GET' || method === 'HEAD';
  if (role === 'analyst') return reading;
  return !(reading && path === '/api/v1/moderation/export');
}
