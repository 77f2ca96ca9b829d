import * as z from 'zod/mini';
import {
  Overview,
  AuditPage,
  CampaignStatusUpdate,
  auditActions,
  CommentPage,
  Moderator,
  ConsultationInput,
  ConsultationList,
  OfficialCommentInput,
  OutcomeInput,
  ReportInput,
  PublicConsultation,
  SavedConsultation,
  SavedOutcome,
  Counts,
  CreatedComment,
  EraseRequest,
  EraseResult,
  limits,
  ErrorBody,
  ErrorCode,
  Health,
  ModerationComment,
  ModerationPage,
  NewComment,
  ConsultationChanges,
  MoveInput,
  MovedThread,
  OrphanedThreads,
  SectionVersions,
  StatusUpdate,
} from 'civic-comments/contract';

const schema = (type: z.core.$ZodType, io: 'input' | 'output' = 'output') =>
  z.toJSONSchema(type, { io, target: 'draft-2020-12', unrepresentable: 'any' });

const json = (type: z.core.$ZodType, io: 'input' | 'output' = 'output') => ({
  content: { 'application/json': { schema: schema(type, io) } },
});

/**
 * What a reader types is limited in characters as the reader sees them (grapheme clusters: a family
 * emoji is one), which JSON Schema's `maxLength`, in code points, cannot say: the limit is given as
 * `x-max-characters` and in words.
 */
function withCharacterLimits(body: ReturnType<typeof json>, fields: Record<string, number>) {
  const properties = (body.content['application/json'].schema as { properties?: Record<string, Record<string, unknown>> }).properties ?? {};
  for (const [field, max] of Object.entries(fields)) {
    const property = properties[field];
    if (!property) continue;
    const variants = Array.isArray(property.anyOf) ? (property.anyOf as Record<string, unknown>[]) : [property];
    for (const variant of variants.filter((each) => each.type === 'string')) {
      variant['x-max-characters'] = max;
      variant.description = `At most ${max.toLocaleString('en-GB')} characters after trimming, counted as a reader sees them (an emoji is one, however many code points make it).`;
    }
  }
  return body;
}
/** An error's body, its `error` one of the codes this server sends (clients should still expect others from a newer server). */
const error = (description: string) => ({ description, ...json(z.extend(ErrorBody, { error: ErrorCode })) });
const query = (name: string, description: string, required = false, extra: object = {}) => ({
  name,
  in: 'query',
  required,
  description,
  schema: { type: 'string', ...extra },
});
const moderated = {
  security: [{ moderatorToken: [] }],
  responses: {
    401: error('No or wrong moderator token'),
    403: error(
      'forbidden_role: outside the role of whoever signed in (a moderator neither exports, erases nor changes consultations; an analyst only reads)',
    ),
    429: error('Too many wrong tokens from this client, or this token tried too often'),
  },
};

