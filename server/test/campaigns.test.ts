import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { AuditPage, ModerationPage } from '../../src/contract/index.js';
import { CampaignGrouper } from '../src/campaigns/grouper.js';
import { campaignThreshold, normalise, signature, similarity } from '../src/campaigns/fingerprint.js';
import { PostgresStorage } from '../src/storage/postgres.js';
import { SqliteStorage } from '../src/storage/sqlite.js';
import type { Storage } from '../src/storage/storage.js';
import { campaignCorpus, pairwise } from './fixtures/campaign-corpus.js';
import { drivers, json, moderator, newComment, page, postgresUrl, testApp } from './helpers.js';

describe('campaign fingerprints', () => {
  it('reads texts as the same whatever their case, spacing and punctuation', () => {
    assert.equal(normalise('  KEEP   Zone C!!  Please…'), 'keep zone c please');
    assert.equal(similarity(signature('Keep zone C, please.'), signature('keep ZONE c please')), 1);
    assert.ok(similarity(signature('Keep zone C, please.'), signature('Close the library on Sundays.')) < campaignThreshold);
  });
});

for (const driver of drivers) {
  describe(`campaigns on ${driver.name}`, () => {
    let storage: Storage & { cleanup: () => unknown };
    let app: ReturnType<typeof testApp>;
    let grouper: CampaignGrouper;
    beforeEach(async () => {
      storage = await driver.open();
      app = testApp(storage);
      grouper = new CampaignGrouper(storage);
    });
    afterEach(async () => {
      await grouper.stop();
      await storage.cleanup();
    });

    const send = (overrides: object) => app.request('/api/v1/comments', json(newComment(overrides)));
    const queue = async (query: string) =>
      ModerationPage.parse(await (await app.request(`/api/v1/moderation/comments?${query}`, moderator())).json());

    it('groups the corpus’s campaigns and keeps its independent responses apart', async () => {
      for (const [i, text] of campaignCorpus.entries()) {
        const sent = await send({ body: text.text, section: `s${i % 3}`, email: `${text.id}@example.com` });
        assert.equal(sent.status, 201);
      }
      await grouper.groupNow();
      const stored = await storage.exportAll(page);
      const byEmail = new Map(stored.map((comment) => [comment.email, comment]));
      const { precision, recall } = pairwise(campaignCorpus, (text) => {
        const comment = byEmail.get(`${text.id}@example.com`)!;
        return comment.campaign ?? comment.id;
      });
      console.log(`# campaign corpus on ${driver.name}: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`);
      assert.equal(precision, 1, 'no independent response was put in a campaign');
      assert.ok(recall >= 0.95, `recall ${recall}`);
      assert.ok(stored.every((comment) => (comment.campaignSize ?? 0) <= 10));
    });

    it('lists a campaign once, opens it, decides it in bulk, and exports it with its size', async () => {
      const letter = 'Please keep the Riverside branch library open six days a week: it is the only warm place many of us have.';
      for (let i = 0; i < 12; i++) await send({ body: i % 2 ? letter.toUpperCase() : letter, email: `writer${i}@example.com` });
      await send({ body: 'The library should open on Sunday afternoons instead.', email: 'own@example.com' });
      await send({ body: letter, page: '/another-consultation', email: 'elsewhere@example.com' });
      await grouper.groupNow();

      const pending = await queue(`page=${encodeURIComponent(page)}&status=pending`);
      assert.equal(pending.comments.length, 2, 'the campaign once, and the response written on its own');
      assert.equal(pending.total, 2);
      assert.equal(pending.statusCounts.pending, 13, 'the counts are of responses');
      const group = pending.comments.find((comment) => comment.campaign)!;
      assert.equal(group.shownTogether, 12);
      assert.equal(group.campaignSize, 12);
      assert.equal(pending.comments.find((comment) => !comment.campaign)!.body, 'The library should open on Sunday afternoons instead.');
      const elsewhere = await queue(`page=${encodeURIComponent('/another-consultation')}`);
      assert.equal(elsewhere.comments[0]!.campaign, null, 'campaigns are found within a page');

      const members = await queue(`campaign=${group.campaign}&limit=5`);
      assert.equal(members.total, 12);
      assert.equal(members.comments.length, 5);
      assert.ok(members.comments.every((comment) => comment.shownTogether === undefined));

      // One rejected by hand first: "from": "pending" leaves it as it is.
      const one = members.comments[0]!.id;
      await app.request(
        `/api/v1/moderation/comments/${one}`,
        moderator({ method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: '{"status":"rejected"}' }),
      );
      const decided = await app.request(
        `/api/v1/moderation/campaigns/${group.campaign}`,
        moderator({
          method: 'PATCH',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ status: 'published', from: 'pending', seen: [group.id] }),
        }),
      );
      assert.equal(decided.status, 200);
      assert.deepEqual(await decided.json(), { campaign: group.campaign, changed: 11, unseen: 0 });
      const statuses = (await queue(`campaign=${group.campaign}&limit=50`)).statusCounts;
      assert.deepEqual(statuses, { published: 11, rejected: 1 });
      const log = AuditPage.parse(await (await app.request('/api/v1/moderation/audit?action=status&limit=100', moderator())).json());
      assert.equal(log.total, 12, 'each response decided has its entry');
      const listed = (await (await app.request(`/api/v1/comments?page=${encodeURIComponent(page)}&section=intro&limit=100`)).json()) as {
        comments: unknown[];
      };
      assert.equal(listed.comments.length, 11);

      const bad = await app.request(
        `/api/v1/moderation/campaigns/${group.campaign}`,
        moderator({ method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: '{"status":"pending"}' }),
      );
      assert.equal(bad.status, 400);
      const blind = await app.request(
        `/api/v1/moderation/campaigns/${group.campaign}`,
        moderator({ method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: '{"status":"published"}' }),
      );
      assert.equal(blind.status, 400, 'approval names the text it was shown');
      assert.deepEqual(((await blind.json()) as { fields: object }).fields, { seen: 'Read the responses before approving them' });
      const missing = await app.request(
        '/api/v1/moderation/campaigns/no-such-campaign',
        moderator({ method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: '{"status":"rejected"}' }),
      );
      assert.equal(missing.status, 404);

      const csv = (await (await app.request(`/api/v1/moderation/export?page=${encodeURIComponent(page)}`, moderator())).text())
        .replace(/^\uFEFF/, '')
        .split('\r\n');
      const header = csv[0]!.split(',');
      const campaignColumn = header.indexOf('campaign');
      const sizeColumn = header.indexOf('campaignSize');
      assert.ok(campaignColumn > 0 && sizeColumn === campaignColumn + 1);
      const rows = csv.slice(1, -1).map((line) => line.split(','));
      assert.equal(rows.filter((row) => row[campaignColumn] === group.campaign && row[sizeColumn] === '12').length, 12);
      assert.equal(rows.filter((row) => row[campaignColumn] === '' && row[sizeColumn] === '').length, 1);
      const exported = (await (
        await app.request(`/api/v1/moderation/export?page=${encodeURIComponent(page)}&format=json`, moderator())
      ).json()) as { responses: { campaign: string | null; campaignSize: number | null }[] };
      assert.equal(exported.responses.filter((r) => r.campaign === group.campaign && r.campaignSize === 12).length, 12);
    });

    it('publishes in bulk only text a moderator was shown, never a rejected, spam or private response', async () => {
      const letter = 'Keep the number 12 bus running through Eastfield after seven in the evening: shift workers depend on it.';
      for (let i = 0; i < 4; i++) await send({ body: i % 2 ? `  ${letter.toUpperCase()}!! ` : letter, email: `bus${i}@example.com` });
      const smuggled = `${letter} The councillor for Eastfield takes bribes. Claim your refund at http://refund.example`;
      await send({ body: smuggled, email: 'smuggler@example.com' });
      await send({ body: letter, email: 'rejected@example.com' });
      await send({ body: letter, email: 'spam@example.com' });
      await send({ body: letter, email: 'private@example.com', visibility: 'private' });
      await grouper.groupNow();
      const members = await queue(`campaign=${(await storage.exportAll(page))[0]!.campaign}&limit=50`);
      assert.equal(members.total, 8, 'the extra text joined the campaign: grouping is for reading, not for publishing');
      const byEmail = new Map((await storage.exportAll(page)).map((c) => [c.email, c]));
      const decide = (id: string, status: string) =>
        app.request(
          `/api/v1/moderation/comments/${id}`,
          moderator({ method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ status }) }),
        );
      await decide(byEmail.get('rejected@example.com')!.id, 'rejected');
      await decide(byEmail.get('spam@example.com')!.id, 'spam');

      const campaign = byEmail.get('bus0@example.com')!.campaign!;
      const approve = (body: object) =>
        app.request(
          `/api/v1/moderation/campaigns/${campaign}`,
          moderator({ method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
        );
      // The status filter at "any": no `from`.
      const decided = await approve({ status: 'published', seen: [byEmail.get('bus1@example.com')!.id] });
      assert.deepEqual(await decided.json(), { campaign, changed: 4, unseen: 1 });
      const after = new Map((await storage.exportAll(page)).map((c) => [c.email, c.status]));
      assert.deepEqual(Object.fromEntries(after), {
        'bus0@example.com': 'published',
        'bus1@example.com': 'published',
        'bus2@example.com': 'published',
        'bus3@example.com': 'published',
        'smuggler@example.com': 'pending',
        'rejected@example.com': 'rejected',
        'spam@example.com': 'spam',
        'private@example.com': 'received',
      });
      const listed = (await (await app.request(`/api/v1/comments?page=${encodeURIComponent(page)}&section=intro&limit=100`)).json()) as {
        comments: { body: string }[];
      };
      assert.ok(!listed.comments.some((c) => c.body.includes('bribes')), 'the unseen paragraph is not public');

      // Shown it, a moderator may approve it in bulk too; an id from outside the campaign shows nothing.
      assert.deepEqual(await (await approve({ status: 'published', seen: ['no-such-response'] })).json(), {
        campaign,
        changed: 0,
        unseen: 1,
      });
      assert.deepEqual(await (await approve({ status: 'published', seen: [byEmail.get('smuggler@example.com')!.id] })).json(), {
        campaign,
        changed: 1,
        unseen: 0,
      });
      const rejectAll = await approve({ status: 'rejected' });
      assert.deepEqual(
        await rejectAll.json(),
        { campaign, changed: 5, unseen: 0 },
        'rejecting changes the published ones, never spam or private',
      );
      assert.equal((await storage.exportAll(page)).find((c) => c.email === 'private@example.com')!.status, 'received');
    });

    it('never groups texts with no letters or digits', async () => {
      for (const body of ['!!!', '...', '?!', '— —', '👍', '!!!']) await send({ body, email: `${body.length}@example.com` });
      await grouper.groupNow();
      const stored = await storage.exportAll(page);
      assert.equal(stored.length, 6);
      assert.ok(
        stored.every((comment) => comment.campaign === null),
        JSON.stringify(stored.map((c) => [c.body, c.campaign])),
      );
    });

    it('groups on a second instance too, and never twice, when both group at once', async () => {
      const second: Storage = storage instanceof SqliteStorage ? new SqliteStorage(storage.file) : await PostgresStorage.open(postgresUrl!);
      const other = new CampaignGrouper(second);
      try {
        const letter = 'Stop the sale of Millfield Park for housing: build on the brownfield sites by the station first.';
        for (let i = 0; i < 40; i++)
          await send({ body: `${letter} ${i % 4 === 0 ? 'Signed, a resident.' : ''}`, email: `park${i}@example.com` });
        await Promise.all([grouper.groupNow(), other.groupNow()]);
        // Whatever one instance left to the other is grouped on its next run.
        await grouper.groupNow();
        const stored = await storage.exportAll(page);
        assert.equal(new Set(stored.map((comment) => comment.campaign)).size, 1, 'one campaign');
        assert.equal(stored[0]!.campaignSize, 40);
        assert.deepEqual(await storage.ungrouped(10), []);
      } finally {
        await other.stop();
        await second.close();
      }
    });

    it('never puts the department’s own responses in a campaign', async () => {
      await app.request(
        `/api/v1/moderation/consultations/${encodeURIComponent(page)}`,
        moderator({
          method: 'PUT',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ title: 'Review', department: 'Libraries' }),
        }),
      );
      const official = (body: string) => app.request('/api/v1/moderation/comments', moderator(json({ page, section: 'intro', body })));
      await official('Thank you for your comments. We will publish our response in May.');
      await official('Thank you for your comments. We will publish our response in May.');
      await grouper.groupNow();
      assert.ok((await storage.exportAll(page)).every((comment) => comment.campaign === null));
    });
  });
}
