import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { exportedResponse, ModerationComment, toCsv } from 'civic-comments/contract';
import { CampaignGrouper } from '../src/campaigns/grouper.js';
import type { Storage, StoredComment } from '../src/storage/storage.js';
import { drivers, json, moderator, newComment, page, testApp, token } from './helpers.js';

/*
 * The CSV and JSON exports are written as they are read, a batch at a time: the same bytes as the
 * whole file, a download that starts before the last batch is read, and a failure half-way that
 * fails the download rather than leaving a file that looks whole.
 */

/** A response's text with its byte order mark kept, which `Response.text()` would drop. */
const textOf = async (response: Response) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());

/** The storage, with its export batches replaced: every other call goes to the storage itself. */
function withBatches(storage: Storage, batches: (page: string | undefined) => AsyncIterable<StoredComment[]>): Storage {
  return new Proxy(storage, {
    get(target, key) {
      if (key === 'exportBatches') return batches;
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

for (const driver of drivers) {
  describe(`streamed exports (${driver.name})`, () => {
    let storage: Awaited<ReturnType<(typeof driver)['open']>>;
    const encoded = encodeURIComponent(page);

    beforeEach(async () => {
      storage = await driver.open();
    });
    afterEach(async () => {
      await storage.cleanup();
    });

    /** Seven responses, two of them one campaign's copies, published or waiting, on two sections. */
    async function seed(app: ReturnType<typeof testApp>): Promise<void> {
      const letter = 'Please keep the library open on Saturdays: it is the only day I can come with my children.';
      const bodies = [
        'First thoughts.',
        letter,
        'Second "quoted", thoughts\nover two lines.',
        letter,
        '=SUM(A1)',
        'Another view.',
        'Last one.',
      ];
      for (const [index, body] of bodies.entries()) {
        const posted = await app.request(
          '/api/v1/comments',
          json(newComment({ body, section: index % 2 ? 'intro' : 'costs', email: `person${index}@example.com` })),
        );
        assert.equal(posted.status, 201);
      }
    }

    it('writes, a batch at a time, the very bytes of the whole file', async () => {
      const app = testApp(storage);
      await seed(app);
      // The two copies of one letter become a campaign, whose size each batch counts for itself.
      const grouper = new CampaignGrouper(storage);
      await grouper.groupNow();
      await grouper.stop();
      // Batches of two: the seven responses come in four.
      const small = withBatches(storage, (of) => storage.exportBatches(of, 2));
      const responses = await storage.exportAll(page);
      let batches = 0;
      for await (const batch of storage.exportBatches(page, 2)) {
        batches++;
        assert.ok(batch.length <= 2);
      }
      assert.equal(batches, 4);
      const streamed: StoredComment[] = [];
      for await (const batch of storage.exportBatches(page, 2)) streamed.push(...batch);
      assert.deepEqual(streamed, responses, 'the same responses, in the same order, with their campaigns’ sizes');
      assert.deepEqual(
        responses.filter((r) => r.campaign).map((r) => r.campaignSize),
        [2, 2],
      );

      const csv = await testApp(small).request(`/api/v1/moderation/export?page=${encoded}&format=csv`, moderator());
      assert.equal(csv.status, 200);
      assert.equal(csv.headers.get('content-type'), 'text/csv; charset=utf-8');
      assert.equal(await textOf(csv), `\uFEFF${toCsv(responses.map((r) => ModerationComment.parse(r)))}`);

      const answer = await testApp(small).request(`/api/v1/moderation/export?page=${encoded}&format=json`, moderator());
      assert.equal(answer.headers.get('content-type'), 'application/json');
      const text = await answer.text();
      const { exportedAt } = JSON.parse(text) as { exportedAt: string };
      assert.equal(
        text,
        JSON.stringify({ page, exportedAt, responses: responses.map((r) => exportedResponse(ModerationComment.parse(r))) }),
      );
      // With nothing to export, the header row alone, and an empty list.
      const empty = encodeURIComponent('/nothing-here');
      const none = await testApp(small).request(`/api/v1/moderation/export?page=${empty}&format=csv`, moderator());
      assert.equal(await textOf(none), `\uFEFF${toCsv([])}`);
      const noneJson = JSON.parse(
        await (await testApp(small).request(`/api/v1/moderation/export?page=${empty}&format=json`, moderator())).text(),
      );
      assert.deepEqual(noneJson.responses, []);
    });

    it('starts the download before the last batch is read', async () => {
      const app = testApp(storage);
      await seed(app);
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const slow = withBatches(storage, async function* (of) {
        let first = true;
        for await (const batch of storage.exportBatches(of, 3)) {
          if (!first) await held;
          first = false;
          yield batch;
        }
      });
      const response = await testApp(slow).request(`/api/v1/moderation/export?page=${encoded}&format=csv`, moderator());
      const reader = response.body!.getReader();
      let received = '';
      const decoder = new TextDecoder();
      while (!received.includes('First thoughts.')) received += decoder.decode((await reader.read()).value, { stream: true });
      assert.ok(!received.includes('Last one.'), 'the last response is not read yet');
      release();
      for (let part = await reader.read(); !part.done; part = await reader.read()) received += decoder.decode(part.value, { stream: true });
      assert.ok(received.includes('Last one.'));
    });

    it('fails the download when the database fails half-way, rather than ending a file that looks whole', async () => {
      const app = testApp(storage);
      await seed(app);
      const failing = withBatches(storage, async function* (of) {
        for await (const batch of storage.exportBatches(of, 3)) {
          yield batch;
          throw new Error('the database went away');
        }
      });
      const logged: string[] = [];
      const error = console.error;
      console.error = (message: string) => logged.push(message);
      try {
        for (const format of ['csv', 'json']) {
          const response = await testApp(failing).request(`/api/v1/moderation/export?page=${encoded}&format=${format}`, moderator());
          assert.equal(response.status, 200, 'the download had started');
          await assert.rejects(response.text(), /the database went away/);
        }
      } finally {
        console.error = error;
      }
      assert.equal(logged.length, 2);
      assert.match(logged[0]!, /a CSV export failed after \d+ bytes: the database went away/);
    });

    it('is refused without a moderator’s token, as before', async () => {
      const response = await testApp(storage).request(`/api/v1/moderation/export?page=${encoded}&format=csv`);
      assert.equal(response.status, 401);
      assert.notEqual(token, '');
    });
  });
}
