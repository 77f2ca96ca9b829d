import ky, { HTTPError, type KyInstance } from 'ky';
import { ErrorBody, validationMessages } from '../../contract/public.js';
import {
  BackendUnavailableError,
  CivicCommentsError,
  RateLimitedError,
  ResponseShapeError,
  ValidationFailedError,
} from '../errors.js';

/** Anything with zod's `safeParse`. */
export interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
}

/** The server's base URL as an absolute URL ending in `/`; a relative one is read against the page. */
export function absoluteEndpoint(endpoint: string): string {
  return new URL(endpoint.replace(/\/*$/, '/'), globalThis.document?.baseURI ?? globalThis.location?.href).href;
}

/** A ky instance for `<endpoint>api/v1/`: reads are retried, writes never; reads revalidate with the ETag. */
export function apiClient(endpoint: string, options: { timeout?: number; retries?: number; headers?: Record<string, string> } = {}): KyInstance {
  return ky.create({
    prefixUrl: new URL('api/v1/', endpoint).href,
    timeout: options.timeout, // ky's default: 10 seconds
    retry: { limit: options.retries ?? 2, methods: ['get'] },
    // Revalidate with the server's ETag on every read: a reader who just commented, or reloads
    // after a moderator acted, sees the thread as it is now; an unchanged thread costs a 304.
    cache: 'no-cache',
    headers: options.headers,
  });
}

/** Sends a request and checks its JSON answer against the contract, turning every failure into one of our errors. */
export async function checked<T>(
  where: string,
  schema: Schema<T>,
  send: () => Promise<Response>,
  explainFailure = explain,
): Promise<T> {
  let body: unknown;
  try {
    body = await (await send()).json();
  } catch (error) {
    throw await explainFailure(where, error);
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new ResponseShapeError(`${where} sent data that breaks the contract (${issue?.path.join('.')}: ${issue?.message})`);
}

/** Turns what went wrong with a request into the error that tells the reader what to do. */
export async function explain(where: string, error: unknown): Promise<unknown> {
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
