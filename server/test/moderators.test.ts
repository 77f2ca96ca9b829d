import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { AuditEntry, AuditPage, CreatedComment, Moderator } from '../../src/contract/index.js';
import { RateLimiter } from '../src/http/rate-limit.js';
import { moderatorsCommand } from '../src/moderators.js';
import { PostgresStorage } from '../src/storage/postgres.js';
import { SqliteStorage } from '../src/storage/sqlite.js';
import type { Storage } from '../src/storage/storage.js';
import { drivers, json, moderator, newComment, page, postgresUrl, testApp } from './helpers.js';

const encoded = encodeURIComponent(page);
const bearer = (token: string, init: RequestInit = {}): RequestInit => ({
  ...init,
  headers: { ...(init.headers as Record<string, string>), Authorization: `Bearer ${token}` },
});

for (const driver of drivers) {
  describe(`named moderators and the audit log on ${driver.name}`, () => {
    let storage: Storage & { cleanup: () => unknown };
    let app: ReturnType<typeof testApp>;
    /** Where `moderators` commands find this database, as `--db` names it. */
    let database: string;
    beforeEach(async () => {
      storage = await driver.open();
      app = testApp(storage);
      database = storage instanceof SqliteStorage ? storage.file : postgresUrl!;
    });
    afterEach(() => storage.cleanup());

    /** Adds a moderator from the command line and returns the token it printed. */
    async function add(name: string, role?: 'administrator' | 'moderator' | 'analyst'): Promise<string> {
      const result = await moderatorsCommand(['add', name, '--db', database, ...(role ? ['--role', role] : [])], {});
      assert.equal(result.code, 0, result.errors.join('\n'));
      const token = result.out.find((line) => /^[A-Za-z0-9_-]{32}$/.test(line));
      assert.ok(token, `a token among: ${result.out.join(' | ')}`);
      return token;
    }

    const me = async (token: string, on = app) => {
      const response = await on.request('/api/v1/moderation/me', bearer(token));
      return response.status === 200 ? Moderator.parse(((await response.json()) as { moderator: unknown }).moderator) : response.status;
    };

    it('adds a moderator whose token signs them in, keeps only its hash, lists and removes them', async () => {
      const token = await add('Priya Shah');
      assert.deepEqual(await me(token), { name: 'Priya Shah', administrator: false, role: 'moderator' });
      assert.deepEqual(await me('test-moderator-token-0123456789'), { name: 'Administrator', administrator: true, role: 'administrator' });
      assert.equal(await me(`${token}x`), 401);

      const listed = await moderatorsCommand(['list', '--db', database], {});
      assert.match(listed.out.join('\n'), /^Priya Shah\tmoderator\tadded \d{4}-\d{2}-\d{2}T/m);
      // Only a hash is stored: no row of the database holds the token itself.
      const stored = await storage.listModerators();
      assert.deepEqual(
        stored.map((m) => m.name),
        ['Priya Shah'],
      );
      assert.equal(await storage.moderatorWithToken(token), undefined, 'looked up by the token itself, nothing is found');

      const again = await moderatorsCommand(['add', 'PRIYA SHAH', '--db', database], {});
      assert.equal(again.code, 1);
      assert.match(again.errors[0]!, /already a moderator called "PRIYA SHAH"/);
      assert.equal((await moderatorsCommand(['add', 'Administrator', '--db', database], {})).code, 1);
      assert.equal((await moderatorsCommand(['add', '   ', '--db', database], {})).code, 2);
      assert.equal((await moderatorsCommand(['add', '--db', database], {})).code, 2);
      assert.equal((await moderatorsCommand(['promote', 'Priya Shah', '--db', database], {})).code, 2);

      const removed = await moderatorsCommand(['remove', 'priya shah', '--db', database], {});
      assert.equal(removed.code, 0);
      assert.equal(await me(token), 401);
      assert.equal((await moderatorsCommand(['remove', 'Priya Shah', '--db', database], {})).code, 1);
      assert.match((await moderatorsCommand(['list', '--db', database], {})).out[0]!, /No moderators have been added/);
    });

    it('stops a removed moderator’s token at once on a second instance sharing the database', async () => {
      const second: Storage = storage instanceof SqliteStorage ? new SqliteStorage(storage.file) : await PostgresStorage.open(postgresUrl!);
      try {
        const other = testApp(second);
        const token = await add('Tom Evans');
        assert.deepEqual(await me(token, other), { name: 'Tom Evans', administrator: false, role: 'moderator' });
        assert.equal((await other.request('/api/v1/moderation/comments', bearer(token))).status, 200);
        await moderatorsCommand(['remove', 'Tom Evans', '--db', database], {});
        assert.equal(await me(token, other), 401);
        assert.equal(await me(token), 401);
      } finally {
        await second.close();
      }
    });

    it('throttles a wrong token tried again from one address, and many wrong tokens from it, named moderators’ included', async () => {
      const token = await add('Siân Morgan');
      const signIn = new RateLimiter(3, { counter: storage.hitCounter, windowMs: 300_000, name: 'sign-in' });
      const office = testApp(storage, { signInLimiter: signIn, clientAddress: () => '198.51.100.7' });
      // A colleague's stale token, tried again and again: it is held back, and nobody else is.
      for (let i = 0; i < 3; i++) assert.equal(await me(`stale-${token.slice(8)}`, office), 401);
      assert.equal(await me(`stale-${token.slice(8)}`, office), 429, 'the same wrong token waits');
      assert.deepEqual(
        await me(token, office),
        { name: 'Siân Morgan', administrator: false, role: 'moderator' },
        'a colleague behind the same address signs in',
      );
      // A guesser trying many tokens from one address: ten times the limit, then everyone there waits.
      for (let i = 0; i < 27; i++) assert.equal(await me(`guess-${i}-${token.slice(8)}`, office), 401);
      assert.equal(await me(`guess-last-${token.slice(8)}`, office), 429);
      assert.equal(await me(token, office), 429, 'even the right token waits while its address is throttled');
      const elsewhere = testApp(storage, { signInLimiter: signIn, clientAddress: () => '198.51.100.8' });
      assert.deepEqual(await me(token, elsewhere), { name: 'Siân Morgan', administrator: false, role: 'moderator' });
    });

    it('lets each role do what it is for: a moderator neither exports, erases nor changes consultations; an analyst only reads', async () => {
      const moderatorToken = await add('Tom Evans');
      const analyst = await add('Ffion Analyst', 'analyst');
      const administrator = await add('Priya Shah', 'administrator');
      assert.deepEqual(await me(administrator), { name: 'Priya Shah', administrator: true, role: 'administrator' });
      const id = CreatedComment.parse(await (await app.request('/api/v1/comments', json(newComment()))).json()).comment.id;
      const as = (token: string, path: string, init: RequestInit = {}) => app.request(path, bearer(token, init));
      const routes: [string, string, RequestInit?][] = [
        ['export', `/api/v1/moderation/export?page=${encoded}`],
        ['erase', '/api/v1/moderation/erase', json({ email: 'ada@example.com' })],
        [
          'consultation',
          `/api/v1/moderation/consultations/${encoded}`,
          { ...json({ title: 'Review', department: 'Libraries' }), method: 'PUT' },
        ],
        ['queue', '/api/v1/moderation/comments'],
        [
          'decide',
          `/api/v1/moderation/comments/${id}`,
          { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: '{"status":"published"}' },
        ],
        ['audit', '/api/v1/moderation/audit'],
      ];
      const statuses = async (token: string) => {
        const seen: Record<string, number> = {};
        for (const [what, path, init] of routes) seen[what] = (await as(token, path, init)).status;
        return seen;
      };
      assert.deepEqual(await statuses(moderatorToken), { export: 403, erase: 403, consultation: 403, queue: 200, decide: 200, audit: 200 });
      assert.deepEqual(await statuses(analyst), { export: 200, erase: 403, consultation: 403, queue: 200, decide: 403, audit: 200 });
      assert.deepEqual(await statuses(administrator), { export: 200, erase: 200, consultation: 200, queue: 200, decide: 200, audit: 200 });
      const refused = await as(moderatorToken, '/api/v1/moderation/erase', json({ email: 'ada@example.com' }));
      assert.deepEqual(await refused.json(), { error: 'forbidden_role', message: 'A moderator may not do this: ask an administrator.' });
      const bad = await moderatorsCommand(['add', 'Someone', '--role', 'owner', '--db', database], {});
      assert.equal(bad.code, 2);
      assert.match(bad.errors[0]!, /administrator, moderator or analyst/);
    });

    it('refuses a name that looks like another’s: mixed alphabets, look-alike letters, the server’s own names', async () => {
      await add('Priya Shah');
      for (const lookAlike of [
        '\u0410dministrator',
        'Administrаtor',
        'Prіya Shah',
        'Priya  Shah\u200b',
        'PRIYA SHAH\u0301',
        'Priya Sh\u0430h',
        'Prlya Shah',
      ]) {
        const result = await moderatorsCommand(['add', lookAlike, '--db', database], {});
        assert.equal(result.code, 1, `${JSON.stringify(lookAlike)}: ${result.out.join(' ')}`);
      }
      assert.equal(
        (await moderatorsCommand(['add', 'Αλέξανδρος', '--db', database], {})).code,
        0,
        'a name in one alphabet, not like another, is welcome',
      );
      assert.equal((await moderatorsCommand(['add', 'Siân Morgan', '--db', database], {})).code, 0, 'accents are letters of the alphabet');
      assert.deepEqual((await storage.listModerators()).map((m) => m.name).sort(), ['Priya Shah', 'Siân Morgan', 'Αλέξανδρος']);
    });

    it('records every action with who, when, what, on which response, from and to', async () => {
      const priya = await add('Priya Shah', 'administrator');
      const tom = await add('Tom Evans', 'administrator');
      const as = (token: string, path: string, init: RequestInit) => app.request(path, bearer(token, init));
      const send = (body: object, headers: Record<string, string> = {}) => app.request('/api/v1/comments', json(body, headers));

      const consultation = { title: 'Parking review', department: 'Transport Department', closesAt: '2027-03-31T22:59:00Z' };
      const put = (token: string, body: object) =>
        as(token, `/api/v1/moderation/consultations/${encoded}`, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        });
      assert.equal((await put(priya, consultation)).status, 200);
      assert.equal((await put(tom, { ...consultation, closesAt: '2027-04-30T22:59:00Z' })).status, 200);
      assert.equal((await put(tom, { ...consultation, closesAt: '2027-04-30T22:59:00Z' })).status, 200, 'saved unchanged: no entry');

      const posted = (await (await send(newComment({ email: 'ravi@example.com', name: 'Ravi Kumar' }))).json()) as {
        comment: { id: string };
        reference: string;
      };
      const id = posted.comment.id;
      const patch = (token: string, status: string) =>
        as(token, `/api/v1/moderation/comments/${id}`, {
          method: 'PATCH',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ status }),
        });
      assert.equal((await patch(priya, 'published')).status, 200);
      assert.equal((await patch(tom, 'published')).status, 200, 'unchanged: no entry');
      const official = await as(priya, '/api/v1/moderation/comments', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ page, section: 'intro', parentId: id, body: 'Thank you.' }),
      });
      const officialId = ((await official.json()) as { comment: { id: string } }).comment.id;
      const outcome = (token: string, body: string) =>
        as(token, `/api/v1/moderation/outcomes/${encoded}/intro`, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ body }),
        });
      await outcome(tom, 'We changed the plan.');
      await outcome(priya, 'We changed the plan again.');
      assert.equal((await as(tom, '/api/v1/moderation/erase', json({ email: 'RAVI@example.com' }))).status, 200);
      assert.equal((await as(priya, `/api/v1/moderation/comments/${id}`, { method: 'DELETE' })).status, 204);
      await moderatorsCommand(['remove', 'Tom Evans', '--db', database], {});

      const response = await app.request('/api/v1/moderation/audit', moderator());
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('Cache-Control'), 'no-store');
      const log = AuditPage.parse(await response.json());
      const seen = log.entries.map(({ moderator: who, action, commentId, reference, page: where, section, from, to }) => ({
        who,
        action,
        commentId,
        reference,
        where,
        section,
        from,
        to,
      }));
      const response1 = { commentId: id, reference: posted.reference, where: page, section: 'intro' };
      assert.deepEqual(seen.reverse(), [
        {
          who: 'Command line',
          action: 'moderator-added',
          commentId: null,
          reference: null,
          where: null,
          section: null,
          from: null,
          to: 'Priya Shah',
        },
        {
          who: 'Command line',
          action: 'moderator-added',
          commentId: null,
          reference: null,
          where: null,
          section: null,
          from: null,
          to: 'Tom Evans',
        },
        {
          who: 'Priya Shah',
          action: 'consultation',
          commentId: null,
          reference: null,
          where: page,
          section: null,
          from: null,
          to: JSON.stringify({
            title: 'Parking review',
            opensAt: null,
            closesAt: '2027-03-31T22:59:00.000Z',
            department: 'Transport Department',
            askOrganisation: false,
            contactEmail: null,
            showAnswerCounts: false,
            sections: [],
          }),
        },
        {
          who: 'Tom Evans',
          action: 'consultation',
          commentId: null,
          reference: null,
          where: page,
          section: null,
          from: JSON.stringify({ closesAt: '2027-03-31T22:59:00.000Z' }),
          to: JSON.stringify({ closesAt: '2027-04-30T22:59:00.000Z' }),
        },
        { who: 'Priya Shah', action: 'status', ...response1, from: 'pending', to: 'published' },
        {
          who: 'Priya Shah',
          action: 'official-response',
          commentId: officialId,
          reference: null,
          where: page,
          section: 'intro',
          from: null,
          to: 'Thank you.',
        },
        {
          who: 'Tom Evans',
          action: 'outcome',
          commentId: null,
          reference: null,
          where: page,
          section: 'intro',
          from: null,
          to: 'We changed the plan.',
        },
        {
          who: 'Priya Shah',
          action: 'outcome',
          commentId: null,
          reference: null,
          where: page,
          section: 'intro',
          from: 'We changed the plan.',
          to: 'We changed the plan again.',
        },
        { who: 'Tom Evans', action: 'erase', ...response1, from: null, to: null },
        { who: 'Priya Shah', action: 'delete', ...response1, from: 'published', to: null },
        {
          who: 'Command line',
          action: 'moderator-removed',
          commentId: null,
          reference: null,
          where: null,
          section: null,
          from: 'Tom Evans',
          to: null,
        },
      ]);
      assert.ok(log.entries.every((entry) => Date.now() - Date.parse(entry.at) < 60_000));
      assert.deepEqual(log.moderators, ['Command line', 'Priya Shah', 'Tom Evans']);
      // An erasure leaves no trace of whom it erased.
      assert.doesNotMatch(JSON.stringify(log), /ravi|Ravi Kumar/i);

      const filtered = async (query: string) =>
        AuditPage.parse(await (await app.request(`/api/v1/moderation/audit?${query}`, moderator())).json());
      assert.equal((await filtered('moderator=tom%20evans')).total, 3, 'by moderator, in any case');
      assert.deepEqual(
        (await filtered('action=outcome')).entries.map((e) => e.to),
        ['We changed the plan again.', 'We changed the plan.'],
      );
      const spoken = posted.reference.toLowerCase().replace('cc-', '').replace('-', ' ');
      assert.deepEqual(
        (await filtered(`comment=${encodeURIComponent(spoken)}`)).entries.map((e) => e.action),
        ['delete', 'erase', 'status'],
        'by reference, as read aloud',
      );
      assert.equal((await filtered(`comment=${officialId}`)).total, 1);
      const first = await filtered('limit=4');
      assert.equal(first.entries.length, 4);
      const rest = await filtered(`limit=100&cursor=${first.nextCursor}`);
      assert.equal(first.entries.length + rest.entries.length, 11);
      assert.equal(new Set([...first.entries, ...rest.entries].map((e) => e.id)).size, 11);
      assert.equal(rest.nextCursor, null);

      const csv = await app.request('/api/v1/moderation/audit?format=csv&action=status', moderator());
      assert.match(csv.headers.get('Content-Type')!, /^text\/csv/);
      assert.match(csv.headers.get('Content-Disposition')!, /attachment; filename="audit-log-\d{4}-\d{2}-\d{2}\.csv"/);
      const lines = (await csv.text())
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n');
      assert.equal(lines[0], 'id,at,moderator,action,commentId,reference,page,section,from,to');
      assert.equal(lines.length, 2);
      assert.match(lines[1]!, new RegExp(`,Priya Shah,status,${id},${posted.reference},/review,intro,pending,published$`));

      // Cursors that decode but are not the audit log's: a 400 on both databases, never a 500 nor ignored.
      const forged = (text: string) => Buffer.from(text).toString('base64url');
      for (const bad of [
        'action=approve',
        'limit=0',
        'cursor=nonsense',
        'format=xml',
        `cursor=${forged('audit|abc')}`,
        `cursor=${forged('audit|99999999999999999999')}`,
        `cursor=${forged('2027-01-01|1')}`,
      ]) {
        const refused = await app.request(`/api/v1/moderation/audit?${bad}`, moderator());
        assert.equal(refused.status, 400, bad);
        assert.match(((await refused.json()) as { error: string }).error, /^invalid_/);
      }
      assert.equal((await app.request('/api/v1/moderation/audit')).status, 401);
      AuditEntry.parse(log.entries[0]);
    });
  });
}

