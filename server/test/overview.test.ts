import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { Overview } from '../../src/contract/index.js';
import type { Storage } from '../src/storage/storage.js';
import { drivers, json, moderator, page, testApp } from './helpers.js';

for (const driver of drivers) {
  describe(`the overview on ${driver.name}`, () => {
    let storage: Storage & { cleanup: () => unknown };
    let app: ReturnType<typeof testApp>;
    beforeEach(async () => {
      storage = await driver.open();
      app = testApp(storage);
    });
    afterEach(() => storage.cleanup());

    /** A response as stored at a moment, as a reader's would be. */
    const store = (at: string, record: Partial<Parameters<Storage['create']>[0]>) =>
      storage.create({
        page,
        section: 'intro',
        parentId: null,
        name: 'Reader',
        email: 'reader@example.com',
        body: 'A response.',
        visibility: 'public',
        status: 'published',
        role: 'reader',
        at: Date.parse(at),
        ...record,
      });

    it('counts the stored responses by section, by UK day, by respondent type and by language', async () => {
      await app.request(
        `/api/v1/moderation/consultations/${encodeURIComponent(page)}`,
        moderator({
          method: 'PUT',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            title: 'Parking review',
            opensAt: '2027-03-27T00:00:00Z',
            closesAt: '2027-04-30T22:59:00Z',
            sections: [
              { id: 'intro', title: 'Introduction' },
              { id: 'costs', title: 'Costs' },
              { id: 'zones', title: 'Zones' },
            ],
          }),
        }),
      );
      // 23:30 UTC on 28 March 2027 is 00:30 on the 29th in London: summer time began that night.
      await store('2027-03-27T10:00:00Z', { respondent: 'individual', lang: 'en' });
      await store('2027-03-27T11:00:00Z', {
        visibility: 'anonymous',
        respondent: 'organisation',
        organisation: 'Riverside Cyclists',
        lang: 'cy',
      });
      await store('2027-03-28T23:30:00Z', {
        section: 'costs',
        visibility: 'private',
        status: 'received',
        respondent: 'individual',
        lang: 'en',
      });
      await store('2027-03-30T09:00:00Z', { section: 'costs', status: 'pending', lang: 'en' });
      await store('2027-03-30T09:30:00Z', { section: 'costs', status: 'rejected', respondent: 'individual' });
      await store('2027-03-30T10:00:00Z', { section: 'costs', status: 'spam' });
      await store('2027-03-30T10:00:00Z', { section: 'elsewhere', status: 'pending' });
      await app.request('/api/v1/moderation/comments', moderator(json({ page, section: 'intro', body: 'The department’s own.' })));

      const response = await app.request(`/api/v1/moderation/overview?page=${encodeURIComponent(page)}`, moderator());
      assert.equal(response.status, 200);
      const overview = Overview.parse(await response.json());
      assert.equal(overview.consultation?.title, 'Parking review');
      assert.equal(overview.total, 6, 'the public’s responses, spam and the department’s own aside');
      assert.deepEqual(overview.sections, [
        { section: 'intro', title: 'Introduction', public: 1, anonymous: 1, private: 0, pending: 0 },
        { section: 'costs', title: 'Costs', public: 0, anonymous: 0, private: 1, pending: 1 },
        { section: 'zones', title: 'Zones', public: 0, anonymous: 0, private: 0, pending: 0 },
        { section: 'elsewhere', title: 'elsewhere', public: 0, anonymous: 0, private: 0, pending: 1 },
      ]);
      assert.deepEqual(overview.perDay, [
        { date: '2027-03-27', count: 2 },
        { date: '2027-03-28', count: 0 },
        { date: '2027-03-29', count: 1 },
        { date: '2027-03-30', count: 3 },
      ]);
      assert.deepEqual(overview.respondents, { individual: 3, organisation: 1, notAsked: 2 });
      assert.deepEqual(overview.languages, { en: 3, cy: 1, unknown: 2 });

      const empty = Overview.parse(await (await app.request('/api/v1/moderation/overview?page=%2Fnothing-here', moderator())).json());
      assert.deepEqual([empty.consultation, empty.total, empty.sections, empty.perDay], [null, 0, [], []]);
      assert.equal((await app.request('/api/v1/moderation/overview', moderator())).status, 400);
      assert.equal((await app.request(`/api/v1/moderation/overview?page=${encodeURIComponent(page)}`)).status, 401);
    });
  });
}
