import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { streamOf } from '../src/export-stream.js';
import type { Storage } from '../src/storage/storage.js';
import { ImportFailure, importConsultInputs } from './fixtures/consult-importer.js';
import { drivers, json, moderator, newComment, page, testApp } from './helpers.js';

for (const driver of drivers) {
  describe(`the Consult export on ${driver.name}`, () => {
    let storage: Storage & { cleanup: () => unknown };
    let app: ReturnType<typeof testApp>;
    beforeEach(async () => {
      storage = await driver.open();
      app = testApp(storage, { moderation: 'post' });
    });
    afterEach(() => storage.cleanup());

    const send = async (overrides: object) => {
      const response = await app.request('/api/v1/comments', json(newComment(overrides)));
      assert.equal(response.status, 201, await response.clone().text());
      return ((await response.json()) as { comment: { id: string } }).comment.id;
    };

    it('writes one question per section and one respondent per person, in Consult’s input layout', async () => {
      const consultation = {
        title: 'Parking review',
        department: 'Transport Department',
        askOrganisation: true,
        sections: [
          { id: 'costs', title: 'What should permits cost?' },
          { id: 'intro', title: 'Introduction' },
        ],
      };
      const put = await app.request(
        `/api/v1/moderation/consultations/${encodeURIComponent(page)}`,
        moderator({ method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(consultation) }),
      );
      assert.equal(put.status, 200);
      await send({ section: 'intro', respondent: 'individual', body: 'Ada on the introduction.' });
      await send({ section: 'costs', respondent: 'individual', email: 'ADA@example.com', body: 'Ada on costs.' });
      await send({ section: 'costs', respondent: 'individual', body: 'Ada again on costs.' });
      await send({
        section: 'costs',
        respondent: 'organisation',
        organisation: 'Riverside Cyclists',
        name: 'Ravi',
        email: 'ravi@example.com',
        lang: 'cy',
        body: 'Ravi ar ran y clwb.',
      });
      await send({
        section: 'costs',
        respondent: 'individual',
        visibility: 'private',
        name: 'Pat',
        email: 'pat@example.com',
        body: 'Sent privately, still analysed.',
      });
      const rejected = await send({
        section: 'costs',
        respondent: 'individual',
        name: 'Sam',
        email: 'sam@example.com',
        body: 'Off topic.',
      });
      await app.request(
        `/api/v1/moderation/comments/${rejected}`,
        moderator({ method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: '{"status":"rejected"}' }),
      );
      const erased = await send({
        section: 'intro',
        respondent: 'individual',
        name: 'Gwen',
        email: 'gwen@example.com',
        body: 'Erase me later.',
      });
      await app.request('/api/v1/moderation/erase', moderator(json({ email: 'gwen@example.com' })));
      await send({
        section: 'other',
        respondent: 'individual',
        name: 'Lee',
        email: 'lee@example.com',
        body: 'On a section the consultation does not list.',
      });
      await app.request('/api/v1/moderation/comments', moderator(json({ page, section: 'intro', body: 'The department’s own answer.' })));

      const response = await app.request(`/api/v1/moderation/export?page=${encodeURIComponent(page)}&format=consult`, moderator());
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('Content-Type'), 'application/zip');
      assert.match(response.headers.get('Content-Disposition')!, /attachment; filename="consult-review-\d{4}-\d{2}-\d{2}\.zip"/);
      const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
      assert.deepEqual(Object.keys(files).sort(), [
        'inputs/question_part_1/question.json',
        'inputs/question_part_1/responses.jsonl',
        'inputs/question_part_2/question.json',
        'inputs/question_part_2/responses.jsonl',
        'inputs/question_part_3/question.json',
        'inputs/question_part_3/responses.jsonl',
        'inputs/respondents.jsonl',
      ]);

      // Consult's importer, ported, takes every file whole: no field it forbids, nothing it would drop.
      const imported = importConsultInputs(files);
      assert.deepEqual(
        imported.questions.map((q) => [q.number, q.text, q.hasFreeText, q.options]),
        [
          [1, 'What should permits cost?', true, []],
          [2, 'Introduction', true, []],
          [3, 'other', true, []],
        ],
      );
      const texts = (n: number) => [...imported.questions[n - 1]!.responses.values()].map((answer) => answer.freeText);
      // Ada answered two sections under one id; her two answers to costs are one, in order.
      const idOf = (text: string) =>
        imported.questions.flatMap((q) => [...q.responses]).find(([, answer]) => answer.freeText!.includes(text))![0];
      assert.equal(idOf('Ada on the introduction.'), idOf('Ada on costs.'));
      // Respondents in the order of their addresses: Ada, Pat, Ravi.
      assert.deepEqual(texts(1), ['Ada on costs.\n\nAda again on costs.', 'Sent privately, still analysed.', 'Ravi ar ran y clwb.']);
      // A respondent with no address kept (here, erased) comes first.
      assert.deepEqual(texts(2), ['Erase me later.', 'Ada on the introduction.']);
      assert.deepEqual(texts(3), ['On a section the consultation does not list.']);
      assert.equal(
        imported.respondents.size,
        5,
        'Ada, Ravi, Pat, the erased respondent and Lee; not the rejected response nor the department',
      );
      assert.deepEqual(imported.respondents.get(idOf('Ravi')), {
        respondent_type: ['organisation'],
        organisation: ['Riverside Cyclists'],
        language: ['cy'],
      });

      // Nothing that names a person leaves in a Consult export.
      const everything = Object.values(files)
        .map((bytes) => strFromU8(bytes))
        .join('\n');
      for (const personal of ['@example.com', 'Ada Lovelace', 'Ravi"', 'Gwen', erased]) assert.ok(!everything.includes(personal), personal);
    });

    it('numbers respondents alike in every file while responses arrive and change during the download', async () => {
      await send({
        section: 'intro',
        name: 'Ravi',
        email: 'ravi@example.com',
        respondent: 'organisation',
        organisation: 'Riverside Cyclists',
        body: 'Ravi on the introduction.',
      });
      await send({ section: 'costs', name: 'Pat', email: 'pat@example.com', respondent: 'individual', body: 'Pat on costs.' });
      await send({ section: 'costs', name: 'Ravi', email: 'ravi@example.com', body: 'Ravi on costs.' });
      const response = await app.request(`/api/v1/moderation/export?page=${encodeURIComponent(page)}&format=consult`, moderator());
      const reader = response.body!.getReader();
      const chunks: Uint8Array[] = [];
      const first = await reader.read();
      chunks.push(first.value!);
      // After the first file: a new respondent whose address comes first, and Pat's data erased.
      await send({ section: 'costs', name: 'Aaron', email: 'aaron@example.com', body: 'Sent during the download.' });
      await app.request('/api/v1/moderation/erase', moderator(json({ email: 'pat@example.com' })));
      for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(read.value);
      const whole = new Uint8Array(chunks.reduce((n, chunk) => n + chunk.byteLength, 0));
      chunks.reduce((at, chunk) => (whole.set(chunk, at), at + chunk.byteLength), 0);
      const imported = importConsultInputs(unzipSync(whole));
      const answers = imported.questions.flatMap((q) => [...q.responses]);
      const idOf = (text: string) => answers.find(([, answer]) => answer.freeText === text)![0];
      assert.equal(imported.respondents.size, 2, 'the export is of the consultation as it was when it began');
      assert.ok(!answers.some(([, answer]) => answer.freeText === 'Sent during the download.'));
      assert.equal(idOf('Ravi on the introduction.'), idOf('Ravi on costs.'));
      assert.deepEqual(imported.respondents.get(idOf('Ravi on costs.'))?.organisation, ['Riverside Cyclists']);
      assert.deepEqual(imported.respondents.get(idOf('Pat on costs.')), { respondent_type: ['individual'] });
    });

    it('ends its snapshot when a download stops half-way, so that stopped downloads hold no connection', { timeout: 30_000 }, async () => {
      await send({ section: 'intro', body: 'One response.' });
      const url = `/api/v1/moderation/export?page=${encodeURIComponent(page)}&format=consult`;
      // More stopped downloads than PostgreSQL's pool has connections.
      for (let i = 0; i < 12; i++) {
        const reader = (await app.request(url, moderator())).body!.getReader();
        await reader.read();
        await reader.cancel();
      }
      const files = unzipSync(new Uint8Array(await (await app.request(url, moderator())).arrayBuffer()));
      assert.equal(importConsultInputs(files).respondents.size, 1);
    });

    it('needs a page, and refuses a format it does not know', async () => {
      const noPage = await app.request('/api/v1/moderation/export?format=consult', moderator());
      assert.equal(noPage.status, 400);
      assert.match(((await noPage.json()) as { message: string }).message, /one consultation/);
      assert.equal((await app.request(`/api/v1/moderation/export?page=${encodeURIComponent(page)}&format=xlsx`, moderator())).status, 400);
      assert.equal((await app.request(`/api/v1/moderation/export?page=${encodeURIComponent(page)}&format=consult`)).status, 401);
    });
  });
}

