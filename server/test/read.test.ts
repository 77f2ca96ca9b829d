import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { CreatedComment } from '../../src/contract/index.js';
import type { Storage } from '../src/storage/storage.js';
import { drivers, json, moderator, newComment, page, testApp } from './helpers.js';

const encoded = encodeURIComponent(page);

for (const driver of drivers) {
  describe(`the reading view for readers without JavaScript on ${driver.name}`, () => {
    let storage: Storage & { cleanup: () => unknown };
    let app: ReturnType<typeof testApp>;
    beforeEach(async () => {
      storage = await driver.open();
      app = testApp(storage, { moderation: 'post' });
    });
    afterEach(() => storage.cleanup());

    const send = async (overrides: object) =>
      CreatedComment.parse(await (await app.request('/api/v1/comments', json(newComment(overrides)))).json()).comment;
    const put = (body: object) => app.request(`/api/v1/moderation/consultations/${encoded}`, moderator({ ...json(body), method: 'PUT' }));
    const read = (query = '', headers: Record<string, string> = {}) =>
      app.request(`/read?page=${encoded}&section=intro${query}`, { headers });

    it('shows a section’s published comments oldest first, as text, with the outcome, replies and the department’s answers', async () => {
      assert.equal(
        (await put({ title: 'Library review', department: 'Libraries', sections: [{ id: 'intro', title: '1. Opening hours' }] })).status,
        200,
      );
      const first = await send({ name: 'Ada Lovelace', body: 'Open on Sundays, <script>alert(1)</script> please.\nA second line.' });
      await send({
        name: 'Ravi',
        respondent: 'organisation',
        organisation: 'Riverside Readers',
        visibility: 'anonymous',
        body: 'Published without a name.',
      });
      await send({ name: 'Pat', email: 'pat@example.com', visibility: 'private', body: 'Sent privately.' });
      await send({ name: 'Grace Hopper', parentId: first.id, body: 'And evenings.' });
      await app.request(
        '/api/v1/moderation/comments',
        moderator(json({ page, section: 'intro', parentId: first.id, body: 'We will open on Sundays.' })),
      );
      await app.request(
        `/api/v1/moderation/outcomes/${encoded}/intro`,
        moderator({ ...json({ body: 'Sunday opening starts in May.' }), method: 'PUT' }),
      );

      const answer = await read('&return=/demo/%23intro');
      assert.equal(answer.status, 200);
      assert.match(answer.headers.get('Content-Type')!, /^text\/html/);
      assert.match(answer.headers.get('Content-Security-Policy')!, /script-src 'self'/);
      assert.equal(answer.headers.get('Cache-Control'), 'public, max-age=10, stale-while-revalidate=60');
      const text = await answer.text();
      assert.match(text, /<h1>Comments on 1\. Opening hours<\/h1>/);
      assert.match(text, /Library review/);
      assert.match(text, /What we did with your comments<\/h2><p class="outcome">Sunday opening starts in May\.<\/p>/);
      assert.match(text, /4 comments/);
      const order = ['Open on Sundays', 'Published without a name.', 'And evenings.', 'We will open on Sundays.'].map((body) =>
        text.indexOf(body),
      );
      assert.deepEqual(
        [...order].sort((a, b) => a - b),
        order,
        'oldest first',
      );
      assert.ok(order.every((at) => at > 0));
      assert.ok(text.includes('&lt;script&gt;alert(1)&lt;/script&gt;') && !text.includes('<script'), 'reader text is only text');
      assert.match(text, /Anonymous respondent, on behalf of Riverside Readers|Anonymous respondent/);
      assert.ok(!text.includes('Ravi'), 'an anonymous response keeps its name to itself');
      assert.match(text, /In reply to Ada Lovelace/);
      assert.match(text, /Official response/);
      assert.ok(!text.includes('Sent privately') && !text.includes('@example.com'), 'no private response, no email');
      assert.match(
        text,
        /href="\/respond\?page=%2Freview&amp;section=intro&amp;return=http%3A%2F%2Flocalhost%2Fdemo%2F%23intro">Comment on this section/,
      );
      assert.match(text, /href="http:\/\/localhost\/demo\/#intro">Back to the section/);

      // Cacheable: the same answer is not sent twice to a browser that has it.
      const etag = answer.headers.get('ETag')!;
      assert.match(etag, /^W\/"/);
      assert.equal((await read('&return=/demo/%23intro', { 'If-None-Match': etag })).status, 304);
    });

    it('says so in place of the link to the form once the consultation has closed, in English and Welsh', async () => {
      await send({ body: 'Sent while it was open.' });
      await put({ title: 'Parking', closesAt: '2026-01-31T23:59:00Z' });
      const english = await (await read()).text();
      assert.match(english, /This consultation closed on 31 January 2026 at 11:59pm\./);
      assert.ok(!english.includes('href="/respond?'), 'no form to go to');
      assert.match(english, /Sent while it was open\./);
      const welsh = await (await read('&lang=cy')).text();
      assert.match(welsh, /<html lang="cy">/);
      assert.match(welsh, /Sylwadau ar intro/);
      assert.match(welsh, /Ionawr 2026/);
    });

    it('pages a long thread, and refuses a link it cannot follow with its own page', async () => {
      for (let i = 0; i < 102; i++) await send({ body: `Comment number ${i}.`, email: `r${i}@example.com` });
      const first = await (await read()).text();
      assert.match(first, /Comments 1 to 100 of 102/);
      const next = /href="(\/read\?[^"]+cursor=[^"]+)">Show more comments/.exec(first)![1]!.replaceAll('&amp;', '&');
      const second = await (await app.request(next)).text();
      assert.match(second, /Comment number 100\./);
      assert.match(second, /Comment number 101\./);
      assert.ok(!second.includes('Comment number 99.'));
      for (const broken of [
        '/read?page=%2Freview',
        '/read?section=intro',
        `/read?page=${encoded}&section=intro&cursor=nonsense`,
        `/read?page=${'p'.repeat(401)}&section=intro`,
      ]) {
        const refused = await app.request(broken);
        assert.equal(refused.status, 400, broken);
        assert.match(await refused.text(), /missing its page or section/);
      }
    });
  });
}

describe('the reading view while the database is out of reach', () => {
  it('says so in a page of its own, never a 500 nor JSON', async () => {
    const { sqliteStorage } = await import('./helpers.js');
    const storage = sqliteStorage();
    // The failure a disk that cannot be read gives, on the first read the view makes.
    const failing = new Proxy(storage, {
      get: (target, property) =>
        property === 'getConsultation'
          ? async () => {
              throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_READ' });
            }
          : Reflect.get(target, property, target),
    });
    try {
      const answer = await testApp(failing).request(`/read?page=${encoded}&section=intro&lang=cy`);
      assert.equal(answer.status, 503);
      assert.equal(answer.headers.get('Retry-After'), '5');
      assert.match(answer.headers.get('Content-Type')!, /^text\/html/);
      assert.match(await answer.text(), /Nid oes modd dangos y sylwadau ar hyn o bryd/);
    } finally {
      storage.cleanup();
    }
  });
});
