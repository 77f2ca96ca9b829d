import type { Comment, CommentPage, Counts, NewCommentInput } from '../contract/public.js';
import type { SectionChange, SectionVersion } from '../contract/versions.js';

/** What every request may carry. */
export interface RequestOptions {
  /** Aborts the request; an element aborts when it is removed or asks again. */
  signal?: AbortSignal;
}

/** What a new comment's request may carry. */
export interface PostOptions extends RequestOptions {
  /** The same key with the same comment is stored once, however often it is sent. */
  idempotencyKey?: string;
}

/** One page of one section's thread. */
export interface ListCommentsRequest {
  page: string;
  section: string;
  /** How many comments at most; the backend chooses when it is left out. */
  limit?: number;
  /** The `nextCursor` of the page before; leave out for the first page. */
  cursor?: string | null;
}

/** A comment just stored, with the reference its respondent is given (such as `CC-7K3M-Q9TX`), if any. */
export type PostedComment = Comment & { reference?: string };

/**
 * Where the elements read and send comments. Implement it to plug in any server; throw the
 * errors of `./errors.js` so that the elements can tell readers what happened.
 */
export interface CommentsBackend {
  /** Published comments of one section, oldest first, a page at a time. */
  listComments(request: ListCommentsRequest, options?: RequestOptions): Promise<CommentPage>;
  /**
   * Stores a new comment and returns it as the public sees it (with its status, never its email),
   * with the reference the respondent keeps, when the backend gives one.
   */
  postComment(comment: NewCommentInput, options?: PostOptions): Promise<PostedComment>;
  /** Published comments per section, for every section of a page, in one request. */
  getCounts(page: string, options?: RequestOptions): Promise<Counts>;
  /**
   * One published public comment; rejects when there is none. Optional: it lets a permalink
   * (`#comment-<id>`) find the thread that holds its comment.
   */
  getComment?(id: string, options?: RequestOptions): Promise<Comment>;
  /**
   * Reports a published comment to the moderators, with the reader's reason if they gave one.
   * Optional: a backend without it shows no "Report this comment" link.
   */
  reportComment?(id: string, reason?: string, options?: RequestOptions): Promise<void>;
  /**
   * Each new wording of the page's sections, newest first, with what the department said changed.
   * Optional: a backend without it has no change log.
   */
  getChanges?(page: string, options?: RequestOptions): Promise<SectionChange[]>;
  /**
   * Every wording a section has had, oldest first. Optional: without it, a response made on an
   * earlier wording still says so, but cannot show what changed.
   */
  getSectionVersions?(page: string, section: string, options?: RequestOptions): Promise<SectionVersion[]>;
  /**
   * What the backend cannot do of what the contract offers, each declared `false`; anything not
   * declared it does. `questions`: it keeps no closed questions nor answers (it leaves `question`
   * out of its lists, and the elements then say nothing of one).
   */
  readonly capabilities?: BackendCapabilities;
}

/** What a backend declares it cannot do, each as `false`. */
export interface BackendCapabilities {
  questions?: false;
  /** A section's aliases and the versions of its wording. */
  versions?: false;
}
