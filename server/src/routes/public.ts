import type { Hono } from 'hono';
import { createHmac } from 'node:crypto';
import {
  type Counts,
  type CommentPage,
  type CreatedComment,
  ListCommentsQuery,
  ReportInput,
  id,
  limits,
  messagesFor,
  pageId,
  publicComment,
  type Consultation,
  isPublic,
  answerCounts,
  sectionNamed,
  countsWithAliases,
  versionNow,
  type ConsultationChanges,
  type SectionVersions,
} from 'civic-comments/contract';
import { cy, en } from 'civic-comments/i18n';
import { nextChange, publicConsultation, refusalCode, refusalMessage } from '../consultations.js';
import type { AppOptions } from '../context.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { cachedJson, type Keep } from '../http/cache.js';
import { errorResponse } from '../http/errors.js';
import { holdsUnstorableText } from '../http/storable.js';
import { networkOf } from '../http/client-address.js';
import { originNamed } from '../http/origins.js';
import { submitComment } from '../submit.js';

/** The language an API client asks for: Welsh when its first choice is, English otherwise. */
const stringsFor = (acceptLanguage: string | undefined) => (/^\s*cy\b/i.test(acceptLanguage ?? '') ? cy : en);

const firstIssue = (issues: { path: PropertyKey[]; message: string }[]) =>
  issues.map((issue) => `${issue.path.join('.') || 'query'}: ${issue.message}`)[0] ?? 'invalid';

