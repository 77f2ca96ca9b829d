import type { Hono } from 'hono';
import {
  EraseRequest,
  ExportQuery,
  ModerationComment,
  ModerationQuery,
  StatusUpdate,
  limits,
  toCsv,
  type ModerationPage,
} from '../../../src/contract/index.js';
import type { AppOptions } from '../context.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { hasModeratorToken } from '../http/auth.js';
import { errorResponse } from '../http/errors.js';
import { holdsUnstorableText } from '../http/storable.js';

const moderationLimitDefault = 50;

/** The JSON body, or undefined when it does not parse or holds text no database can store, so the route's check refuses it. */
async function jsonBody(request: { json: () => Promise<unknown> }): Promise<unknown> {
  try {
    const value = await request.json();
    return holdsUnstorableText(value) ? undefined : value;
  } catch {
    return undefined;
  }
}

/** A file name fit for a download: letters, digits and dashes from the page's path. */
const fileSlug = (page: string | undefined) =>
  (page ?? 'all-pages').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'home';

export function moderationRoutes(app: Hono, options: AppOptions): void {
  const { storage } = options;

  app.use('/api/v1/moderation/*', async (c, next) => {
    const address = options.clientAddress(c.req, c.env);
    const throttled = (wait: number) =>
      errorResponse(c, 429, 'too_many_sign_ins', `Too many wrong moderator tokens from this address. Try again in ${wait} seconds.`, {
        headers: { 'Retry-After': String(wait) },
      });
    // Checked before the token, so that a guesser held back learns nothing, even from a right guess.
    const waiting = await options.signInLimiter.retryAfter(address);
    if (waiting > 0) return throttled(waiting);
    if (!hasModeratorToken(c.req.header('Authorization'), options.moderatorToken)) {
      const wait = await options.signInLimiter.take(address);
      if (wait > 0) return throttled(wait);
      return errorResponse(c, 401, 'unauthorized', 'Moderation needs the moderator token: send "Authorization: Bearer <token>".', {
        headers: { 'WWW-Authenticate': 'Bearer' },
      });
    }
    await next();
    c.header('Cache-Control', 'no-store');
  });

  app.get('/api/v1/moderation/comments', async (c) => {
    const query = ModerationQuery.safeParse(c.req.query());
    if (!query.success) {
      return errorResponse(c, 400, 'invalid_query', 'The filters are not valid: status, visibility, page, section, limit and cursor are allowed.');
    }
    const { cursor, limit = moderationLimitDefault, ...filter } = query.data;
    const before = cursor ? decodeCursor(cursor) : undefined;
    if (cursor && !before) return errorResponse(c, 400, 'invalid_cursor', 'The cursor is not one this server gave out.');
    const result = await storage.listForModeration(filter, Math.min(limit, limits.moderationLimitMax), before);
    return c.json({
      comments: result.items.map((comment) => ModerationComment.parse(comment)),
      nextCursor: encodeCursor(result.next),
      total: result.total,
      statusCounts: result.statusCounts,
    } satisfies ModerationPage);
  });

  app.patch('/api/v1/moderation/comments/:id', async (c) => {
    const update = StatusUpdate.safeParse(await jsonBody(c.req));
    if (!update.success) {
      return errorResponse(c, 400, 'validation', 'Send { "status": "published" | "rejected" | "spam" }.', {
        fields: { status: 'Choose published, rejected or spam' },
      });
    }
    const comment = await storage.setStatus(c.req.param('id'), update.data.status);
    if (!comment) return errorResponse(c, 404, 'not_found', 'There is no comment with this id.');
    return c.json({ comment: ModerationComment.parse(comment) });
  });

  app.delete('/api/v1/moderation/comments/:id', async (c) => {
    const removed = await storage.remove(c.req.param('id'));
    if (!removed) return errorResponse(c, 404, 'not_found', 'There is no comment with this id.');
    return c.body(null, 204);
  });

  app.get('/api/v1/moderation/export', async (c) => {
    const query = ExportQuery.safeParse(c.req.query());
    if (!query.success) return errorResponse(c, 400, 'invalid_query', 'Use ?page=<page>&format=csv or format=json.');
    const { page, format = 'csv' } = query.data;
    const responses = await storage.exportAll(page);
    const name = `responses-${fileSlug(page)}-${new Date().toISOString().slice(0, 10)}.${format}`;
    c.header('Content-Disposition', `attachment; filename="${name}"`);
    if (format === 'json') {
      return c.json({ page: page ?? null, exportedAt: new Date().toISOString(), responses: responses.map((r) => ModerationComment.parse(r)) });
    }
    c.header('Content-Type', 'text/csv; charset=utf-8');
    // The byte order mark makes spreadsheet programs read the file as UTF-8.
    return c.body(`\uFEFF${toCsv(responses)}`);
  });

  app.post('/api/v1/moderation/erase', async (c) => {
    const request = EraseRequest.safeParse(await jsonBody(c.req));
    if (!request.success) {
      return errorResponse(c, 400, 'validation', 'Send { "email": "<the person’s email address>" }.', {
        fields: { email: 'Enter the email address of the person whose data should be erased' },
      });
    }
    return c.json({ erased: await storage.erase(request.data.email) });
  });
}
