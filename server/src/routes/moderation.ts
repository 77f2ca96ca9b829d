import type { Hono } from 'hono';
import { createHash } from 'node:crypto';
import {
  AuditQuery,
  auditCsv,
  CampaignStatusUpdate,
  ConsultationInput,
  EraseRequest,
  OfficialCommentInput,
  OutcomeInput,
  pageId,
  publicComment,
  sectionId,
  ExportQuery,
  fieldsOf,
  ModerationComment,
  normaliseReference,
  ModerationQuery,
  StatusUpdate,
  limits,
  type AuditEntry,
  type AuditPage,
  type ModerationPage,
  type Overview,
  isPublic,
  mayTakeStatus,
  optionsTakenAway,
  optionInUseMessage,
  type SectionQuestion,
  type QuestionOf,
  type VersionFrom,
  sectionNamed,
  versionNow,
  MoveInput,
  type MovedThread,
  type OrphanedThreads,
} from 'civic-comments/contract';
import type { Storage } from '../storage/storage.js';
import { consultExport } from '../consult-export.js';
import { csvExport, jsonExport, streamOf } from '../export-stream.js';
import { overviewOf } from '../overview.js';
import { moderationConsultation, storedDate } from '../consultations.js';
import type { AppOptions } from '../context.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { moderatorSignedIn, roleAllows } from '../http/auth.js';
import { RateLimiter } from '../http/rate-limit.js';
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
const fileSlug = (page: string | undefined) => (page ?? 'all-pages').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'home';

