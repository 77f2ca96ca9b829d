import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode } from 'civic-comments/contract';

/**
 * Every error the API sends has one shape: `{ error, message, fields? }`. `error` is a stable code
 * for programs; `message` is for people. A few errors add details of their own (a closed
 * consultation its dates).
 */
export function errorResponse(
  c: Context,
  status: ContentfulStatusCode,
  error: ErrorCode,
  message: string,
  extra: { fields?: Record<string, string>; headers?: Record<string, string>; details?: Record<string, unknown> } = {},
): Response {
  for (const [name, value] of Object.entries(extra.headers ?? {})) c.header(name, value);
  c.header('Cache-Control', 'no-store');
  return c.json({ error, message, ...(extra.fields ? { fields: extra.fields } : {}), ...extra.details }, status);
}
