import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { fingerprinted } from '../src/campaigns/grouper.js';
import type { ModerationFilter, NewRecord, Storage, StoredComment } from '../src/storage/storage.js';
import { drivers } from './helpers.js';

/*
 * The moderation queue reads its usual views from counts kept as responses are written and from a
 * few rows of an index, rather than from every response. These tests check it against a recount:
 * every view, page after page, is what counting and sorting every response gives.
 */

const pages = ['/consultations/parking', '/consultations/libraries'];
const sections = ['intro', 'costs', 'zones'];
const letters = [
  'Keep the residents zone as it is, and do not raise the permit charge for families who have no driveway of their own.',
  'The library should stay open on Sundays, since working parents and students have no other day to visit it together.',
];

const words =
  'bus ramp lift quiet staff books hours budget parking permit evening weekend children toilets printing warm safe older digital events'.split(
    ' ',
  );
/** A text of its own, its words drawn by the response's number: a few alike enough to be grouped as small campaigns. */
const ownText = (i: number) =>
  `${Array.from({ length: 14 }, (_, k) => words[(i * 7 + k * k * 3 + i * k) % words.length]).join(' ')} (${i}).`;

const record = (i: number): NewRecord => ({
  page: pages[i % 2]!,
  section: sections[i % 3]!,
  parentId: null,
  name: `Respondent ${i}`,
  email: i % 7 === 0 ? 'Ada@Example.com' : `respondent${i}@example.com`,
  // Two in five a copy of a campaign letter, the rest each their own.
  body: i % 5 < 2 ? letters[i % 2]! : ownText(i),
  visibility: i % 4 === 0 ? 'private' : 'public',
  status: 'pending',
  role: 'reader',
  respondent: i % 3 === 0 ? 'organisation' : i % 3 === 1 ? 'individual' : null,
  lang: i % 4 === 1 ? 'cy' : null,
  answer: i % 6 === 0 ? ['Agree'] : i % 6 === 1 ? ['Disagree', 'Not sure'] : null,
});

const newer = (a: StoredComment, b: StoredComment) => a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.id > b.id);

/** The view as counting and sorting every response gives it. */
function recount(all: StoredComment[], filter: ModerationFilter) {
  const base = all.filter(
    (c) =>
      (!filter.page || c.page === filter.page) &&
      (!filter.section || c.section === filter.section) &&
      (!filter.campaign || c.campaign === filter.campaign) &&
      (!filter.visibility || c.visibility === filter.visibility) &&
      (!filter.email || c.email.toLowerCase() === filter.email.toLowerCase()),
  );
  const statusCounts: Record<string, number> = {};
  for (const c of base) statusCounts[c.status] = (statusCounts[c.status] ?? 0) + 1;
  const reportedCount = base.filter((c) => (c.reports?.unreviewed ?? 0) > 0).length;
  const matching = base.filter((c) => !filter.status || c.status === filter.status).sort((a, b) => (newer(a, b) ? -1 : 1));
  if (filter.campaign)
    return { ids: matching.map((c) => c.id), shown: matching.map(() => undefined), total: matching.length, statusCounts, reportedCount };
  const groups = new Map<string, StoredComment[]>();
  for (const c of matching) groups.set(c.campaign ?? c.id, [...(groups.get(c.campaign ?? c.id) ?? []), c]);
  const heads = [...groups.values()].map((group) => ({ head: group[0]!, shown: group.length > 1 ? group.length : undefined }));
  return { ids: heads.map((h) => h.head.id), shown: heads.map((h) => h.shown), total: groups.size, statusCounts, reportedCount };
}

/** Every page of a view, a few at a time. */
async function walk(storage: Storage, filter: ModerationFilter, limit = 7) {
  const ids: string[] = [];
  const shown: (number | undefined)[] = [];
  let before: { createdAt: string; id: string } | undefined;
  let first: Awaited<ReturnType<Storage['listForModeration']>> | undefined;
  for (let pageNumber = 0; pageNumber < 100; pageNumber++) {
    const page = await storage.listForModeration(filter, limit, before);
    first ??= page;
    ids.push(...page.items.map((c) => c.id));
    shown.push(...page.items.map((c) => c.shownTogether));
    if (!page.next) break;
    before = page.next;
  }
  return { ids, shown, total: first!.total, statusCounts: first!.statusCounts, reportedCount: first!.reportedCount };
}

