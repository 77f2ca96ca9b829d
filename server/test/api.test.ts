import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { CommentPage, Counts, CreatedComment, ErrorBody, ModerationPage } from '../../src/contract/index.js';
import { RateLimiter } from '../src/http/rate-limit.js';
import type { Storage } from '../src/storage/storage.js';
import { awayFromWindowEdge, drivers, json, moderator, newComment, page, testApp } from './helpers.js';

for (const driver of drivers) {
  describe(`REST API on ${driver.name}`, () => {
    let storage: Storage & { cleanup: () => unknown };
    let app: ReturnType<typeof testApp>;

    beforeEach(async () => {
      storage = await driver.open();
      app = testApp(storage);
    });
    afterEach(async () => storage.cleanup());

    const post = async (body: object, headers: Record<string, string> = {}) => app.request('/api/v1/comments', json(body, headers));
    const publish = async (id: string) =>
      app.request(
        `/api/v1/moderation/comments/${id}`,
        moderator({ method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: '{"status":"published"}' }),
      );
    const list = async (section = 'intro', query = '') =>
      CommentPage.parse(await (await app.request(`/api/v1/comments?page=${page}&section=${section}${query}`)).json());

    it('answers health and publishes OpenAPI 3.1 made from the contract', async () => {
      assert.deepEqual(await (await app.request('/api/v1/health')).json(), { status: 'ok', database: 'ok', storage: storage.kind });
      const doc = (await (await app.request('/api/v1/openapi.json')).json()) as {
        openapi: string;
        paths: Record<
          string,
          Record<
            string,
            { requestBody?: { content: Record<string, { schema: { properties: Record<string, { 'x-max-characters'?: number }> } }> } }
          >
        >;
      };
      assert.equal(doc.openapi, '3.1.0');
      assert.ok(doc.paths['/api/v1/moderation/erase']);
      assert.ok(doc.paths['/api/v1/comments/{id}']);
      const body = doc.paths['/api/v1/comments']!.post!.requestBody!.content['application/json']!.schema;
      // Counted as a reader sees characters, which JSON Schema's maxLength (code points) cannot say.
      assert.equal(body.properties.body!['x-max-characters'], 5000);
      assert.equal(body.properties.name!['x-max-characters'], 100);
    });

    it('stores a public comment as pending, hidden from the public until a moderator publishes it', async () => {
      const response = await post(newComment());
      assert.equal(response.status, 201);
      const { comment } = CreatedComment.parse(await response.json());
      assert.equal(comment.status, 'pending');
      assert.equal((await list()).total, 0);
      assert.deepEqual(Counts.parse(await (await app.request(`/api/v1/counts?page=${page}`)).json()).counts, {});
      assert.equal((await publish(comment.id)).status, 200);
      const listed = await list();
      assert.equal(listed.total, 1);
      assert.equal(listed.comments[0]!.body, 'A comment on the introduction.');
      assert.deepEqual(Counts.parse(await (await app.request(`/api/v1/counts?page=${page}`)).json()).counts, { intro: 1 });
    });

    it('answers one published public comment by id, for permalinks, and 404 for anything else', async () => {
      const { comment } = CreatedComment.parse(await (await post(newComment())).json());
      const { comment: secret } = CreatedComment.parse(await (await post(newComment({ visibility: 'private', body: 'Private.' }))).json());
      const byId = (id: string) => app.request(`/api/v1/comments/${encodeURIComponent(id)}`);
      const pending = await byId(comment.id);
      assert.equal(pending.status, 404);
      assert.equal(ErrorBody.parse(await pending.json()).error, 'not_found');
      await publish(comment.id);
      const found = await byId(comment.id);
      assert.equal(found.status, 200);
      const body = await found.json();
      assert.deepEqual(CreatedComment.parse(body).comment, { ...comment, status: 'published' });
      assert.equal(JSON.stringify(body).includes('@'), false);
      assert.equal((await byId(secret.id)).status, 404);
      assert.equal((await byId('no-such-comment')).status, 404);
    });

    it('publishes at once under post-moderation, and keeps private submissions out of lists and counts', async () => {
      app = testApp(storage, { moderation: 'post' });
      const published = CreatedComment.parse(await (await post(newComment())).json()).comment;
      assert.equal(published.status, 'published');
      const reply = CreatedComment.parse(await (await post(newComment({ parentId: published.id, body: 'A reply' }))).json()).comment;
      assert.equal(reply.parentId, published.id);
      const secret = CreatedComment.parse(await (await post(newComment({ visibility: 'private', body: 'For the team' }))).json()).comment;
      assert.equal(secret.status, 'received');
      const listed = await list();
      assert.deepEqual(
        listed.comments.map((c) => c.body),
        ['A comment on the introduction.', 'A reply'],
      );
      assert.equal(listed.total, 2);
      assert.deepEqual(Counts.parse(await (await app.request(`/api/v1/counts?page=${page}`)).json()).counts, { intro: 2 });
    });

    it('never puts an email, an address or a private comment in a public response', async () => {
      app = testApp(storage, { moderation: 'post' });
      await post(newComment({ email: 'secret.person@example.com' }));
      await post(newComment({ visibility: 'private', body: 'PRIVATE-TEXT', email: 'other@example.com' }));
      const created = await (await post(newComment({ email: 'third@example.com' }))).text();
      const bytes = [
        created,
        await (await app.request(`/api/v1/comments?page=${page}&section=intro`)).text(),
        await (await app.request(`/api/v1/counts?page=${page}`)).text(),
      ].join('\n');
      assert.doesNotMatch(bytes, /@example\.com|PRIVATE-TEXT|192\.0\.2\.1/);
    });

    it('pages through a section oldest first with an opaque cursor', async () => {
      app = testApp(storage, { moderation: 'post' });
      for (let i = 0; i < 5; i++) await post(newComment({ body: `Comment ${i}` }));
      const first = await list('intro', '&limit=2');
      assert.deepEqual(
        first.comments.map((c) => c.body),
        ['Comment 0', 'Comment 1'],
      );
      assert.equal(first.total, 5);
      const second = await list('intro', `&limit=2&cursor=${first.nextCursor}`);
      assert.deepEqual(
        second.comments.map((c) => c.body),
        ['Comment 2', 'Comment 3'],
      );
      const third = await list('intro', `&limit=2&cursor=${second.nextCursor}`);
      assert.deepEqual(
        third.comments.map((c) => c.body),
        ['Comment 4'],
      );
      assert.equal(third.nextCursor, null);
      const bad = await app.request(`/api/v1/comments?page=${page}&section=intro&cursor=nonsense`);
      assert.equal(bad.status, 400);
      assert.equal(ErrorBody.parse(await bad.json()).error, 'invalid_cursor');
    });

    it('refuses bad input with 400 and GOV.UK field messages, storing nothing', async () => {
      const response = await post(newComment({ name: ' ', email: 'nope', body: 'x'.repeat(5001), visibility: 'loud' }));
      assert.equal(response.status, 400);
      assert.deepEqual(await response.json(), {
        error: 'validation',
        message: 'Some fields need correcting.',
        fields: {
          name: 'Enter your name',
          email: 'Enter an email address in the correct format, like name@example.com',
          body: 'Comment must be 5,000 characters or fewer',
          visibility: 'Select whether to publish your comment, publish it without your name, or send it privately',
        },
      });
      const orphan = await post(newComment({ parentId: 'no-such-comment' }));
      assert.deepEqual(ErrorBody.parse(await orphan.json()).fields, { parentId: 'The comment you are replying to is no longer available' });
      const notJson = await app.request('/api/v1/comments', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{oops',
      });
      assert.equal(notJson.status, 400);
      assert.equal(ErrorBody.parse(await notJson.json()).error, 'invalid_json');
      assert.equal((await app.request('/api/v1/comments?page=/x')).status, 400);
      assert.equal((await app.request('/api/v1/counts')).status, 400);
      assert.equal((await storage.exportAll()).length, 0);
    });

    it('refuses a body over 64 KiB with 413', async () => {
      const response = await post(newComment({ body: 'x'.repeat(70 * 1024) }));
      assert.equal(response.status, 413);
      assert.equal(ErrorBody.parse(await response.json()).error, 'too_large');
    });

    it('answers unknown routes with 404 in the one error shape', async () => {
      const response = await app.request('/api/v1/nothing-here');
      assert.equal(response.status, 404);
      assert.deepEqual(await response.json(), { error: 'not_found', message: 'There is nothing at GET /api/v1/nothing-here.' });
    });

    it('limits posts per client with 429 and Retry-After', async () => {
      app = testApp(storage, { rateLimiter: new RateLimiter(2) });
      await awayFromWindowEdge();
      assert.equal((await post(newComment())).status, 201);
      assert.equal((await post(newComment())).status, 201);
      const limited = await post(newComment());
      assert.equal(limited.status, 429);
      assert.ok(Number(limited.headers.get('Retry-After')) > 0);
      assert.equal(ErrorBody.parse(await limited.json()).error, 'rate_limited');
    });

    it('keeps a filled honeypot as spam, and tells the sender what it tells anyone', async () => {
      const response = await post(newComment({ website: 'https://spam.example' }));
      assert.equal(response.status, 201);
      assert.equal(CreatedComment.parse(await response.json()).comment.status, 'pending');
      const [stored] = await storage.exportAll();
      assert.equal(stored!.status, 'spam');
    });

    it('stores one comment per Idempotency-Key and answers a reused key with other content with 422', async () => {
      const first = await post(newComment(), { 'Idempotency-Key': 'key-1' });
      const again = await post(newComment(), { 'Idempotency-Key': 'key-1' });
      assert.equal(again.status, 201);
      assert.equal(again.headers.get('Idempotent-Replayed'), 'true');
      assert.deepEqual(await again.json(), await first.json());
      const changed = await post(newComment({ body: 'Something else' }), { 'Idempotency-Key': 'key-1' });
      assert.equal(changed.status, 422);
      assert.equal((await storage.exportAll()).length, 1);
      const racing = await Promise.all([1, 2, 3].map(() => post(newComment({ body: 'Raced' }), { 'Idempotency-Key': 'key-2' })));
      assert.deepEqual(
        racing.map((r) => r.status),
        [201, 201, 201],
      );
      assert.equal((await storage.exportAll()).filter((c) => c.body === 'Raced').length, 1);
    });

    it('sends ETag and Cache-Control on public GETs, 304 when unchanged, and a new tag only when the public view changes', async () => {
      const url = `/api/v1/comments?page=${page}&section=intro`;
      const first = await app.request(url);
      const etag = first.headers.get('ETag')!;
      assert.match(first.headers.get('Cache-Control')!, /max-age=\d+.*stale-while-revalidate=\d+/);
      assert.equal((await app.request(url, { headers: { 'If-None-Match': etag } })).status, 304);
      const pending = CreatedComment.parse(await (await post(newComment())).json()).comment;
      await post(newComment({ visibility: 'private' }));
      assert.equal((await app.request(url, { headers: { 'If-None-Match': etag } })).status, 304);
      await publish(pending.id);
      const changed = await app.request(url, { headers: { 'If-None-Match': etag } });
      assert.equal(changed.status, 200);
      assert.notEqual(changed.headers.get('ETag'), etag);
      const counts = await app.request(`/api/v1/counts?page=${page}`);
      assert.ok(counts.headers.get('ETag'));
    });

    it('lets allowed origins write, refuses others with 403 and no CORS headers, and lets anyone read', async () => {
      const allowed = await post(newComment(), { Origin: 'https://www.example.gov.uk' });
      assert.equal(allowed.status, 201);
      assert.equal(allowed.headers.get('Access-Control-Allow-Origin'), 'https://www.example.gov.uk');
      const refused = await post(newComment(), { Origin: 'https://attacker.example' });
      assert.equal(refused.status, 403);
      assert.equal(refused.headers.get('Access-Control-Allow-Origin'), null);
      assert.equal(ErrorBody.parse(await refused.json()).error, 'forbidden_origin');
      const preflight = await app.request('/api/v1/comments', {
        method: 'OPTIONS',
        headers: { Origin: 'https://attacker.example', 'Access-Control-Request-Method': 'POST' },
      });
      assert.equal(preflight.status, 403);
      assert.equal(preflight.headers.get('Access-Control-Allow-Origin'), null);
      const read = await app.request(`/api/v1/counts?page=${page}`, { headers: { Origin: 'https://attacker.example' } });
      assert.equal(read.status, 200);
      assert.equal(read.headers.get('Access-Control-Allow-Origin'), '*');
      assert.equal((await storage.exportAll()).length, 1);
    });

    describe('moderation', () => {
      it('needs the bearer token', async () => {
        for (const headers of [{}, { Authorization: 'Bearer wrong-token' }, { Authorization: 'Basic abc' }] as Record<string, string>[]) {
          const response = await app.request('/api/v1/moderation/comments', { headers });
          assert.equal(response.status, 401);
          assert.equal(response.headers.get('WWW-Authenticate'), 'Bearer');
          assert.equal(ErrorBody.parse(await response.json()).error, 'unauthorized');
        }
        assert.equal((await app.request('/api/v1/moderation/export', { headers: { Authorization: 'Bearer x' } })).status, 401);
      });

      it('lists everything newest first with emails, filters, and counts per status', async () => {
        await post(newComment({ body: 'one' }));
        await post(newComment({ body: 'two', visibility: 'private', email: 'pat@example.com' }));
        await post(newComment({ body: 'three', section: 'costs' }));
        const all = ModerationPage.parse(await (await app.request('/api/v1/moderation/comments', moderator())).json());
        assert.deepEqual(
          all.comments.map((c) => c.body),
          ['three', 'two', 'one'],
        );
        assert.equal(all.comments[1]!.email, 'pat@example.com');
        assert.deepEqual(all.statusCounts, { pending: 2, received: 1 });
        const privateOnly = ModerationPage.parse(
          await (await app.request('/api/v1/moderation/comments?visibility=private', moderator())).json(),
        );
        assert.deepEqual(
          privateOnly.comments.map((c) => c.body),
          ['two'],
        );
        const pendingIntro = ModerationPage.parse(
          await (await app.request('/api/v1/moderation/comments?status=pending&section=intro', moderator())).json(),
        );
        assert.deepEqual(
          pendingIntro.comments.map((c) => c.body),
          ['one'],
        );
        const paged = ModerationPage.parse(await (await app.request('/api/v1/moderation/comments?limit=2', moderator())).json());
        const rest = ModerationPage.parse(
          await (await app.request(`/api/v1/moderation/comments?limit=2&cursor=${paged.nextCursor}`, moderator())).json(),
        );
        assert.deepEqual(
          [...paged.comments, ...rest.comments].map((c) => c.body),
          ['three', 'two', 'one'],
        );
        assert.equal((await app.request('/api/v1/moderation/comments?status=lost', moderator())).status, 400);
      });

      it('rejects, marks as spam, deletes, and answers 404 for an unknown id', async () => {
        const { comment } = CreatedComment.parse(await (await post(newComment())).json());
        const patch = (status: string, id = comment.id) =>
          app.request(
            `/api/v1/moderation/comments/${id}`,
            moderator({ method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ status }) }),
          );
        assert.equal((await patch('rejected')).status, 200);
        assert.equal((await storage.find(comment.id))!.status, 'rejected');
        assert.equal((await patch('spam')).status, 200);
        assert.equal((await patch('deleted')).status, 400);
        assert.equal((await patch('published', 'missing')).status, 404);
        assert.equal((await app.request(`/api/v1/moderation/comments/${comment.id}`, moderator({ method: 'DELETE' }))).status, 204);
        assert.equal(await storage.find(comment.id), undefined);
        assert.equal((await app.request(`/api/v1/moderation/comments/${comment.id}`, moderator({ method: 'DELETE' }))).status, 404);
      });

      it('never publishes a response sent privately, whatever the route, and says why', async () => {
        const { comment } = CreatedComment.parse(
          await (await post(newComment({ visibility: 'private', body: 'For the department only.' }))).json(),
        );
        const refused = await publish(comment.id);
        assert.equal(refused.status, 409);
        assert.equal(ErrorBody.parse(await refused.json()).error, 'private_response');
        assert.equal((await storage.find(comment.id))!.status, 'received');
        const log = (await (await app.request('/api/v1/moderation/audit?action=status', moderator())).json()) as { total: number };
        assert.equal(log.total, 0, 'nothing for the log to say');
        const queue = ModerationPage.parse(await (await app.request('/api/v1/moderation/comments', moderator())).json());
        assert.deepEqual(queue.statusCounts, { received: 1 });
        // A moderator may still reject it, or keep it as spam.
        const rejected = await app.request(
          `/api/v1/moderation/comments/${comment.id}`,
          moderator({ method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: '{"status":"rejected"}' }),
        );
        assert.equal(rejected.status, 200);
        assert.equal((await publish(comment.id)).status, 409, 'nor once rejected');
      });

      it('exports every response as RFC 4180 CSV with formulas defused, or as JSON', async () => {
        await post(newComment({ name: '=HYPERLINK("http://evil.example")', body: 'Line one\nLine "two", with comma' }));
        await post(newComment({ visibility: 'private', body: '@SUM(A1)', email: 'pat@example.com' }));
        const csv = await app.request(`/api/v1/moderation/export?page=${encodeURIComponent(page)}&format=csv`, moderator());
        assert.equal(csv.status, 200);
        assert.match(csv.headers.get('Content-Type')!, /^text\/csv/);
        assert.match(csv.headers.get('Content-Disposition')!, /attachment; filename="responses-review-\d{4}-\d{2}-\d{2}\.csv"/);
        const text = (await csv.text()).replace(/^\uFEFF/, '');
        const lines = text.split('\r\n');
        assert.equal(
          lines[0],
          'id,reference,page,section,version,versionFrom,parentId,role,status,visibility,respondent,organisation,lang,receivedAt,createdAt,updatedAt,campaign,campaignSize,name,email,question,answer,body',
        );
        assert.ok(text.includes(`"'=HYPERLINK(""http://evil.example"")"`));
        assert.ok(text.includes('"Line one\nLine ""two"", with comma"'));
        assert.ok(text.includes(`"'@SUM(A1)"`));
        assert.ok(text.includes('pat@example.com'));
        assert.ok(text.endsWith('\r\n'));
        const exported = (await (
          await app.request(`/api/v1/moderation/export?page=${encodeURIComponent(page)}&format=json`, moderator())
        ).json()) as {
          responses: { visibility: string; email: string; role: string }[];
        };
        assert.deepEqual(
          exported.responses.map((r) => r.visibility),
          ['public', 'private'],
        );
        assert.deepEqual(
          exported.responses.map((r) => r.role),
          ['reader', 'reader'],
          'the department’s own responses are told apart by role',
        );
        assert.equal(lines[1]!.split(',')[lines[0]!.split(',').indexOf('role')], 'reader');
      });

      it("erases a person's name and email from all their responses and says how many", async () => {
        const keyed = await post(newComment({ email: 'Ada@Example.com' }), { 'Idempotency-Key': 'erase-me' });
        assert.equal(keyed.status, 201);
        await post(newComment({ email: 'ada@example.com', visibility: 'private' }));
        await post(newComment({ email: 'someone.else@example.com', name: 'Someone' }));
        const response = await app.request('/api/v1/moderation/erase', moderator(json({ email: 'ada@example.com' })));
        assert.deepEqual(await response.json(), { erased: 2 });
        const stored = await storage.exportAll();
        assert.deepEqual(
          stored.map((c) => [c.name, c.email]),
          [
            ['', ''],
            ['', ''],
            ['Someone', 'someone.else@example.com'],
          ],
        );
        const bad = await app.request('/api/v1/moderation/erase', moderator(json({})));
        assert.equal(bad.status, 400);
      });
    });
  });
}
