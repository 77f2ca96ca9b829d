import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type AppOptions } from '../src/app.js';
import { readConfig, type ServerConfig } from '../src/config.js';
import { startServer } from '../src/server.js';
import { RateLimiter } from '../src/http/rate-limit.js';
import { PostgresStorage } from '../src/storage/postgres.js';
import { SqliteStorage } from '../src/storage/sqlite.js';
import { tables } from '../src/storage/migrations.js';
import type { Storage } from '../src/storage/storage.js';

export const token = 'test-moderator-token-0123456789';
export const page = '/review';

/** A whole server on a database, listening on a port of its own, with the test token and no rate limit. */
export const startInstance = (databaseUrl: string, env: NodeJS.ProcessEnv = {}) =>
  startServer(readConfig(['--port', '0', '--db', databaseUrl], { MODERATOR_TOKEN: token, RATE_LIMIT: '0', ...env }) as ServerConfig);

/** A real SQLite file in a new temporary folder. */
export function sqliteStorage(): Storage & { cleanup: () => void } {
  const folder = mkdtempSync(join(tmpdir(), 'civic-comments-'));
  const storage = new SqliteStorage(join(folder, 'comments.db'));
  return Object.assign(storage, {
    cleanup: () => {
      void storage.close();
      rmSync(folder, { recursive: true, force: true });
    },
  });
}

/** The PostgreSQL to test against, from TEST_DATABASE_URL; CI always sets it. */
export const postgresUrl = process.env.TEST_DATABASE_URL;
if (process.env.CI && !postgresUrl) throw new Error('CI must set TEST_DATABASE_URL so that PostgreSQL is tested too.');

/** A fresh PostgreSQL database: the tables are emptied before the storage is handed over. */
export async function postgresStorage(): Promise<Storage & { cleanup: () => Promise<void> }> {
  if (!postgresUrl) throw new Error('TEST_DATABASE_URL is not set.');
  const storage = await PostgresStorage.open(postgresUrl);
  await (storage as unknown as { sql: { unsafe: (q: string) => Promise<unknown> } }).sql.unsafe(
    `TRUNCATE ${tables.filter((table) => table !== 'server_secrets' && table !== 'schema_migrations').join(', ')}`,
  );
  return Object.assign(storage, { cleanup: () => storage.close() });
}

/** The drivers every storage test runs against. */
export const drivers: { name: string; open: () => Promise<Storage & { cleanup: () => unknown }> }[] = [
  { name: 'SQLite', open: async () => sqliteStorage() },
  ...(postgresUrl ? [{ name: 'PostgreSQL', open: postgresStorage }] : []),
];
if (!postgresUrl) console.log('# TEST_DATABASE_URL is not set: PostgreSQL is not tested in this run.');

export function testApp(storage: Storage, overrides: Partial<AppOptions> = {}) {
  return createApp({
    storage,
    moderatorToken: token,
    allowedOrigins: ['https://www.example.gov.uk'],
    moderation: 'pre',
    rateLimiter: new RateLimiter(0),
    reportLimiter: new RateLimiter(0),
    reportsToHide: 3,
    signInLimiter: new RateLimiter(10, { counter: storage.hitCounter, windowMs: 300_000, name: 'sign-in' }),
    clientAddress: () => '192.0.2.1',
    ...overrides,
  });
}

export const newComment = (overrides: object = {}) => ({
  page,
  section: 'intro',
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  body: 'A comment on the introduction.',
  visibility: 'public',
  ...overrides,
});

export const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

export const moderator = (init: RequestInit = {}): RequestInit => ({
  ...init,
  headers: { Authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) },
});

/** A form-encoded POST, as a browser sends the form for readers without JavaScript. */
export const form = (fields: Record<string, string>, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
  body: new URLSearchParams(fields).toString(),
});

/** A complete, valid submission of that form. */
export const formFields = {
  page,
  section: 'intro',
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  body: 'Sent without JavaScript.',
  visibility: 'public',
  idempotency: 'form-key-1',
};

/**
 * Rate limits count in fixed one-minute windows, so a burst that straddles a window's end is
 * allowed the limit twice, once in each. A test that counts what a burst gets through waits, when
 * the current window is nearly over, for the next one to begin.
 */
export async function awayFromWindowEdge(windowMs = 60_000, margin = 15_000): Promise<void> {
  const left = windowMs - (Date.now() % windowMs);
  if (left < margin) await new Promise((resolve) => setTimeout(resolve, left + 50));
}
