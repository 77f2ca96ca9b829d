import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, beforeEach, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import postgres from 'postgres';
import { cy } from 'civic-comments/i18n';
import { en } from 'civic-comments/i18n';
import { readConfig, type ServerConfig } from '../src/config.js';
import { startServer } from '../src/server.js';
import { PostgresStorage } from '../src/storage/postgres.js';
import { SqliteStorage } from '../src/storage/sqlite.js';
import { migrations } from '../src/storage/migrations.js';
import type { Storage } from '../src/storage/storage.js';
import { drivers, startInstance, form, formFields, json, moderator, newComment, page, postgresUrl, testApp, token } from './helpers.js';
import { emptyPostgres } from './processes.js';

const hour = 3_600_000;
const iso = (offset: number) => new Date(Date.now() + offset).toISOString();
const encoded = encodeURIComponent(page);

describe('consultation dates as GOV.UK writes them, in UK time', () => {
  it('writes English and Welsh without the platform’s Welsh data, in British Summer Time and out of it', () => {
    assert.equal(en.formatDateTime('2027-03-31T22:59:00Z'), '31 March 2027 at 11:59pm');
    assert.equal(cy.formatDateTime('2027-03-31T22:59:00Z'), '31 Mawrth 2027 am 11:59yh');
    assert.equal(en.formatDateTime('2027-01-15T09:00:00Z'), '15 January 2027 at 9am');
    assert.equal(cy.formatDateTime('2027-01-15T09:30:00Z'), '15 Ionawr 2027 am 9:30yb');
    assert.equal(en.formatDateTime('2027-06-30T23:00:00Z'), '1 July 2027 at midnight');
    assert.equal(en.formatDateTime('2027-12-01T12:00:00Z'), '1 December 2027 at midday');
    assert.equal(cy.formatDateTime('2027-12-01T12:00:00Z'), '1 Rhagfyr 2027 am hanner dydd');
  });
});