for (const driver of drivers) {
  describe(`the moderation queue on ${driver.name}`, () => {
    let storage: Storage & { cleanup: () => unknown };
    beforeEach(async () => (storage = await driver.open()));
    afterEach(async () => storage.cleanup());

    it('answers every view, page after page, and the overview, as a recount of every response would, after every kind of write', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 150; i++) {
        const result = await storage.create(record(i));
        assert.equal(result.kind, 'created');
        ids.push((result as { comment: { id: string } }).comment.id);
      }
      assert.ok(await storage.groupCampaigns((await storage.ungrouped(1000)).map(fingerprinted)));
      // Decisions one by one and in bulk, reports, a deletion, a section moved and an erasure.
      for (const [n, id] of ids.entries()) {
        if (n % 3 === 1) await storage.setStatus(id, 'published', 'Moderator');
        if (n % 11 === 2) await storage.setStatus(id, 'rejected', 'Moderator');
        if (n % 13 === 3) await storage.setStatus(id, 'spam', 'Moderator');
        if (n % 9 === 4) await storage.report(id, `reader-${n}`, 'Rude', 0);
      }
      // The campaigns, largest first: the two letters' at least.
      const members = new Map<string, number>();
      for (const c of await storage.exportAll()) if (c.campaign) members.set(c.campaign, (members.get(c.campaign) ?? 0) + 1);
      const campaigns = [...members].sort((a, b) => b[1] - a[1]).map(([campaign]) => campaign);
      assert.ok(members.get(campaigns[1]!)! >= 20, 'the two letters are two campaigns');
      await storage.setCampaignStatus(campaigns[1]!, { status: 'spam' }, 'Moderator');
      await storage.remove(ids[10]!, 'Moderator');
      await storage.remove(ids[149]!, 'Moderator');
      await storage.moveSection(pages[0]!, 'zones', 'costs', 'Moderator');
      await storage.erase('ada@example.com', 'Moderator');

      const all = await storage.exportAll();
      const filters: ModerationFilter[] = [
        {},
        { page: pages[0] },
        { page: pages[1], status: 'pending' },
        { page: pages[0], section: 'costs' },
        { page: pages[1], section: 'zones', status: 'published' },
        { status: 'spam' },
        { status: 'rejected' },
        { page: pages[0], campaign: campaigns[0] },
        { campaign: campaigns[1], status: 'spam' },
        { page: pages[1], section: 'nowhere' },
        // Read by the general query: the recount checks both alike.
        { page: pages[0], visibility: 'public' },
        { page: pages[1], email: 'RESPONDENT5@example.com' },
      ];
      for (const filter of filters) {
        const expected = recount(all, filter);
        const listed = await walk(storage, filter);
        assert.deepEqual(listed, expected, JSON.stringify(filter));
      }
      // The overview's figures and the questions' tallies, kept as rows were written, are a recount's.
      for (const page of pages) {
        const readers = all.filter((c) => c.page === page && c.role === 'reader');
        const tally = (keys: (c: StoredComment) => unknown[], rows: StoredComment[]) => {
          const counted = new Map<string, number>();
          for (const c of rows) counted.set(JSON.stringify(keys(c)), (counted.get(JSON.stringify(keys(c))) ?? 0) + 1);
          return [...counted].map(([key, n]) => [...(JSON.parse(key) as unknown[]), n]).sort();
        };
        assert.deepEqual(
          (await storage.overviewCounts(page)).map((r) => [r.section, r.visibility, r.status, r.respondent, r.lang, r.hour, r.n]).sort(),
          tally(
            (c) => [c.section, c.visibility, c.status, c.respondent ?? null, c.lang ?? null, c.createdAt.slice(0, 13)],
            readers.filter((c) => c.status !== 'spam'),
          ),
        );
        assert.deepEqual(
          (await storage.overviewAnswers(page)).map((r) => [r.section, r.options, r.respondent, r.n]).sort(),
          tally(
            (c) => [c.section, c.answer, c.respondent ?? null],
            readers.filter((c) => c.status !== 'spam' && c.answer),
          ),
        );
        for (const section of sections)
          assert.deepEqual(
            (await storage.answerTallies(page, section)).map((r) => [r.options, r.status, r.count]).sort(),
            tally(
              (c) => [c.answer, c.status],
              readers.filter((c) => c.section === section && c.answer),
            ),
          );
      }
      const sizes = new Map<string, number>();
      for (const c of all) if (c.campaign) sizes.set(c.campaign, (sizes.get(c.campaign) ?? 0) + 1);
      for (const c of (await storage.listForModeration({}, 200)).items)
        if (c.campaign) assert.equal(c.campaignSize, sizes.get(c.campaign), 'a campaign’s size counts all its responses');
    });

    it('keeps its place while responses arrive: a later page neither repeats nor skips one', async () => {
      for (let i = 0; i < 40; i++) await storage.create({ ...record(i), page: pages[0]!, body: `Response ${i}, its own.` });
      const first = await storage.listForModeration({ page: pages[0] }, 15);
      for (let i = 40; i < 50; i++) await storage.create({ ...record(i), page: pages[0]!, body: `Response ${i}, its own.` });
      const seen = first.items.map((c) => c.id);
      for (let before = first.next; before; ) {
        const next = await storage.listForModeration({ page: pages[0] }, 15, before);
        seen.push(...next.items.map((c) => c.id));
        before = next.next;
      }
      assert.equal(new Set(seen).size, 40, 'each of the first forty once');
      assert.equal((await storage.listForModeration({ page: pages[0] }, 15)).total, 50);
    });
  });
}
