import * as z from 'zod/mini';
import { CommentPage, Counts, CreatedComment, type Comment, type NewCommentInput } from '../../contract/public.js';
import { ConsultationChanges, SectionVersions, type SectionChange, type SectionVersion } from '../../contract/versions.js';
import { newIdempotencyKey } from '../../internal/idempotency-key.js';
import type { CommentsBackend, ListCommentsRequest, PostedComment, PostOptions, RequestOptions } from '../backend.js';
import { absoluteEndpoint, apiClient, checked, type ApiClient, type Schema } from './client.js';

/** `202 { report: "received" }`: the same whether or not the report counted. */
const Received = /* @__PURE__ */ z.object({});

export interface RestBackendOptions {
  /** The server's base URL, such as `https://comments.example.gov.uk`; `/api/v1/…` is added to it. */
  endpoint: string;
  /** Milliseconds before a request is given up. Default: 10 seconds. */
  timeout?: number;
  /** How often a failed read is tried again. Writes are never retried here: the form's idempotency key makes its own retries safe. Default: 2. */
  retries?: number;
}

/**
 * The backend of the reference server, and of any server that keeps its REST contract. Every
 * answer is checked against the contract; an answer of another shape is a `ResponseShapeError`.
 */
export class RestBackend implements CommentsBackend {
  readonly endpoint: string;
  #api: ApiClient;

  constructor(options: RestBackendOptions) {
    this.endpoint = absoluteEndpoint(options.endpoint);
    this.#api = apiClient(this.endpoint, options);
  }

  #call<T>(path: string, schema: Schema<T>, send: () => Promise<Response>): Promise<T> {
    return checked(`${this.endpoint}api/v1/${path}`, schema, send);
  }

  /** A read: `GET /api/v1/<path>`, its answer checked against `schema`. */
  #read<T>(path: string, schema: Schema<T>, options: RequestOptions, searchParams?: Record<string, string>): Promise<T> {
    return this.#call(path, schema, () => this.#api(path, { searchParams, signal: options.signal }));
  }

  listComments(request: ListCommentsRequest, options: RequestOptions = {}): Promise<CommentPage> {
    const searchParams: Record<string, string> = { page: request.page, section: request.section };
    if (request.limit) searchParams.limit = String(request.limit);
    if (request.cursor) searchParams.cursor = request.cursor;
    return this.#read('comments', CommentPage, options, searchParams);
  }

  getCounts(page: string, options: RequestOptions = {}): Promise<Counts> {
    return this.#read('counts', Counts, options, { page });
  }

  async getComment(id: string, options: RequestOptions = {}): Promise<Comment> {
    return (await this.#read(`comments/${encodeURIComponent(id)}`, CreatedComment, options)).comment;
  }

  getChanges(page: string, options: RequestOptions = {}): Promise<SectionChange[]> {
    return this.#read(`consultations/${encodeURIComponent(page)}/changes`, ConsultationChanges, options).then((answer) => answer.changes);
  }

  getSectionVersions(page: string, section: string, options: RequestOptions = {}): Promise<SectionVersion[]> {
    const path = `consultations/${encodeURIComponent(page)}/sections/${encodeURIComponent(section)}/versions`;
    return this.#read(path, SectionVersions, options).then((answer) => answer.versions);
  }

  async reportComment(id: string, reason?: string, options: RequestOptions = {}): Promise<void> {
    const path = `comments/${encodeURIComponent(id)}/reports`;
    await this.#call(path, Received, () => this.#api(path, { method: 'POST', json: { reason }, signal: options.signal }));
  }

  async postComment(comment: NewCommentInput, options: PostOptions = {}): Promise<PostedComment> {
    const created = await this.#call('comments', CreatedComment, () =>
      this.#api('comments', {
        method: 'POST',
        json: comment,
        signal: options.signal,
        headers: { 'Idempotency-Key': options.idempotencyKey ?? newIdempotencyKey() },
      }),
    );
    return created.reference ? { ...created.comment, reference: created.reference } : created.comment;
  }
}