export function moderationRoutes(app: Hono, options: AppOptions): void {
  const { storage } = options;
  // Wrong tokens are counted by the token tried from an address, so that one person's stale or
  // mistyped token holds back only that token, not every colleague behind the office's one address;
  // and, ten times more loosely, by the address alone, so that guessing many tokens is held back too.
  const { signInLimiter } = options;
  const addressLimiter = new RateLimiter(signInLimiter.limit * 10, {
    counter: signInLimiter.counter,
    windowMs: signInLimiter.windowMs,
    name: `${signInLimiter.name}-address`,
  });

  app.use('/api/v1/moderation/*', async (c, next) => {
    const address = options.clientAddress(c.req, c.env);
    const authorization = c.req.header('Authorization') ?? '';
    const tokenTried = `${address} ${createHash('sha256').update(authorization).digest('base64url').slice(0, 16)}`;
    const throttled = (wait: number) =>
      errorResponse(c, 429, 'too_many_sign_ins', `Too many wrong moderator tokens from this address. Try again in ${wait} seconds.`, {
        headers: { 'Retry-After': String(wait) },
      });
    // Checked before the token, so that a guesser held back learns nothing, even from a right guess.
    const waiting = Math.max(await signInLimiter.retryAfter(tokenTried), await addressLimiter.retryAfter(address));
    if (waiting > 0) return throttled(waiting);
    const moderator = await moderatorSignedIn(authorization, options.moderatorToken, storage);
    if (!moderator) {
      const wait = Math.max(await signInLimiter.take(tokenTried), await addressLimiter.take(address));
      if (wait > 0) return throttled(wait);
      return errorResponse(c, 401, 'unauthorized', 'Moderation needs a moderator’s token: send "Authorization: Bearer <token>".', {
        headers: { 'WWW-Authenticate': 'Bearer' },
      });
    }
    if (!roleAllows(moderator.role, c.req.method, c.req.path)) {
      return errorResponse(
        c,
        403,
        'forbidden_role',
        `A${moderator.role === 'analyst' ? 'n' : ''} ${moderator.role} may not do this: ask an administrator.`,
      );
    }
    c.set('moderator', moderator);
    await next();
    c.header('Cache-Control', 'no-store');
  });

  app.get('/api/v1/moderation/me', (c) => c.json({ moderator: c.get('moderator') }));

  app.get('/api/v1/moderation/audit', async (c) => {
    const query = AuditQuery.safeParse(c.req.query());
    if (!query.success) {
      return errorResponse(
        c,
        400,
        'invalid_query',
        'The filters are not valid: moderator, action, page, comment, format (json or csv), limit and cursor are allowed.',
      );
    }
    const { cursor, limit = moderationLimitDefault, format = 'json', comment, ...filter } = query.data;
    // The audit log's cursors are of its own: "audit" and an entry's number, which both databases compare as a number.
    const decoded = cursor ? decodeCursor(cursor) : undefined;
    const before = decoded?.createdAt === 'audit' && /^[1-9]\d{0,15}$/.test(decoded.id) ? decoded.id : undefined;
    if (cursor && !before) return errorResponse(c, 400, 'invalid_cursor', 'The cursor is not one this server gave out.');
    // A reference may come in any case and spacing, like the queue's filter.
    const about = comment === undefined ? {} : { comment: normaliseReference(comment) ?? comment };
    if (format === 'csv') {
      const entries: AuditEntry[] = [];
      let next: string | null | undefined;
      do {
        const result = await storage.listAudit({ ...filter, ...about }, limits.moderationLimitMax, next ?? undefined);
        entries.push(...result.items);
        next = result.next;
      } while (next);
      c.header('Content-Disposition', `attachment; filename="audit-log-${new Date().toISOString().slice(0, 10)}.csv"`);
      c.header('Content-Type', 'text/csv; charset=utf-8');
      return c.body(`\uFEFF${auditCsv(entries)}`);
    }
    const result = await storage.listAudit({ ...filter, ...about }, Math.min(limit, limits.moderationLimitMax), before);
    return c.json({
      entries: result.items,
      nextCursor: result.next && encodeCursor({ createdAt: 'audit', id: result.next }),
      total: result.total,
      moderators: result.moderators,
    } satisfies AuditPage);
  });

  app.get('/api/v1/moderation/comments', async (c) => {
    const query = ModerationQuery.safeParse(c.req.query());
    if (!query.success) {
      return errorResponse(
        c,
        400,
        'invalid_query',
        'The filters are not valid: status, visibility, page, section, reference, email, receipt, reported, campaign, limit and cursor are allowed.',
      );
    }
    const { cursor, limit = moderationLimitDefault, reference: typed, reported, ...rest } = query.data;
    // A reference read out over the phone may come in any case and spacing; one that cannot be one matches nothing.
    const filter = {
      ...rest,
      reported: reported === 'true',
      ...(typed !== undefined && { reference: normaliseReference(typed) ?? typed }),
    };
    const before = cursor ? decodeCursor(cursor) : undefined;
    if (cursor && !before) return errorResponse(c, 400, 'invalid_cursor', 'The cursor is not one this server gave out.');
    const result = await storage.listForModeration(filter, Math.min(limit, limits.moderationLimitMax), before);
    return c.json({
      comments: result.items.map((comment) => ModerationComment.parse(comment)),
      nextCursor: encodeCursor(result.next),
      total: result.total,
      statusCounts: result.statusCounts,
      reportedCount: result.reportedCount,
    } satisfies ModerationPage);
  });

  app.patch('/api/v1/moderation/comments/:id', async (c) => {
    const update = StatusUpdate.safeParse(await jsonBody(c.req));
    if (!update.success) {
      return errorResponse(c, 400, 'validation', 'Send { "status": "published" | "rejected" | "spam" }.', {
        fields: { status: 'Choose published, rejected or spam' },
      });
    }
    const found = await storage.find(c.req.param('id'));
    if (found && !mayTakeStatus(found, update.data.status)) {
      return errorResponse(
        c,
        409,
        'private_response',
        'This response was sent privately to the department: it is never published. Reject it or keep it as it is.',
      );
    }
    const comment = await storage.setStatus(c.req.param('id'), update.data.status, c.get('moderator').name);
    if (!comment) return errorResponse(c, 404, 'not_found', 'There is no comment with this id.');
    return c.json({ comment: ModerationComment.parse(comment) });
  });

  // A campaign's responses decided at once. Approval publishes only text the moderator was shown.
  app.patch('/api/v1/moderation/campaigns/:campaign', async (c) => {
    const update = CampaignStatusUpdate.safeParse(await jsonBody(c.req));
    if (!update.success) {
      return errorResponse(
        c,
        400,
        'validation',
        'Send { "status": "published" | "rejected" | "spam", "from"?: "<the status of the responses to change>", "seen"?: ["<id>", …] }.',
        {
          fields: { status: 'Choose published, rejected or spam' },
        },
      );
    }
    if (update.data.status === 'published' && !update.data.seen) {
      return errorResponse(
        c,
        400,
        'validation',
        'Approving a campaign needs "seen": the ids of the responses whose text was shown; only responses with the same text are published.',
        {
          fields: { seen: 'Read the responses before approving them' },
        },
      );
    }
    const campaign = c.req.param('campaign');
    const decided = await storage.setCampaignStatus(campaign, update.data, c.get('moderator').name);
    const { total } = await storage.listForModeration({ campaign }, 1);
    if (!total) return errorResponse(c, 404, 'not_found', 'There is no campaign with this id.');
    return c.json({ campaign, ...decided });
  });

  app.delete('/api/v1/moderation/comments/:id', async (c) => {
    const removed = await storage.remove(c.req.param('id'), c.get('moderator').name);
    if (!removed) return errorResponse(c, 404, 'not_found', 'There is no comment with this id.');
    return c.body(null, 204);
  });

  app.get('/api/v1/moderation/export', async (c) => {
    const query = ExportQuery.safeParse(c.req.query());
    if (!query.success) return errorResponse(c, 400, 'invalid_query', 'Use ?page=<page>&format=csv, format=json or format=consult.');
    const { page, format = 'csv' } = query.data;
    if (format === 'consult' && !page) {
      return errorResponse(c, 400, 'invalid_query', 'A Consult export is of one consultation: add ?page=<page>.');
    }
    // One consultation's record, read once, serves the questions and the Consult zip alike.
    const consultations = page ? [await storage.getConsultation(page)] : await storage.listConsultations();
    const questionOf: QuestionOf = (response) =>
      consultations.find((each) => each?.page === response.page)?.sections.find((section) => section.id === response.section)?.question;
    // When each wording a response answered was published, read once for every section that has had one.
    const published = new Map<string, string>();
    for (const consultation of consultations)
      for (const section of consultation?.sections ?? [])
        if (section.versions)
          for (const version of await storage.sectionVersions(consultation!.page, section.id))
            published.set(`${consultation!.page}\n${section.id}\n${version.version}`, version.from);
    const versionFrom: VersionFrom = ({ page, section, version }) => published.get(`${page}\n${section}\n${version}`);
    const day = new Date().toISOString().slice(0, 10);
    if (format === 'consult') {
      c.header('Content-Disposition', `attachment; filename="consult-${fileSlug(page)}-${day}.zip"`);
      c.header('Content-Type', 'application/zip');
      return c.body(
        streamOf(
          consultExport(() => storage.consultReader(page!), consultations[0]),
          'a Consult export',
        ),
      );
    }
    c.header('Content-Disposition', `attachment; filename="responses-${fileSlug(page)}-${day}.${format}"`);
    // Written as read, a batch at a time: the download starts at once, whatever the size.
    const batches = storage.exportBatches(page);
    if (format === 'json') {
      c.header('Content-Type', 'application/json');
      return c.body(streamOf(jsonExport(batches, page ?? null, new Date().toISOString(), { questionOf, versionFrom }), 'a JSON export'));
    }
    c.header('Content-Type', 'text/csv; charset=utf-8');
    return c.body(streamOf(csvExport(batches, { questionOf, versionFrom }), 'a CSV export'));
  });

  app.post('/api/v1/moderation/erase', async (c) => {
    const request = EraseRequest.safeParse(await jsonBody(c.req));
    if (!request.success) {
      return errorResponse(c, 400, 'validation', 'Send { "email": "<the person’s email address>" }.', {
        fields: { email: 'Enter the email address of the person whose data should be erased' },
      });
    }
    return c.json({ erased: await storage.erase(request.data.email, c.get('moderator').name) });
  });

  app.get('/api/v1/moderation/overview', async (c) => {
    const page = c.req.query('page');
    if (!page || !pageId.safeParse(page).success) {
      return errorResponse(c, 400, 'invalid_query', 'The "page" query parameter is required: the page whose consultation to show.');
    }
    const [counts, answers, consultations] = await Promise.all([
      storage.overviewCounts(page),
      storage.overviewAnswers(page),
      storage.listConsultations(),
    ]);
    const record = consultations.find((consultation) => consultation.page === page);
    return c.json(overviewOf(page, record, counts, answers) satisfies Overview);
  });

  app.get('/api/v1/moderation/consultations', async (c) => {
    const now = Date.now();
    return c.json({ consultations: (await storage.listConsultations()).map((record) => moderationConsultation(record, now)) });
  });

  app.put('/api/v1/moderation/consultations/:page', async (c) => {
    const page = c.req.param('page');
    if (!pageId.safeParse(page).success)
      return errorResponse(c, 400, 'invalid_page', `The page in the path must be 1 to ${limits.pageMax} characters.`);
    const input = ConsultationInput.safeParse(await jsonBody(c.req));
    if (!input.success) {
      return errorResponse(c, 400, 'validation', 'Some fields of the consultation need correcting.', {
        fields: fieldsOf(input.error.issues),
      });
    }
    const { title, opensAt, closesAt, department, askOrganisation, contactEmail, sections, showAnswerCounts } = input.data;
    const inUse = await optionsInUse(storage, page, sections ?? []);
    if (inUse) {
      const message = optionInUseMessage(inUse.option, inUse.section);
      return errorResponse(c, 409, 'option_in_use', message, { fields: { [inUse.field]: message } });
    }
    await storage.putConsultation(
      {
        page,
        title,
        opensAt: storedDate(opensAt),
        closesAt: storedDate(closesAt),
        department: department ?? null,
        askOrganisation: askOrganisation ?? false,
        contactEmail: contactEmail || null,
        sections: sections ?? [],
        showAnswerCounts: showAnswerCounts ?? false,
        updatedAt: new Date().toISOString(),
      },
      c.get('moderator').name,
    );
    const saved = (await storage.listConsultations()).find((record) => record.page === page)!;
    return c.json({ consultation: moderationConsultation(saved) });
  });

  // Threads no section of the consultation names: responses stored under a heading's slug before the
  // record knew the heading had changed. Found from what is stored, never from what a page says.
  app.get('/api/v1/moderation/consultations/:page/orphans', async (c) => {
    const page = c.req.param('page');
    const consultation = pageId.safeParse(page).success ? await storage.getConsultation(page) : undefined;
    if (!consultation) return errorResponse(c, 404, 'not_found', 'There is no consultation on this page.');
    const stored = await storage.storedSections(page);
    const orphans = stored
      .filter(({ section }) => !sectionNamed(consultation.sections, section))
      .sort((a, b) => (a.newest < b.newest ? 1 : -1));
    return c.json({ orphans } satisfies OrphanedThreads);
  });

  // Moves an orphaned thread into one of the consultation's sections: logged, and every response
  // keeps its reference, campaign, reports and answers.
  app.post('/api/v1/moderation/consultations/:page/orphans/:section/move', async (c) => {
    const { page, section } = c.req.param();
    const consultation = pageId.safeParse(page).success ? await storage.getConsultation(page) : undefined;
    if (!consultation) return errorResponse(c, 404, 'not_found', 'There is no consultation on this page.');
    const input = MoveInput.safeParse(await jsonBody(c.req));
    if (!input.success)
      return errorResponse(c, 400, 'validation', 'Send { "to": "<a section of the consultation>" }.', {
        fields: fieldsOf(input.error.issues),
      });
    if (sectionNamed(consultation.sections, section))
      return errorResponse(
        c,
        409,
        'not_orphaned',
        `"${section}" is a section of this consultation, or one of its aliases: its thread is not orphaned.`,
      );
    const to = consultation.sections.find((each) => each.id === input.data.to);
    if (!to)
      return errorResponse(c, 400, 'validation', 'Move the thread to one of the consultation’s sections.', {
        fields: { to: 'Select one of the consultation’s sections' },
      });
    const moved = await storage.moveSection(page, section, to.id, c.get('moderator').name);
    if (!moved) return errorResponse(c, 404, 'not_found', 'There are no responses under that section of this page.');
    return c.json({ moved } satisfies MovedThread);
  });

  // The department's own response: published at once under its name, whatever the consultation's state.
  app.post('/api/v1/moderation/comments', async (c) => {
    const input = OfficialCommentInput.safeParse(await jsonBody(c.req));
    if (!input.success) {
      return errorResponse(c, 400, 'validation', 'Send { page, section, parentId?, body }.', { fields: fieldsOf(input.error.issues) });
    }
    const { page, parentId, body } = input.data;
    const consultation = await storage.getConsultation(page);
    const named = sectionNamed(consultation?.sections, input.data.section);
    const section = named?.id ?? input.data.section;
    if (!consultation?.department) {
      return errorResponse(
        c,
        409,
        'department_missing',
        'Name the consultation’s department first: official responses are published in its name.',
      );
    }
    if (parentId) {
      const parent = await storage.find(parentId);
      if (!parent || parent.page !== page || parent.section !== section || !isPublic(parent)) {
        return errorResponse(c, 400, 'validation', 'The comment replied to is not a published comment of this section.', {
          fields: { parentId: 'Reply to a published comment of the same section' },
        });
      }
    }
    const comment = await storage.createOfficial(
      {
        page,
        section,
        parentId: parentId ?? null,
        name: consultation.department,
        email: '',
        body,
        visibility: 'public',
        status: 'published',
        role: 'official',
        version: versionNow(named),
      },
      c.get('moderator').name,
    );
    return c.json({ comment: publicComment(comment) }, 201);
  });

  app.put('/api/v1/moderation/outcomes/:page/:section', async (c) => {
    const { page, section } = c.req.param();
    if (!pageId.safeParse(page).success || !sectionId.safeParse(section).success) {
      return errorResponse(
        c,
        400,
        'invalid_section',
        `The page and section in the path must be 1 to ${limits.pageMax} and 1 to ${limits.sectionMax} characters.`,
      );
    }
    const input = OutcomeInput.safeParse(await jsonBody(c.req));
    if (!input.success) {
      return errorResponse(c, 400, 'validation', 'Send { "body": "<what the department did with this section’s comments>" }.', {
        fields: { body: 'Enter what the department did with the comments on this section' },
      });
    }
    return c.json({ outcome: await storage.putOutcome(page, section, input.data.body, c.get('moderator').name) });
  });
}

/** The first option that a change of a consultation's sections would take away although responses chose it. */
async function optionsInUse(
  storage: Storage,
  page: string,
  sections: { id: string; question?: SectionQuestion | null }[],
): Promise<{ section: string; option: string; field: string } | undefined> {
  const before = await storage.getConsultation(page);
  for (const { section, field, options } of optionsTakenAway(before?.sections ?? [], sections)) {
    const tallies = await storage.answerTallies(page, section);
    const option = options.find((each) => tallies.some((tally) => tally.options.includes(each)));
    if (option) return { section, option, field };
  }
  return undefined;
}
