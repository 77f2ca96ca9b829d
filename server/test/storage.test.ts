import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { SqliteStorage } from '../src/storage/sqlite.js';
import { migrations } from '../src/storage/migrations.js';
import type { NewRecord, Storage } from '../src/storage/storage.js';
import { drivers, page, sqliteStorage } from './helpers.js';

const record = (overrides: Partial<NewRecord> = {}): NewRecord => ({
  page,
  section: 'intro',
  parentId: null,
  name: 'Ada',
  email: 'ada@example.com',
  body: 'Hello',
  visibility: 'public',
  status: 'published',
  role: 'reader',
  ...overrides,
});

async function create(storage: Storage, overrides: Partial<NewRecord> = {}) {
  const result = await storage.create(record(overrides));
  assert.equal(result.kind, 'created');
  return (result as { comment: { id: string } }).comment;
}

for (const driver of drivers) {
  describe(`storage on ${driver.name}`, () => {
    let storage: Storage & { cleanup: () => unknown };
    beforeEach(async () => (storage = await driver.open()));
    afterEach(async () => storage.cleanup());

    it('keeps every field and finds a comment by id', async () => {
      const { id } = await create(storage, { parentId: null, body: 'Line one\nLine two 🙂' });
      const found = await storage.find(id);
      assert.equal(found?.body, 'Line one\nLine two 🙂');
      assert.equal(found?.email, 'ada@example.com');
      assert.match(found!.createdAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      assert.equal(await storage.find('missing'), undefined);
    });

    it('lists only published public comments of the section, in the order they were stored, even within a millisecond', async () => {
      const ids = [];
      for (let i = 0; i < 30; i++) ids.push((await create(storage, { body: `c${i}` })).id);
      await create(storage, { status: 'pending' });
      await create(storage, { visibility: 'private', status: 'received' });
      await create(storage, { section: 'other' });
      await create(storage, { page: '/another-page' });
      const first = await storage.listPublished(page, 'intro', 20);
      assert.equal(first.total, 30);
      const second = await storage.listPublished(page, 'intro', 20, first.next!);
      assert.equal(second.next, null);
      assert.deepEqual(
        [...first.items, ...second.items].map((c) => c.id),
        ids,
      );
      // A public list holds the public fields and nothing else.
      assert.deepEqual(Object.keys(first.items[0]!).sort(), [
        'answer',
        'body',
        'createdAt',
        'id',
        'name',
        'organisation',
        'page',
        'parentId',
        'role',
        'section',
        'status',
        'version',
      ]);
    });

    it('counts published public comments per section', async () => {
      await create(storage);
      await create(storage);
      await create(storage, { section: 'costs' });
      await create(storage, { section: 'costs', status: 'pending' });
      await create(storage, { section: 'costs', visibility: 'private', status: 'received' });
      assert.deepEqual(await storage.countPublished(page), { intro: 2, costs: 1 });
      assert.deepEqual(await storage.countPublished('/empty'), {});
    });

    it('replays the first answer for an idempotency key and refuses it for another body', async () => {
      const idempotency = { key: 'k', fingerprint: 'f1', answer: (c: { id: string }) => `answer:${c.id}` };
      const first = await storage.create(record(), idempotency);
      assert.equal(first.kind, 'created');
      const again = await storage.create(record(), idempotency);
      assert.deepEqual(again, { kind: 'replayed', answer: (first as { answer: string }).answer });
      assert.deepEqual(await storage.create(record(), { ...idempotency, fingerprint: 'f2' }), { kind: 'conflict' });
      const raced = await Promise.all(
        Array.from({ length: 8 }, () => storage.create(record({ body: 'raced' }), { ...idempotency, key: 'race' })),
      );
      assert.equal(raced.filter((r) => r.kind === 'created').length, 1);
      assert.equal((await storage.exportAll()).filter((c) => c.body === 'raced').length, 1);
    });

    it('stores comments that arrive together each on its own: one refused key leaves the others stored', async () => {
      const answer = (c: { id: string }) => JSON.stringify({ comment: { id: c.id } });
      const results = await Promise.all([
        ...Array.from({ length: 20 }, (_, i) => storage.create(record({ body: `Together ${i}` }))),
        storage.create(record({ body: 'First' }), { key: 'together', fingerprint: 'a', answer }),
        storage.create(record({ body: 'Second' }), { key: 'together', fingerprint: 'b', answer }),
      ]);
      assert.deepEqual(
        results.map((r) => r.kind),
        [...Array(21).fill('created'), 'conflict'],
      );
      const stored = (await storage.exportAll(page)).map((c) => c.body);
      assert.equal(stored.length, 21);
      assert.ok(stored.includes('First') && !stored.includes('Second'));
      assert.equal((await storage.listPublished(page, 'intro', 100)).total, 21);
    });

    it('moves the page version on every write the public sees, and only on those', async () => {
      const start = await storage.pageVersion(page);
      await create(storage, { status: 'pending' });
      await create(storage, { visibility: 'private', status: 'received' });
      assert.equal(await storage.pageVersion(page), start, 'pending and private comments change nothing public');
      const { id } = await create(storage, { email: 'grace@example.com' });
      const published = await storage.pageVersion(page);
      assert.ok(published > start);
      await storage.setStatus(id, 'rejected', 'Test');
      const rejected = await storage.pageVersion(page);
      assert.ok(rejected > published);
      await storage.erase('grace@example.com', 'Test');
      const erased = await storage.pageVersion(page);
      assert.ok(erased > rejected);
      await storage.remove(id, 'Test');
      assert.ok((await storage.pageVersion(page)) > erased);
      assert.equal(await storage.pageVersion('/another-page'), 0);
    });

    it('moderates: filters, newest first, status counts, status changes and deletion', async () => {
      const a = await create(storage, { status: 'pending', body: 'a' });
      await create(storage, { status: 'received', visibility: 'private', body: 'b' });
      await create(storage, { status: 'pending', section: 'costs', body: 'c' });
      const all = await storage.listForModeration({}, 10);
      assert.deepEqual(
        all.items.map((c) => c.body),
        ['c', 'b', 'a'],
      );
      assert.deepEqual(all.statusCounts, { pending: 2, received: 1 });
      const filtered = await storage.listForModeration({ status: 'pending', section: 'intro' }, 10);
      assert.deepEqual(
        filtered.items.map((c) => c.body),
        ['a'],
      );
      assert.deepEqual(filtered.statusCounts, { pending: 1, received: 1 });
      const updated = await storage.setStatus(a.id, 'published', 'Test');
      assert.equal(updated?.status, 'published');
      assert.ok(updated!.updatedAt >= updated!.createdAt);
      assert.equal(await storage.setStatus('missing', 'published', 'Test'), undefined);
      assert.equal(await storage.remove(a.id, 'Test'), true);
      assert.equal(await storage.remove(a.id, 'Test'), false);
    });

    it('erases name and email, whatever their case, and says how many', async () => {
      await create(storage, { email: 'ADA@example.com' });
      await create(storage, { email: 'ada@example.com', visibility: 'private', status: 'received' });
      await create(storage, { email: 'bob@example.com', name: 'Bob' });
      assert.equal(await storage.erase('ada@example.com', 'Test'), 2);
      const rows = await storage.exportAll(page);
      assert.deepEqual(
        rows.map((c) => [c.name, c.email]),
        [
          ['', ''],
          ['', ''],
          ['Bob', 'bob@example.com'],
        ],
      );
      assert.equal(await storage.erase('nobody@example.com', 'Test'), 0);
    });
  });
}

describe('SQLite file', () => {
  it('runs in WAL mode with synchronous=FULL, and migrates once however often it is opened', async () => {
    const storage = sqliteStorage();
    const file = (storage as unknown as SqliteStorage).file;
    await create(storage);
    await storage.close();
    const reopened = new SqliteStorage(file);
    assert.equal((await reopened.exportAll()).length, 1);
    await reopened.close();
    const raw = new Database(file, { readonly: true });
    assert.equal(raw.pragma('journal_mode', { simple: true }), 'wal');
    assert.deepEqual(
      raw.prepare('SELECT version FROM schema_migrations').pluck().all(),
      migrations.map((m) => m.version),
    );
    raw.close();
    const check = new SqliteStorage(file);
    assert.equal((check as unknown as { db: Database.Database }).db.pragma('synchronous', { simple: true }), 2);
    await check.close();
    storage.cleanup();
  });
});
