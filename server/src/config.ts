import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';

export interface ServerConfig {
  port: number;
  host: string;
  databaseUrl: string;
  moderatorToken: string;
  /** True when the token was made at start, so it must be printed once. */
  tokenGenerated: boolean;
  allowedOrigins: string[];
  moderation: 'pre' | 'post';
  rateLimit: number;
  trustProxy: boolean;
  demo: boolean;
  seed: boolean;
}

export const usage = `Usage: civic-comments-server [options]

  --port <n>        port to listen on (PORT; default 8787)
  --host <address>  address to listen on (HOST; default 127.0.0.1, use 0.0.0.0 in a container)
  --db <url|path>   postgres:// URL or SQLite file (DATABASE_URL; default ./data/comments.db)
  --demo            also serve the demonstration page at / and the bundle at /civic-comments.js
  --seed            add a few comments to an empty database, for the demonstration
  --help            show this help

Environment: MODERATOR_TOKEN (made and printed at start when unset), ALLOWED_ORIGINS (comma-separated
origins that may post, such as https://www.example.gov.uk), MODERATION=pre|post (default pre),
RATE_LIMIT (posts per minute per client, default 5; 0 turns it off), TRUST_PROXY=1 (read the client's
address from X-Forwarded-For).`;

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
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`--port / PORT must be a port number, not "${values.port ?? env.PORT}".`);
  const moderation = env.MODERATION ?? 'pre';
  if (moderation !== 'pre' && moderation !== 'post') throw new ConfigError(`MODERATION must be "pre" or "post", not "${moderation}".`);
  const rateLimit = Number(env.RATE_LIMIT ?? 5);
  if (!Number.isInteger(rateLimit) || rateLimit < 0) throw new ConfigError(`RATE_LIMIT must be a whole number of posts per minute, not "${env.RATE_LIMIT}".`);
  const allowedOrigins = (env.ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim().replace(/\/$/, '')).filter(Boolean);
  for (const origin of allowedOrigins) {
    if (origin !== '*' && !/^https?:\/\/[^/]+$/.test(origin)) {
      throw new ConfigError(`ALLOWED_ORIGINS holds "${origin}", which is not an origin such as https://www.example.gov.uk.`);
    }
  }
  const token = env.MODERATOR_TOKEN?.trim();
  if (token !== undefined && token !== '' && token.length < 16) throw new ConfigError('MODERATOR_TOKEN must be at least 16 characters.');
  return {
    port,
    host: values.host ?? env.HOST ?? '127.0.0.1',
    databaseUrl: values.db ?? env.DATABASE_URL ?? './data/comments.db',
    moderatorToken: token || randomBytes(24).toString('base64url'),
    tokenGenerated: !token,
    allowedOrigins,
    moderation,
    rateLimit,
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    demo: Boolean(values.demo),
    seed: Boolean(values.seed),
  };
}
