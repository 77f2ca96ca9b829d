import ky, { HTTPError } from 'ky';
import { bodyTooLongMessage, ErrorBody } from '../../contract/public.js';
import type { ErrorCode } from '../../contract/errors.js';
import {
  BackendUnavailableError,
  CivicCommentsError,
  ConsultationClosedError,
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

/** The server answered, but not with a 2xx: ky's error, carrying the response. */
export { HTTPError };

/** One request to the API. */
export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  searchParams?: Record<string, string | number>;
  /** Sent as JSON. */
  json?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface ApiClientOptions {
  /** Milliseconds before a request is given up. Default: 10 seconds. */
  timeout?: number;
  /** How often a failed read is tried again. Default: 2. */
  retries?: number;
  headers?: Record<string, string>;
  /** Where the API lives under the endpoint. Default: `api/v1/`. */
  root?: string;
}

/** Sends a request to `<endpoint>api/v1/<path>` and resolves to a 2xx response; anything else throws. */
export type ApiClient = (path: string, request?: ApiRequest) => Promise<Response>;

/**
 * The widgets' HTTP client, on ky: a timeout on every request; reads (never writes) retried after a
 * network failure or a passing server error (408, 429, 5xx), with a growing pause or the server's
 * `Retry-After`, but not when the server asks for a longer wait than a request may take. Reads
 * revalidate with the server's ETag (`cache: 'no-cache'`), so a reader who just commented, or
 * reloads after a moderator acted, sees the thread as it is now, and an unchanged one costs a 304.
 */
export function apiClient(endpoint: string, options: ApiClientOptions = {}): ApiClient {
  const { timeout = 10_000, retries = 2 } = options;
  const api = ky.create({
    prefixUrl: new URL(options.root ?? 'api/v1/', endpoint).href,
    timeout,
    cache: 'no-cache',
    headers: options.headers,
    retry: {
      limit: retries,
      methods: ['get'],
      statusCodes: [408, 429, 500, 502, 503, 504],
      afterStatusCodes: [413, 429, 503],
      delay: (attempt) => 300 * 2 ** (attempt - 1),
      jitter: false,
      // ky would wait out a long Retry-After, capped; a server that asks for longer than a request
      // may take is not asked again, so the reader hears at once that it is unavailable.
      shouldRetry: ({ error }) =>
        error instanceof HTTPError && Number(error.response.headers.get('Retry-After')) * 1000 > timeout ? false : undefined,
    },
  });
  // Only what a request sets is passed on: ky lets an option given as undefined replace the
  // instance's own, which would drop the moderator's Authorization header.
  return (path, request = {}) =>
    api(path, Object.fromEntries(Object.entries({ method: 'GET', ...request }).filter(([, value]) => value !== undefined)));
}

/** Sends a request and checks its JSON answer against the contract, turning every failure into one of our errors. */
export async function checked<T>(where: string, schema: Schema<T>, send: () => Promise<Response>, explainFailure = explain): Promise<T> {
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

const refusalBodies = new WeakMap<HTTPError, Promise<unknown>>();

/**
 * The JSON body of a refusal, read once however many explanations look at it: ky 2 reads it itself,
 * into `data`, and leaves the response's body used; ky 1 leaves it to be read here.
 */
export function refusalBody(error: HTTPError): Promise<unknown> {
  let body = refusalBodies.get(error);
  if (!body)
    refusalBodies.set(error, (body = 'data' in error ? Promise.resolve(error.data) : error.response.json().catch(() => undefined)));
  return body;
}

/** The refusal's code, typed, so that a check of a code the contract does not have fails to compile. */
export const refusalCode = async (error: HTTPError): Promise<ErrorCode | undefined> =>
  ErrorBody.safeParse(await refusalBody(error)).data?.error as ErrorCode | undefined;

/** Turns what went wrong with a request into the error that tells the reader what to do; the original is its `cause`. */
export async function explain(where: string, error: unknown): Promise<unknown> {
  const cause = { cause: error };
  if (error instanceof SyntaxError) return new ResponseShapeError(`${where} did not answer with JSON`, cause);
  if (!(error instanceof HTTPError)) {
    // Aborts are the element's own doing and pass through; timeouts and network failures mean "try later".
    const name = (error as Error | undefined)?.name;
    if (name === 'AbortError') return error;
    return new BackendUnavailableError(
      name === 'TimeoutError' ? `${where} did not answer in time` : `${where} could not be reached`,
      cause,
    );
  }
  const { status, headers } = error.response;
  const answer = ErrorBody.safeParse(await refusalBody(error));
  const code = answer.data?.error as ErrorCode | undefined;
  if (answer.data?.fields) return new ValidationFailedError(answer.data.fields);
  if (status === 413) return new ValidationFailedError({ body: bodyTooLongMessage });
  if (status === 429) return new RateLimitedError(Number(headers.get('Retry-After')) || undefined);
  const closed = code === 'consultation_closed' ? 'closed' : code === 'consultation_not_open' ? 'upcoming' : undefined;
  if (closed) return new ConsultationClosedError(closed, answer.data!.opensAt ?? null, answer.data!.closesAt ?? null, answer.data!.message);
  const message = `${where} answered ${status}${answer.data ? `: ${answer.data.message}` : ''}`;
  return status >= 500 ? new BackendUnavailableError(message, cause) : new CivicCommentsError(message, cause);
}
