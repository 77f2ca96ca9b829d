import { createHash } from 'node:crypto';
import {
  publicComment,
  sectionNamed,
  validateNewComment,
  versionNow,
  type Comment,
  type CommentStatus,
  type FieldCodes,
  isPublic,
  statusOfNew,
  statusToldToSender,
} from 'civic-comments/contract';
import { refusal, type ClosedConsultation } from './consultations.js';
import type { AppOptions } from './context.js';
import { unstorableText } from './http/storable.js';
import { newReference } from './reference.js';
import type { CreateResult, StoredComment } from './storage/storage.js';

export type SubmitResult =
  | { kind: 'invalid'; codes: FieldCodes }
  /** Text with NUL or half of a UTF-16 surrogate pair: no database can store it as it is, so it is refused, never altered. */
  | { kind: 'unstorable'; fields: Record<string, string> }
  | { kind: 'rate-limited'; retryAfter: number }
  | { kind: 'conflict' }
  /** The key's comment was stored once and has since been deleted by a moderator. */
  | { kind: 'removed' }
  /** The page's consultation is not taking responses now (upcoming or closed). */
  | { kind: 'not-open'; consultation: ClosedConsultation }
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
  const unstorable = unstorableFields(input);
  if (unstorable) return { kind: 'unstorable', fields: unstorable };
  const page = typeof (input as { page?: unknown } | null)?.page === 'string' ? (input as { page: string }).page : undefined;
  const consultation = page === undefined ? undefined : await storage.getConsultation(page);
  // A post to an alias (an earlier id, or an earlier heading's slug) is the section's own.
  const asked = (input as { section?: unknown } | null)?.section;
  const named = typeof asked === 'string' ? sectionNamed(consultation?.sections, asked) : undefined;
  if (named && named.id !== asked) input = { ...(input as object), section: named.id };
  const checked = validateNewComment(input, consultation, named?.question);
  if (!checked.success) return { kind: 'invalid', codes: checked.codes };
  const data = checked.data;
  if (data.parentId) {
    const parent = await storage.find(data.parentId);
    const answerable = parent && parent.page === data.page && parent.section === data.section && isPublic(parent);
    if (!answerable) return { kind: 'invalid', codes: { parentId: 'invalid' } };
  }

  const key = context.idempotencyKey;
  const fingerprint = createHash('sha256').update(JSON.stringify(data)).digest('base64url');
  // The server's clock decides. A retry of a post stored while it was open still gets its answer.
  const closed = refusal(consultation);
  if (closed) {
    const earlier = key && (await storage.replay(key, fingerprint));
    return earlier ? settled(earlier) : { kind: 'not-open', consultation: closed };
  }
  const wait = await options.rateLimiter.take(context.address);
  if (wait > 0) {
    // A retry of a stored post is answered even at the limit: what it asks for is already done. A
    // retry under the limit needs no look-up first: storing finds its key taken and answers the same.
    const earlier = key && (await storage.replay(key, fingerprint));
    return earlier ? settled(earlier) : { kind: 'rate-limited', retryAfter: wait };
  }

  const status: CommentStatus = statusOfNew(data, options.moderation);
  // What the sender is told of a comment kept as spam is what they would be told of any pending one.
  // The reference is theirs alone: it is in this answer (and its replays), never in a public list.
  const answer = (comment: StoredComment) =>
    JSON.stringify({ comment: publicComment({ ...comment, status: statusToldToSender(comment.status) }), reference: comment.reference });
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
      role: 'reader',
      respondent: data.respondent ?? null,
      // An organisation is kept only for a respondent who answers for one.
      organisation: data.respondent === 'organisation' ? data.organisation || null : null,
      lang: data.lang ?? null,
      reference: newReference(),
      answer: data.answer?.length ? data.answer : null,
      // The wording it answered, as the server knows it now: not what the browser says it showed.
      version: versionNow(named),
    },
    key ? { key, fingerprint, answer } : undefined,
  );
  if (result.kind !== 'created') return settled(result);
  options.responseStored?.();
  // Receipts go only to people (not to what a form filler sends, kept as spam), only about a
  // consultation the department set up (its title is the subject: never a page id anyone can choose),
  // and only a few an hour to one address, so that nobody can use the department's mail to reach a stranger.
  if (options.receiptQueued && status !== 'spam' && consultation && (await receiptAllowed(options, data.email))) {
    await queueReceipt(options, result.comment);
  }
  return { kind: 'stored', answer: result.answer ?? answer(result.comment), replayed: false };
}

/** Whether one more receipt may go to this address this hour: counted by the address, whoever sends. */
async function receiptAllowed(options: AppOptions, email: string): Promise<boolean> {
  if (!options.receiptLimiter) return true;
  try {
    return (await options.receiptLimiter.take(email.trim().toLowerCase())) === 0;
  } catch (error) {
    console.error('civic-comments-server: the receipts sent to an address could not be counted, so none is sent:', error);
    return false;
  }
}

/**
 * Queues the respondent's receipt. The response is stored already: a receipt that cannot be queued
 * is reported, never turned into a failed post.
 */
async function queueReceipt(options: AppOptions, comment: StoredComment): Promise<void> {
  try {
    await options.storage.queueReceipt(comment.id, comment.email);
    options.receiptQueued!();
  } catch (error) {
    console.error(`civic-comments-server: the receipt of ${comment.id} could not be queued:`, error);
  }
}

function settled(earlier: Exclude<CreateResult, { kind: 'created' }>): SubmitResult {
  return earlier.kind === 'replayed' ? { kind: 'stored', answer: earlier.answer, replayed: true } : earlier;
}

const unstorableMessage: Record<string, string> = {
  name: 'Name includes a character that cannot be saved. Type it again and send your comment again',
  body: 'Comment includes a character that cannot be saved. Type it again and send your comment again',
};

/** Fields whose text holds a character that cannot be stored, with a message for each; undefined when there are none. */
function unstorableFields(input: unknown): Record<string, string> | undefined {
  if (!input || typeof input !== 'object') return undefined;
  const fields: Record<string, string> = {};
  for (const [field, value] of Object.entries(input)) {
    if (typeof value === 'string' && unstorableText.test(value))
      fields[field] = unstorableMessage[field] ?? `${field} includes a character that cannot be saved`;
  }
  return Object.keys(fields).length ? fields : undefined;
}

/** The comment in a stored answer, and the reference given with it (none for answers kept from before references). */
export const answered = (answer: string) => JSON.parse(answer) as { comment: Comment; reference?: string | null };
