import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { Ajv } from 'ajv';
import { strFromU8, unzipSync } from 'fflate';
import type { Storage } from '../src/storage/storage.js';
import { questionSchema, respondentSchema, responseSchema } from './fixtures/consult-input-schemas.js';
import { drivers, json, moderator, newComment, page, testApp } from './helpers.js';

const ajv = new Ajv({ strict: false });
const checks = { respondent: ajv.compile(respondentSchema), response: ajv.compile(responseSchema), question: ajv.compile(questionSchema) };

/** Every line of a JSONL file, parsed. */
const lines = (bytes: Uint8Array | undefined) => strFromU8(bytes!).trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);

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
        sections: [{ id: 'costs', title: 'What should permits cost?' }, { id: 'intro', title: 'Introduction' }],
      };
      const put = await app.request(`/api/v1/moderation/consultations/${encodeURIComponent(page)}`, moderator({ method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(consultation) }));
      assert.equal(put.status, 200);
      await send({ section: 'intro', respondent: 'individual', body: 'Ada on the introduction.' });
      await send({ section: 'costs', respondent: 'individual', email: 'ADA@example.com', body: 'Ada on costs.' });
      await send({ section: 'costs', respondent: 'individual', body: 'Ada again on costs.' });
      await send({ section: 'costs', respondent: 'organisation', organisation: 'Riverside Cyclists', name: 'Ravi', email: 'ravi@example.com', lang: 'cy', body: 'Ravi ar ran y clwb.' });
      await send({ section: 'costs', respondent: 'individual', visibility: 'private', name: 'Pat', email: 'pat@example.com', body: 'Sent privately, still analysed.' });
      const rejected = await send({ section: 'costs', respondent: 'individual', name: 'Sam', email: 'sam@example.com', body: 'Off topic.' });
      await app.request(`/api/v1/moderation/comments/${rejected}`, moderator({ method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: '{"status":"rejected"}' }));
      const erased = await send({ section: 'intro', respondent: 'individual', name: 'Gwen', email: 'gwen@example.com', body: 'Erase me later.' });
      await app.request('/api/v1/moderation/erase', moderator(json({ email: 'gwen@example.com' })));
      await send({ section: 'other', respondent: 'individual', name: 'Lee', email: 'lee@example.com', body: 'On a section the consultation does not list.' });
      await app.request('/api/v1/moderation/comments', moderator(json({ page, section: 'intro', body: 'The department’s own answer.' })));

      const response = await app.request(`/api/v1/moderation/export?page=${encodeURIComponent(page)}&format=consult`, moderator());
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('Content-Type'), 'application/zip');
      assert.match(response.headers.get('Content-Disposition')!, /attachment; filename="consult-review-\d{4}-\d{2}-\d{2}\.zip"/);
      const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
      assert.deepEqual(Object.keys(files).sort(), [
        'question_part_1/question.json', 'question_part_1/responses.jsonl',
        'question_part_2/question.json', 'question_part_2/responses.jsonl',
        'question_part_3/question.json', 'question_part_3/responses.jsonl',
        'respondents.jsonl',
      ]);

      // Every line fits Consult's own schemas, field by field and type by type.
      const questions = [1, 2, 3].map((n) => JSON.parse(strFromU8(files[`question_part_${n}/question.json`]!)) as Record<string, unknown>);
      for (const question of questions) assert.ok(checks.question(question), ajv.errorsText(checks.question.errors));
      assert.deepEqual(questions, [
        { question_text: 'What should permits cost?', question_number: 1 },
        { question_text: 'Introduction', question_number: 2 },
        { question_text: 'other', question_number: 3 },
      ]);
      const respondents = lines(files['respondents.jsonl']);
      for (const respondent of respondents) assert.ok(checks.respondent(respondent), ajv.errorsText(checks.respondent.errors));
      const answers = [1, 2, 3].map((n) => lines(files[`question_part_${n}/responses.jsonl`]));
      for (const response of answers.flat()) assert.ok(checks.response(response), ajv.errorsText(checks.response.errors));

      // Ada answered two sections under one id; her two answers to costs are one, in order.
      const idOf = (text: string) => answers.flat().find((answer) => String(answer.text).includes(text))!.themefinder_id;
      assert.equal(idOf('Ada on the introduction.'), idOf('Ada on costs.'));
      assert.deepEqual(answers[0]!.map((answer) => answer.text), ['Ada on costs.\n\nAda again on costs.', 'Ravi ar ran y clwb.', 'Sent privately, still analysed.']);
      assert.deepEqual(answers[1]!.map((answer) => answer.text), ['Ada on the introduction.', 'Erase me later.']);
      assert.deepEqual(answers[2]!.map((answer) => answer.text), ['On a section the consultation does not list.']);
      assert.equal(new Set(respondents.map((r) => r.themefinder_id)).size, respondents.length);
      assert.equal(respondents.length, 5, 'Ada, Ravi, Pat, the erased respondent and Lee; not the rejected response nor the department');
      assert.deepEqual(respondents.find((r) => r.themefinder_id === idOf('Ravi'))!.demographics, {
        respondent_type: ['organisation'],
        organisation: ['Riverside Cyclists'],
        language: ['cy'],
      });

      // Nothing that names a person leaves in a Consult export.
      const everything = Object.values(files).map((bytes) => strFromU8(bytes)).join('\n');
      for (const personal of ['@example.com', 'Ada Lovelace', 'Ravi"', 'Gwen', erased]) assert.ok(!everything.includes(personal), personal);
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
