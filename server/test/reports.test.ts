import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { AuditPage, ModerationPage } from '../../src/contract/index.js';
import { RateLimiter } from '../src/http/rate-limit.js';
import { SqliteStorage } from '../src/storage/sqlite.js';
import type { Storage } from '../src/storage/storage.js';
import { drivers, json, moderator, newComment, page, testApp } from './helpers.js';

const encoded = encodeURIComponent(page);

for (const driver of drivers) {
  describe(`readers' reports on ${driver.name}`, () => {
    let storage: Storage & { cleanup: () => unknown };
    beforeEach(async () => {
      storage = await driver.open();
    });
    afterEach(() => storage.cleanup());

    /** The app as seen from one reader's address. */
    const from = (address: string, overrides = {}) => testApp(storage, { clientAddress: () => address, moderation: 'post', ...overrides });

    async function published(body = 'A comment readers may object to.'): Promise<string> {
      const response = await from('203.0.113.1').request('/api/v1/comments', json(newComment({ body })));
      assert.equal(response.status, 201);
      return ((await response.json()) as { comment: { id: string } }).comment.id;
    }

    const report = (address: string, id: string, body?: object | string, overrides = {}) =>
      from(address, overrides).request(`/api/v1/comments/${id}/reports`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: typeof body === 'string' ? body : body === undefined ? undefined : JSON.stringify(body),
      });

    const queue = async (query = '') => {
      const response = await from('192.0.2.1').request(`/api/v1/moderation/comments?${query}`, moderator());
      return ModerationPage.parse(await response.json());
    };
    const publicList = async () =>
      (
        (await (await from('198.51.100.9').request(`/api/v1/comments?page=${encoded}&section=intro`)).json()) as {
          comments: { id: string }[];
        }
      ).comments.map((c) => c.id);

    it('counts each reader once, keeps their reasons, and lists reported comments for moderators', async () => {
      const id = await published();
      const other = await published('Another comment.');
      const neverHide = { reportsToHide: 0 };
      const first = await report('198.51.100.1', id, { reason: '  It names a neighbour.  ' }, neverHide);
      assert.equal(first.status, 202);
      assert.deepEqual(await first.json(), { report: 'received' });
      assert.equal(first.headers.get('Cache-Control'), 'no-store');
      assert.equal(
        (await report('198.51.100.1', id, { reason: 'Again, with feeling.' }, neverHide)).status,
        202,
        'a second report answers the same',
      );
      assert.equal((await report('203.0.113.2', id, undefined, neverHide)).status, 202, 'no body at all');
      assert.equal((await report('192.0.2.3', id, '', neverHide)).status, 202, 'an empty body');

      const reported = await queue('reported=true&status=published');
      assert.deepEqual(
        reported.comments.map((c) => c.id),
        [id],
      );
      assert.deepEqual(reported.comments[0]!.reports, { count: 3, unreviewed: 3, reasons: ['It names a neighbour.'] });
      assert.equal((await queue()).comments.find((c) => c.id === other)!.reports, undefined);
      assert.deepEqual(await publicList(), [id, other], 'with REPORTS_TO_HIDE=0 it stays public');
    });

    it('takes a comment out of public view at REPORTS_TO_HIDE reporting networks, until a moderator decides, and logs it', async () => {
      const id = await published();
      const other = await published('Another comment.');
      const hideAtTwo = { reportsToHide: 2 };
      await report('198.51.100.1', id, { reason: 'Personal abuse' }, hideAtTwo);
      assert.deepEqual(await publicList(), [id, other]);
      await report('203.0.113.7', id, { reason: 'Off topic' }, hideAtTwo);
      assert.deepEqual(await publicList(), [other], 'hidden at the second network');
      const counts = (await (await from('198.51.100.9').request(`/api/v1/counts?page=${encoded}`)).json()) as {
        counts: Record<string, number>;
      };
      assert.equal(counts.counts.intro, 1);
      assert.equal((await from('198.51.100.9').request(`/api/v1/comments/${id}`)).status, 404);
      assert.equal((await report('192.0.2.50', id, {}, hideAtTwo)).status, 404, 'no longer public: nothing to report');

      const waiting = await queue('reported=true');
      assert.deepEqual(
        waiting.comments.map((c) => [c.id, c.status, c.reports?.reasons]),
        [[id, 'pending', ['Personal abuse', 'Off topic']]],
      );
      const log = AuditPage.parse(await (await from('192.0.2.1').request('/api/v1/moderation/audit?action=status', moderator())).json());
      assert.deepEqual(
        log.entries.map((e) => [e.moderator, e.commentId, e.from, e.to]),
        [['Readers’ reports', id, 'published', 'pending']],
      );

      // A moderator keeps it: published again, and no number of later reporters undoes that decision.
      const kept = await from('192.0.2.1').request(
        `/api/v1/moderation/comments/${id}`,
        moderator({ method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ status: 'published' }) }),
      );
      assert.equal(kept.status, 200);
      assert.deepEqual(await publicList(), [id, other]);
      assert.deepEqual((await queue('reported=true')).comments, []);
      for (const address of ['192.0.2.60', '100.64.1.1', '100.65.1.1', '100.66.1.1']) await report(address, id, {}, hideAtTwo);
      assert.deepEqual(await publicList(), [id, other], 'kept by a moderator: reports no longer hide it');
      assert.deepEqual(
        (await queue('reported=true')).comments[0]!.reports,
        { count: 6, unreviewed: 4, reasons: ['Personal abuse', 'Off topic'] },
        'but they reach the queue again',
      );

      const never = await published('Never hidden.');
      for (const address of ['198.51.100.6', '203.0.113.6', '192.0.2.6']) await report(address, never, {}, { reportsToHide: 0 });
      assert.ok((await publicList()).includes(never), 'REPORTS_TO_HIDE=0 never hides');
    });

    it('counts a network once: one IPv4 /24, one IPv6 /64, however many addresses in it', async () => {
      const id = await published();
      const hideAtThree = { reportsToHide: 3 };
      for (let host = 1; host <= 40; host++) assert.equal((await report(`198.51.100.${host}`, id, {}, hideAtThree)).status, 202);
      for (const address of [
        '2001:db8:1:2::1',
        '2001:db8:1:2:ffff:ffff:ffff:ffff',
        '2001:0db8:0001:0002:0:0:0:9',
        '::ffff:198.51.100.77',
      ]) {
        await report(address, id, {}, hideAtThree);
      }
      assert.deepEqual(await publicList(), [id], 'forty-four addresses in two networks: still public');
      assert.equal((await queue('reported=true')).comments[0]!.reports!.count, 2, 'one IPv4 /24 and one IPv6 /64');
      await report('2001:db8:1:3::1', id, {}, hideAtThree);
      assert.deepEqual(await publicList(), [], 'a third network hides it');
    });

    it('never hides the department’s own response, however many report it', async () => {
      const record = { title: 'A review', department: 'The Department' };
      assert.equal(
        (await from('192.0.2.1').request(`/api/v1/moderation/consultations/${encoded}`, moderator({ ...json(record), method: 'PUT' })))
          .status,
        200,
      );
      const official = await from('192.0.2.1').request(
        '/api/v1/moderation/comments',
        moderator(json({ page, section: 'intro', body: 'The department’s answer.' })),
      );
      assert.equal(official.status, 201);
      const id = ((await official.json()) as { comment: { id: string } }).comment.id;
      for (const address of ['198.51.100.1', '203.0.113.1', '192.0.2.77', '100.64.0.1', '2001:db8::1']) {
        assert.equal((await report(address, id, { reason: 'I disagree' })).status, 202);
      }
      assert.deepEqual(await publicList(), [id]);
      assert.equal((await queue('reported=true')).comments[0]!.reports!.count, 5, 'the reports reach the moderators');
    });

    it('lets reports through any page under ALLOWED_ORIGINS=*, but only the server’s own pages and named origins hide', async () => {
      const id = await published();
      const anywhere = { reportsToHide: 2, allowedOrigins: ['*', 'https://www.example.gov.uk'] };
      const fromOrigin = (address: string, origin: string) =>
        from(address, anywhere).request(`/api/v1/comments/${id}/reports`, {
          method: 'POST',
          headers: { Origin: origin, 'Content-Type': 'application/json' },
          body: '{}',
        });
      assert.equal((await fromOrigin('198.51.100.1', 'https://prize-draw.example')).status, 202);
      assert.equal((await fromOrigin('203.0.113.1', 'https://prize-draw.example')).status, 202);
      assert.equal((await fromOrigin('192.0.2.99', 'https://prize-draw.example')).status, 202);
      assert.deepEqual(await publicList(), [id], 'three networks through a foreign page: still public');
      assert.equal((await queue('reported=true')).comments[0]!.reports!.count, 3, 'but the moderators see them');

      const second = await published('A second comment.');
      const named = (address: string, origin: string) =>
        from(address, anywhere).request(`/api/v1/comments/${second}/reports`, {
          method: 'POST',
          headers: { Origin: origin, 'Content-Type': 'application/json' },
          body: '{}',
        });
      await named('198.51.100.1', 'https://www.example.gov.uk');
      await named('203.0.113.1', 'http://localhost');
      assert.deepEqual(await publicList(), [id], 'a named origin and the server’s own hide at two');
    });

    it('refuses what cannot be reported, a reason too long, and too many reports, with one error shape', async () => {
      const id = await published();
      const pending = (
        (await (await testApp(storage).request('/api/v1/comments', json(newComment()))).json()) as { comment: { id: string } }
      ).comment.id;
      const privately = (
        (await (await from('203.0.113.1').request('/api/v1/comments', json(newComment({ visibility: 'private' })))).json()) as {
          comment: { id: string };
        }
      ).comment.id;
      for (const unseen of [pending, privately, 'no-such-comment']) {
        const refused = await report('198.51.100.1', unseen, {});
        assert.equal(refused.status, 404, unseen);
        assert.equal(((await refused.json()) as { error: string }).error, 'not_found');
      }
      const long = await report('198.51.100.1', id, { reason: 'x'.repeat(501) });
      assert.equal(long.status, 400);
      assert.deepEqual(((await long.json()) as { fields: object }).fields, { reason: 'Reason must be 500 characters or fewer' });
      assert.equal((await report('198.51.100.1', id, '{not json')).status, 400);
      assert.equal((await report('198.51.100.1', id, { reason: 'nul \u0000 inside' })).status, 400);
      assert.equal((await report('198.51.100.1', id, { reason: 42 })).status, 400);
      assert.equal((await queue('reported=true')).comments.length, 0, 'nothing refused was counted');

      const limiter = { reportLimiter: new RateLimiter(2, { counter: storage.hitCounter, name: 'reports' }) };
      assert.equal((await report('198.51.100.2', id, {}, limiter)).status, 202);
      assert.equal((await report('198.51.100.2', id, {}, limiter)).status, 202);
      const limited = await report('198.51.100.2', id, {}, limiter);
      assert.equal(limited.status, 429);
      assert.ok(Number(limited.headers.get('Retry-After')) > 0);
      assert.equal((await report('198.51.100.3', id, {}, limiter)).status, 202, 'another reader is not held back');

      const elsewhere = await from('198.51.100.4').request(`/api/v1/comments/${id}/reports`, {
        method: 'POST',
        headers: { Origin: 'https://evil.example' },
        body: '{}',
      });
      assert.equal(elsewhere.status, 403);
    });

    it('forgets a deleted comment’s reports', async () => {
      const id = await published();
      await report('198.51.100.1', id, { reason: 'Spam' });
      assert.equal((await from('192.0.2.1').request(`/api/v1/moderation/comments/${id}`, moderator({ method: 'DELETE' }))).status, 204);
      assert.equal((await queue('reported=true')).total, 0);
    });
  });
}

describe('who reported, across restarts', () => {
  it('keeps the key that knows a reader again in the SQLite file', async () => {
    const { sqliteStorage } = await import('./helpers.js');
    const first = sqliteStorage();
    const again = new SqliteStorage((first as unknown as SqliteStorage).file);
    try {
      assert.deepEqual(await again.secret('reports'), await first.secret('reports'));
      assert.deepEqual(again.hitCounter.secret, first.hitCounter.secret);
    } finally {
      await again.close();
      first.cleanup();
    }
  });
});
