import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { postgresUrl } from './helpers.js';
import { bodies, emptyPostgres, post, startProcess, stopped } from './processes.js';

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
      // Ten readers posting one after another, so that posts arrive together and share commits
      // (the group commit), and the kill lands while batches are in flight.
      const readers = 10;
      await Promise.all(
        Array.from({ length: readers }, async (_, reader) => {
          for (let i = reader; i < total; i += readers) {
            try {
              const response = await post(first.url, `Comment ${i}`, `crash-${i}`);
              if (response.status === 201) acknowledged.add(`Comment ${i}`);
            } catch {
              // The connection died with the server: this one was never acknowledged.
            }
            // Kill the server outright once a quarter of the comments are in.
            if (acknowledged.size >= total / 4) killing ??= stopped(first.child, 'SIGKILL');
          }
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
        console.log(
          `# ${database.name}: ${acknowledged.size} of ${total} acknowledged before SIGKILL; all kept once; the rest stored once on retry`,
        );
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
      const listed = (await (await fetch(`${b.url}/api/v1/comments?page=%2Fdurability&section=intro`)).json()) as {
        comments: { body: string }[];
      };
      assert.deepEqual(
        listed.comments.map((c) => c.body),
        ['Posted through A'],
      );
      const raced = await Promise.all([
        post(a.url, 'Sent to both at once', 'instances-2'),
        post(b.url, 'Sent to both at once', 'instances-2'),
        post(a.url, 'Sent to both at once', 'instances-2'),
        post(b.url, 'Sent to both at once', 'instances-2'),
      ]);
      assert.deepEqual(
        raced.map((r) => r.status),
        [201, 201, 201, 201],
      );
      const ids = new Set(await Promise.all(raced.map(async (r) => ((await r.json()) as { comment: { id: string } }).comment.id)));
      assert.equal(ids.size, 1);
      assert.equal((await bodies(a.url)).filter((body) => body === 'Sent to both at once').length, 1);
    } finally {
      await Promise.all([stopped(a.child, 'SIGTERM'), stopped(b.child, 'SIGTERM')]);
    }
  });
});
