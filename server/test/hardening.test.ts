import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { CreatedComment, ErrorBody, csvCell } from '../../src/contract/index.js';
import { clientAddress } from '../src/http/client-address.js';
import { RateLimiter } from '../src/http/rate-limit.js';
import { ConfigError, readConfig, type ServerConfig } from '../src/config.js';
import type { Storage } from '../src/storage/storage.js';
import {
  awayFromWindowEdge,
  drivers,
  form,
  formFields,
  json,
  moderator,
  newComment,
  page,
  sqliteStorage,
  testApp,
  token,
} from './helpers.js';

describe('settings that cannot be trusted are refused or normalised at start', () => {
  it('normalises allowed origins written with capitals or a default port, and refuses one that is not an origin', () => {
    const config = readConfig([], {
      ALLOWED_ORIGINS: 'HTTPS://WWW.Example.GOV.uk:443, http://localhost:80/,https://consult.example.gov.uk:8443',
    });
    assert.ok(config !== 'help');
    assert.deepEqual(config.allowedOrigins, ['https://www.example.gov.uk', 'http://localhost', 'https://consult.example.gov.uk:8443']);
    assert.throws(
      () => readConfig([], { ALLOWED_ORIGINS: 'https://www.example.gov.uk/consultations' }),
      /ALLOWED_ORIGINS holds "https:\/\/www.example.gov.uk\/consultations"/,
    );
    assert.throws(() => readConfig([], { ALLOWED_ORIGINS: 'www.example.gov.uk' }), ConfigError);
  });

  it('refuses a moderator token that is short or made of few distinct characters', () => {
    assert.throws(() => readConfig([], { MODERATOR_TOKEN: 'a'.repeat(16) }), /MODERATOR_TOKEN is too easy to guess/);
    assert.throws(() => readConfig([], { MODERATOR_TOKEN: 'abababababababababab' }), /MODERATOR_TOKEN is too easy to guess/);
    assert.throws(() => readConfig([], { MODERATOR_TOKEN: 'short' }), /at least 16 characters/);
    const config = readConfig([], { MODERATOR_TOKEN: token });
    assert.ok(config !== 'help' && config.moderatorToken === token);
  });

  it('reads TRUST_PROXY as a number of proxies or a list of their addresses, and SHUTDOWN_TIMEOUT in seconds', () => {
    const hops = readConfig([], { TRUST_PROXY: '2', SHUTDOWN_TIMEOUT: '3' });
    assert.ok(hops !== 'help');
    assert.deepEqual(hops.trustProxy, { hops: 2, addresses: [] });
    assert.equal(hops.shutdownTimeoutMs, 3000);
    const listed = readConfig([], { TRUST_PROXY: '10.0.0.1, 10.1.0.0/16' });
    assert.ok(listed !== 'help');
    assert.deepEqual(listed.trustProxy, { hops: 0, addresses: ['10.0.0.1', '10.1.0.0/16'] });
    const defaults = readConfig([], {});
    assert.ok(defaults !== 'help');
    assert.deepEqual(defaults.trustProxy, { hops: 0, addresses: [] });
    assert.equal(defaults.shutdownTimeoutMs, 10_000);
    assert.throws(() => readConfig([], { TRUST_PROXY: 'yes' }), /TRUST_PROXY must be/);
    assert.throws(() => readConfig([], { SHUTDOWN_TIMEOUT: '-1' }), /SHUTDOWN_TIMEOUT must be/);
  });
});

