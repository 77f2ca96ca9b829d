import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { messagesFor, validateNewComment, type SectionQuestion } from '../../src/contract/index.js';
import { cy } from 'civic-comments/i18n';
import { migrations } from '../src/storage/migrations.js';
import { PostgresStorage } from '../src/storage/postgres.js';
import { SqliteStorage } from '../src/storage/sqlite.js';
import postgres from 'postgres';
import { emptyPostgres } from './processes.js';
import type { Storage } from '../src/storage/storage.js';
import { importConsultInputs } from './fixtures/consult-importer.js';
import { agree, choiceOnly, uses } from '../../test/fixtures/questions.js';
import { drivers, form, formFields, json, moderator, newComment, page, postgresUrl, testApp } from './helpers.js';

const reader = (overrides: object = {}) => ({
  page,
  section: 'fees',
  name: 'Ada',
  email: 'ada@example.com',
  body: 'Charging is fair if residents are exempt.',
  visibility: 'public',
  ...overrides,
});

describe('the contract’s checks of an answer', () => {
  const codes = (input: object, question: SectionQuestion | null) => {
    const result = validateNewComment(reader(input), null, question);
    return result.success ? {} : result.codes;
  };

  it('needs an answer to a required question, and takes one declared option for a single choice', () => {
    assert.deepEqual(codes({}, agree), { answer: 'missing' });
    assert.deepEqual(codes({ answer: [] }, agree), { answer: 'missing' });
    assert.deepEqual(codes({ answer: ['Agree'] }, agree), {});
    assert.deepEqual(codes({ answer: ['Agree', 'Disagree'] }, agree), { answer: 'invalid' }, 'two answers to a single choice');
    assert.deepEqual(codes({ answer: ['agree'] }, agree), { answer: 'invalid' }, 'an option as declared, not near it');
    assert.deepEqual(codes({ answer: ['Maybe'] }, agree), { answer: 'invalid' });
    assert.deepEqual(codes({ answer: 'Agree' }, agree), { answer: 'invalid' }, 'an answer is a list of options');
  });

  it('takes several options, or none, of an optional multiple choice, and never the same one twice', () => {
    assert.deepEqual(codes({ answer: ['Bus', 'Car club'] }, uses), {});
    assert.deepEqual(codes({ answer: [] }, uses), {});
    assert.deepEqual(codes({ answer: ['Bus', 'Bus'] }, uses), { answer: 'invalid' });
  });

  it('lets the comment box be left empty only where the question says so, and refuses an answer where nothing is asked', () => {
    assert.deepEqual(codes({ body: '', answer: ['Agree'] }, agree), { body: 'missing' });
    assert.deepEqual(codes({ body: '  ', answer: ['Bus'] }, uses), {});
    assert.deepEqual(codes({ body: '', answer: ['Yes'] }, choiceOnly), {});
    assert.deepEqual(codes({ body: '' }, choiceOnly), { answer: 'missing' });
    assert.deepEqual(codes({ body: '', answer: [] }, uses), { body: 'missing' }, 'a response says something: a choice or a comment');
    assert.deepEqual(codes({ body: '' }, { ...choiceOnly, required: false }), { answer: 'missing' });
    assert.deepEqual(codes({ answer: ['Agree'] }, null), { answer: 'invalid' });
    assert.deepEqual(codes({ parentId: 'c1', answer: ['Agree'] }, agree), { answer: 'invalid' }, 'a reply answers no question');
    assert.deepEqual(codes({ parentId: 'c1' }, agree), {}, 'nor does a reply need an answer');
  });

  it('words every refusal in English and in Welsh', () => {
    assert.deepEqual(messagesFor({ answer: 'missing' }), { answer: 'Select an answer' });
    assert.deepEqual(messagesFor({ answer: 'invalid' }), { answer: 'Select one of the answers given' });
    assert.deepEqual(messagesFor({ answer: 'missing' }, cy.validation), { answer: 'Dewiswch ateb' });
    assert.deepEqual(messagesFor({ answer: 'invalid' }, cy.validation), { answer: 'Dewiswch un o’r atebion a roddwyd' });
  });
});