for (const driver of drivers) {
  describe(`consultations on ${driver.name}`, () => {
    let storage: Storage & { cleanup: () => unknown };
    let app: ReturnType<typeof testApp>;
    beforeEach(async () => {
      storage = await driver.open();
      app = testApp(storage);
    });
    afterEach(async () => storage.cleanup());

    const put = (body: object, path = encoded) =>
      app.request(
        `/api/v1/moderation/consultations/${path}`,
        moderator({ method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
      );
    const counts = async () =>
      (await (await app.request(`/api/v1/counts?page=${encoded}`)).json()) as { consultation: Record<string, unknown> | null };
    const post = (body: object = newComment(), headers: Record<string, string> = {}) =>
      app.request('/api/v1/comments', json(body, headers));

    it('behaves as before on a page with no consultation: always open, and the counts say so with null', async () => {
      assert.equal((await counts()).consultation, null);
      assert.equal((await app.request(`/api/v1/consultations/${encoded}`)).status, 404);
      assert.equal((await post()).status, 201);
    });

    it('keeps a consultation for moderators only, and shows the public what they may see', async () => {
      assert.equal((await app.request(`/api/v1/moderation/consultations/${encoded}`, { method: 'PUT', body: '{}' })).status, 401);
      const saved = await put({
        title: 'Review of digital services',
        opensAt: '2026-01-01T00:00:00Z',
        closesAt: '2099-03-31T23:59:00+01:00',
        department: 'Department for Digital Services',
        askOrganisation: true,
        contactEmail: 'consultation@example.gov.uk',
        sections: [{ id: 'intro', title: 'Introduction' }],
      });
      assert.equal(saved.status, 200);
      const { consultation } = (await saved.json()) as { consultation: Record<string, unknown> };
      assert.equal(consultation.closesAt, '2099-03-31T22:59:00.000Z', 'stored in UTC, whatever offset it came with');
      assert.equal(consultation.contactEmail, 'consultation@example.gov.uk');
      assert.deepEqual(consultation.sections, [
        { id: 'intro', title: 'Introduction', question: null, aliases: [], text: null, version: null },
      ]);

      const expected = {
        page,
        title: 'Review of digital services',
        opensAt: '2026-01-01T00:00:00.000Z',
        closesAt: '2099-03-31T22:59:00.000Z',
        state: 'open',
        department: 'Department for Digital Services',
        askOrganisation: true,
      };
      const single = await app.request(`/api/v1/consultations/${encoded}`);
      assert.deepEqual(await single.json(), { consultation: expected });
      assert.deepEqual((await counts()).consultation, expected, 'the counts carry it, so a page still makes one request');
      for (const text of [JSON.stringify(await counts()), await (await app.request(`/api/v1/consultations/${encoded}`)).text()]) {
        assert.ok(!text.includes('consultation@example.gov.uk'), 'the contact address is for moderators only');
      }

      await post(newComment({ respondent: 'individual' }));
      const listed = (await (await app.request('/api/v1/moderation/consultations', moderator())).json()) as {
        consultations: { page: string; statusCounts: Record<string, number> }[];
      };
      assert.deepEqual(
        listed.consultations.map((c) => [c.page, c.statusCounts]),
        [[page, { pending: 1 }]],
      );
    });

    it('refuses a consultation that cannot be, field by field', async () => {
      const refused = await put({ title: '', opensAt: '2027-04-01T00:00:00Z', closesAt: '2027-03-01T00:00:00Z', contactEmail: 'nobody' });
      assert.equal(refused.status, 400);
      const { error, fields } = (await refused.json()) as { error: string; fields: Record<string, string> };
      assert.equal(error, 'validation');
      assert.deepEqual(Object.keys(fields).sort(), ['closesAt', 'contactEmail', 'title']);
      assert.equal((await put({ title: 'Dates', closesAt: 'next Tuesday' })).status, 400);
      // Dates the pattern lets through but the calendar has no room for: a 400 naming the field, never a 500 nor another day.
      for (const impossible of [
        '2027-13-45T12:00:00Z',
        '2027-03-31T25:00:00Z',
        '2027-03-31T12:00:00+99:99',
        '2027-02-30T12:00:00Z',
        '2027-02-29T09:00:00Z',
        '2027-03-31T23:60:00Z',
        '2027-00-10T12:00:00Z',
      ]) {
        const refusedDate = await put({ title: 'Dates', closesAt: impossible });
        assert.equal(refusedDate.status, 400, impossible);
        assert.deepEqual(Object.keys(((await refusedDate.json()) as { fields: object }).fields), ['closesAt'], impossible);
      }
      assert.equal((await counts()).consultation, null, 'nothing was stored');
      const leap = await put({ title: 'Dates', opensAt: '2028-02-29T09:00:00+00:00', closesAt: '2028-03-31T23:59:00+14:00' });
      assert.equal(leap.status, 200, '29 February of a leap year, and the furthest offset in use');
    });

    it('refuses posts before it opens and after it closes with 409, the dates and a message in the reader’s language', async () => {
      const opensAt = iso(48 * hour);
      await put({ title: 'Upcoming', opensAt });
      const early = await post(newComment(), { 'Accept-Language': 'cy,en;q=0.8' });
      assert.equal(early.status, 409);
      const earlyBody = (await early.json()) as Record<string, string>;
      assert.equal(earlyBody.error, 'consultation_not_open');
      assert.equal(earlyBody.opensAt, new Date(opensAt).toISOString());
      assert.equal(earlyBody.message, `Bydd yr ymgynghoriad hwn yn agor ar ${cy.formatDateTime(opensAt)}.`);

      const closesAt = iso(-hour);
      await put({ title: 'Closed', opensAt: iso(-48 * hour), closesAt });
      const late = await post();
      assert.equal(late.status, 409);
      const lateBody = (await late.json()) as Record<string, string>;
      assert.equal(lateBody.error, 'consultation_closed');
      assert.equal(lateBody.closesAt, new Date(closesAt).toISOString());
      assert.equal(lateBody.message, `This consultation closed on ${en.formatDateTime(closesAt)}. You can still read the comments.`);
      assert.equal((await counts()).consultation!.state, 'closed');
      assert.equal((await storage.exportAll(page)).length, 0, 'nothing was stored');
    });

    it('reopens at once when closesAt moves, and answers a retry of a post stored while it was open', async () => {
      await put({ title: 'Extended', closesAt: iso(hour) });
      const first = await post(newComment(), { 'Idempotency-Key': 'sent-while-open' });
      assert.equal(first.status, 201);
      await put({ title: 'Extended', closesAt: iso(-hour) });
      assert.equal((await counts()).consultation!.state, 'closed');
      const retried = await post(newComment(), { 'Idempotency-Key': 'sent-while-open' });
      assert.equal(retried.status, 201, 'a retry asks for nothing new');
      assert.deepEqual(await retried.json(), await first.json());
      assert.equal((await post(newComment({ body: 'Too late.' }))).status, 409);
      await put({ title: 'Extended', closesAt: iso(24 * hour) });
      assert.equal((await counts()).consultation!.state, 'open');
      assert.equal((await post(newComment({ body: 'In time after the extension.' }))).status, 201);
    });

    it('publishes the department’s own responses at once, in its name, closed or not', async () => {
      const official = (body: object) =>
        app.request(
          '/api/v1/moderation/comments',
          moderator({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
        );
      assert.equal((await app.request('/api/v1/moderation/comments', json({ page, section: 'intro', body: 'x' }))).status, 401);
      assert.equal((await official({ page, section: 'intro', body: 'Without a department.' })).status, 409);

      const reader = (await (await post()).json()) as { comment: { id: string } };
      await storage.setStatus(reader.comment.id, 'published', 'Test');
      await put({ title: 'Closed', closesAt: iso(-hour), department: 'Department for Digital Services' });
      assert.equal((await official({ page, section: 'intro', body: '' })).status, 400);
      assert.equal((await official({ page, section: 'intro', parentId: 'no-such-comment', body: 'A reply.' })).status, 400);
      const reply = await official({ page, section: 'intro', parentId: reader.comment.id, body: 'Thank you: we have changed the plan.' });
      assert.equal(reply.status, 201);
      const { comment } = (await reply.json()) as { comment: Record<string, unknown> };
      assert.equal(comment.role, 'official');
      assert.equal(comment.name, 'Department for Digital Services');
      assert.equal(comment.status, 'published');

      const list = (await (await app.request(`/api/v1/comments?page=${encoded}&section=intro`)).json()) as {
        comments: Record<string, unknown>[];
      };
      assert.deepEqual(
        list.comments.map((c) => [c.role, c.parentId]),
        [
          ['reader', null],
          ['official', reader.comment.id],
        ],
      );
      assert.ok(list.comments.every((c) => !('email' in c)));
    });

    it('carries each section’s outcome in its list, once the department has published one', async () => {
      const section = (name: string) => app.request(`/api/v1/comments?page=${encoded}&section=${name}`);
      assert.equal(((await (await section('intro')).json()) as { outcome: unknown }).outcome, null);
      const putOutcome = (name: string, body: unknown) =>
        app.request(
          `/api/v1/moderation/outcomes/${encoded}/${name}`,
          moderator({ method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
        );
      assert.equal((await putOutcome('intro', { body: '   ' })).status, 400);
      const saved = await putOutcome('intro', { body: 'You said the form was too long.\nWe cut it to one page.' });
      assert.equal(saved.status, 200);
      const { outcome } = (await (await section('intro')).json()) as { outcome: { body: string; updatedAt: string } };
      assert.equal(outcome.body, 'You said the form was too long.\nWe cut it to one page.');
      assert.match(outcome.updatedAt, /^\d{4}-\d{2}-\d{2}T/);
      assert.equal(((await (await section('other')).json()) as { outcome: unknown }).outcome, null, 'one section’s outcome only');
      await putOutcome('intro', { body: 'Changed.' });
      assert.equal(((await (await section('intro')).json()) as { outcome: { body: string } }).outcome.body, 'Changed.');
    });

    it('shows readers without JavaScript the closed state in place of the form, and gives back what they typed', async () => {
      const closesAt = iso(-hour);
      await put({ title: 'Closed', closesAt });
      const shown = await app.request(`/respond?page=${encoded}&section=intro&lang=cy`);
      assert.equal(shown.status, 200);
      const page = await shown.text();
      assert.ok(page.includes(`Daeth yr ymgynghoriad hwn i ben ar ${cy.formatDateTime(closesAt)}.`));
      assert.ok(!page.includes('<form'), 'no form to fill in');

      const sent = await app.request('http://localhost/respond', form({ ...formFields, body: 'Typed <b>before</b> it closed.' }));
      assert.equal(sent.status, 409);
      const answer = await sent.text();
      assert.ok(answer.includes('This consultation closed on'));
      assert.ok(answer.includes('Typed &lt;b&gt;before&lt;/b&gt; it closed.'), 'what was typed comes back, as text');
      assert.equal((await storage.exportAll()).length, 0);
    });
  });
}

describe('a consultation that closes while its answers are kept', () => {
  const folder = mkdtempSync(join(tmpdir(), 'civic-comments-closing-'));
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('shows the new state on the first read after the closing time, with no write in between', async () => {
    const server = await startServer(
      readConfig(['--port', '0', '--db', join(folder, 'closing.db')], { MODERATOR_TOKEN: token }) as ServerConfig,
    );
    try {
      const closesAt = Date.now() + 1500;
      await fetch(`${server.url}/api/v1/moderation/consultations/${encoded}`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ title: 'Closing soon', closesAt: new Date(closesAt).toISOString() }),
      });
      const state = async () =>
        ((await (await fetch(`${server.url}/api/v1/counts?page=${encoded}`)).json()) as { consultation: { state: string } }).consultation
          .state;
      assert.equal(await state(), 'open');
      assert.equal(await state(), 'open', 'kept');
      await new Promise((resolve) => setTimeout(resolve, closesAt - Date.now() + 50));
      assert.equal(await state(), 'closed');
    } finally {
      await server.close();
    }
  });
});

describe('the schema as it was before consultations', () => {
  it('migrates a SQLite file with comments in it, and keeps them readable as readers’ comments', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'civic-comments-migrate-'));
    try {
      const file = join(folder, 'old.db');
      const old = new Database(file);
      old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
      for (const migration of migrations.filter((m) => m.version < 4)) {
        old.exec(migration.sql.replaceAll('ORDERED', 'TEXT'));
        old.prepare('INSERT INTO schema_migrations VALUES (?, ?)').run(migration.version, new Date().toISOString());
      }
      old
        .prepare(`INSERT INTO comments VALUES ('c1', ?, 'intro', NULL, 'Ada', 'ada@example.com', 'Kept.', 'public', 'published', ?, ?)`)
        .run(page, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
      old.close();
      const storage = new SqliteStorage(file);
      const listed = await storage.listPublished(page, 'intro', 10);
      assert.deepEqual(
        listed.items.map((c) => [c.body, c.role]),
        [['Kept.', 'reader']],
      );
      assert.equal(await storage.getConsultation(page), undefined);
      await storage.close();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('the PostgreSQL schema as it was before consultations', { skip: postgresUrl ? false : 'TEST_DATABASE_URL is not set' }, () => {
  it('migrates a database with comments in it, and keeps them readable as readers’ comments', async () => {
    await emptyPostgres(postgresUrl!);
    const old = postgres(postgresUrl!, { onnotice: () => {} });
    await old.unsafe('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    for (const migration of migrations.filter((m) => m.version < 4)) {
      await old.unsafe(migration.sql.replaceAll('ORDERED', 'TEXT COLLATE "C"'));
      await old.unsafe('INSERT INTO schema_migrations VALUES ($1, $2)', [migration.version, new Date().toISOString()]);
    }
    await old.unsafe(
      `INSERT INTO comments VALUES ('c1', $1, 'intro', NULL, 'Ada', 'ada@example.com', 'Kept.', 'public', 'published', $2, $2)`,
      [page, '2026-01-01T00:00:00.000Z'],
    );
    await old.end();
    const storage = await PostgresStorage.open(postgresUrl!);
    try {
      const listed = await storage.listPublished(page, 'intro', 10);
      assert.deepEqual(
        listed.items.map((c) => [c.body, c.role]),
        [['Kept.', 'reader']],
      );
      assert.equal(await storage.getConsultation(page), undefined);
    } finally {
      await storage.close();
    }
  });
});

describe('two instances sharing PostgreSQL', { skip: postgresUrl ? false : 'TEST_DATABASE_URL is not set' }, () => {
  it('each refuses or takes posts by dates the other has just changed', async () => {
    await emptyPostgres(postgresUrl!);
    const a = await startInstance(postgresUrl!);
    const b = await startInstance(postgresUrl!);
    try {
      const put = (closesAt: string) =>
        fetch(`${a.url}/api/v1/moderation/consultations/${encoded}`, {
          method: 'PUT',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ title: 'Shared', closesAt }),
        });
      const state = async () =>
        ((await (await fetch(`${b.url}/api/v1/counts?page=${encoded}`)).json()) as { consultation: { state: string } }).consultation.state;
      const postToB = () => fetch(`${b.url}/api/v1/comments`, json(newComment()));
      await put(iso(hour));
      assert.equal(await state(), 'open');
      assert.equal((await postToB()).status, 201);
      await put(iso(-hour));
      assert.equal(await state(), 'closed', 'B sees the new date at once, though it keeps answers');
      assert.equal((await postToB()).status, 409);
      await put(iso(hour));
      assert.equal((await postToB()).status, 201);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
