import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { limits } from 'civic-comments/contract';
import { respondTooLarge } from './routes/respond.js';
import type { AppOptions } from './context.js';
import { errorResponse } from './http/errors.js';
import { originAllowed as isOriginAllowed } from './http/origins.js';
import { publicReadHeaders, securityHeaders } from './http/headers.js';
import { openApiDocument } from './openapi.js';
import { moderationRoutes } from './routes/moderation.js';
import { publicRoutes } from './routes/public.js';
import { respondRoutes } from './routes/respond.js';
import { readRoutes } from './routes/read.js';
import { staticRoutes } from './routes/static.js';

export type { AppOptions } from './context.js';

const writeMethods = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);
/** What clients are told to wait while the database is out of reach. */
const retryAfterSeconds = 5;

/**
 * The reference server as a Hono app: the REST contract, moderation, export and, when asked, the
 * demonstration page. Storage and settings come in; nothing here knows which database it talks to.
 */
export function createApp(options: AppOptions): Hono {
  const app = new Hono();
  const openApi = JSON.stringify(openApiDocument());
  const originAllowed = (c: Context, origin: string) => isOriginAllowed(c, options, origin);

  app.use('*', async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(securityHeaders)) c.header(name, value);
  });

  // A path or query that cannot be decoded, or that holds NUL, is refused before any route reads it.
  app.use('*', async (c, next) => {
    const url = new URL(c.req.url);
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return errorResponse(c, 400, 'invalid_path', 'The address is not valid: it has a malformed percent-encoding.');
    }
    if (path.includes('\u0000') || [...url.searchParams].some(([name, value]) => `${name}${value}`.includes('\u0000'))) {
      return errorResponse(c, 400, 'invalid_path', 'The address holds a NUL character, which nothing here can answer.');
    }
    await next();
  });

  // One limit for every body any route reads: the JSON API and the form for readers without JavaScript alike.
  app.use(
    '*',
    bodyLimit({
      maxSize: limits.requestBodyMax,
      onError: (c) =>
        c.req.path === '/respond' ? respondTooLarge(c) : errorResponse(c, 413, 'too_large', 'The request body is over 64 KiB.'),
    }),
  );

  // Cross-origin rules: anyone may read the public API; only allowed origins may write or moderate.
  app.use('/api/*', async (c, next) => {
    const origin = c.req.header('Origin');
    const method = c.req.method;
    const moderation = c.req.path.startsWith('/api/v1/moderation/');
    if (method === 'OPTIONS') {
      const asked = (c.req.header('Access-Control-Request-Method') ?? '').toUpperCase();
      const trusted = origin !== undefined && originAllowed(c, origin);
      if (!origin || (!trusted && (moderation || writeMethods.has(asked)))) {
        return errorResponse(c, 403, 'forbidden_origin', 'This origin may not write to this server; add it to ALLOWED_ORIGINS.');
      }
      c.header('Access-Control-Allow-Origin', trusted ? origin : '*');
      c.header('Access-Control-Allow-Methods', 'GET, POST, PATCH, PUT, DELETE');
      c.header('Access-Control-Allow-Headers', 'Content-Type, Idempotency-Key, Authorization, If-None-Match');
      c.header('Access-Control-Max-Age', '600');
      c.header('Vary', 'Origin');
      return c.body(null, 204);
    }
    const originBound = writeMethods.has(method) || moderation;
    if (origin && originBound && !originAllowed(c, origin)) {
      return errorResponse(c, 403, 'forbidden_origin', 'This origin may not write to this server; add it to ALLOWED_ORIGINS.');
    }
    await next();
    if (originBound) {
      // The answer names the origin, so a cache must keep one copy per origin.
      c.header('Vary', 'Origin');
      if (origin) c.header('Access-Control-Allow-Origin', origin);
      c.header('Access-Control-Expose-Headers', publicReadHeaders['Access-Control-Expose-Headers']);
    } else {
      for (const [name, value] of Object.entries(publicReadHeaders)) c.header(name, value);
    }
  });

  app.get('/api/v1/health', async (c) => {
    const database = await options.storage.health();
    if (database === 'ok') return c.json({ status: 'ok', database, storage: options.storage.kind });
    c.header('Retry-After', String(retryAfterSeconds));
    c.header('Cache-Control', 'no-store');
    return c.json({ status: 'unavailable', database, storage: options.storage.kind }, 503);
  });
  app.get('/api/v1/openapi.json', (c) => {
    c.header('Content-Type', 'application/json; charset=utf-8');
    return c.body(openApi);
  });
  publicRoutes(app, options);
  moderationRoutes(app, options);
  respondRoutes(app, options);
  readRoutes(app, options);
  if (options.assetsRoot) staticRoutes(app, options.assetsRoot, Boolean(options.demo));

  app.notFound((c) => errorResponse(c, 404, 'not_found', `There is nothing at ${c.req.method} ${c.req.path}.`));
  app.onError((error, c) => {
    if (options.storage.isUnavailable(error)) {
      return errorResponse(c, 503, 'unavailable', 'The database cannot be reached just now. Try again in a few seconds.', {
        headers: { 'Retry-After': String(retryAfterSeconds) },
      });
    }
    console.error(error);
    return errorResponse(c, 500, 'internal', 'Something went wrong on the server. Try again later.');
  });
  return app;
}
