import { createHash } from 'node:crypto';
import type { Context } from 'hono';

/** How long shared caches and browsers may keep public answers, and serve them stale while they check. */
export const publicCacheControl = 'public, max-age=10, stale-while-revalidate=60';

/**
 * Sends a public JSON answer with an ETag made from its bytes, or 304 when the client has them.
 * The tag depends only on what the public sees, so a pending or private comment never changes it.
 */
export function cachedJson(c: Context, value: unknown): Response {
  const body = JSON.stringify(value);
  const etag = `W/"${createHash('sha1').update(body).digest('base64url')}"`;
  c.header('ETag', etag);
  c.header('Cache-Control', publicCacheControl);
  const ifNoneMatch = c.req.header('If-None-Match');
  if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*')) {
    return c.body(null, 304);
  }
  c.header('Content-Type', 'application/json; charset=utf-8');
  return c.body(body, 200);
}
