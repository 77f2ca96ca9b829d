/** Real server processes for the tests that start, kill and restart them. */
import { spawn, type ChildProcess } from 'node:child_process';
import postgres from 'postgres';
import { tables } from '../src/storage/migrations.js';
import { token } from './helpers.js';

/** A real server process, started from the sources as `civic-comments-server` would be (on a port of its own, or `TEST_PORT`). */
export async function startProcess(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<{ url: string; child: ChildProcess; output: () => string }> {
  const script = "import('./src/cli.ts').then((cli) => cli.main(['--port', process.env.TEST_PORT, '--db', process.env.TEST_DB]))";
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: new URL('..', import.meta.url),
    env: { ...process.env, TEST_DB: databaseUrl, TEST_PORT: '0', MODERATOR_TOKEN: token, RATE_LIMIT: '0', MODERATION: 'post', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr!.on('data', (chunk) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start: ${output}`)), 20_000);
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
  });
  return { url, child, output: () => output };
}

export const stopped = (child: ChildProcess, signal: NodeJS.Signals) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });

export const post = (url: string, body: string, key: string) =>
  fetch(`${url}/api/v1/comments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
    body: JSON.stringify({
      page: '/durability',
      section: 'intro',
      name: 'Reader',
      email: 'reader@example.com',
      body,
      visibility: 'public',
    }),
  });

export async function bodies(url: string): Promise<string[]> {
  const all: string[] = [];
  let cursor: string | null = null;
  do {
    const response: Response = await fetch(
      `${url}/api/v1/moderation/comments?page=%2Fdurability&limit=500${cursor ? `&cursor=${cursor}` : ''}`,
      {
        headers: { Authorization: `Bearer ${token}` },
      },
    );
    const page = (await response.json()) as { comments: { body: string }[]; nextCursor: string | null };
    all.push(...page.comments.map((c) => c.body));
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

export async function emptyPostgres(url: string): Promise<void> {
  const sql = postgres(url, { onnotice: () => {} });
  await sql.unsafe(`DROP TABLE IF EXISTS ${tables.join(', ')}`);
  await sql.end();
}
