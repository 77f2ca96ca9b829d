import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import postgres from 'postgres';
import { postgresUrl, token } from './helpers.js';

/** A real server process, started from the sources as `civic-comments-server` would be. */
async function startProcess(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const script = "import('./src/cli.ts').then((cli) => cli.main(['--port', '0', '--db', process.env.TEST_DB]))";
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: new URL('..', import.meta.url),
    env: { ...process.env, TEST_DB: databaseUrl, MODERATOR_TOKEN: token, RATE_LIMIT: '0', MODERATION: 'post' },
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
  return { url, child };
}

const stopped = (child: ChildProcess, signal: NodeJS.Signals) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });

const post = (url: string, body: string, key: string) =>
  fetch(`${url}/api/v1/comments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
    body: JSON.stringify({ page: '/durability', section: 'intro', name: 'Reader', email: 'reader@example.com', body, visibility: 'public' }),
  });

async function bodies(url: string): Promise<string[]> {
  const all: string[] = [];
  let cursor: string | null = null;
  do {
    const response: Response = await fetch(`${url}/api/v1/moderation/comments?page=%2Fdurability&limit=500${cursor ? `&cursor=${cursor}` : ''}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const page = (await response.json()) as { comments: { body: string }[]; nextCursor: string | null };
    all.push(...page.comments.map((c) => c.body));
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

async function emptyPostgres(url: string): Promise<void> {
  const sql = postgres(url, { onnotice: () => {} });
  await sql.unsafe('DROP TABLE IF EXISTS comments, idempotency_keys, schema_migrations');
  await sql.end();
}

const folder = mkdtempSync(join(tmpdir(), 'civic-comments-processes-'));
after(() => rmSync(folder, { recursive: true, force: true }));

const databases = [
  { name: 'SQLite', url: join(folder, 'durability.db'), prepare: async () => {} },
  ...(postgresUrl ? [{ name: 'PostgreSQL', url: postgresUrl, prepare: () => emptyPostgres(postgresUrl!) }] : []),
];

for (const database of databases) {
  describe(`crash durability on ${database.name}`, () => {
    it('keeps exactly once every comment acknowledged with 201 when the server is killed mid-way, and a retry stores the rest once', async () => {
      await database.prepare();
      const first = await startProcess(database.url);
      const total = 200;
      const acknowledged = new Set<string>();
      let killing: Promise<void> | undefined;
      await Promise.all(
        Array.from({ length: total }, async (_, i) => {
          try {
            const response = await post(first.url, `Comment ${i}`, `crash-${i}`);
            if (response.status === 201) acknowledged.add(`Comment ${i}`);
          } catch {
            // The connection died with the server: this one was never acknowledged.
          }
          // Kill the server outright once a quarter of the comments are in.
          if (acknowledged.size >= total / 4) killing ??= stopped(first.child, 'SIGKILL');
        }),
      );
      await killing;
      assert.ok(acknowledged.size >= total / 4 && acknowledged.size < total, `acknowledged ${acknowledged.size} of ${total}`);

      const second = await startProcess(database.url);
      try {
        const stored = await bodies(second.url);
        for (const body of acknowledged) {
          assert.equal(stored.filter((b) => b === body).length, 1, `${body} was acknowledged, so it must be stored once`);
        }
        assert.equal(new Set(stored).size, stored.length, 'nothing is stored twice');
        // Readers whose answer never came send again with the same key: each comment ends up stored once.
        await Promise.all(Array.from({ length: total }, (_, i) => post(second.url, `Comment ${i}`, `crash-${i}`)));
        const after = await bodies(second.url);
        assert.equal(after.length, total);
        assert.equal(new Set(after).size, total);
        console.log(`# ${database.name}: ${acknowledged.size} of ${total} acknowledged before SIGKILL; all kept once; the rest stored once on retry`);
      } finally {
        await stopped(second.child, 'SIGTERM');
      }
    });
  });
}

describe('two server instances on one PostgreSQL', { skip: postgresUrl ? false : 'TEST_DATABASE_URL is not set' }, () => {
  it('list through one what was posted through the other, and hold an idempotency key across both', async () => {
    await emptyPostgres(postgresUrl!);
    const a = await startProcess(postgresUrl!);
    const b = await startProcess(postgresUrl!);
    try {
      assert.equal((await post(a.url, 'Posted through A', 'instances-1')).status, 201);
      const listed = (await (await fetch(`${b.url}/api/v1/comments?page=%2Fdurability&section=intro`)).json()) as { comments: { body: string }[] };
      assert.deepEqual(listed.comments.map((c) => c.body), ['Posted through A']);
      const raced = await Promise.all([
        post(a.url, 'Sent to both at once', 'instances-2'),
        post(b.url, 'Sent to both at once', 'instances-2'),
        post(a.url, 'Sent to both at once', 'instances-2'),
        post(b.url, 'Sent to both at once', 'instances-2'),
      ]);
      assert.deepEqual(raced.map((r) => r.status), [201, 201, 201, 201]);
      const ids = new Set(await Promise.all(raced.map(async (r) => ((await r.json()) as { comment: { id: string } }).comment.id)));
      assert.equal(ids.size, 1);
      assert.equal((await bodies(a.url)).filter((body) => body === 'Sent to both at once').length, 1);
    } finally {
      await Promise.all([stopped(a.child, 'SIGTERM'), stopped(b.child, 'SIGTERM')]);
    }
  });
});