for (const driver of drivers) {
  describe(`questions on ${driver.name}`, () => {
    let storage: Storage & { cleanup: () => unknown };
    let app: ReturnType<typeof testApp>;
    beforeEach(async () => {
      storage = await driver.open();
      app = testApp(storage, { moderation: 'post' });
    });
    afterEach(() => storage.cleanup());

    const put = (body: object) =>
      app.request(
        `/api/v1/moderation/consultations/${encodeURIComponent(page)}`,
        moderator({ method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
      );
    const consultation = (sections: object[], more: object = {}) => ({
      title: 'Visitor permits',
      department: 'Transport Department',
      sections,
      ...more,
    });
    const post = (overrides: object) => app.request('/api/v1/comments', json(newComment({ section: 'fees', ...overrides })));
    const list = async (section = 'fees') =>
      (await (await app.request(`/api/v1/comments?page=${encodeURIComponent(page)}&section=${section}`)).json()) as {
        comments: { body: string; answer: string[] | null }[];
        question: SectionQuestion | null;
        answerCounts: { option: string; count: number }[] | null;
      };

    it('keeps a section’s question, answers it in the list, and refuses a question that is not well formed', async () => {
      assert.equal(
        (
          await put(
            consultation([
              { id: 'fees', title: 'Fees', question: agree },
              { id: 'intro', title: 'Introduction' },
            ]),
          )
        ).status,
        200,
      );
      assert.deepEqual((await list()).question, agree);
      assert.equal((await list('intro')).question, null);
      const moderators = (await (await app.request('/api/v1/moderation/consultations', moderator())).json()) as {
        consultations: { sections: { id: string; question: SectionQuestion | null }[] }[];
      };
      assert.deepEqual(
        moderators.consultations[0]!.sections.map((s) => s.question),
        [agree, null],
      );

      for (const [question, field] of [
        [{ ...agree, options: ['Agree'] }, 'sections.0.question.options'],
        [{ ...agree, options: ['Agree', 'Agree'] }, 'sections.0.question.options'],
        [{ ...agree, options: Array.from({ length: 21 }, (_, i) => `Option ${i}`) }, 'sections.0.question.options'],
        [{ ...agree, options: ['Agree', 'x'.repeat(201)] }, 'sections.0.question.options.1'],
        [{ ...agree, type: 'ranked' }, 'sections.0.question.type'],
        [{ ...agree, text: ' ' }, 'sections.0.question.text'],
        [{ ...agree, freeText: 'sometimes' }, 'sections.0.question.freeText'],
      ] as const) {
        const refused = await put(consultation([{ id: 'fees', title: 'Fees', question }]));
        assert.equal(refused.status, 400, JSON.stringify(question));
        const body = (await refused.json()) as { error: string; fields: Record<string, string> };
        assert.equal(body.error, 'validation');
        assert.ok(body.fields[field], `${field} in ${JSON.stringify(body.fields)}`);
      }
      assert.deepEqual((await list()).question, agree, 'a refused change leaves the question as it was');
    });

    it('stores an answer with the response and shows it in public; refuses a missing, undeclared or second answer with fields.answer', async () => {
      await put(consultation([{ id: 'fees', title: 'Fees', question: agree }]));
      for (const [answer, message] of [
        [undefined, 'Select an answer'],
        [['Maybe'], 'Select one of the answers given'],
        [['Agree', 'Disagree'], 'Select one of the answers given'],
      ] as const) {
        const refused = await post(answer ? { answer } : {});
        assert.equal(refused.status, 400);
        assert.deepEqual(((await refused.json()) as { fields: object }).fields, { answer: message });
      }
      const stored = await post({ answer: ['Disagree'], body: 'Residents should not pay.' });
      assert.equal(stored.status, 201);
      assert.deepEqual(((await stored.json()) as { comment: { answer: string[] } }).comment.answer, ['Disagree']);
      const { comments } = await list();
      assert.deepEqual(
        comments.map((c) => [c.body, c.answer]),
        [['Residents should not pay.', ['Disagree']]],
      );
    });

    it('takes a choice alone where the question asks no free text, and an empty comment box where it is optional', async () => {
      await put(
        consultation([
          { id: 'fees', title: 'Fees', question: choiceOnly },
          { id: 'travel', title: 'Travel', question: uses },
        ]),
      );
      assert.equal((await post({ answer: ['Yes'], body: '' })).status, 201);
      assert.equal((await post({ section: 'travel', answer: [], body: '' })).status, 400, 'nothing at all is no response');
      assert.equal((await post({ section: 'travel', answer: ['Bus', 'Bicycle'], body: '' })).status, 201);
      assert.equal((await post({ section: 'travel', body: 'No answer to the question, but a comment.' })).status, 201);
    });

    it('refuses to remove or reword an option that has answers, with 409 option_in_use; adding one is fine', async () => {
      await put(consultation([{ id: 'fees', title: 'Fees', question: agree }]));
      assert.equal(
        (await put(consultation([{ id: 'fees', title: 'Fees', question: { ...agree, options: ['Agree', 'Disagree'] } }]))).status,
        200,
        'no answers yet',
      );
      assert.equal((await post({ answer: ['Agree'] })).status, 201);

      for (const options of [
        ['Disagree', 'Not sure'],
        ['Agreed', 'Disagree'],
      ]) {
        const refused = await put(consultation([{ id: 'fees', title: 'Fees', question: { ...agree, options } }]));
        assert.equal(refused.status, 409);
        const body = (await refused.json()) as { error: string; message: string; fields: Record<string, string> };
        assert.equal(body.error, 'option_in_use');
        assert.match(body.message, /"Agree" .* section "fees" has answers/);
        assert.ok(body.fields['sections.0.question.options']);
      }
      const dropped = await put(consultation([]));
      assert.equal(dropped.status, 409, 'nor may its section be dropped');
      assert.deepEqual(((await dropped.json()) as { fields: object }).fields, {
        sections:
          'The option "Agree" of the question in section "fees" has answers: options can be added, but one with answers cannot be removed or reworded.',
      });
      const added = await put(
        consultation([{ id: 'fees', title: 'Fees', question: { ...agree, options: ['Agree', 'Disagree', 'Not sure'] } }]),
      );
      assert.equal(added.status, 200);
      assert.deepEqual((await list()).question?.options, ['Agree', 'Disagree', 'Not sure']);
      assert.equal(
        (await put(consultation([{ id: 'fees', title: 'Fees', question: { ...agree, options: ['Agree', 'Not sure'] } }]))).status,
        200,
        'an option without answers may go',
      );
    });

    it('shows how many chose each option only after the close, and only when the consultation says so, private responses counted', async () => {
      const closesAt = new Date(Date.now() + 60 * 60_000).toISOString();
      await put(consultation([{ id: 'fees', title: 'Fees', question: agree }], { closesAt, showAnswerCounts: true }));
      assert.equal((await post({ answer: ['Agree'] })).status, 201);
      assert.equal((await post({ answer: ['Agree'], visibility: 'private', email: 'pat@example.com' })).status, 201);
      assert.equal((await post({ answer: ['Disagree'], visibility: 'anonymous', email: 'sam@example.com' })).status, 201);
      const spam = await post({ answer: ['Disagree'], website: 'http://spam.example', email: 'bot@example.com' });
      assert.equal(spam.status, 201);
      assert.equal((await list()).answerCounts, null, 'open: no counts yet');

      const past = new Date(Date.now() - 60_000).toISOString();
      await put(
        consultation([{ id: 'fees', title: 'Fees', question: agree }], {
          opensAt: new Date(Date.now() - 2 * 60 * 60_000).toISOString(),
          closesAt: past,
          showAnswerCounts: true,
        }),
      );
      const closed = await list();
      assert.deepEqual(closed.answerCounts, [
        { option: 'Agree', count: 2 },
        { option: 'Disagree', count: 1 },
        { option: 'Neither agree nor disagree', count: 0 },
      ]);
      assert.equal(closed.comments.length, 2, 'the private response is counted, never shown');
      assert.ok(!JSON.stringify(closed).includes('pat@example.com'));

      await put(consultation([{ id: 'fees', title: 'Fees', question: agree }], { opensAt: null, closesAt: past, showAnswerCounts: false }));
      assert.equal((await list()).answerCounts, null, 'not unless the consultation says so');
    });

    it('exports the question and the answer in CSV and JSON', async () => {
      await put(consultation([{ id: 'fees', title: 'Fees', question: uses }]));
      await post({ answer: ['Bus', 'Car club'], body: 'Both, on weekdays.' });
      await post({ body: 'No choice, only words.' });
      const csv = (await (await app.request(`/api/v1/moderation/export?page=${encodeURIComponent(page)}&format=csv`, moderator())).text())
        .replace(/^\uFEFF/, '')
        .split('\r\n');
      const header = csv[0]!.split(',');
      const row = (line: string) => Object.fromEntries(line.split(',').map((cell, i) => [header[i], cell]));
      assert.equal(row(csv[1]!).question, 'Which of these would you use?');
      assert.equal(row(csv[1]!).answer, '"Bus; Car club"');
      assert.equal(row(csv[2]!).answer, '');
      const exported = (await (
        await app.request(`/api/v1/moderation/export?page=${encodeURIComponent(page)}&format=json`, moderator())
      ).json()) as {
        responses: { question: string | null; answer: string[] | null }[];
      };
      assert.deepEqual(
        exported.responses.map((r) => [r.question, r.answer]),
        [
          ['Which of these would you use?', ['Bus', 'Car club']],
          ['Which of these would you use?', null],
        ],
      );
    });

    it('asks the question on the form for readers without JavaScript, keeps every choice on a refusal, and stores the answer', async () => {
      await put(
        consultation([
          { id: 'fees', title: 'Fees', question: agree },
          { id: 'travel', title: 'Travel', question: uses },
        ]),
      );
      const empty = await (await app.request(`/respond?page=${encodeURIComponent(page)}&section=fees`)).text();
      assert.match(empty, /<legend class="question-legend">Do you agree with our proposal to charge for visitor permits\?<\/legend>/);
      assert.equal((empty.match(/type="radio" name="answer"/g) ?? []).length, 3);
      assert.ok(empty.indexOf('name="answer"') < empty.indexOf('name="body"'), 'the question comes before the comment box');

      const fields = { ...formFields, section: 'fees', idempotency: 'question-form-1' };
      const refused = await app.request('/respond', form(fields));
      assert.equal(refused.status, 400);
      const page400 = await refused.text();
      assert.match(page400, /<a href="#answer-0">Select an answer<\/a>/);
      assert.match(page400, /id="answer-error"/);
      assert.match(page400, /Sent without JavaScript\./, 'what was typed is kept');

      const stored = await app.request('/respond', form({ ...fields, answer: 'Neither agree nor disagree' }));
      assert.equal(stored.status, 201);
      const travel = new URLSearchParams({ ...formFields, section: 'travel', idempotency: 'question-form-2', body: '' });
      travel.append('answer', 'Bus');
      travel.append('answer', 'Car club');
      const several = await app.request('/respond', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: travel.toString(),
      });
      assert.equal(several.status, 201, 'several checkboxes, and an optional comment box left empty');
      const travelForm = await (await app.request(`/respond?page=${encodeURIComponent(page)}&section=travel`)).text();
      assert.match(travelForm, /Select all that apply\./);
      assert.match(travelForm, /<label for="body">Comment \(optional\)<\/label>/);
      assert.deepEqual(
        (await list()).comments.map((c) => c.answer),
        [['Neither agree nor disagree']],
      );
      assert.deepEqual(
        (await list('travel')).comments.map((c) => c.answer),
        [['Bus', 'Car club']],
      );

      const unchecked = new URLSearchParams({ ...formFields, section: 'travel', idempotency: 'question-form-3', body: 'Kept.' });
      unchecked.append('answer', 'Bus');
      unchecked.append('answer', 'Walking');
      const wrong = await app.request('/respond', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: unchecked.toString(),
      });
      assert.equal(wrong.status, 400);
      const kept = await wrong.text();
      assert.match(kept, /value="Bus" checked/, 'a choice made is kept on a refusal');
      assert.match(kept, /Select one of the answers given/);
    });

    it('words the form in Welsh, leaves out the comment box where none is asked, and asks nothing in a reply', async () => {
      await put(
        consultation([
          { id: 'fees', title: 'Fees', question: choiceOnly },
          { id: 'travel', title: 'Travel', question: uses },
        ]),
      );
      const none = await (await app.request(`/respond?page=${encodeURIComponent(page)}&section=fees`)).text();
      assert.ok(!none.includes('name="body"'));
      const welsh = await (await app.request(`/respond?page=${encodeURIComponent(page)}&section=travel&lang=cy`)).text();
      assert.match(welsh, /Dewiswch bob un sy’n berthnasol\./);
      assert.match(welsh, /Sylw \(dewisol\)/);
      assert.equal((await post({ answer: ['Yes'], body: '' })).status, 201);
      const [first] = (await list()).comments as unknown as { id: string }[];
      const reply = await (await app.request(`/respond?page=${encodeURIComponent(page)}&section=fees&parent=${first!.id}`)).text();
      assert.ok(!reply.includes('name="answer"'), 'a reply answers no question');
      assert.ok(reply.includes('name="body"'));
    });

    it('charts each question in the overview, option by option and by whom the responses came from', async () => {
      await put(
        consultation(
          [
            { id: 'fees', title: 'Fees', question: agree },
            { id: 'travel', title: 'Travel', question: uses },
            { id: 'intro', title: 'Introduction' },
          ],
          { askOrganisation: true },
        ),
      );
      await post({ answer: ['Agree'], respondent: 'individual' });
      await post({ answer: ['Agree'], respondent: 'organisation', organisation: 'Riverside Cyclists', email: 'ravi@example.com' });
      await post({ answer: ['Disagree'], respondent: 'individual', email: 'sam@example.com' });
      await post({ answer: ['Disagree'], respondent: 'individual', email: 'bot@example.com', website: 'http://spam.example' });
      await post({ section: 'travel', answer: ['Bus', 'Car club'], respondent: 'individual', body: '' });
      const overview = (await (await app.request(`/api/v1/moderation/overview?page=${encodeURIComponent(page)}`, moderator())).json()) as {
        questions: {
          section: string;
          title: string;
          text: string;
          answered: number;
          options: { option: string; individual: number; organisation: number; notAsked: number }[];
        }[];
      };
      assert.deepEqual(
        overview.questions.map((q) => [q.section, q.title, q.text, q.answered]),
        [
          ['fees', 'Fees', agree.text, 3],
          ['travel', 'Travel', uses.text, 1],
        ],
        'spam is not counted, and a section without a question has no chart',
      );
      assert.deepEqual(overview.questions[0]!.options, [
        { option: 'Agree', individual: 1, organisation: 1, notAsked: 0 },
        { option: 'Disagree', individual: 1, organisation: 0, notAsked: 0 },
        { option: 'Neither agree nor disagree', individual: 0, organisation: 0, notAsked: 0 },
      ]);
      assert.deepEqual(
        overview.questions[1]!.options.map((o) => [o.option, o.individual]),
        [
          ['Bus', 1],
          ['Bicycle', 0],
          ['Car club', 1],
        ],
      );
    });

    it('writes closed questions into the Consult zip that Consult’s importer loads whole, erased respondents included', async () => {
      await put(
        consultation([
          { id: 'fees', title: 'Fees', question: agree },
          { id: 'travel', title: 'Travel', question: uses },
          { id: 'start', title: 'Start', question: choiceOnly },
          { id: 'intro', title: 'Introduction' },
        ]),
      );
      await post({ answer: ['Agree'], body: 'Fair.' });
      await post({ answer: ['Disagree'], body: 'Residents should not pay.', email: 'ravi@example.com', name: 'Ravi' });
      await post({ section: 'travel', answer: ['Bus'], body: '' });
      await post({ section: 'travel', answer: ['Car club', 'Bus'], body: 'And a car club at weekends.' });
      await post({ section: 'start', answer: ['No'], body: '' });
      await post({ section: 'intro', body: 'A clear introduction.' });
      await post({ answer: ['Agree'], body: 'Forget me.', email: 'erase@example.com' });
      const erased = await app.request('/api/v1/moderation/erase', moderator(json({ email: 'erase@example.com' })));
      assert.equal(erased.status, 200);

      const zip = await app.request(`/api/v1/moderation/export?page=${encodeURIComponent(page)}&format=consult`, moderator());
      assert.equal(zip.status, 200);
      const files = unzipSync(new Uint8Array(await zip.arrayBuffer()));
      const imported = importConsultInputs(files);
      const [fees, travel, start, intro] = imported.questions;
      assert.deepEqual([fees!.text, fees!.hasFreeText, fees!.options], [agree.text, true, agree.options]);
      assert.deepEqual([start!.hasFreeText, start!.options], [false, ['Yes', 'No']]);
      assert.ok(!files['inputs/question_part_3/responses.jsonl'], 'no free text where none was asked');
      assert.deepEqual([intro!.text, intro!.options], ['Introduction', []]);
      assert.ok(!files['inputs/question_part_4/multi_choice.jsonl']);
      assert.deepEqual(
        [...fees!.responses.values()].map((r) => [r.freeText, r.options]),
        // The erased respondent first (no address kept), then Ada and Ravi, in the order of their addresses.
        [
          ['Forget me.', ['Agree']],
          ['Fair.', ['Agree']],
          ['Residents should not pay.', ['Disagree']],
        ],
      );
      // Ada's two answers to the multiple choice are one respondent's, in the order the question declares them.
      assert.deepEqual(
        [...travel!.responses.values()].map((r) => [r.freeText, r.options]),
        [['And a car club at weekends.', ['Bus', 'Car club']]],
      );
      assert.equal(imported.respondents.size, 3);
      const lines = strFromU8(files['inputs/question_part_1/multi_choice.jsonl']!).trim().split('\n');
      assert.deepEqual(JSON.parse(lines[0]!), { themefinder_id: 1, options: ['Agree'] });
    });
  });
}