describe('PUBLIC_URL, the server’s own address behind a proxy that ends HTTPS', () => {
  it('is read as an http or https address, and refused otherwise', () => {
    const config = readConfig([], { PUBLIC_URL: 'https://Comments.Example.gov.uk/' });
    assert.ok(config !== 'help');
    assert.equal(config.publicUrl, 'https://comments.example.gov.uk');
    assert.throws(() => readConfig([], { PUBLIC_URL: 'comments.example.gov.uk' }), /PUBLIC_URL must be the server's address/);
    assert.throws(() => readConfig([], { PUBLIC_URL: 'https://comments.example.gov.uk/?x=1' }), /PUBLIC_URL/);
    assert.equal((readConfig([], {}) as ServerConfig).publicUrl, undefined);
  });

  it('takes its own pages’ writes, made over https, though requests reach it as http', async () => {
    const storage = sqliteStorage();
    try {
      const proxied = testApp(storage, { publicOrigin: 'https://comments.example.gov.uk', allowedOrigins: [] });
      const own = { Origin: 'https://comments.example.gov.uk' };
      const sent = await proxied.request(
        'http://comments.example.gov.uk/respond',
        form({ ...formFields, returnTo: '/demo/#comments-intro' }, own),
      );
      assert.equal(sent.status, 201);
      assert.ok(
        (await sent.text()).includes('href="https://comments.example.gov.uk/demo/#comments-intro"'),
        'a return link to its own page, over https',
      );
      const posted = await proxied.request(
        'http://comments.example.gov.uk/api/v1/comments',
        json(newComment({ body: 'From the demonstration.' }), own),
      );
      assert.equal(posted.status, 201);
      const { comment } = CreatedComment.parse(await posted.json());
      const approved = await proxied.request(
        `http://comments.example.gov.uk/api/v1/moderation/comments/${comment.id}`,
        moderator({ method: 'PATCH', headers: { 'Content-Type': 'application/json', ...own }, body: '{"status":"published"}' }),
      );
      assert.equal(approved.status, 200, 'the console on its own page moderates');
      // Plain http is no longer the server's own origin: a page served that way is another site.
      const plain = await proxied.request(
        'http://comments.example.gov.uk/respond',
        form(formFields, { Origin: 'http://comments.example.gov.uk' }),
      );
      assert.equal(plain.status, 403);
    } finally {
      storage.cleanup();
    }
  });
});

describe('the client address behind proxies', () => {
  it('takes the right-most address that the trusted proxies did not add, so a client cannot choose its own', () => {
    const one = { hops: 1, addresses: [] };
    // The client wrote "203.0.113.9" itself; the one proxy added the address it saw, 198.51.100.7.
    assert.equal(clientAddress(one, '203.0.113.9, 198.51.100.7', '10.0.0.1'), '198.51.100.7');
    assert.equal(clientAddress({ hops: 2, addresses: [] }, '203.0.113.9, 198.51.100.7, 10.0.0.2', '10.0.0.1'), '198.51.100.7');
    assert.equal(clientAddress({ hops: 0, addresses: [] }, '203.0.113.9', '192.0.2.44'), '192.0.2.44');
    const listed = { hops: 0, addresses: ['10.0.0.1', '10.1.0.0/16'] };
    assert.equal(clientAddress(listed, '203.0.113.9, 198.51.100.7, 10.1.4.4', '10.0.0.1'), '198.51.100.7');
    assert.equal(clientAddress(listed, '203.0.113.9', '192.0.2.44'), '192.0.2.44', 'a connection not from a listed proxy is the client');
    assert.equal(clientAddress(one, undefined, '192.0.2.44'), '192.0.2.44');
    assert.equal(
      clientAddress({ hops: 5, addresses: [] }, '198.51.100.7', '10.0.0.1'),
      '198.51.100.7',
      'fewer hops than proxies: the furthest one seen',
    );
  });
});

describe('CSV for every spreadsheet', () => {
  it('quotes cells holding a semicolon or a tab, so a semicolon-separated import cannot start a cell with a formula', () => {
    assert.equal(csvCell('harmless;=HYPERLINK("https://evil.example")'), '"harmless;=HYPERLINK(""https://evil.example"")"');
    assert.equal(csvCell('a\tb'), '"a\tb"');
    assert.equal(csvCell('=1+1'), '"\'=1+1"');
  });
});

for (const driver of drivers) {
  describe(`hardening of the API on ${driver.name}`, () => {
    let storage: Storage & { cleanup: () => unknown };
    let app: ReturnType<typeof testApp>;
    beforeEach(async () => {
      storage = await driver.open();
      app = testApp(storage);
    });
    afterEach(async () => storage.cleanup());

    const post = async (body: unknown, headers: Record<string, string> = {}) => app.request('/api/v1/comments', json(body, headers));

    it('refuses a NUL character in a body, a query, a path or a filter with 400, never 500', async () => {
      const requests: [string, RequestInit?][] = [
        ['/api/v1/comments', json(newComment({ body: 'before\u0000after' }))],
        ['/api/v1/comments', json(newComment({ page: '/review\u0000' }))],
        ['/api/v1/comments', json(newComment({ name: 'Ada\u0000' }))],
        ['/api/v1/counts?page=%00'],
        ['/api/v1/comments?page=%00&section=intro'],
        ['/api/v1/comments?page=/review&section=in%00tro'],
        ['/api/v1/comments/abc%00def'],
        ['/api/v1/moderation/comments?page=%00', moderator()],
        ['/api/v1/moderation/comments?section=%00', moderator()],
        ['/api/v1/moderation/export?page=%00', moderator()],
        [
          '/api/v1/moderation/comments/abc%00',
          moderator({ method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: '{"status":"published"}' }),
        ],
        ['/api/v1/moderation/erase', moderator(json({ email: 'ada\u0000@example.com' }))],
        ['/respond?page=%00&section=intro'],
        ['/respond', form({ ...formFields, body: 'nul\u0000here' })],
      ];
      for (const [url, init] of requests) {
        const response = await app.request(url, init);
        assert.equal(response.status, 400, `${init?.method ?? 'GET'} ${url} answers ${response.status}`);
      }
      assert.equal((await storage.exportAll()).length, 0);
    });

    it('refuses malformed percent-encoding anywhere in a path with 400 in the one error shape', async () => {
      for (const path of ['/chunks/%', '/api/v1/comments/%E0%A4%A', '/demo/%zz', '/api/v1/moderation/comments/%']) {
        const response = await app.request(path, path.includes('moderation') ? moderator() : undefined);
        assert.equal(response.status, 400, `${path} answers ${response.status}`);
        assert.equal(ErrorBody.parse(await response.json()).error, 'invalid_path');
      }
    });

    it('counts what a reader types as the reader sees it, and ids in code points in every query', async () => {
      const refusal = async (response: Response) => ((await response.json()) as { fields: Record<string, string> }).fields;
      // An emoji is one character, however many code points make it: a face (one), a flag (two), a family (five).
      for (const emoji of ['😀', '🇬🇧']) {
        const tooLong = await post(newComment({ body: emoji.repeat(5001) }));
        assert.equal(tooLong.status, 400);
        assert.equal((await refusal(tooLong)).body, 'Comment must be 5,000 characters or fewer');
        assert.equal((await post(newComment({ body: emoji.repeat(5000) }))).status, 201);
      }
      const family = '👨‍👩‍👧';
      assert.equal((await post(newComment({ body: `${family}${'a'.repeat(4999)}`, name: `${family}${'n'.repeat(99)}` }))).status, 201);
      const overByOne = await post(newComment({ body: `${family}${'a'.repeat(5000)}`, name: `${family}${'n'.repeat(100)}` }));
      assert.deepEqual(await refusal(overByOne), {
        name: 'Name must be 100 characters or fewer',
        body: 'Comment must be 5,000 characters or fewer',
      });
      // A page id of the longest length in characters of four bytes each, with the longest section
      // id, can be posted to and read on both databases. The characters vary, as real text does, so
      // that PostgreSQL cannot compress the index entry below its limit.
      const varied = (length: number, from: number, span = 40000) =>
        Array.from({ length }, (_, i) => String.fromCodePoint(from + ((i * 7919) % span))).join('');
      const longPage = `/${varied(399, 0x20000)}`;
      const longSection = varied(200, 0x20000 + 17);
      for (const [pageId, section] of [
        [longPage, longSection],
        [`/${varied(399, 0x4e00, 20000)}`, varied(200, 0x4e00 + 5, 20000)],
      ] as const) {
        const sent = await post(newComment({ page: pageId, section }));
        assert.equal(sent.status, 201, await sent.text());
        assert.equal((await app.request(`/api/v1/counts?page=${encodeURIComponent(pageId)}`)).status, 200);
        assert.equal(
          (await app.request(`/api/v1/comments?page=${encodeURIComponent(pageId)}&section=${encodeURIComponent(section)}`)).status,
          200,
        );
      }
      assert.equal((await app.request(`/api/v1/counts?page=${encodeURIComponent(`${longPage}x`)}`)).status, 400);
      const tooLongPage = await post(newComment({ page: `${longPage}x` }));
      assert.equal(tooLongPage.status, 400, 'one character more is refused alike on both databases, never a 500');
    });

    it('sends Access-Control-Allow-Origin on every cacheable public answer, whether or not the request had an Origin', async () => {
      for (const url of [`/api/v1/counts?page=${page}`, `/api/v1/comments?page=${page}&section=intro`]) {
        const plain = await app.request(url);
        const crossOrigin = await app.request(url, { headers: { Origin: 'https://other.example' } });
        assert.equal(plain.headers.get('Access-Control-Allow-Origin'), '*', `${url} without Origin`);
        assert.equal(crossOrigin.headers.get('Access-Control-Allow-Origin'), '*', `${url} with Origin`);
        assert.equal(plain.headers.get('ETag'), crossOrigin.headers.get('ETag'));
      }
      // Answers that do depend on the origin say so, so that no cache hands them to another.
      const written = await post(newComment(), { Origin: 'https://www.example.gov.uk' });
      assert.equal(written.headers.get('Access-Control-Allow-Origin'), 'https://www.example.gov.uk');
      assert.match(written.headers.get('Vary') ?? '', /Origin/);
    });

    it('sends Referrer-Policy and X-Content-Type-Options on HTML, JSON and error answers alike', async () => {
      for (const url of [
        '/api/v1/health',
        `/api/v1/counts?page=${page}`,
        '/api/v1/nothing',
        `/respond?page=${page}&section=intro`,
        '/api/v1/moderation/comments',
      ]) {
        const response = await app.request(url);
        assert.equal(response.headers.get('X-Content-Type-Options'), 'nosniff', url);
        assert.equal(response.headers.get('Referrer-Policy'), 'same-origin', url);
      }
    });

    it('answers a retry with its stored answer, not 429, once the client is at its limit', async () => {
      app = testApp(storage, { rateLimiter: new RateLimiter(1, { counter: storage.hitCounter }) });
      await awayFromWindowEdge();
      const first = await post(newComment(), { 'Idempotency-Key': 'at-the-limit' });
      assert.equal(first.status, 201);
      assert.equal((await post(newComment({ body: 'Another' }))).status, 429);
      const retried = await post(newComment(), { 'Idempotency-Key': 'at-the-limit' });
      assert.equal(retried.status, 201);
      assert.deepEqual(await retried.json(), await first.json());
    });

    it('holds the rate limit under 200 simultaneous posts', async () => {
      app = testApp(storage, { rateLimiter: new RateLimiter(5, { counter: storage.hitCounter }) });
      await awayFromWindowEdge();
      const statuses = await Promise.all(
        Array.from({ length: 200 }, (_, i) => post(newComment({ body: `Burst ${i}` })).then((r) => r.status)),
      );
      assert.equal(statuses.filter((s) => s === 201).length, 5);
      assert.equal(statuses.filter((s) => s === 429).length, 195);
      assert.equal((await storage.exportAll()).length, 5);
    });

    it('keeps a deleted comment deleted: a retry with its key is answered, not stored again', async () => {
      const first = CreatedComment.parse(await (await post(newComment(), { 'Idempotency-Key': 'deleted-later' })).json()).comment;
      assert.equal((await app.request(`/api/v1/moderation/comments/${first.id}`, moderator({ method: 'DELETE' }))).status, 204);
      const retried = await post(newComment(), { 'Idempotency-Key': 'deleted-later' });
      assert.equal(retried.status, 410);
      assert.equal(ErrorBody.parse(await retried.json()).error, 'response_removed');
      assert.equal((await storage.exportAll()).length, 0);
    });

    it('keeps an erased comment erased: a retry with its key brings back neither the name nor the email', async () => {
      const sent = newComment({ name: 'Grace Hopper', email: 'grace@example.com' });
      assert.equal((await post(sent, { 'Idempotency-Key': 'erased-later' })).status, 201);
      const erased = await app.request('/api/v1/moderation/erase', moderator(json({ email: 'grace@example.com' })));
      assert.deepEqual(await erased.json(), { erased: 1 });
      const retried = await post(sent, { 'Idempotency-Key': 'erased-later' });
      assert.equal(retried.status, 201);
      const text = await retried.text();
      assert.doesNotMatch(text, /Grace Hopper|grace@example\.com/);
      const stored = await storage.exportAll();
      assert.equal(stored.length, 1);
      assert.equal(stored[0]!.email, '');
      assert.equal(stored[0]!.name, '');
    });

    it('throttles a wrong moderator token tried at once from one client, and many wrong tokens, refusing even the right one then', async () => {
      const signIn = new RateLimiter(10, { counter: storage.hitCounter, windowMs: 300_000, name: 'sign-in' });
      app = testApp(storage, { signInLimiter: signIn });
      const tries = await Promise.all(
        Array.from(
          { length: 40 },
          async () =>
            (await app.request('/api/v1/moderation/comments', { headers: { Authorization: 'Bearer wrong-token-wrong-token' } })).status,
        ),
      );
      assert.ok(tries.filter((s) => s === 401).length <= 10, `${tries.filter((s) => s === 401).length} wrong tokens were checked`);
      assert.ok(tries.filter((s) => s === 429).length >= 30);
      assert.equal(
        (await app.request('/api/v1/moderation/comments', moderator())).status,
        200,
        'one stale token does not lock out the right one',
      );
      const guesses = await Promise.all(
        Array.from(
          { length: 120 },
          async (_, i) =>
            (await app.request('/api/v1/moderation/comments', { headers: { Authorization: `Bearer guess-${i}-guess-guess` } })).status,
        ),
      );
      assert.ok(guesses.filter((s) => s === 401).length <= 100, `${guesses.filter((s) => s === 401).length} guesses were checked`);
      const right = await app.request('/api/v1/moderation/comments', moderator());
      assert.equal(right.status, 429, 'a client guessing many tokens waits, even with the right one');
      assert.ok(Number(right.headers.get('Retry-After')) > 0);
      // Another client is not held back by this one's failures.
      const other = testApp(storage, { clientAddress: () => '192.0.2.99', signInLimiter: signIn });
      assert.equal((await other.request('/api/v1/moderation/comments', moderator())).status, 200);
    });

    it('refuses Origin: null and other origins on the form for readers without JavaScript', async () => {
      for (const origin of ['null', 'https://evil.example']) {
        const response = await app.request('http://localhost/respond', form(formFields, { Origin: origin }));
        assert.equal(response.status, 403, `Origin: ${origin}`);
      }
      assert.equal((await storage.exportAll()).length, 0);
      assert.equal((await app.request('http://localhost/respond', form(formFields, { Origin: 'http://localhost' }))).status, 201);
    });

    it('refuses an over-long page, section or comment on the form instead of cutting it', async () => {
      const tooLong = await app.request('/respond', form({ ...formFields, body: 'x'.repeat(5001) }));
      assert.equal(tooLong.status, 400);
      assert.match(await tooLong.text(), /Comment must be 5,000 characters or fewer/);
      assert.equal((await app.request('/respond', form({ ...formFields, section: 's'.repeat(201) }))).status, 400);
      assert.equal((await app.request('/respond', form({ ...formFields, page: `/${'p'.repeat(2048)}` }))).status, 400);
      assert.equal((await storage.exportAll()).length, 0);
    });

    it('limits the body of every route that reads one, the form included', async () => {
      const big = 'x'.repeat(200 * 1024);
      const responses = [
        await app.request('/respond', form({ ...formFields, body: big })),
        await post({ ...newComment(), body: big }),
        await app.request('/api/v1/moderation/erase', moderator(json({ email: big }))),
        await app.request(
          '/api/v1/moderation/comments/x',
          moderator({ method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: big }),
        ),
      ];
      assert.deepEqual(
        responses.map((r) => r.status),
        [413, 413, 413, 413],
      );
    });
  });
}

describe('erasure on disk', () => {
  it('leaves no copy of an erased email, name or organisation in the SQLite file or its write-ahead log', async () => {
    const { readFileSync, existsSync } = await import('node:fs');
    const storage = sqliteStorage();
    const app = testApp(storage);
    const file = (storage as unknown as { file: string }).file;
    const email = 'erase-me-7q3@example.com';
    const name = 'Gwenllian Erasable';
    const organisation = 'Erasable Residents Association';
    try {
      await app.request(
        `/api/v1/moderation/consultations/${encodeURIComponent(page)}`,
        moderator({ ...json({ title: 'Erasure', askOrganisation: true }), method: 'PUT' }),
      );
      for (let i = 0; i < 5; i++) {
        const posted = await app.request(
          '/api/v1/comments',
          json(newComment({ email, name, respondent: 'organisation', organisation, body: `Response ${i} to be erased.` }), {
            'Idempotency-Key': `erase-key-${i}`,
          }),
        );
        assert.equal(posted.status, 201);
        const { comment } = CreatedComment.parse(await posted.json());
        await storage.queueReceipt(comment.id, email);
        // Decided and decided again, so that the rows are written several times over.
        for (const status of ['published', 'rejected', 'published']) {
          await app.request(
            `/api/v1/moderation/comments/${comment.id}`,
            moderator({ method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ status }) }),
          );
        }
      }
      const onDisk = () =>
        [file, `${file}-wal`]
          .filter(existsSync)
          .map((path) => readFileSync(path).toString('latin1'))
          .join('');
      assert.ok(onDisk().includes(email), 'the test would see the email on disk');
      const erased = await app.request('/api/v1/moderation/erase', moderator(json({ email })));
      assert.deepEqual(await erased.json(), { erased: 5 });
      const left = onDisk();
      for (const secret of [email, name, organisation]) assert.ok(!left.includes(secret), `${secret} is still on disk`);
      assert.ok(left.includes('Response 4 to be erased.'), 'the responses themselves are kept');
    } finally {
      storage.cleanup();
    }
  });
});

