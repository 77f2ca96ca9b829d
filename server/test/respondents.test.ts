import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { normaliseReference, referencePattern } from '../../src/contract/index.js';
import type { Storage } from '../src/storage/storage.js';
import { drivers, form, formFields, json, moderator, newComment, page, testApp } from './helpers.js';

const encoded = encodeURIComponent(page);

for (const driver of drivers) {
  describe(`respondents on ${driver.name}`, () => {
    let storage: Storage & { cleanup: () => unknown };
    let app: ReturnType<typeof testApp>;
    beforeEach(async () => {
      storage = await driver.open();
      app = testApp(storage, { moderation: 'post' });
    });
    afterEach(async () => storage.cleanup());

    const asking = () =>
      app.request(
        `/api/v1/moderation/consultations/${encoded}`,
        moderator({
          method: 'PUT',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ title: 'Review', askOrganisation: true }),
        }),
      );
    const post = (overrides: object, headers: Record<string, string> = {}) =>
      app.request('/api/v1/comments', json(newComment(overrides), headers));
    const publicTexts = async () => [
      await (await app.request(`/api/v1/comments?page=${encoded}&section=intro`)).text(),
      await (await app.request(`/api/v1/counts?page=${encoded}`)).text(),
    ];

    it('asks whom a response comes from when the consultation does, in the GOV.UK style', async () => {
      assert.equal((await asking()).status, 200);
      const missing = await post({});
      assert.equal(missing.status, 400);
      assert.deepEqual(((await missing.json()) as { fields: object }).fields, {
        respondent: 'Select whether you are responding as an individual or on behalf of an organisation',
      });
      // Every problem at once, however they combine.
      const noName = await post({ respondent: 'organisation', organisation: '  ', name: '' });
      assert.deepEqual(((await noName.json()) as { fields: object }).fields, {
        name: 'Enter your name',
        organisation: 'Enter the name of your organisation',
      });
      const tooLong = await post({ respondent: 'organisation', organisation: 'x'.repeat(201) });
      assert.deepEqual(((await tooLong.json()) as { fields: object }).fields, {
        organisation: 'Organisation name must be 200 characters or fewer',
      });
      assert.equal((await storage.exportAll()).length, 0, 'nothing refused was stored');

      assert.equal((await post({ respondent: 'organisation', organisation: ' Riverside Cyclists ', lang: 'cy' })).status, 201);
      assert.equal((await post({ respondent: 'individual', organisation: 'Ignored, as an individual' })).status, 201);
      const stored = await storage.exportAll();
      assert.deepEqual(
        stored.map((c) => [c.respondent, c.organisation, c.lang]),
        [
          ['organisation', 'Riverside Cyclists', 'cy'],
          ['individual', null, null],
        ],
      );
    });

    it('keeps taking responses from clients that know only public and private, where nothing is asked', async () => {
      assert.equal((await post({ visibility: 'public' })).status, 201);
      assert.equal((await post({ visibility: 'private' })).status, 201);
      assert.deepEqual(
        (await storage.exportAll()).map((c) => [c.visibility, c.respondent]),
        [
          ['public', null],
          ['private', null],
        ],
      );
    });

    it('publishes a comment without a name: no public answer holds the name or the organisation, not even in its bytes', async () => {
      await asking();
      const sent = await post({
        visibility: 'anonymous',
        name: 'Zora Quince',
        respondent: 'organisation',
        organisation: 'Quince Holdings',
      });
      assert.equal(sent.status, 201);
      const answer = await sent.text();
      const { comment } = JSON.parse(answer) as { comment: { id: string; name: unknown; organisation: unknown; status: string } };
      assert.deepEqual([comment.name, comment.organisation, comment.status], [null, null, 'published']);
      const texts = [answer, ...(await publicTexts()), await (await app.request(`/api/v1/comments/${comment.id}`)).text()];
      for (const text of texts) {
        assert.ok(!text.includes('Zora') && !text.includes('Quince'), `a public answer carries the name: ${text.slice(0, 120)}`);
      }
      assert.match(texts[1]!, /"name":null/);
      assert.match(texts[2]!, /"intro":1/, 'counted as published');
      const queue = await (await app.request(`/api/v1/moderation/comments?page=${encoded}`, moderator())).json();
      assert.deepEqual(
        (queue as { comments: { name: string; organisation: string; visibility: string }[] }).comments.map((c) => [
          c.name,
          c.organisation,
          c.visibility,
        ]),
        [['Zora Quince', 'Quince Holdings', 'anonymous']],
        'moderators see who sent it',
      );
    });

    it('publishes a response for an organisation with its name, which an erasure then removes', async () => {
      await asking();
      await post({ respondent: 'organisation', organisation: 'Riverside Cyclists', email: 'chair@cyclists.example' });
      const [list] = await publicTexts();
      assert.deepEqual(
        (JSON.parse(list!) as { comments: { name: string; organisation: string }[] }).comments.map((c) => [c.name, c.organisation]),
        [['Ada Lovelace', 'Riverside Cyclists']],
      );
      const erased = await app.request(
        '/api/v1/moderation/erase',
        moderator({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"email":"chair@cyclists.example"}' }),
      );
      assert.equal(((await erased.json()) as { erased: number }).erased, 1);
      const [after] = await publicTexts();
      assert.ok(!after!.includes('Riverside') && !after!.includes('Ada'), after);
      assert.deepEqual(
        (await storage.exportAll()).map((c) => [c.name, c.email, c.organisation]),
        [['', '', null]],
      );
    });

    it('gives each response its own reference, in the answer to the post only; a retry gets the same one', async () => {
      const first = await post({}, { 'Idempotency-Key': 'reference-key-1' });
      const { reference, comment } = (await first.json()) as { reference: string; comment: { id: string } };
      assert.match(reference, referencePattern);
      const again = (await (await post({}, { 'Idempotency-Key': 'reference-key-1' })).json()) as { reference: string };
      assert.equal(again.reference, reference, 'the replay carries the same reference');
      const other = (await (await post({ body: 'Another.' })).json()) as { reference: string };
      assert.notEqual(other.reference, reference);
      for (const text of [...(await publicTexts()), await (await app.request(`/api/v1/comments/${comment.id}`)).text()]) {
        assert.ok(!text.includes(reference) && !text.includes('"reference"'), 'no public answer carries a reference');
      }

      // Moderators find it however it is read out: lower case, spaces, an O for a zero.
      const typed = reference.toLowerCase().replace('cc-', '').replace(/-/g, ' ').replace(/0/g, 'o');
      assert.equal(normaliseReference(typed), reference);
      const found = (await (
        await app.request(`/api/v1/moderation/comments?reference=${encodeURIComponent(typed)}`, moderator())
      ).json()) as {
        comments: { id: string; reference: string }[];
      };
      assert.deepEqual(
        found.comments.map((c) => [c.id, c.reference]),
        [[comment.id, reference]],
      );
      const none = (await (await app.request('/api/v1/moderation/comments?reference=CC-0000-0000', moderator())).json()) as {
        comments: unknown[];
      };
      assert.equal(none.comments.length, 0);
    });

    it('exports the reference, whom it came from, the organisation, the language and when it was received in UK time', async () => {
      await asking();
      const { reference } = (await (await post({ respondent: 'organisation', organisation: 'Riverside Cyclists', lang: 'cy' })).json()) as {
        reference: string;
      };
      const csv = await (await app.request(`/api/v1/moderation/export?page=${encoded}&format=csv`, moderator())).text();
      const [header, row] = csv.replace(/^\uFEFF/, '').split('\r\n');
      const cells = Object.fromEntries(header!.split(',').map((column, i) => [column, row!.split(',')[i]]));
      assert.equal(cells.reference, reference);
      assert.deepEqual([cells.respondent, cells.organisation, cells.lang], ['organisation', 'Riverside Cyclists', 'cy']);
      assert.match(cells.receivedAt!, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      const json = (await (await app.request(`/api/v1/moderation/export?page=${encoded}&format=json`, moderator())).json()) as {
        responses: Record<string, unknown>[];
      };
      assert.deepEqual(
        ['reference', 'respondent', 'organisation', 'lang', 'receivedAt'].map((key) => json.responses[0]![key]),
        [reference, 'organisation', 'Riverside Cyclists', 'cy', cells.receivedAt],
      );
    });

    it('asks the same on the form for readers without JavaScript, in English and Welsh, and confirms with the reference', async () => {
      await asking();
      const shown = await (await app.request(`/respond?page=${encoded}&section=intro`)).text();
      assert.match(shown, /Are you responding as an individual or on behalf of an organisation\?/);
      assert.match(shown, /<label for="organisation">Organisation name<\/label>/);
      assert.match(shown, /<label for="visibility-anonymous">Publish my comment without my name<\/label>/);

      const refused = await app.request('/respond', form({ ...formFields, respondent: 'organisation', organisation: '' }));
      assert.equal(refused.status, 400);
      const text = await refused.text();
      assert.match(text, /<a href="#organisation">Enter the name of your organisation<\/a>/);
      assert.match(text, /id="respondent-organisation" type="radio" name="respondent" value="organisation" checked/);
      const welsh = await (await app.request('/respond', form({ ...formFields, lang: 'cy', idempotency: 'form-key-2' }))).text();
      assert.match(welsh, /<a href="#respondent-individual">Dewiswch a ydych yn ymateb fel unigolyn neu ar ran sefydliad<\/a>/);
      assert.match(welsh, /Ydych chi’n ymateb fel unigolyn neu ar ran sefydliad\?/);

      const sent = await app.request(
        '/respond',
        form({ ...formFields, respondent: 'organisation', organisation: 'Riverside Cyclists', visibility: 'anonymous', lang: 'cy' }),
      );
      assert.equal(sent.status, 201);
      const confirmation = await sent.text();
      const [stored] = await storage.exportAll();
      assert.match(confirmation, new RegExp(`Eich cyfeirnod yw ${stored!.reference}`));
      assert.deepEqual([stored!.visibility, stored!.organisation, stored!.lang], ['anonymous', 'Riverside Cyclists', 'cy']);
    });
  });
}
