import { createHash } from 'node:crypto';
import { publicComment, validateNewComment, type Comment, type CommentStatus, type FieldCodes } from '../../src/contract/index.js';
import type { AppOptions } from './context.js';
import type { StoredComment } from './storage/storage.js';

export type SubmitResult =
  | { kind: 'invalid'; codes: FieldCodes }
  /** Text with half of a UTF-16 surrogate pair: no database can store it as it is, so it is refused, never altered. */
  | { kind: 'unstorable'; fields: Record<string, string> }
  | { kind: 'rate-limited'; retryAfter: number }
  | { kind: 'conflict' }
  /** `answer` is the JSON of `{ comment }` as first sent for this key. */
  | { kind: 'stored'; answer: string; replayed: boolean };

/**
 * Takes a new comment from any door (the JSON API or the form for readers without JavaScript):
 * checks it with the contract, checks what it replies to, applies the rate limit, picks its status
 * and stores it once per idempotency key.
 */
export async function submitComment(
  options: AppOptions,
  input: unknown,
  context: { address: string; idempotencyKey?: string },
): Promise<SubmitResult> {
  const { storage } = options;
  const unstorable = unpairedSurrogates(input);
  if (unstorable) return { kind: 'unstorable', fields: unstorable };
  const checked = validateNewComment(input);
  if (!checked.success) return { kind: 'invalid', codes: checked.codes };
  const data = checked.data;
  if (data.parentId) {
    const parent = await storage.find(data.parentId);
    const answerable =
      parent && parent.page === data.page && parent.section === data.section && parent.status === 'published' && parent.visibility === 'public';
    if (!answerable) return { kind: 'invalid', codes: { parentId: 'invalid' } };
  }

  const wait = options.rateLimiter.retryAfter(context.address);
  if (wait > 0) return { kind: 'rate-limited', retryAfter: wait };

  // A filled honeypot is kept as spam, not refused: a person whose browser filled it loses nothing.
  const status: CommentStatus = data.website
    ? 'spam'
    : data.visibility === 'private'
      ? 'received'
      : options.moderation === 'post'
        ? 'published'
        : 'pending';
  // What the sender is told of a comment kept as spam is what they would be told of any pending one.
  const answer = (comment: StoredComment) =>
    JSON.stringify({ comment: publicComment({ ...comment, status: status === 'spam' ? 'pending' : comment.status }) });
  const key = context.idempotencyKey;
  const result = await storage.create(
    {
      page: data.page,
      section: data.section,
      parentId: data.parentId ?? null,
      name: data.name,
      email: data.email,
      body: data.body,
      visibility: data.visibility,
      status,
    },
    key ? { key, fingerprint: createHash('sha256').update(JSON.stringify(data)).digest('base64url'), answer } : undefined,
  );
  if (result.kind === 'conflict') return result;
  if (result.kind === 'replayed') return { kind: 'stored', answer: result.answer, replayed: true };
  options.rateLimiter.record(context.address);
  return { kind: 'stored', answer: result.answer ?? answer(result.comment), replayed: false };
}

const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const unstorableMessage: Record<string, string> = {
  name: 'Name includes a character that cannot be saved. Type it again and send your comment again',
  body: 'Comment includes a character that cannot be saved. Type it again and send your comment again',
};

/** Fields whose text holds a lone surrogate, with a message for each; undefined when there are none. */
function unpairedSurrogates(input: unknown): Record<string, string> | undefined {
  if (!input || typeof input !== 'object') return undefined;
  const fields: Record<string, string> = {};
  for (const [field, value] of Object.entries(input)) {
    if (typeof value === 'string' && lone.test(value)) fields[field] = unstorableMessage[field] ?? `${field} includes a character that cannot be saved`;
  }
  return Object.keys(fields).length ? fields : undefined;
}

/** The comment in a stored answer. */
export const answeredComment = (answer: string): Comment => (JSON.parse(answer) as { comment: Comment }).comment;
