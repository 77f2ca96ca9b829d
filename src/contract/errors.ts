import * as z from 'zod/mini';

/**
 * Every code the reference server puts in an error's `error` field, one list for the server's
 * answers and the clients' checks. `ErrorBody.error` itself stays any string, so that a client of
 * today still reads the message of a code a newer server adds.
 */
export const errorCodes = [
  /** Fields need correcting: `fields` says which, in GOV.UK's words. */
  'validation',
  'invalid_json',
  'invalid_query',
  'invalid_cursor',
  'invalid_path',
  'invalid_page',
  'invalid_section',
  'invalid_idempotency_key',
  'not_found',
  /** No moderator token, or a wrong one. */
  'unauthorized',
  /** An origin `ALLOWED_ORIGINS` does not allow, writing or moderating. */
  'forbidden_origin',
  /** A moderation route outside the role of whoever signed in. */
  'forbidden_role',
  'too_many_sign_ins',
  'rate_limited',
  'too_large',
  /** A retry of a response that was stored and has since been deleted. */
  'response_removed',
  /** An `Idempotency-Key` used again with another body. */
  'idempotency_conflict',
  'consultation_not_open',
  'consultation_closed',
  /** Publishing a response that was sent privately, which is never published. */
  'private_response',
  /** A change to a consultation would remove or reword an option of a question that has answers. */
  'option_in_use',
  /** An official response on a consultation that names no department. */
  'department_missing',
  /** Moving a thread that a section of the consultation names: it is not orphaned. */
  'not_orphaned',
  /** The database is out of reach; `Retry-After` says when to try again. */
  'unavailable',
  'internal',
] as const;
export const ErrorCode = /* @__PURE__ */ z.enum(errorCodes);
export type ErrorCode = (typeof errorCodes)[number];