describe('civic-comments-server moderators, as a command', () => {
  it('prints the new token once, and says how to use it', () => {
    const folder = `${process.env.TMPDIR ?? '/tmp'}/civic-moderators-${process.pid}`;
    const run = (...args: string[]) =>
      spawnSync(
        process.execPath,
        ['--import', 'tsx', '--input-type=module', '-e', "import('./src/cli.ts').then((cli) => cli.main(process.argv.slice(1)))", ...args],
        {
          cwd: new URL('..', import.meta.url),
          encoding: 'utf8',
          env: { ...process.env, DATABASE_URL: `${folder}/comments.db` },
        },
      );
    const added = run('moderators', 'add', 'Gwen Jones');
    assert.equal(added.status, 0, added.stderr);
    assert.match(
      added.stdout,
      /^Added Gwen Jones as a moderator\. Their token, shown this once \(only its hash is kept\):\n[A-Za-z0-9_-]{32}\n/,
    );
    const listed = run('moderators', 'list');
    assert.match(listed.stdout, /^Gwen Jones\tmoderator\tadded /);
    assert.doesNotMatch(listed.stdout, /[A-Za-z0-9_-]{32}/, 'the token is never printed again');
    const unknown = run('moderators', 'rename');
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /There is no moderators command "rename"[\s\S]*Usage: civic-comments-server moderators/);
    rmSync(folder, { recursive: true, force: true });
  });
});
