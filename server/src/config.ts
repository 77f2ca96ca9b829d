import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { parseArgs } from 'node:util';
import type { TrustProxy } from './http/client-address.js';

export interface ServerConfig {
  port: number;
  host: string;
  databaseUrl: string;
  moderatorToken: string;
  /** True when the token was made at start, so it must be printed once. */
  tokenGenerated: boolean;
  allowedOrigins: string[];
  /** `PUBLIC_URL`: the server's address as readers and staff reach it, such as `https://comments.example.gov.uk` behind a proxy. */
  publicUrl?: string;
  moderation: 'pre' | 'post';
  rateLimit: number;
  /** Readers' reports per minute per client (`REPORT_RATE_LIMIT`); 0 turns the limit off. */
  reportRateLimit: number;
  /** Unreviewed reports that take a comment out of public view (`REPORTS_TO_HIDE`); 0 never does. */
  reportsToHide: number;
  trustProxy: TrustProxy;
  /** How long a stopping server waits for open requests before it closes their connections. */
  shutdownTimeoutMs: number;
  /** Bytes of public answers kept ready in memory (`CACHE_MB`); 0 keeps none. */
  cacheBytes: number;
  demo: boolean;
  seed: boolean;
  /** Emailed receipts, when `SMTP_URL` is set. */
  mail?: MailConfig;
}

export interface MailConfig {
  /** `smtp://` or `smtps://`, with `user:password@` when the server wants them. */
  smtpUrl: string;
  /** The sender, such as `Consultations <consultations@example.gov.uk>`. */
  from: string;
  /** The wait before a receipt is tried again, doubled after each failure (up to six hours). */
  retryMs: number;
  /** Tries before a receipt is given up on, and shown to moderators as failed. */
  attempts: number;
  /** Receipts one address may be sent in an hour (`RECEIPTS_PER_ADDRESS`); more responses from it are stored without one. */
  perAddressHourly: number;
}

export const usage = `Usage: civic-comments-server [options]
       civic-comments-server moderators add "<name>" | list | remove "<name>"  (see moderators --help)

  --port <n>        port to listen on (PORT; default 8787)
  --host <address>  address to listen on (HOST; default 127.0.0.1, use 0.0.0.0 in a container)
  --db <url|path>   postgres:// URL or SQLite file (DATABASE_URL; default ./data/comments.db)
  --demo            also serve the demonstration page at / and the bundle at /civic-comments.js
  --seed            add a few comments to an empty database, for the demonstration
  --help            show this help

Environment: MODERATOR_TOKEN (made and printed at start when unset), ALLOWED_ORIGINS (comma-separated
origins that may post, such as https://www.example.gov.uk), MODERATION=pre|post (default pre),
RATE_LIMIT (posts per minute per client, default 5; 0 turns it off), REPORT_RATE_LIMIT (readers' reports per minute
per client, default 10; 0 turns it off), REPORTS_TO_HIDE (reports that take a comment out of public view until a
moderator decides, default 3; 0 never hides one), TRUST_PROXY (the number of proxies
in front of the server, such as 1, or a comma-separated list of their addresses: the client's address is
then read from X-Forwarded-For), SHUTDOWN_TIMEOUT (seconds to finish open requests on SIGTERM, default 10), CACHE_MB (memory for public
answers kept ready, default 64; 0 turns the cache off), SMTP_URL (smtp:// or smtps://user:password@host:port:
emails each respondent a receipt) with MAIL_FROM (the sender), RECEIPT_RETRY_SECONDS (the first wait before
a receipt is tried again, doubling each time; default 60) and RECEIPT_ATTEMPTS (tries before it is given up
on; default 8), RECEIPTS_PER_ADDRESS (receipts one address may receive an hour, default 5), PUBLIC_URL (the server's
address as readers reach it, such as https://comments.example.gov.uk behind a proxy: its own pages' origin).`;

/** Thrown for a setting that cannot work; the message names the setting. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the command line and the environment; the command line wins. */
export function readConfig(argv: string[], env: NodeJS.ProcessEnv): ServerConfig | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      db: { type: 'string' },
      demo: { type: 'boolean' },
      seed: { type: 'boolean' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) return 'help';

  const port = Number(values.port ?? env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`--port / PORT must be a port number, not "${values.port ?? env.PORT}".`);
  const moderation = env.MODERATION ?? 'pre';
  if (moderation !== 'pre' && moderation !== 'post') throw new ConfigError(`MODERATION must be "pre" or "post", not "${moderation}".`);
  const rateLimit = Number(env.RATE_LIMIT ?? 5);
  if (!Number.isInteger(rateLimit) || rateLimit < 0)
    throw new ConfigError(`RATE_LIMIT must be a whole number of posts per minute, not "${env.RATE_LIMIT}".`);
  const reportRateLimit = wholeNumber(env, 'REPORT_RATE_LIMIT', 10, 'reports per minute');
  const reportsToHide = wholeNumber(env, 'REPORTS_TO_HIDE', 3, 'reports');
  const allowedOrigins = (env.ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean)
    .map(normaliseOrigin);
  const token = env.MODERATOR_TOKEN?.trim();
  if (token !== undefined && token !== '') checkToken(token);
  const shutdownSeconds = Number(env.SHUTDOWN_TIMEOUT ?? 10);
  if (!Number.isFinite(shutdownSeconds) || shutdownSeconds < 0) {
    throw new ConfigError(`SHUTDOWN_TIMEOUT must be a number of seconds, not "${env.SHUTDOWN_TIMEOUT}".`);
  }
  const cacheMb = Number(env.CACHE_MB ?? 64);
  if (!Number.isFinite(cacheMb) || cacheMb < 0) throw new ConfigError(`CACHE_MB must be a number of megabytes, not "${env.CACHE_MB}".`);
  return {
    port,
    host: values.host ?? env.HOST ?? '127.0.0.1',
    databaseUrl: values.db ?? env.DATABASE_URL ?? './data/comments.db',
    moderatorToken: token || randomBytes(24).toString('base64url'),
    tokenGenerated: !token,
    allowedOrigins,
    publicUrl: readPublicUrl(env.PUBLIC_URL),
    moderation,
    rateLimit,
    reportRateLimit,
    reportsToHide,
    trustProxy: readTrustProxy(env.TRUST_PROXY),
    shutdownTimeoutMs: shutdownSeconds * 1000,
    cacheBytes: Math.round(cacheMb * 1024 * 1024),
    demo: Boolean(values.demo),
    seed: Boolean(values.seed),
    mail: readMail(env),
  };
}

