import type { Context } from 'hono';
import { etagOf, matches, type AnswerCache } from './answer-cache.js';
import { publicCacheControl } from './headers.js';

/** Where a public answer may be kept, and the page version read before its queries. */
export interface Keep {
  cache: AnswerCache;
  page: string;
  version: number;
  /** When the answer stops holding with no write at all (a consultation opening or closing). */
  expiresAt?: number;
}

/** The address a public answer is kept under: its path and query, exactly as the server parsed them. */
export const answerKey = (url: URL) => `${url.pathname}${url.search}`;

/**
 * Sends a public JSON answer with an ETag made from its bytes, or 304 when the client has them, and
 * keeps it in the answer cache when one is given. The tag depends only on what the public sees, so
 * a pending or private comment never changes it.
 */
export function cachedJson(c: Context, value: unknown, keep?: Keep): Response {
  const body = Buffer.from(JSON.stringify(value));
  const etag = etagOf(body);
  keep?.cache.keep(answerKey(new URL(c.req.url)), { body, etag, page: keep.page, version: keep.version, expiresAt: keep.expiresAt });
  c.header('ETag', etag);
  c.header('Cache-Control', publicCacheControl);
  if (matches(c.req.header('If-None-Match'), etag)) return c.body(null, 304);
  c.header('Content-Type', 'application/json; charset=utf-8');
  return c.body(body, 200);
}