describe('health that looks at the database', () => {
  it('answers 503 with Retry-After when SQLite refuses writes, and every write then gets 503, not 500', async () => {
    const storage = sqliteStorage();
    const app = testApp(storage);
    try {
      assert.deepEqual(await (await app.request('/api/v1/health')).json(), { status: 'ok', database: 'ok', storage: 'sqlite' });
      // The same refusal a read-only file or volume gives: SQLITE_READONLY.
      (storage as unknown as { db: { pragma: (p: string) => void } }).db.pragma('query_only = ON');
      const health = await app.request('/api/v1/health');
      assert.equal(health.status, 503);
      assert.deepEqual(await health.json(), { status: 'unavailable', database: 'read-only', storage: 'sqlite' });
      const posted = await app.request('/api/v1/comments', json(newComment()));
      assert.equal(posted.status, 503);
      assert.ok(Number(posted.headers.get('Retry-After')) > 0);
      assert.equal(ErrorBody.parse(await posted.json()).error, 'unavailable');
      // The form for readers without JavaScript says so in a page of its own, with everything typed kept.
      const typed = { ...formFields, body: 'Typed while the database was <away>.' };
      const refused = await app.request('http://localhost/respond', form(typed));
      assert.equal(refused.status, 503);
      assert.match(refused.headers.get('Content-Type') ?? '', /^text\/html/);
      const shown = await refused.text();
      assert.match(shown, /Your comment could not be sent just now. Nothing you typed has been lost/);
      assert.ok(shown.includes('Typed while the database was &lt;away&gt;.'), 'what was typed is in the form again, as text');
      assert.ok(shown.includes(`value="${typed.idempotency}"`), 'with the same key, so that sending it again stores it once');
      (storage as unknown as { db: { pragma: (p: string) => void } }).db.pragma('query_only = OFF');
      assert.equal((await app.request('/api/v1/health')).status, 200);
      assert.equal((await app.request('http://localhost/respond', form(typed))).status, 201);
      assert.equal((await app.request('/api/v1/comments', json(newComment()))).status, 201);
    } finally {
      storage.cleanup();
    }
  });
});
