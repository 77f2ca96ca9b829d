import * as z from 'zod/mini';
import { Counts, type Comment, type CommentPage, type CommentStatus, type NewCommentInput } from '../../contract/public.js';
import { validationMessages } from '../../i18n/en/validation.js';
import { messagesFor, validateNewComment } from '../../contract/validate.js';
import { newIdempotencyKey } from '../../internal/idempotency-key.js';
import type { CommentsBackend, ListCommentsRequest, PostedComment, PostOptions, RequestOptions } from '../backend.js';
import { CivicCommentsError, ConsultationClosedError, RateLimitedError, ValidationFailedError } from '../errors.js';
import { absoluteEndpoint, apiClient, checked, explain, HTTPError, refusalBody, type ApiClient, type Schema } from '../rest/client.js';

/** The `civic` field the companion plugin adds to each comment of a consultation post. */
const CivicField = /* @__PURE__ */ z.object({
  section: z.string(),
  visibility: z.nullable(z.string()),
  organisation: z.nullable(z.string()),
  text: z.string(),
  official: z.boolean(),
});

/** A comment as WordPress's REST API sends it, the fields the elements read. */
const WordPressComment = /* @__PURE__ */ z.object({
  id: z.number(),
  post: z.number(),
  parent: z.number(),
  author_name: z.string(),
  date_gmt: z.string(),
  status: z.string(),
  civic: z.nullable(CivicField),
});
type WordPressComment = z.infer<typeof WordPressComment>;

/**
 * The plugin's counts also name the post, so that a slug is looked up once. (Spelt out rather than
 * extended from `Counts`: zod's `extend` would land in the reader's script, which holds zod's core.)
 */
const PostCounts = /* @__PURE__ */ z.object({ ...Counts.shape, post: z.number() });

/** What WordPress sends with an error: a code, a message and, for bad parameters, which ones. */
const WordPressError = /* @__PURE__ */ z.object({
  code: z.string(),
  message: z.optional(z.string()),
  data: z.optional(z.nullable(z.object({ params: z.optional(z.catchall(z.object({}), z.string())) }))),
});

/** Only what the elements read: WordPress leaves the rest out of its answer. */
const _fields = 'id,post,parent,author_name,date_gmt,status,civic';

/** WordPress's comment statuses, as the contract names them. */
const statuses: Record<string, CommentStatus> = { approved: 'published', hold: 'pending', spam: 'spam', trash: 'rejected' };

export interface WordPressBackendOptions {
  /** The WordPress site, such as `https://www.example.gov.uk/`; its REST API is at `wp-json/` below it. */
  endpoint: string;
  /** Milliseconds before a request is given up. Default: 10 seconds. */
  timeout?: number;
  /** How often a failed read is tried again. Default: 2. */
  retries?: number;
}

/**
 * Section threads kept as comments in a WordPress site, through its REST API
 * (`/wp-json/wp/v2/comments`) and the companion plugin in this repository's `wordpress/` folder,
 * which adds sections, visibility and counts. `page` names a post or page by id or by slug.
 * Moderators approve, reject and answer responses in WordPress's own Comments screen.
 */
export class WordPressBackend implements CommentsBackend {
  /** The plugin keeps no closed questions, so the element asks none on a WordPress page. */
  readonly capabilities = { questions: false, versions: false } as const;
  /** The site's REST API root, ending in `wp-json/`. */
  readonly endpoint: string;
  #api: ApiClient;
  /** Post ids by the `page` the elements name, and the page each post was named by. */
  #posts = new Map<string, Promise<number>>();
  #pages = new Map<number, string>();

  constructor(options: WordPressBackendOptions) {
    const site = absoluteEndpoint(options.endpoint);
    this.endpoint = /\/wp-json\/$/.test(site) ? site : `${site}wp-json/`;
    this.#api = apiClient(this.endpoint, { ...options, root: './' });
  }