export function publicRoutes(app: Hono, options: AppOptions): void {
  const { storage, answers: cache } = options;
  /** The key that turns a reader's address into who reported; kept in the database, so the same on every instance. */
  let reportSecret: Promise<Buffer> | undefined;
  const reportKey = () =>
    (reportSecret ??= storage.secret('reports').catch((error: unknown) => {
      reportSecret = undefined;
      throw error;
    }));
  /** Where an answer about this page may be kept: the page's version is read before its queries. */
  const keeping = async (page: string): Promise<Keep | undefined> => cache && { cache, page, version: await storage.pageVersion(page) };

  app.get('/api/v1/counts', async (c) => {
    const page = c.req.query('page');
    if (!pageId.safeParse(page).success || !page) {
      return errorResponse(c, 400, 'invalid_query', 'The "page" query parameter is required: the page whose counts you want.');
    }
    const keep = await keeping(page);
    const [stored, record] = await Promise.all([storage.countPublished(page), storage.getConsultation(page)]);
    // A page still showing a section's earlier heading asks for it by that heading's slug.
    const { counts, aliases } = countsWithAliases(stored, record?.sections);
    const now = Date.now();
    // The answer shows the consultation's state, so it is kept only until that state changes.
    const consultation: Consultation | null = record ? publicConsultation(record, now) : null;
    return cachedJson(c, { page, counts, consultation, aliases } satisfies Counts, keep && { ...keep, expiresAt: nextChange(record, now) });
  });

  app.get('/api/v1/consultations/:page', async (c) => {
    const page = c.req.param('page');
    if (!pageId.safeParse(page).success) return errorResponse(c, 404, 'not_found', 'There is no consultation on this page.');
    const keep = await keeping(page);
    const record = await storage.getConsultation(page);
    if (!record) return errorResponse(c, 404, 'not_found', 'There is no consultation on this page.');
    const now = Date.now();
    return cachedJson(c, { consultation: publicConsultation(record, now) }, keep && { ...keep, expiresAt: nextChange(record, now) });
  });

  app.get('/api/v1/comments', async (c) => {
    const query = ListCommentsQuery.safeParse(c.req.query());
    if (!query.success) {
      return errorResponse(
        c,
        400,
        'invalid_query',
        `The query is not valid (${firstIssue(query.error.issues)}); "page" and "section" are required.`,
      );
    }
    const { page, section, limit = limits.listLimitDefault, cursor } = query.data;
    const after = cursor ? decodeCursor(cursor) : undefined;
    if (cursor && !after) return errorResponse(c, 400, 'invalid_cursor', 'The cursor is not one this server gave out.');
    const keep = await keeping(page);
    const read = (id: string) => Promise.all([storage.listPublished(page, id, limit, after), storage.getOutcome(page, id)]);
    // Read beside the consultation, as the section is nearly always its own id; an alias (an earlier
    // id, or an earlier heading's slug) is read again as the section's one thread.
    const [record, asked] = await Promise.all([storage.getConsultation(page), read(section)]);
    const named = sectionNamed(record?.sections, section);
    const id = named?.id ?? section;
    const [result, outcome] = id === section ? asked : await read(id);
    const now = Date.now();
    const question = named?.question ?? null;
    const countsShown = question && record?.showAnswerCounts && publicConsultation(record, now).state === 'closed';
    return cachedJson(
      c,
      {
        comments: result.items,
        nextCursor: encodeCursor(result.next),
        total: result.total,
        outcome: outcome ?? null,
        question,
        answerCounts: countsShown ? answerCounts(question, await storage.answerTallies(page, id)) : null,
        version: versionNow(named),
      } satisfies CommentPage,
      // The counts appear when the consultation closes, with no write to the page.
      keep && { ...keep, expiresAt: nextChange(record, now) },
    );
  });

  // A page's changes: each new wording of a section, with what the department said changed.
  app.get('/api/v1/consultations/:page/changes', async (c) => {
    const page = c.req.param('page');
    if (!pageId.safeParse(page).success) return errorResponse(c, 404, 'not_found', 'There is no consultation on this page.');
    const keep = await keeping(page);
    const record = await storage.getConsultation(page);
    if (!record) return errorResponse(c, 404, 'not_found', 'There is no consultation on this page.');
    const titles = new Map(record.sections?.map((section) => [section.id, section.title]));
    const changes = (await storage.sectionChanges(page)).map((change) => ({
      ...change,
      title: titles.get(change.section) ?? change.section,
    }));
    return cachedJson(c, { changes } satisfies ConsultationChanges, keep);
  });

  // Every wording a section has had, for the difference a reader of an earlier response asks to see.
  app.get('/api/v1/consultations/:page/sections/:section/versions', async (c) => {
    const page = c.req.param('page');
    if (!pageId.safeParse(page).success) return errorResponse(c, 404, 'not_found', 'There is no such section in this consultation.');
    const keep = await keeping(page);
    const named = sectionNamed((await storage.getConsultation(page))?.sections, c.req.param('section'));
    if (!named) return errorResponse(c, 404, 'not_found', 'There is no such section in this consultation.');
    return cachedJson(c, { versions: await storage.sectionVersions(page, named.id) } satisfies SectionVersions, keep);
  });

  // One published public comment, so that a permalink can find the thread that holds it.
  app.get('/api/v1/comments/:id', async (c) => {
    if (!id.safeParse(c.req.param('id')).success) return errorResponse(c, 404, 'not_found', 'There is no published comment with this id.');
    const found = await storage.find(c.req.param('id'));
    // The page is known only once the comment is found, so it is read again after the page's
    // version: a change between the two then shows as a newer version, never as an old answer kept as current.
    const keep = found && (await keeping(found.page));
    const stored = keep ? await storage.find(found.id) : found;
    if (!stored || !isPublic(stored)) {
      return errorResponse(c, 404, 'not_found', 'There is no published comment with this id.');
    }
    return cachedJson(c, { comment: publicComment(stored) } satisfies CreatedComment, keep);
  });

  // A reader reporting a published comment: counted once per reader, hidden at the threshold.
  app.post('/api/v1/comments/:id/reports', async (c) => {
    const commentId = c.req.param('id');
    if (!id.safeParse(commentId).success) return errorResponse(c, 404, 'not_found', 'There is no published comment with this id.');
    let body: unknown;
    try {
      const text = await c.req.text();
      body = text.trim() ? JSON.parse(text) : {};
    } catch {
      return errorResponse(c, 400, 'invalid_json', 'The request body must be a JSON object, such as { "reason": "…" }, or empty.');
    }
    const input = ReportInput.safeParse(body);
    if (!input.success || holdsUnstorableText(input.data)) {
      return errorResponse(c, 400, 'validation', 'The reason needs correcting.', {
        fields: { reason: `Reason must be ${limits.reportReasonMax} characters or fewer` },
      });
    }
    const address = options.clientAddress(c.req, c.env);
    const wait = await options.reportLimiter.take(address);
    if (wait > 0) {
      return errorResponse(c, 429, 'rate_limited', `Too many reports in a short time. Try again in ${wait} seconds.`, {
        headers: { 'Retry-After': String(wait) },
      });
    }
    // A reader is known by their network, not their address: one person's many addresses (an IPv6
    // /64, a mobile operator's pool) are one reporter. A browser on a page that ALLOWED_ORIGINS=*
    // merely lets in reports for moderators to see, but never hides a comment: any page on the web
    // could make its visitors do that.
    const reporter = createHmac('sha256', await reportKey())
      .update(networkOf(address))
      .digest('base64url')
      .slice(0, 22);
    const origin = c.req.header('Origin');
    const hideAt = origin === undefined || originNamed(c, options, origin) ? options.reportsToHide : 0;
    const outcome = await storage.report(commentId, reporter, input.data.reason || null, hideAt);
    if (outcome === 'not-found') return errorResponse(c, 404, 'not_found', 'There is no published comment with this id.');
    c.header('Cache-Control', 'no-store');
    // The same answer however often one reader reports: it tells nobody whether their report counted.
    return c.json({ report: 'received' }, 202);
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
    const result = await submitComment(options, input, { address: options.clientAddress(c.req, c.env), idempotencyKey: key });
    if (result.kind === 'invalid' || result.kind === 'unstorable') {
      const fields = result.kind === 'invalid' ? messagesFor(result.codes) : result.fields;
      return errorResponse(c, 400, 'validation', 'Some fields need correcting.', { fields });
    }
    if (result.kind === 'not-open') {
      const strings = stringsFor(c.req.header('Accept-Language'));
      return errorResponse(c, 409, refusalCode(result.consultation), refusalMessage(result.consultation, strings), {
        details: { opensAt: result.consultation.opensAt, closesAt: result.consultation.closesAt },
      });
    }
    if (result.kind === 'rate-limited') {
      return errorResponse(c, 429, 'rate_limited', `Too many comments in a short time. Try again in ${result.retryAfter} seconds.`, {
        headers: { 'Retry-After': String(result.retryAfter) },
      });
    }
    if (result.kind === 'removed') {
      return errorResponse(
        c,
        410,
        'response_removed',
        'This comment was received earlier and has since been removed by the moderators; it has not been stored again.',
      );
    }
    if (result.kind === 'conflict') {
      return errorResponse(c, 422, 'idempotency_conflict', 'This Idempotency-Key was already used for a different comment.');
    }
    c.header('Cache-Control', 'no-store');
    c.header('Content-Type', 'application/json; charset=utf-8');
    if (result.replayed) c.header('Idempotent-Replayed', 'true');
    return c.body(result.answer, 201);
  });
}
