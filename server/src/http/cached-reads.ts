import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { matches, type AnswerCache, type CachedAnswer } from './answer-cache.js';
import { publicCacheControl, publicReadHeaders, securityHeaders } from './headers.js';

type Listener = (request: IncomingMessage, response: ServerResponse) => unknown;

/** What the app would send with a public answer. */
const sharedHeaders = { ...securityHeaders, ...publicReadHeaders, 'Cache-Control': publicCacheControl };

/** Each kept answer's headers, made once for as long as it is kept rather than on every read. */
const headersOf = new WeakMap<CachedAnswer, { ok: OutgoingHttpHeaders; notModified: OutgoingHttpHeaders }>();
function headers(answer: CachedAnswer) {
  let made = headersOf.get(answer);
  if (!made) {
    const notModified = { ...sharedHeaders, ETag: answer.etag };
    made = { notModified, ok: { ...notModified, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': answer.body.length } };
    headersOf.set(answer, made);
  }
  return made;
}

/**
 * Answers, in front of the app, the public reads whose answers the cache holds and whose page has
 * not changed: the bytes and headers the app sent the first time, or 304 when the client has them,
 * without the body being read, serialised or hashed again. Everything else, and any read the cache
 * cannot answer, goes on to the app, which fills the cache.
 *
 * The request's path is looked up as it arrived. The app keeps answers under the path as it parsed
 * it, and parsing a parsed path changes nothing, so a path that finds an answer is one the app
 * would have answered the same; one written another way only misses, and the app answers it.
 */
export function servingCachedReads(cache: AnswerCache, app: Listener): Listener {
  return (request, response) => {
    if (request.method !== 'GET' || cache.size === 0 || !request.url?.startsWith('/api/v1/c')) return app(request, response);
    cache.fresh(request.url).then(
      (answer) => {
        if (!answer) return app(request, response);
        const { ok, notModified } = headers(answer);
        if (matches(request.headers['if-none-match'], answer.etag)) response.writeHead(304, notModified).end();
        else response.writeHead(200, ok).end(answer.body);
      },
      // The database could not say whether the answer holds: the app answers, or says why it cannot.
      () => app(request, response),
    );
  };
}
