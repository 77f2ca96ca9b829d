import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { AnswerCache } from '../src/http/answer-cache.js';
import type { RunningServer } from '../src/server.js';
import { newComment, postgresUrl, startInstance, token } from './helpers.js';
import { emptyPostgres } from './processes.js';

const folder = mkdtempSync(join(tmpdir(), 'civic-comments-cache-'));
after(() => rmSync(folder, { recursive: true, force: true }));

const start = startInstance;

const databases: { name: string; url: () => Promise<string> }[] = [
  { name: 'SQLite', url: async () => join(folder, `cache-${Math.random()}.db`) },
  ...(postgresUrl ? [{ name: 'PostgreSQL', url: async () => (await emptyPostgres(postgresUrl!), postgresUrl!) }] : []),
];

const post = (server: RunningServer, overrides: object = {}) =>
  fetch(`${server.url}/api/v1/comments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(newComment(overrides)),
  }).then(async (response) => {
    assert.equal(response.status, 201);
    return ((await response.json()) as { comment: { id: string } }).comment.id;
  });

const moderate = (server: RunningServer, path: string, init: RequestInit = {}) =>
  fetch(`${server.url}/api/v1/moderation/${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...(init.headers as object) },
  });

const listUrl = (server: RunningServer) => `${server.url}/api/v1/comments?page=%2Freview&section=intro`;
const bodies = async (server: RunningServer) =>
  ((await (await fetch(listUrl(server))).json()) as { comments: { body: string; name: string }[] }).comments;
const countsOf = async (server: RunningServer) =>
  ((await (await fetch(`${server.url}/api/v1/counts?page=%2Freview`)).json()) as { counts: Record<string, number> }).counts;

/** Headers that differ between any two answers whatever served them. */
const comparable = (response: Response) =>
  [...response.headers].filter(([name]) => !['date', 'connection', 'keep-alive'].includes(name)).sort();

describe('the answer cache', () => {
  it('holds no more than its bytes, dropping the least recently used answers first', async () => {
    const cache = new AnswerCache(10_000, async () => 1);
    for (let i = 0; i < 50; i++) cache.keep(`/a/${i}`, { body: Buffer.alloc(1_000), etag: `"${i}"`, page: 'p', version: 1 });
    assert.ok(cache.bytes <= 10_000, `${cache.bytes} bytes held`);
    assert.ok(cache.size >= 5 && cache.size < 50);
    assert.equal(await cache.fresh('/a/0'), undefined, 'the oldest went first');
    assert.ok(await cache.fresh('/a/49'), 'the newest stays');
  });

  it('never lets an answer read at an older version replace a newer one, and drops what the page has moved past', async () => {
    let version = 2;
    const cache = new AnswerCache(100_000, async () => version);
    cache.keep('/x', { body: Buffer.from('new'), etag: '"n"', page: 'p', version: 2 });
    cache.keep('/x', { body: Buffer.from('old'), etag: '"o"', page: 'p', version: 1 });
    assert.equal((await cache.fresh('/x'))?.body.toString(), 'new');
    version = 3;
    assert.equal(await cache.fresh('/x'), undefined);
    assert.equal(cache.size, 0);
  });
});

