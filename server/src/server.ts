import { getRequestListener } from '@hono/node-server';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.js';
import type { ServerConfig } from './config.js';
import { AnswerCache } from './http/answer-cache.js';
import { servingCachedReads } from './http/cached-reads.js';
import { clientAddress } from './http/client-address.js';
import { RateLimiter } from './http/rate-limit.js';
import { CampaignGrouper } from './campaigns/grouper.js';
import { ReceiptSender, smtpTransport } from './receipts/sender.js';
import { openStorage } from './storage/open.js';
import type { Storage } from './storage/storage.js';

/** The repository's root, where `demo/` and `dist/` are, seen from `server/dist/` or `server/src/`. */
const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface RunningServer {
  url: string;
  storage: Storage;
  /** The public answers kept ready, when `CACHE_MB` is not 0. */
  answers?: AnswerCache;
  /** What mails the receipts, when `SMTP_URL` is set. */
  receipts?: ReceiptSender;
  /** What groups responses into campaigns as they arrive. */
  campaigns: CampaignGrouper;
  /**
   * Stops listening, lets open requests finish, and closes the connections still open once the
   * shutdown timeout has passed, so that one slow client cannot keep the process alive.
   */
  close: () => Promise<void>;
}

/** How often receipts due again are looked for, besides each new one going at once. */
const receiptPollMs = 1000;

/** Failed moderator sign-ins allowed per client in five minutes. */
const signInFailures = 10;

/** Opens the database and listens; `close` stops both. */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const storage = await openStorage(config.databaseUrl);
  const receipts =
    config.mail &&
    new ReceiptSender(storage, smtpTransport(config.mail.smtpUrl, config.mail.from), { ...config.mail, pollMs: receiptPollMs });
  const campaigns = new CampaignGrouper(storage);
  const answers = config.cacheBytes > 0 ? new AnswerCache(config.cacheBytes, (page) => storage.pageVersion(page)) : undefined;
  const app = createApp({
    storage,
    answers,
    moderatorToken: config.moderatorToken,
    allowedOrigins: config.allowedOrigins,
    publicOrigin: config.publicUrl && new URL(config.publicUrl).origin,
    moderation: config.moderation,
    rateLimiter: new RateLimiter(config.rateLimit, { counter: storage.hitCounter }),
    reportLimiter: new RateLimiter(config.reportRateLimit, { counter: storage.hitCounter, name: 'reports' }),
    reportsToHide: config.reportsToHide,
    receiptLimiter:
      config.mail &&
      new RateLimiter(config.mail.perAddressHourly, { counter: storage.hitCounter, windowMs: 60 * 60_000, name: 'receipts' }),
    signInLimiter: new RateLimiter(signInFailures, { counter: storage.hitCounter, windowMs: 5 * 60_000, name: 'sign-in' }),
    clientAddress: (request, env) =>
      clientAddress(
        config.trustProxy,
        request.header('X-Forwarded-For'),
        (env as { incoming?: IncomingMessage }).incoming?.socket.remoteAddress ?? 'unknown',
      ),
    assetsRoot: repositoryRoot,
    demo: config.demo,
    receiptQueued: receipts ? () => receipts.nudge() : undefined,
    responseStored: () => campaigns.nudge(),
  });
  const listener = getRequestListener(app.fetch);
  const server = createServer(answers ? servingCachedReads(answers, listener) : listener);
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  receipts?.start();
  campaigns.start();
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    storage,
    answers,
    receipts: receipts || undefined,
    campaigns,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          server.closeAllConnections();
          resolve();
        }, config.shutdownTimeoutMs);
      });
      await Promise.race([closed, deadline]);
      clearTimeout(timer);
      await Promise.all([receipts?.stop(), campaigns.stop()]);
      await storage.close();
    },
  };
}