/**
 * PUBLIC_URL: an http or https address with no query or fragment, kept without its trailing slash.
 * Behind a proxy that ends HTTPS, requests reach the server as `http://…`; this is the origin its own
 * pages post from and the address its links use.
 */
function readPublicUrl(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password || url.search || url.hash) {
    throw new ConfigError(
      `PUBLIC_URL must be the server's address as readers reach it, such as https://comments.example.gov.uk, not "${value}".`,
    );
  }
  return url.href.replace(/\/$/, '');
}

/** A setting that must be a whole number, 0 or more. */
function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, what: string): number {
  const value = Number(env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0) throw new ConfigError(`${name} must be a whole number of ${what}, not "${env[name]}".`);
  return value;
}

/** SMTP_URL and the settings that go with it; undefined when receipts are not sent. */
function readMail(env: NodeJS.ProcessEnv): MailConfig | undefined {
  const smtpUrl = env.SMTP_URL?.trim();
  if (!smtpUrl) return undefined;
  if (!/^smtps?:\/\/[^/]+/i.test(smtpUrl)) {
    throw new ConfigError('SMTP_URL must be smtp://host:port or smtps://user:password@host:port.');
  }
  const from = env.MAIL_FROM?.trim();
  if (!from || !/@[^@\s>]+\.[^@\s>]+>?$/.test(from)) {
    throw new ConfigError('MAIL_FROM must be the address receipts are sent from, such as "Consultations <consultations@example.gov.uk>".');
  }
  const retrySeconds = Number(env.RECEIPT_RETRY_SECONDS ?? 60);
  if (!Number.isFinite(retrySeconds) || retrySeconds < 0) {
    throw new ConfigError(`RECEIPT_RETRY_SECONDS must be a number of seconds, not "${env.RECEIPT_RETRY_SECONDS}".`);
  }
  const attempts = Number(env.RECEIPT_ATTEMPTS ?? 8);
  if (!Number.isInteger(attempts) || attempts < 1)
    throw new ConfigError(`RECEIPT_ATTEMPTS must be a whole number, 1 or more, not "${env.RECEIPT_ATTEMPTS}".`);
  const perAddressHourly = wholeNumber(env, 'RECEIPTS_PER_ADDRESS', 5, 'receipts an hour');
  if (perAddressHourly < 1)
    throw new ConfigError('RECEIPTS_PER_ADDRESS must be 1 or more receipts an hour: with none, leave SMTP_URL unset.');
  return { smtpUrl, from, retryMs: retrySeconds * 1000, attempts, perAddressHourly };
}

/**
 * An origin as browsers send it in `Origin`: scheme, lower-case host, and the port only when it is
 * not the scheme's default, so that `HTTPS://WWW.Example.gov.uk:443` matches what a browser sends.
 */
function normaliseOrigin(written: string): string {
  if (written === '*') return written;
  const refuse = () =>
    new ConfigError(
      `ALLOWED_ORIGINS holds "${written}", which is not an origin such as https://www.example.gov.uk (scheme and host, no path).`,
    );
  let url: URL;
  try {
    url = new URL(written);
  } catch {
    throw refuse();
  }
  if (
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    url.username ||
    url.password ||
    url.search ||
    url.hash ||
    url.pathname !== '/'
  ) {
    throw refuse();
  }
  return url.origin;
}

/**
 * Refuses a token that could be guessed: fewer than 16 characters, or too little variety in them to
 * carry 64 bits (estimated from how often each character occurs, so "aaaa…" and "abab…" fail).
 */
function checkToken(token: string): void {
  if (token.length < 16) throw new ConfigError('MODERATOR_TOKEN must be at least 16 characters.');
  const seen = new Map<string, number>();
  for (const char of token) seen.set(char, (seen.get(char) ?? 0) + 1);
  let bitsPerCharacter = 0;
  for (const n of seen.values()) bitsPerCharacter -= (n / token.length) * Math.log2(n / token.length);
  if (bitsPerCharacter * token.length < 64) {
    throw new ConfigError('MODERATOR_TOKEN is too easy to guess: use a long random one, such as the output of `openssl rand -base64 24`.');
  }
}

/** TRUST_PROXY: unset or 0 (no proxy), a number of proxies, or a list of proxies' addresses and subnets. */
function readTrustProxy(value: string | undefined): TrustProxy {
  const text = value?.trim() ?? '';
  if (text === '') return { hops: 0, addresses: [] };
  if (/^\d+$/.test(text)) return { hops: Number(text), addresses: [] };
  const addresses = text
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  for (const address of addresses) {
    const [ip, bits, ...rest] = address.split('/');
    const family = isIP(ip ?? '');
    const subnetOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (!family || !subnetOk || rest.length) {
      throw new ConfigError(
        `TRUST_PROXY must be the number of proxies in front of the server (such as 1) or a comma-separated list of their addresses (such as 10.0.0.1,10.1.0.0/16), not "${value}".`,
      );
    }
  }
  return { hops: 0, addresses };
}
