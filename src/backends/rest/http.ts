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

/** The server answered, but not with a 2xx. */
export class HTTPError extends Error {
  override name = 'HTTPError';
  constructor(readonly response: Response) {
    super(`${response.status} ${response.statusText}`);
  }
}

/** One request to the API. */
export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
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
}

/** Sends a request to `<endpoint>api/v1/<path>` and resolves to a 2xx response; anything else throws. */
export type ApiClient = (path: string, request?: ApiRequest) => Promise<Response>;

/** Statuses after which a read may work if tried again, as HTTP clients commonly retry. */
const retryStatuses = [408, 429, 500, 502, 503, 504];

/**
 * The widgets' HTTP client: a timeout on every request, reads retried after a network failure or
 * a passing server error (with a growing pause, or the server's `Retry-After`), writes never.
 * Reads revalidate with the server's ETag, so a reader who just commented, or reloads after a
 * moderator acted, sees the thread as it is now, and an unchanged thread costs a 304. Written
 * here rather than taken from a library because the budget for a reader's page is small.
 */
export function apiClient(endpoint: string, options: ApiClientOptions = {}): ApiClient {
  const base = new URL('api/v1/', endpoint);
  const { timeout = 10_000, retries = 2 } = options;
  return async (path, { method = 'GET', searchParams = {}, json, headers, signal } = {}) => {
    const url = new URL(path, base);
    for (const [name, value] of Object.entries(searchParams)) url.searchParams.set(name, String(value));
    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) throw new DOMException('The request was aborted', 'AbortError');
      const controller = new AbortController();
      const abort = () => controller.abort();
      signal?.addEventListener('abort', abort);
      // Told apart by this flag rather than by the abort's reason, which not every engine passes on.
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, timeout);
      let response: Response | undefined;
      let failure: unknown;
      try {
        response = await fetch(url, {
          method,
          headers: { ...options.headers, ...(json === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
          body: json === undefined ? undefined : JSON.stringify(json),
          cache: 'no-cache',
          signal: controller.signal,
        });
      } catch (error) {
        failure = timedOut ? new DOMException('The request took too long', 'TimeoutError') : error;
      } finally {
        clearTimeout(timer);
        signal?.removeEventListener('abort', abort);
      }
      if (response?.ok) return response;
      const retry =
        method === 'GET' &&
        attempt < retries &&
        !controller.signal.aborted &&
        (!response || retryStatuses.includes(response.status));
      if (!retry) throw response ? new HTTPError(response) : failure;
      const retryAfter = Number(response?.headers.get('Retry-After')) * 1000;
      // A server that asks for a longer wait than a request may take is not asked again.
      if (retryAfter > timeout) throw new HTTPError(response!);
      await new Promise((resolve) => setTimeout(resolve, retryAfter || 300 * 2 ** attempt));
    }
  };
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
    return (error as Error | undefined)?.name === 'AbortError' ? error : new BackendUnavailableError(`${where} could not be reached`);
  }
  const { status, headers } = error.response;
  const answer = ErrorBody.safeParse(await error.response.json().catch(() => 0));
  if (answer.data?.fields) return new ValidationFailedError(answer.data.fields);
  if (status === 413) return new ValidationFailedError({ body: validationMessages.body.tooLong });
  if (status === 429) return new RateLimitedError(Number(headers.get('Retry-After')) || undefined);
  const message = `${where} answered ${status}${answer.data ? `: ${answer.data.message}` : ''}`;
  return status >= 500 ? new BackendUnavailableError(message) : new CivicCommentsError(message);
}