/** The rows a database made before questions holds: a consultation with a section, and a response to it. */
const before = [
  [
    `INSERT INTO consultations (page, title, opens_at, closes_at, department, ask_organisation, contact_email, sections, updated_at)
     VALUES ($1, 'Old review', NULL, NULL, 'Dept', 0, NULL, '[{"id":"fees","title":"Fees"}]', '2026-01-01T00:00:00.000Z')`,
    [page],
  ],
  [
    `INSERT INTO comments (id, page, section, parent_id, name, email, body, visibility, status, created_at, updated_at)
     VALUES ('old1', $1, 'fees', NULL, 'Ada', 'ada@example.com', 'Written before questions.', 'public', 'published', $2, $2)`,
    [page, '2026-01-02T00:00:00.000Z'],
  ],
] as const;

async function readsAsAnsweringNone(storage: Storage): Promise<void> {
  const list = await storage.listPublished(page, 'fees', 10);
  assert.deepEqual(
    list.items.map((c) => [c.body, c.answer]),
    [['Written before questions.', null]],
  );
  const record = await storage.getConsultation(page);
  assert.equal(record?.showAnswerCounts, false);
  assert.deepEqual(record?.sections, [{ id: 'fees', title: 'Fees' }]);
}

describe('the migration that brings answers', () => {
  it('keeps every response and consultation of a SQLite file made before questions, which read as answering none', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'civic-questions-'));
    const file = join(folder, 'comments.db');
    try {
      const db = new Database(file);
      db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
      for (const migration of migrations.filter((each) => each.version < 11)) {
        db.exec(migration.sql.replaceAll('ORDERED', 'TEXT').replaceAll('SERIAL_ID', 'INTEGER PRIMARY KEY AUTOINCREMENT'));
        db.prepare('INSERT INTO schema_migrations VALUES (?, ?)').run(migration.version, new Date().toISOString());
      }
      for (const [text, params] of before)
        db.prepare(text.replace(/\$\d/g, '?')).run(...(params.length === 2 ? [params[0], params[1], params[1]] : params));
      db.close();
      const storage = new SqliteStorage(file);
      await readsAsAnsweringNone(storage);
      await storage.close();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('does the same on PostgreSQL', { skip: postgresUrl ? false : 'TEST_DATABASE_URL is not set' }, async () => {
    await emptyPostgres(postgresUrl!);
    const old = postgres(postgresUrl!, { onnotice: () => {} });
    await old.unsafe('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    for (const migration of migrations.filter((each) => each.version < 11)) {
      await old.unsafe(
        migration.sql.replaceAll('ORDERED', 'TEXT COLLATE "C"').replaceAll('SERIAL_ID', 'BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY'),
      );
      await old.unsafe('INSERT INTO schema_migrations VALUES ($1, $2)', [migration.version, new Date().toISOString()]);
    }
    for (const [text, params] of before) await old.unsafe(text, [...params]);
    await old.end();
    const storage = await PostgresStorage.open(postgresUrl!);
    try {
      await readsAsAnsweringNone(storage);
    } finally {
      await storage.close();
    }
  });
});
