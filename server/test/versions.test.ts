import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import {
  CommentPage,
  ConsultationChanges,
  Counts,
  CreatedComment,
  ErrorBody,
  ModerationPage,
  OrphanedThreads,
  SavedConsultation,
  SectionVersions,
} from 'civic-comments/contract';
import type { Storage } from '../src/storage/storage.js';
import { drivers, startInstance, json, moderator, newComment, page, postgresUrl, testApp, token } from './helpers.js';
import { emptyPostgres } from './processes.js';

const encoded = encodeURIComponent(page);
const fees = 'Residents pay £20 a year for a permit.';
const corrected = 'Residents pay £25 a year for a permit, and carers nothing.';

for (const driver of drivers) {
  describe(`sections that change, on ${driver.name}`, () => {
    let storage: Storage & { cleanup: () => unknown };
    let app: ReturnType<typeof testApp>;
    beforeEach(async () => {
      storage = await driver.open();
      app = testApp(storage, { moderation: 'post' });
    });
    afterEach(() => storage.cleanup());

    const save = async (sections: object[]) => {
      const response = await app.request(
        `/api/v1/moderation/consultations/${encoded}`,
        moderator({ method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ title: 'Parking', sections }) }),
      );
      return response;
    };
    const saved = async (sections: object[]) => {
      const response = await save(sections);
      assert.equal(response.status, 200, await response.clone().text());
      return SavedConsultation.parse(await response.json()).consultation;
    };
    const post = async (overrides: object) => {
      const response = await app.request('/api/v1/comments', json(newComment(overrides)));
      assert.equal(response.status, 201, await response.clone().text());
      return CreatedComment.parse(await response.json()).comment;
    };
    const list = async (section: string) =>
      CommentPage.parse(await (await app.request(`/api/v1/comments?page=${encoded}&section=${encodeURIComponent(section)}`)).json());

    it('keeps a renamed heading’s thread: posts, lists, counts and the reading view of an alias are the section’s own', async () => {
      await saved([{ id: 'fees', title: 'Charges', aliases: ['charges', 'costs'] }]);
      const before = await post({ section: 'fees', body: 'Posted under the first heading.' });
      const after = await post({ section: 'charges', body: 'Posted from a page showing the new heading.' });
      assert.equal(after.section, 'fees', 'stored under the section’s own id');
      for (const section of ['fees', 'charges', 'costs']) {
        assert.deepEqual(
          (await list(section)).comments.map((c) => c.id),
          [before.id, after.id],
          `one thread, asked for as ${section}`,
        );
      }
      const counts = Counts.parse(await (await app.request(`/api/v1/counts?page=${encoded}`)).json());
      assert.deepEqual(counts.counts, { fees: 2, charges: 2, costs: 2 });
      // A link made under an earlier heading finds its thread through them.
      assert.deepEqual(counts.aliases, { charges: 'fees', costs: 'fees' });
      const read = await app.request(`/read?page=${encoded}&section=charges`);
      assert.equal(read.status, 200);
      assert.match(await read.text(), /Posted from a page showing the new heading\./);
      const moderation = ModerationPage.parse(await (await app.request(`/api/v1/moderation/comments?page=${encoded}`, moderator())).json());
      assert.deepEqual(new Set(moderation.comments.map((c) => c.section)), new Set(['fees']));
    });

    it('refuses an alias that already names another section, and says which', async () => {
      const refused = await save([
        { id: 'fees', title: 'Fees' },
        { id: 'zones', title: 'Zones', aliases: ['fees'] },
      ]);
      assert.equal(refused.status, 400);
      const error = ErrorBody.parse(await refused.json());
      assert.match(Object.values(error.fields ?? {}).join(' '), /"fees" already names another section/);
      assert.ok(
        Object.keys(error.fields ?? {}).some((field) => field.includes('aliases')),
        JSON.stringify(error.fields),
      );
    });

    it('keeps each wording as a version, stamps each response with the one current when it arrived, and lists the changes', async () => {
      const first = await saved([{ id: 'fees', title: 'Fees', text: fees }]);
      assert.deepEqual(
        first.sections.map((s) => [s.id, s.text, s.version]),
        [['fees', fees, 1]],
      );
      const early = await post({ section: 'fees', body: 'Twenty pounds is fair.' });
      assert.equal(early.version, 1);
      await saved([{ id: 'fees', title: 'Fees', text: corrected, note: 'Corrected the fee in paragraph 2' }]);
      const late = await post({ section: 'fees', body: 'Twenty-five is too much.' });
      assert.equal(late.version, 2);
      // Saving the same wording again is no change.
      const again = await saved([{ id: 'fees', title: 'Fees (revised)', text: corrected }]);
      assert.equal(again.sections[0]!.version, 2);

      const thread = await list('fees');
      assert.equal(thread.version, 2);
      assert.deepEqual(
        thread.comments.map((c) => [c.body, c.version]),
        [
          ['Twenty pounds is fair.', 1],
          ['Twenty-five is too much.', 2],
        ],
      );
      const changes = ConsultationChanges.parse(await (await app.request(`/api/v1/consultations/${encoded}/changes`)).json()).changes;
      assert.deepEqual(
        changes.map((change) => [change.section, change.title, change.version, change.note]),
        [
          ['fees', 'Fees (revised)', 2, 'Corrected the fee in paragraph 2'],
          ['fees', 'Fees (revised)', 1, null],
        ],
      );
      const versions = SectionVersions.parse(
        await (await app.request(`/api/v1/consultations/${encoded}/sections/fees/versions`)).json(),
      ).versions;
      assert.deepEqual(
        versions.map((v) => [v.version, v.text, v.to === null]),
        [
          [1, fees, false],
          [2, corrected, true],
        ],
      );
      assert.equal(versions[0]!.to, versions[1]!.from, 'one wording ends as the next begins');
      assert.equal(versions[1]!.from, changes[0]!.at);

      // The exports say which wording each response answered, and when it was published.
      const exported = (await (await app.request(`/api/v1/moderation/export?page=${encoded}&format=json`, moderator())).json()) as {
        responses: { body: string; version: number | null; versionFrom: string | null }[];
      };
      assert.deepEqual(
        exported.responses.map((r) => [r.body, r.version, r.versionFrom]),
        [
          ['Twenty pounds is fair.', 1, versions[0]!.from],
          ['Twenty-five is too much.', 2, versions[1]!.from],
        ],
      );
      const csv = (await (await app.request(`/api/v1/moderation/export?page=${encoded}&format=csv`, moderator())).text())
        .trim()
        .split('\r\n');
      const header = csv[0]!.replace('\uFEFF', '').split(',');
      const row = csv.find((line) => line.includes('Twenty-five'))!.split(',');
      assert.equal(row[header.indexOf('version')], '2');
      assert.equal(row[header.indexOf('versionFrom')], versions[1]!.from);
    });

    it('stamps responses with no version while a section has no wording, and numbers a wording given later from the last', async () => {
      await saved([{ id: 'fees', title: 'Fees', text: fees }]);
      await saved([{ id: 'fees', title: 'Fees' }]);
      assert.equal((await post({ section: 'fees' })).version, null);
      assert.equal((await list('fees')).version, null);
      await saved([{ id: 'fees', title: 'Fees', text: corrected }]);
      assert.equal((await post({ section: 'fees' })).version, 2);
      assert.equal((await list('fees')).version, 2);
      const official = await app.request(
        '/api/v1/moderation/comments',
        moderator(json({ page, section: 'fees', body: 'We have listened.' })),
      );
      assert.equal(official.status, 409, 'no department yet');
    });

    it('lists threads no section names, and moves one into a section, logged, every response keeping its reference and answer', async () => {
      await saved([{ id: 'fees', title: 'Fees' }]);
      // The page renamed its heading before the record knew: its responses went to the new slug.
      const orphan = await app.request(
        '/api/v1/comments',
        json(newComment({ section: 'charges', body: 'Under the new heading.', respondent: 'individual' })),
      );
      assert.equal(orphan.status, 201);
      const { comment, reference } = CreatedComment.parse(await orphan.json());
      await post({ section: 'fees', body: 'Under the first heading.' });
      const orphans = OrphanedThreads.parse(
        await (await app.request(`/api/v1/moderation/consultations/${encoded}/orphans`, moderator())).json(),
      ).orphans;
      assert.deepEqual(
        orphans.map((o) => [o.section, o.count]),
        [['charges', 1]],
      );
      assert.equal(orphans[0]!.newest, comment.createdAt);

      const move = (section: string, to: string) =>
        app.request(`/api/v1/moderation/consultations/${encoded}/orphans/${section}/move`, moderator(json({ to })));
      const nowhere = await move('charges', 'zones');
      assert.equal(nowhere.status, 400);
      assert.equal(ErrorBody.parse(await nowhere.json()).fields?.to, 'Select one of the consultation’s sections');
      const named = await move('fees', 'fees');
      assert.equal(named.status, 409);
      assert.equal(ErrorBody.parse(await named.json()).error, 'not_orphaned');
      const moved = await move('charges', 'fees');
      assert.equal(moved.status, 200);
      assert.deepEqual(await moved.json(), { moved: 1 });

      assert.deepEqual(
        (await list('fees')).comments.map((c) => c.body),
        ['Under the new heading.', 'Under the first heading.'],
      );
      const kept = await storage.find(comment.id);
      assert.equal(kept?.section, 'fees');
      assert.equal(kept?.reference, reference, 'the respondent’s reference still finds it');
      assert.equal(kept?.respondent, 'individual');
      const empty = OrphanedThreads.parse(
        await (await app.request(`/api/v1/moderation/consultations/${encoded}/orphans`, moderator())).json(),
      );
      assert.deepEqual(empty.orphans, []);
      const log = (await (await app.request('/api/v1/moderation/audit?action=move', moderator())).json()) as {
        entries: { page: string; section: string; from: string; to: string }[];
      };
      assert.deepEqual(
        log.entries.map((e) => [e.page, e.section, e.from, e.to]),
        [[page, 'fees', 'charges', 'fees (1)']],
      );
      assert.equal((await move('charges', 'fees')).status, 404, 'nothing left to move');
    });

    it('numbers the wording of a section taken out and put back on from its last version, and ends the wording of one taken out', async () => {
      await saved([
        { id: 'fees', title: 'Fees', text: fees },
        { id: 'zones', title: 'Zones' },
      ]);
      await saved([{ id: 'zones', title: 'Zones' }]);
      const versions = async () =>
        SectionVersions.parse(await (await app.request(`/api/v1/consultations/${encoded}/sections/fees/versions`)).json()).versions;
      const back = await saved([
        { id: 'fees', title: 'Fees', text: corrected },
        { id: 'zones', title: 'Zones' },
      ]);
      assert.equal(back.sections[0]!.version, 2);
      const all = await versions();
      assert.deepEqual(
        all.map((v) => [v.version, v.to === null]),
        [
          [1, false],
          [2, true],
        ],
      );
      assert.equal((await post({ section: 'fees' })).version, 2);
    });

    it('answers 404 for the versions of a section the consultation does not have, and the change log of a page without one', async () => {
      await saved([{ id: 'fees', title: 'Fees', text: fees }]);
      assert.equal((await app.request(`/api/v1/consultations/${encoded}/sections/zones/versions`)).status, 404);
      assert.equal((await app.request(`/api/v1/consultations/${encodeURIComponent('/elsewhere')}/changes`)).status, 404);
      const byAlias = await saved([{ id: 'fees', title: 'Fees', text: fees, aliases: ['charges'] }]);
      assert.deepEqual(byAlias.sections[0]!.aliases, ['charges']);
      assert.equal((await app.request(`/api/v1/consultations/${encoded}/sections/charges/versions`)).status, 200);
    });
  });
}

describe('two instances sharing PostgreSQL', { skip: postgresUrl ? false : 'TEST_DATABASE_URL is not set' }, () => {
  it('stamp a response with the wording the other has just published', async () => {
    await emptyPostgres(postgresUrl!);
    const a = await startInstance(postgresUrl!);
    const b = await startInstance(postgresUrl!);
    try {
      const put = (text: string) =>
        fetch(`${a.url}/api/v1/moderation/consultations/${encoded}`, {
          method: 'PUT',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ title: 'Parking', sections: [{ id: 'fees', title: 'Fees', text, aliases: ['charges'] }] }),
        });
      const postTo = async (url: string, section: string) => {
        const response = await fetch(`${url}/api/v1/comments`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(newComment({ section })),
        });
        assert.equal(response.status, 201);
        return CreatedComment.parse(await response.json()).comment;
      };
      assert.equal((await put(fees)).status, 200);
      assert.deepEqual(await postTo(b.url, 'charges').then((c) => [c.section, c.version]), ['fees', 1]);
      assert.equal((await put(corrected)).status, 200);
      assert.equal((await postTo(b.url, 'fees')).version, 2, 'B stamps the version A has just saved');
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