for (const database of databases) {
  describe(`public answers kept ready, on ${database.name}`, () => {
    it('answers a read from the cache with the same bytes and headers, and revalidates without reading the comments again', async () => {
      const server = await start(await database.url(), { MODERATION: 'post' });
      try {
        await post(server, { body: 'Kept ready.' });
        const first = await fetch(listUrl(server));
        const firstBody = await first.text();
        const storage = server.storage as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
        const calls = { listPublished: 0, pageVersion: 0 };
        for (const name of Object.keys(calls) as (keyof typeof calls)[]) {
          const original = storage[name]!.bind(storage);
          storage[name] = (...args) => (calls[name]++, original(...args));
        }
        const second = await fetch(listUrl(server));
        assert.equal(await second.text(), firstBody);
        assert.deepEqual(comparable(second), comparable(first));
        const etag = first.headers.get('ETag')!;
        for (let i = 0; i < 5; i++) {
          const revalidated = await fetch(listUrl(server), { headers: { 'If-None-Match': etag } });
          assert.equal(revalidated.status, 304);
          assert.equal(revalidated.headers.get('ETag'), etag);
          assert.equal(revalidated.headers.get('Access-Control-Allow-Origin'), '*');
          assert.equal(await revalidated.text(), '');
        }
        assert.deepEqual(calls, { listPublished: 0, pageVersion: 6 }, 'each read cost one look at the page version, and no list query');
      } finally {
        await server.close();
      }
    });

    it('shows a new comment, a moderation decision, a deletion and an erasure on the very next read', async () => {
      const server = await start(await database.url(), { MODERATION: 'pre' });
      try {
        const single = (id: string) => fetch(`${server.url}/api/v1/comments/${id}`);
        const pending = await post(server, { body: 'Waiting for a moderator.' });
        assert.deepEqual(await bodies(server), []);
        assert.deepEqual(await countsOf(server), {});

        assert.equal(
          (await moderate(server, `comments/${pending}`, { method: 'PATCH', body: JSON.stringify({ status: 'published' }) })).status,
          200,
        );
        assert.deepEqual(
          (await bodies(server)).map((c) => c.body),
          ['Waiting for a moderator.'],
        );
        assert.deepEqual(await countsOf(server), { intro: 1 });
        assert.equal((await single(pending)).status, 200);
        assert.equal((await single(pending)).status, 200, 'kept');

        assert.equal(
          (await moderate(server, `comments/${pending}`, { method: 'PATCH', body: JSON.stringify({ status: 'rejected' }) })).status,
          200,
        );
        assert.deepEqual(await bodies(server), []);
        assert.deepEqual(await countsOf(server), {});
        assert.equal((await single(pending)).status, 404);

        const other = await post(server, { body: 'Published, then deleted.', email: 'grace@example.com', name: 'Grace Hopper' });
        await moderate(server, `comments/${other}`, { method: 'PATCH', body: JSON.stringify({ status: 'published' }) });
        assert.deepEqual(
          (await bodies(server)).map((c) => c.name),
          ['Grace Hopper'],
        );
        assert.equal((await single(other)).status, 200);
        assert.equal(
          (await moderate(server, 'erase', { method: 'POST', body: JSON.stringify({ email: 'grace@example.com' }) })).status,
          200,
        );
        assert.deepEqual(
          (await bodies(server)).map((c) => c.name),
          [null],
          'the name goes from the kept list at once',
        );
        assert.equal(((await (await single(other)).json()) as { comment: { name: string | null } }).comment.name, null);

        assert.equal((await moderate(server, `comments/${other}`, { method: 'DELETE' })).status, 204);
        assert.deepEqual(await bodies(server), []);
        assert.equal((await single(other)).status, 404);
      } finally {
        await server.close();
      }
    });

    it(`keeps within CACHE_MB however many answers are read`, async () => {
      const server = await start(await database.url(), { MODERATION: 'post', CACHE_MB: '0.25' });
      try {
        const long = 'A long comment, so that each answer is several kilobytes. '.repeat(80);
        for (let i = 0; i < 60; i++) await post(server, { section: `s-${i}`, body: long });
        for (let round = 0; round < 2; round++) {
          for (let i = 0; i < 60; i++) {
            const answer = await fetch(`${server.url}/api/v1/comments?page=%2Freview&section=s-${i}`);
            assert.equal(((await answer.json()) as { total: number }).total, 1);
          }
        }
        assert.ok(server.answers!.bytes <= 0.25 * 1024 * 1024, `${server.answers!.bytes} bytes kept`);
        assert.ok(server.answers!.size > 10 && server.answers!.size < 60, `${server.answers!.size} answers kept`);
      } finally {
        await server.close();
      }
    });
  });
}

describe('two instances sharing PostgreSQL', { skip: postgresUrl ? false : 'TEST_DATABASE_URL is not set' }, () => {
  it('each shows at once what was written through the other, though both keep answers', async () => {
    await emptyPostgres(postgresUrl!);
    const a = await start(postgresUrl!, { MODERATION: 'pre' });
    const b = await start(postgresUrl!, { MODERATION: 'pre' });
    try {
      const id = await post(a, { body: 'Through A.', email: 'ada@example.com' });
      assert.deepEqual(await bodies(b), []);
      assert.deepEqual(await bodies(b), [], 'B keeps the empty list');
      await moderate(a, `comments/${id}`, { method: 'PATCH', body: JSON.stringify({ status: 'published' }) });
      assert.deepEqual(
        (await bodies(b)).map((c) => c.body),
        ['Through A.'],
      );
      assert.deepEqual(await countsOf(b), { intro: 1 });
      await moderate(a, 'erase', { method: 'POST', body: JSON.stringify({ email: 'ada@example.com' }) });
      assert.deepEqual(
        (await bodies(b)).map((c) => c.name),
        [null],
      );
      await moderate(b, `comments/${id}`, { method: 'DELETE' });
      assert.deepEqual(await bodies(a), []);
      assert.deepEqual(await countsOf(a), {});
      assert.ok(a.answers!.size > 0 && b.answers!.size > 0);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
