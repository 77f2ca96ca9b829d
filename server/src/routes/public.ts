import { createHash } from 'node:crypto';
import type { Hono } from 'hono';
import {
  publicComment,
  Counts,
  CommentPage,
  ListCommentsQuery,
  limits,
  messagesFor,
  validateNewComment,
  type CommentStatus,
} from '../../../src/contract/index.js';
import type { AppOptions } from '../context.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { cachedJson } from '../http/cache.js';
import { errorResponse } from '../http/errors.js';
import type { StoredComment } from '../storage/storage.js';


const firstIssue = (issues: { path: PropertyKey[]; message: string }[]) =>
  issues.map((issue) => `${issue.path.join('.') || 'query'}: ${issue.message}`)[0] ?? 'invalid';

export function publicRoutes(app: Hono, options: AppOptions): void {
  const { storage } = options;

  app.get('/api/v1/counts', async (c) => {
    const page = c.req.query('page');
    if (!page || page.length > limits.pageMax) {
      return errorResponse(c, 400, 'invalid_query', 'The "page" query parameter is required: the page whose counts you want.');
    }
    const counts = await storage.countPublished(page);
    return cachedJson(c, { page, counts } satisfies Counts);
  });

  app.get('/api/v1/comments', async (c) => {
    const query = ListCommentsQuery.safeParse(c.req.query());
    if (!query.success) {
      return errorResponse(c, 400, 'invalid_query', `The query is not valid (${firstIssue(query.error.issues)}); "page" and "section" are required.`);
    }
    const { page, section, limit = limits.listLimitDefault, cursor } = query.data;
    const after = cursor ? decodeCursor(cursor) : undefined;
    if (cursor && !after) return errorResponse(c, 400, 'invalid_cursor', 'The cursor is not one this server gave out.');
    const result = await storage.listPublished(page, section, limit, after);
    return cachedJson(c, {
      comments: result.items,
      nextCursor: encodeCursor(result.next),
      total: result.total,
    } satisfies CommentPage);
  });

  app.post('/api/v1/comments', async (c) => {
    let input: unknown;
    try {
      input = await c.req.json();
    } catch {
      return errorResponse(c, 400, 'invalid_json', 'The request body must be a JSON object.');
    }
    const key = c.req.header('Idempotency-Key');
    if (key !== undefined && (key.length < 1 || key.length > 200)) {
      return errorResponse(c, 400, 'invalid_idempotency_key', 'The Idempotency-Key header must be 1 to 200 characters.');
    }
    const checked = validateNewComment(input);
    if (!checked.success) {
      return errorResponse(c, 400, 'validation', 'Some fields need correcting.', { fields: messagesFor(checked.codes) });
    }
    const data = checked.data;
    if (data.parentId) {
      const parent = await storage.find(data.parentId);
      const answerable = parent && parent.page === data.page && parent.section === data.section && parent.status === 'published' && parent.visibility === 'public';
      if (!answerable) {
        return errorResponse(c, 400, 'validation', 'Some fields need correcting.', { fields: messagesFor({ parentId: 'invalid' }) });
      }
    }

    const address = options.clientAddress(c.req, c.env);
    const wait = options.rateLimiter.retryAfter(address);
    if (wait > 0) {
      return errorResponse(c, 429, 'rate_limited', `Too many comments in a short time. Try again in ${wait} seconds.`, {
        headers: { 'Retry-After': String(wait) },
      });
    }

    // A filled honeypot is kept as spam, not refused: a person whose browser filled it loses nothing.
    const status: CommentStatus = data.website
      ? 'spam'
      : data.visibility === 'private'
        ? 'received'
        : options.moderation === 'post'
          ? 'published'
          : 'pending';
    const record = {
      page: data.page,
      section: data.section,
      parentId: data.parentId ?? null,
      name: data.name,
      email: data.email,
      body: data.body,
      visibility: data.visibility,
      status,
    };
    // What the public is told of a comment kept as spam is what it would be told of any pending one.
    const answer = (comment: StoredComment) =>
      JSON.stringify({ comment: publicComment({ ...comment, status: status === 'spam' ? 'pending' : comment.status }) });
    const result = await storage.create(
      record,
      key ? { key, fingerprint: createHash('sha256').update(JSON.stringify(data)).digest('base64url'), answer } : undefined,
    );
    if (result.kind === 'conflict') {
      return errorResponse(c, 422, 'idempotency_conflict', 'This Idempotency-Key was already used for a different comment.');
    }
    if (result.kind === 'created') options.rateLimiter.record(address);
    c.header('Cache-Control', 'no-store');
    c.header('Content-Type', 'application/json; charset=utf-8');
    if (result.kind === 'replayed') c.header('Idempotent-Replayed', 'true');
    return c.body(result.kind === 'replayed' ? result.answer : (result.answer ?? answer(result.comment)), 201);
  });
}