/** The REST contract as OpenAPI 3.1, generated from the same zod schemas the server validates with. */
export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'civic-comments',
      version: '1',
      description: 'Per-section comments for public consultations. Emails and private submissions appear only in moderation routes.',
    },
    components: {
      securitySchemes: { moderatorToken: { type: 'http', scheme: 'bearer' } },
    },
    paths: {
      '/api/v1/health': {
        get: {
          summary: 'Health',
          responses: {
            200: { description: 'Running, the database answering', ...json(Health) },
            503: { description: 'The database is unreachable or read-only; see Retry-After', ...json(Health) },
          },
        },
      },
      '/api/v1/counts': {
        get: {
          summary: 'Published public comments per section of a page',
          parameters: [query('page', 'The page', true)],
          responses: { 200: { description: 'Counts', ...json(Counts) }, 304: { description: 'Not modified' }, 400: error('No page') },
        },
      },
      '/api/v1/comments': {
        get: {
          summary: "One page of a section's published comments, oldest first",
          parameters: [
            query('page', 'The page', true),
            query('section', 'The section', true),
            query('limit', 'At most this many (1–100, default 20)', false, { pattern: '^[0-9]+$' }),
            query('cursor', 'The nextCursor of the page before'),
          ],
          responses: {
            200: { description: 'Comments', ...json(CommentPage) },
            304: { description: 'Not modified' },
            400: error('Bad query'),
          },
        },
        post: {
          summary:
            'Send a comment: published with the name, published without it (anonymous), or private; as an individual or for an organisation (required when the consultation has askOrganisation)',
          parameters: [
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: false,
              schema: { type: 'string', maxLength: 200 },
              description: 'The same key with the same body is stored once',
            },
          ],
          requestBody: {
            required: true,
            ...withCharacterLimits(json(NewComment, 'input'), {
              name: limits.nameMax,
              organisation: limits.organisationMax,
              body: limits.bodyMax,
            }),
          },
          responses: {
            201: {
              description: 'Stored: pending, published or received, with the reference the respondent keeps (a retry gets the same one)',
              ...json(CreatedComment),
            },
            400: error('Fields need correcting: `fields` maps each to a message'),
            403: error('Origin not allowed'),
            413: error('Body over 64 KiB'),
            409: error(
              'The consultation is not open: `consultation_not_open` (before opensAt) or `consultation_closed` (after closesAt), with both dates and a message in the language of Accept-Language',
            ),
            410: error('The comment this Idempotency-Key stored has since been deleted; not stored again'),
            422: error('Idempotency-Key reused with another body'),
            429: error('Too many comments; see Retry-After'),
            503: error('The database is out of reach; see Retry-After'),
          },
        },
      },
      '/api/v1/consultations/{page}': {
        get: {
          summary: "A page's consultation, in its state by the server's clock",
          parameters: [{ name: 'page', in: 'path', required: true, schema: { type: 'string' }, description: 'The page, percent-encoded' }],
          responses: {
            200: { description: 'The consultation', ...json(PublicConsultation) },
            304: { description: 'Not modified' },
            404: error('The page has no consultation: it is always open'),
          },
        },
      },
      '/api/v1/consultations/{page}/changes': {
        get: {
          summary: "Every change of the page's sections' wordings, newest first, with what the department said changed",
          parameters: [{ name: 'page', in: 'path', required: true, schema: { type: 'string' }, description: 'The page, percent-encoded' }],
          responses: {
            200: { description: 'The change log', ...json(ConsultationChanges) },
            304: { description: 'Not modified' },
            404: error('The page has no consultation'),
          },
        },
      },
      '/api/v1/consultations/{page}/sections/{section}/versions': {
        get: {
          summary: "Every wording a section has had, oldest first, each with when it was current (`to` null for today's)",
          parameters: [
            { name: 'page', in: 'path', required: true, schema: { type: 'string' }, description: 'The page, percent-encoded' },
            {
              name: 'section',
              in: 'path',
              required: true,
              schema: { type: 'string' },
              description: "The section's id, or one of its aliases",
            },
          ],
          responses: {
            200: { description: 'The versions', ...json(SectionVersions) },
            304: { description: 'Not modified' },
            404: error('The page has no consultation, or the consultation no such section'),
          },
        },
      },
      '/api/v1/comments/{id}': {
        get: {
          summary: 'One published public comment, for permalinks',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            200: { description: 'The comment', ...json(CreatedComment) },
            304: { description: 'Not modified' },
            404: error('No published comment with this id'),
          },
        },
      },
      '/api/v1/comments/{id}/reports': {
        post: {
          summary: 'Report a published comment to the moderators, with a reason if the reader gives one',
          description:
            'Counted once per reader (known by a keyed hash of their address). When the reports since a moderator last decided on the comment reach REPORTS_TO_HIDE, it leaves public view until a moderator decides. The answer is the same whether or not the report counted.',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          requestBody: { required: false, ...withCharacterLimits(json(ReportInput, 'input'), { reason: limits.reportReasonMax }) },
          responses: {
            202: { description: 'Received', ...json(z.object({ report: z.literal('received') })) },
            400: error('A reason over 500 characters, or a body that is not JSON'),
            404: error('No published public comment with this id'),
            429: error('Too many reports from this client; Retry-After says when to try again'),
          },
        },
      },
      '/api/v1/moderation/comments': {
        get: {
          summary: 'Everything, newest first, private submissions and emails included',
          parameters: [
            ...['status', 'page', 'section', 'visibility', 'limit', 'cursor'].map((name) => query(name, `Filter or page by ${name}`)),
            query('reference', 'The response with this reference, such as CC-7K3M-Q9TX; case, spaces and look-alike letters do not matter'),
            query('email', 'Only responses sent from this address, whatever its case'),
            query('reported', 'true: only comments readers have reported since a moderator last decided on them', false, {
              enum: ['true'],
            }),
            query(
              'campaign',
              "Only this campaign's responses, one by one; without it, each campaign is listed once as its newest response, with shownTogether and campaignSize",
            ),
            query('receipt', 'Responses whose emailed receipt is pending, sent or failed', false, { enum: ['pending', 'sent', 'failed'] }),
          ],
          ...moderated,
          responses: { 200: { description: 'The queue', ...json(ModerationPage) }, ...moderated.responses },
        },
        post: {
          summary:
            "Publish the department's own response (a reply or a top-level comment), at once and in its name, whatever the consultation's state",
          ...moderated,
          requestBody: { required: true, ...json(OfficialCommentInput, 'input') },
          responses: {
            201: { description: 'Published, with role "official"', ...json(CreatedComment) },
            400: error('Fields need correcting, or the comment replied to is not a published comment of the section'),
            409: error('The consultation has no department to publish in the name of (`department_missing`)'),
            ...moderated.responses,
          },
        },
      },
      '/api/v1/moderation/consultations': {
        get: {
          summary: 'Every consultation, most recently changed first, with its responses counted by status',
          ...moderated,
          responses: { 200: { description: 'The consultations', ...json(ConsultationList) }, ...moderated.responses },
        },
      },
      '/api/v1/moderation/consultations/{page}/orphans': {
        get: {
          summary: 'Threads no section of the consultation names (responses stored under an id it does not know), newest first',
          parameters: [{ name: 'page', in: 'path', required: true, schema: { type: 'string' }, description: 'The page, percent-encoded' }],
          responses: {
            200: { description: 'The orphaned threads', ...json(OrphanedThreads) },
            401: error('No moderator token, or a wrong one'),
            404: error('The page has no consultation'),
          },
        },
      },
      '/api/v1/moderation/consultations/{page}/orphans/{section}/move': {
        post: {
          summary:
            "Move an orphaned thread into one of the consultation's sections, logged; every response keeps its reference, campaign, reports and answers",
          parameters: [
            { name: 'page', in: 'path', required: true, schema: { type: 'string' }, description: 'The page, percent-encoded' },
            { name: 'section', in: 'path', required: true, schema: { type: 'string' }, description: 'The orphaned section id' },
          ],
          requestBody: { required: true, ...json(MoveInput, 'input') },
          responses: {
            200: { description: 'How many responses moved', ...json(MovedThread) },
            400: error('`to` is not a section of the consultation'),
            401: error('No moderator token, or a wrong one'),
            403: error('An analyst may not move threads'),
            404: error('No consultation, or no responses under that section'),
            409: error('The section is one the consultation names: not orphaned'),
          },
        },
      },
      '/api/v1/moderation/consultations/{page}': {
        put: {
          summary: "Create or replace a page's consultation; moving closesAt extends or reopens it at once",
          parameters: [{ name: 'page', in: 'path', required: true, schema: { type: 'string' }, description: 'The page, percent-encoded' }],
          ...moderated,
          requestBody: { required: true, ...json(ConsultationInput, 'input') },
          responses: {
            200: { description: 'Saved', ...json(SavedConsultation) },
            400: error('Fields need correcting'),
            409: error(
              'The change would remove or reword an option of a question that responses chose, or drop its section (`option_in_use`); `fields` names it',
            ),
            ...moderated.responses,
          },
        },
      },
      '/api/v1/moderation/outcomes/{page}/{section}': {
        put: {
          summary: "Publish or replace what the department did with a section's comments",
          parameters: [
            { name: 'page', in: 'path', required: true, schema: { type: 'string' }, description: 'The page, percent-encoded' },
            { name: 'section', in: 'path', required: true, schema: { type: 'string' } },
          ],
          ...moderated,
          requestBody: { required: true, ...json(OutcomeInput, 'input') },
          responses: { 200: { description: 'Saved', ...json(SavedOutcome) }, 400: error('No text'), ...moderated.responses },
        },
      },
      '/api/v1/moderation/comments/{id}': {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        patch: {
          summary: 'Publish, reject or mark as spam',
          ...moderated,
          requestBody: { required: true, ...json(StatusUpdate, 'input') },
          responses: {
            200: { description: 'Updated', ...json(z.object({ comment: ModerationComment })) },
            404: error('No such comment'),
            ...moderated.responses,
          },
        },
        delete: {
          summary: 'Delete a comment',
          ...moderated,
          responses: { 204: { description: 'Deleted' }, 404: error('No such comment'), ...moderated.responses },
        },
      },
      '/api/v1/moderation/export': {
        get: {
          summary:
            'Every response with its reference, section, role (reader or official), status, visibility, respondent, organisation, language, dates (receivedAt in UK time), name and email',
          parameters: [
            query('page', 'Only this page (required for consult)'),
            query(
              'format',
              'csv (default), json, or consult: a zip in the input layout of Consult, the UK government’s analysis tool',
              false,
              { enum: ['csv', 'json', 'consult'] },
            ),
          ],
          ...moderated,
          responses: {
            200: {
              description:
                "A CSV (RFC 4180, formulas defused) or JSON file, each response with its section's question and its answer, or a zip of respondents.jsonl and question_part_<n>/question.json, responses.jsonl and multi_choice.jsonl",
            },
            400: error('A format it does not know, or consult without a page'),
            ...moderated.responses,
          },
        },
      },
      '/api/v1/moderation/erase': {
        post: {
          summary: "Remove a person's name and email from all their responses",
          ...moderated,
          requestBody: { required: true, ...json(EraseRequest, 'input') },
          responses: { 200: { description: 'How many responses were touched', ...json(EraseResult) }, ...moderated.responses },
        },
      },
      '/api/v1/moderation/campaigns/{campaign}': {
        patch: {
          summary:
            "Decides a campaign's responses (only those in status `from`, when given); approval needs `seen`, the responses whose text the moderator was shown, and publishes only pending public responses with the same text; each change is in the audit log",
          parameters: [{ name: 'campaign', in: 'path', required: true, schema: { type: 'string' } }],
          ...moderated,
          requestBody: { required: true, ...json(CampaignStatusUpdate, 'input') },
          responses: {
            200: {
              description: 'How many responses changed, and how many approval left pending because their text differs from every one seen',
              ...json(z.object({ campaign: z.string(), changed: z.number(), unseen: z.number() })),
            },
            400: error('A status that is not published, rejected or spam, or an approval without seen'),
            404: error('No campaign with this id'),
            ...moderated.responses,
          },
        },
      },
      '/api/v1/moderation/overview': {
        get: {
          summary:
            "A consultation's shape: its state and dates, and its responses by section (public, anonymous, private, pending), by day (UK dates), by respondent type and by language",
          parameters: [query('page', 'The consultation’s page', true)],
          ...moderated,
          responses: { 200: { description: 'The overview', ...json(Overview) }, 400: error('No page'), ...moderated.responses },
        },
      },
      '/api/v1/moderation/me': {
        get: {
          summary: 'Who the token belongs to: the administrator (MODERATOR_TOKEN) or a moderator added by name',
          ...moderated,
          responses: {
            200: { description: 'The moderator signed in', ...json(z.object({ moderator: Moderator })) },
            ...moderated.responses,
          },
        },
      },
      '/api/v1/moderation/audit': {
        get: {
          summary: 'The audit log, newest first: when, who, what, on which response, from and to',
          parameters: [
            query('moderator', 'Only what this moderator did (any case)'),
            query('action', 'Only this action', false, { enum: [...auditActions] }),
            query('page', 'Only this page'),
            query('comment', 'Only this response: its id or reference'),
            query('format', 'json (default) or csv, which holds every matching entry', false, { enum: ['json', 'csv'] }),
            query('limit', 'Entries per page (default 50, at most 500)'),
            query('cursor', 'nextCursor of the page before'),
          ],
          ...moderated,
          responses: {
            200: { description: 'A page of the log, or all of it as CSV', ...json(AuditPage) },
            400: error('A filter that is not valid'),
            ...moderated.responses,
          },
        },
      },
    },
  };
}