describe('the port of Consult’s importer', () => {
  const file = (value: unknown) => strToU8(`${JSON.stringify(value)}\n`);
  const valid = () => ({
    'inputs/respondents.jsonl': file({ themefinder_id: 1, demographic_data: { respondent_type: ['individual'] } }),
    'inputs/question_part_1/question.json': file({
      question_text: 'Costs',
      question_number: 1,
      has_free_text: true,
      multi_choice_options: ['Agree', 'Disagree'],
    }),
    'inputs/question_part_1/responses.jsonl': file({ themefinder_id: 1, text: 'Too dear.' }),
    'inputs/question_part_1/multi_choice.jsonl': file({ themefinder_id: 1, options: ['Disagree'] }),
  });

  it('loads what Consult loads, and refuses what it would refuse or quietly drop', () => {
    const loaded = importConsultInputs(valid());
    assert.deepEqual(loaded.questions[0]!.responses.get(1), { freeText: 'Too dear.', options: ['Disagree'] });
    const refusals: [string, Record<string, Uint8Array>][] = [
      ['the old field name', { ...valid(), 'inputs/respondents.jsonl': file({ themefinder_id: 1, demographics: {} }) }],
      [
        'a demographic value that is not a list',
        { ...valid(), 'inputs/respondents.jsonl': file({ themefinder_id: 1, demographic_data: { language: 'cy' } }) },
      ],
      ['an id as text', { ...valid(), 'inputs/question_part_1/responses.jsonl': file({ themefinder_id: '1', text: 'x' }) }],
      ['a respondent not listed', { ...valid(), 'inputs/question_part_1/responses.jsonl': file({ themefinder_id: 2, text: 'Who?' }) }],
      [
        'an undeclared option',
        { ...valid(), 'inputs/question_part_1/multi_choice.jsonl': file({ themefinder_id: 1, options: ['Maybe'] }) },
      ],
      ['empty text', { ...valid(), 'inputs/question_part_1/responses.jsonl': file({ themefinder_id: 1, text: '' }) }],
      ['text Consult reads as none', { ...valid(), 'inputs/question_part_1/responses.jsonl': file({ themefinder_id: 1, text: '-' }) }],
      [
        'a field the model forbids',
        { ...valid(), 'inputs/question_part_1/question.json': file({ question_text: 'Costs', question_number: 1, section: 'costs' }) },
      ],
      [
        'files outside inputs/',
        { ...Object.fromEntries(Object.entries(valid()).map(([path, bytes]) => [path.replace('inputs/', ''), bytes])) },
      ],
    ];
    for (const [what, files] of refusals)
      assert.throws(
        () => importConsultInputs(files),
        (error: unknown) => error instanceof ImportFailure || (error as Error).name === 'ZodError',
        what,
      );
  });
});

describe('the demonstration in a Consult export', () => {
  it('counts each seeded person as a respondent of their own', async () => {
    const { sqliteStorage } = await import('./helpers.js');
    const { seedDemo } = await import('../src/seed.js');
    const { consultExport } = await import('../src/consult-export.js');
    const storage = sqliteStorage();
    try {
      await seedDemo(storage);
      const page = 'digital-services-review';
      const responses = await storage.exportAll(page);
      const people = new Set(responses.filter((r) => r.role === 'reader').map((r) => r.name));
      const zip = await new Response(
        streamOf(
          consultExport(() => storage.consultReader(page), await storage.getConsultation(page)),
          'a test',
        ),
      ).bytes();
      const imported = importConsultInputs(unzipSync(zip));
      assert.ok(people.size > 3);
      assert.equal(imported.respondents.size, people.size);
    } finally {
      storage.cleanup();
    }
  });
});
