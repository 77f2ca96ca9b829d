import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { limits } from '../../src/contract/index.js';
import type { AppOptions } from './context.js';
import { errorResponse } from './http/errors.js';
import { openApiDocument } from './openapi.js';
import { moderationRoutes } from './routes/moderation.js';
import { publicRoutes } from './routes/public.js';
import { respondRoutes } from './routes/respond.js';
import { staticRoutes } from './routes/static.js';

export type { AppOptions } from './context.js';

const writeMethods = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

/**
 * The reference server as a Hono app: the REST contract, moderation, export and, when asked, the
 * demonstration page. Storage and settings come in; nothing here knows which database it talks to.
 */
export function createApp(options: AppOptions): Hono {
  const app = new Hono();
  const openApi = JSON.stringify(openApiDocument());
  const anyOrigin = options.allowedOrigins.includes('*');

  const originAllowed = (c: Context, origin: string) =>
    anyOrigin || options.allowedOrigins.includes(origin) || origin === new URL(c.req.url).origin;

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
      c.header('Access-Control-Allow-Methods', 'GET, POST, PATCH, DELETE');
      c.header('Access-Control-Allow-Headers', 'Content-Type, Idempotency-Key, Authorization, If-None-Match');
      c.header('Access-Control-Max-Age', '600');
      c.header('Vary', 'Origin');
      return c.body(null, 204);
    }
    if (origin && (writeMethods.has(method) || moderation) && !originAllowed(c, origin)) {
      return errorResponse(c, 403, 'forbidden_origin', 'This origin may not write to this server; add it to ALLOWED_ORIGINS.');
    }
    await next();
    if (!origin) return;
    if (writeMethods.has(method) || moderation) {
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Vary', 'Origin');
    } else {
      c.header('Access-Control-Allow-Origin', '*');
    }
    c.header('Access-Control-Expose-Headers', 'ETag, Retry-After, Idempotent-Replayed, Content-Disposition');
  });

  app.use(
    '/api/*',
    bodyLimit({
      maxSize: limits.requestBodyMax,
      onError: (c) => errorResponse(c, 413, 'too_large', 'The request body is over 64 KiB.'),
    }),
  );

  app.get('/api/v1/health', (c) => c.json({ status: 'ok', database: options.storage.kind }));
  app.get('/api/v1/openapi.json', (c) => {
    c.header('Content-Type', 'application/json; charset=utf-8');
    return c.body(openApi);
  });
  publicRoutes(app, options);
  moderationRoutes(app, options);
  respondRoutes(app, options);
  if (options.assetsRoot) staticRoutes(app, options.assetsRoot, Boolean(options.demo));

  app.notFound((c) => errorResponse(c, 404, 'not_found', `There is nothing at ${c.req.method} ${c.req.path}.`));
  app.onError((error, c) => {
    console.error(error);
    return errorResponse(c, 500, 'internal', 'Something went wrong on the server. Try again later.');
  });
  return app;
}