  #call<T>(path: string, schema: Schema<T>, send: () => Promise<Response>, input?: NewCommentInput): Promise<T> {
    const where = `WordPress at ${this.endpoint}${path.split('?')[0]}`;
    return checked(where, schema, send, (place, error) => explainWordPress(place, error, input));
  }

  /** The id of the post `page` names: itself when it is a number, else found once through the plugin's counts. */
  #postId(page: string, signal?: AbortSignal): Promise<number> {
    if (/^\d+$/.test(page)) {
      this.#pages.set(Number(page), page);
      return Promise.resolve(Number(page));
    }
    let found = this.#posts.get(page);
    if (!found) {
      found = this.#counts(page, signal).then((counts) => counts.post);
      found.catch(() => this.#posts.delete(page));
      this.#posts.set(page, found);
    }
    return found;
  }

  async #counts(page: string, signal?: AbortSignal) {
    const counts = await this.#call('civic-comments/v1/counts', PostCounts, () =>
      this.#api('civic-comments/v1/counts', { searchParams: { page }, signal }),
    );
    this.#pages.set(counts.post, page);
    this.#posts.set(page, Promise.resolve(counts.post));
    return counts;
  }

  #comment(found: WordPressComment, page = this.#pages.get(found.post) ?? String(found.post)): PostedComment {
    const civic = found.civic;
    if (!civic)
      throw new CivicCommentsError(
        `WordPress comment ${found.id} is not on a consultation post: tick "Consultation responses" on post ${found.post}.`,
      );
    const visibility = civic.visibility ?? 'public';
    return {
      id: String(found.id),
      page,
      section: civic.section,
      parentId: found.parent ? String(found.parent) : null,
      name: visibility === 'public' && found.author_name ? found.author_name : null,
      organisation: visibility === 'public' ? civic.organisation : null,
      body: civic.text,
      createdAt: `${found.date_gmt}Z`,
      status: visibility === 'private' ? 'received' : (statuses[found.status] ?? 'pending'),
      role: civic.official ? 'official' : 'reader',
    };
  }

  async listComments(request: ListCommentsRequest, options: RequestOptions = {}): Promise<CommentPage> {
    const post = await this.#postId(request.page, options.signal);
    const page = Number(request.cursor) || 1;
    const searchParams = {
      post,
      civic_section: request.section,
      order: 'asc',
      orderby: 'date_gmt',
      per_page: Math.min(request.limit ?? 50, 100),
      page,
      _fields,
    };
    let total = 0;
    let pages = 0;
    const found = await this.#call(`wp/v2/comments`, z.array(WordPressComment), async () => {
      const response = await this.#api('wp/v2/comments', { searchParams, signal: options.signal });
      total = Number(response.headers.get('X-WP-Total')) || 0;
      pages = Number(response.headers.get('X-WP-TotalPages')) || 0;
      return response;
    });
    return {
      comments: found.map((comment) => this.#comment(comment, request.page)),
      nextCursor: page < pages ? String(page + 1) : null,
      total,
    };
  }

  async getCounts(page: string, options: RequestOptions = {}): Promise<z.infer<typeof Counts>> {
    const { post: _post, ...counts } = await this.#counts(page, options.signal);
    return counts;
  }

  async getComment(id: string, options: RequestOptions = {}): Promise<Comment> {
    const path = `wp/v2/comments/${encodeURIComponent(id)}`;
    return this.#comment(
      await this.#call(path, WordPressComment, () => this.#api(path, { searchParams: { _fields }, signal: options.signal })),
    );
  }

  async postComment(comment: NewCommentInput, options: PostOptions = {}): Promise<PostedComment> {
    // The contract's checks first, so that every field wrong is named at once, as the reference
    // server names them: WordPress stops at the first it finds.
    const checkedComment = validateNewComment(comment);
    if (!checkedComment.success) throw new ValidationFailedError(messagesFor(checkedComment.codes));
    const post = await this.#postId(comment.page, options.signal);
    const created = await this.#call(
      'wp/v2/comments',
      WordPressComment,
      () =>
        this.#api('wp/v2/comments', {
          method: 'POST',
          searchParams: { _fields },
          json: {
            post,
            parent: comment.parentId ? Number(comment.parentId) : 0,
            author_name: comment.name,
            author_email: comment.email,
            content: wellFormed(comment.body),
            civic: {
              section: comment.section,
              visibility: comment.visibility,
              respondent: comment.respondent,
              organisation: comment.organisation || undefined,
              lang: comment.lang,
              website: comment.website || undefined,
            },
          },
          signal: options.signal,
          headers: { 'Idempotency-Key': options.idempotencyKey ?? newIdempotencyKey() },
        }),
      comment,
    );
    const stored = this.#comment(created, comment.page);
    // A form filler is told what anyone whose response waits is told.
    return stored.status === 'spam' ? { ...stored, status: 'pending' } : stored;
  }
}

/**
 * The text with any lone UTF-16 surrogate (half an emoji, left by a bad paste) made U+FFFD, as a
 * browser does when it encodes a form: PHP refuses JSON that holds one.
 */
export function wellFormed(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/**
 * Turns WordPress's refusals into the contract's errors, with the GOV.UK messages the form shows:
 * its 400s into field errors, its duplicate (409) into "already sent", its closed comments (403, or
 * the plugin's 409 `consultation_closed`) into a closed consultation, its flood check into "too
 * many"; anything else as the `rest` backend explains it.
 */
async function explainWordPress(where: string, error: unknown, input?: NewCommentInput): Promise<unknown> {
  if (!(error instanceof HTTPError)) return explain(where, error);
  // The plugin's own refusals (`consultation_closed`) have our server's shape, without a `code`,
  // and so are explained as the rest backend explains them.
  const refusal = WordPressError.safeParse(await refusalBody(error));
  if (!refusal.success) return explain(where, error);
  const { code, message = '', data } = refusal.data;
  const field = (name: keyof typeof validationMessages, why: string) =>
    new ValidationFailedError({ [name]: (validationMessages[name] as Record<string, string>)[why]! });
  switch (code) {
    case 'rest_comment_closed':
      return new ConsultationClosedError('closed', null, null, message);
    case 'comment_flood':
      return new RateLimitedError();
    case 'comment_duplicate':
      return field('body', 'duplicate');
    case 'rest_comment_content_invalid':
      return field('body', 'missing');
    case 'comment_content_column_length':
      return field('body', 'tooLong');
    case 'comment_author_column_length':
      return field('name', 'tooLong');
    case 'comment_author_email_column_length':
      return field('email', 'tooLong');
    case 'rest_comment_author_data_required':
      return field(input?.name?.trim() ? 'email' : 'name', 'missing');
    case 'rest_invalid_param': {
      const params = data?.params ?? {};
      if (params.author_email) return field('email', 'invalid');
      if (params.parent) return field('parentId', 'invalid');
      const civic = params.civic ?? '';
      if (/visibility/.test(civic)) return field('visibility', 'missing');
      if (/respondent/.test(civic)) return field('respondent', 'missing');
      if (/organisation/.test(civic)) return field('organisation', 'tooLong');
      break;
    }
    case 'rest_comment_login_required':
      return new CivicCommentsError(
        `${where} takes comments only from signed-in users: install the civic-comments plugin and tick "Consultation responses" on the post.`,
        { cause: error },
      );
    case 'rest_post_invalid_id':
    case 'rest_comment_invalid_post_id':
      return new CivicCommentsError(`${where} has no published post with that id: check the page attribute.`, { cause: error });
  }
  return explain(where, error);
}
