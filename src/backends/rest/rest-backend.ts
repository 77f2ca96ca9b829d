import ky, { HTTPError, type KyInstance } from 'ky';
import {
  CommentPage,
  Counts,
  CreatedComment,
  ErrorBody,
  validationMessages,
  type Comment,
  type NewCommentInput,
} from '../../contract/public.js';
import { newIdempotencyKey } from '../../internal/idempotency-key.js';
import type { CommentsBackend, ListCommentsRequest, PostOptions, RequestOptions } from '../backend.js';
import {
  BackendUnavailableError,
  CivicCommentsError,
  RateLimitedError,
  ResponseShapeError,
  ValidationFailedError,
} from '../errors.js';

export interface RestBackendOptions {
  /** The server's base URL, such as `https://comments.example.gov.uk`; `/api/v1/…` is added to it. */
  endpoint: string;
  /** Milliseconds before a request is given up. Default: 10 seconds. */
  timeout?: number;
  /** How often a failed read is tried again. Writes are never retried here: the form's idempotency key makes its own retries safe. Default: 2. */
  retries?: number;
}

interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
}

/**
 * The backend of the reference server, and of any server that keeps its REST contract. Every
 * answer is checked against the contract; an answer of another shape is a `ResponseShapeError`.
 */
export class RestBackend implements CommentsBackend {
  readonly endpoint: string;
  #api: KyInstance;

  constructor(options: RestBackendOptions) {
    const base = globalThis.document?.baseURI ?? globalThis.location?.href;
    this.endpoint = new URL(options.endpoint.replace(/\/*$/, '/'), base).href;
    this.#api = ky.create({
      prefixUrl: new URL('api/v1/', this.endpoint).href,
      timeout: options.timeout, // ky's default: 10 seconds
      retry: { limit: options.retries ?? 2, methods: ['get'] },
      // Revalidate with the server's ETag on every read: a reader who just commented, or reloads
      // after a moderator acted, sees the thread as it is now; an unchanged thread costs a 304.
      cache: 'no-cache',
    });
  }

  listComments(request: ListCommentsRequest, options: RequestOptions = {}): Promise<CommentPage> {
    const searchParams: Record<string, string> = { page: request.page, section: request.section };
    if (request.limit) searchParams.limit = String(request.limit);
    if (request.cursor) searchParams.cursor = request.cursor;
    return this.#call('comments', CommentPage, () => this.#api.get('comments', { searchParams, signal: options.signal }));
  }

  getCounts(page: string, options: RequestOptions = {}): Promise<Counts> {
    return this.#call('counts', Counts, () => this.#api.get('counts', { searchParams: { page }, signal: options.signal }));
  }

  async postComment(comment: NewCommentInput, options: PostOptions = {}): Promise<Comment> {
    const created = await this.#call('comments', CreatedComment, () =>
      this.#api.post('comments', {
        json: comment,
        signal: options.signal,
        retry: 0,
        headers: { 'Idempotency-Key': options.idempotencyKey ?? newIdempotencyKey() },
      }),
    );
    return created.comment;
  }

  async #call<T>(path: string, schema: Schema<T>, send: () => Promise<Response>): Promise<T> {
    const where = `${this.endpoint}api/v1/${path}`;
    let body: unknown;
    try {
      body = await (await send()).json();
    } catch (error) {
      throw await explain(where, error);
    }
    const parsed = schema.safeParse(body);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    throw new ResponseShapeError(`${where} sent data that breaks the contract (${issue?.path.join('.')}: ${issue?.message})`);
  }
}

/** Turns what went wrong with a request into the error that tells the reader what to do. */
async function explain(where: string, error: unknown): Promise<unknown> {
  if (error instanceof SyntaxError) return new ResponseShapeError(`${where} did not answer with JSON`);
  if (!(error instanceof HTTPError)) {
    // Aborts are the element's own doing and pass through; timeouts and network failures mean "try later".
    return error instanceof DOMException && error.name === 'AbortError' ? error : new BackendUnavailableError(`${where} could not be reached`);
  }
  const { status, headers } = error.response;
  const answer = ErrorBody.safeParse(await error.response.json().catch(() => 0));
  if (answer.data?.fields) return new ValidationFailedError(answer.data.fields);
  if (status === 413) return new ValidationFailedError({ body: validationMessages.body.tooLong });
  if (status === 429) return new RateLimitedError(Number(headers.get('Retry-After')) || undefined);
  const message = `${where} answered ${status}${answer.data ? `: ${answer.data.message}` : ''}`;
  return status >= 500 ? new BackendUnavailableError(message) : new CivicCommentsError(message);
}
