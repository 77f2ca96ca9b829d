import type { IncomingMessage, ServerResponse } from 'node:http';
import { matches, type AnswerCache } from './answer-cache.js';
import { answerKey } from './cache.js';
import { publicCacheControl, publicReadHeaders, securityHeaders } from './headers.js';

type Listener = (request: IncomingMessage, response: ServerResponse) => unknown;

/** What the app would send with a public answer, written once rather than per request. */
const notModified = { ...securityHeaders, ...publicReadHeaders, 'Cache-Control': publicCacheControl };
const ok = { ...notModified, 'Content-Type': 'application/json; charset=utf-8' };

/**
 * Answers, in front of the app, the public reads whose answers the cache holds and whose page has
 * not changed: the bytes and headers the app sent the first time, or 304 when the client has them,
 * without the body being read, serialised or hashed again. Everything else, and any read the cache
 * cannot answer, goes on to the app, which fills the cache.
 */
export function servingCachedReads(cache: AnswerCache, app: Listener): Listener {
  return (request, response) => {
    const path = request.url ?? '';
    // Only the public reads are ever kept; a path that starts otherwise cannot be one.
    if (request.method !== 'GET' || cache.size === 0 || !path.startsWith('/api/v1/c')) return app(request, response);
    // Parsed as the app parses it, so that both find an answer under the same address.
    let key: string;
    try {
      key = answerKey(new URL(`http://server${path}`));
    } catch {
      return app(request, response);
    }
    cache.fresh(key).then(
      (answer) => {
        if (!answer) return app(request, response);
        if (matches(request.headers['if-none-match'], answer.etag)) {
          response.writeHead(304, { ...notModified, ETag: answer.etag }).end();
        } else {
          response.writeHead(200, { ...ok, ETag: answer.etag, 'Content-Length': answer.body.length }).end(answer.body);
        }
      },
      // The database could not say whether the answer holds: the app answers, or says why it cannot.
      () => app(request, response),
    );
  };
}
