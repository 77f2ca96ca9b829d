import { serve } from '@hono/node-server';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.js';
import type { ServerConfig } from './config.js';
import { RateLimiter } from './http/rate-limit.js';
import { openStorage } from './storage/open.js';
import type { Storage } from './storage/storage.js';

/** The repository's root, where `demo/` and `dist/` are, seen from `server/dist/` or `server/src/`. */
const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface RunningServer {
  url: string;
  storage: Storage;
  close: () => Promise<void>;
}

/** Opens the database and listens; `close` stops both. */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const storage = await openStorage(config.databaseUrl);
  const app = createApp({
    storage,
    moderatorToken: config.moderatorToken,
    allowedOrigins: config.allowedOrigins,
    moderation: config.moderation,
    rateLimiter: new RateLimiter(config.rateLimit),
    clientAddress: (request, env) => {
      if (config.trustProxy) {
        const forwarded = request.header('X-Forwarded-For')?.split(',')[0]?.trim();
        if (forwarded) return forwarded;
      }
      return (env as { incoming?: IncomingMessage }).incoming?.socket.remoteAddress ?? 'unknown';
    },
    assetsRoot: repositoryRoot,
    demo: config.demo,
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const listening = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    storage,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await storage.close();
    },
  };
}
