/**
 * The `CommentsBackend` contract as one set of tests, run against every backend: `memory`, `rest`
 * (the reference server, on SQLite and on PostgreSQL) and `wordpress` (a real WordPress). Each
 * runner says how to make a page and how a moderator publishes in that backend; what a backend
 * cannot do it declares, and its cases are skipped for it with the reason. A feature that changes
 * what a backend promises adds its cases here.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { failure, responseTo, unique } from './responses.js';
import type { CommentsBackend } from '../../src/backends/backend.js';
import { CivicCommentsError, ValidationFailedError } from '../../src/backends/errors.js';
import type { SectionQuestion } from '../../src/contract/questions.js';

export interface BackendUnderTest {
  name: string;
  backend: CommentsBackend;
  /** A page no other test uses (for WordPress, a new consultation post's id). */
  newPage: () => Promise<string>;
  /** Publishes a stored response, as a moderator does in this backend. */
  publish: (id: string) => Promise<void>;
  /** A section the page has. */
  section: string;
  /** Whether the backend answers an Idempotency-Key reused for another comment with an error (else it answers with the first). */
  refusesReusedKeys: boolean;
  /**
   * Has the page's section ask a closed question, as a department does in this backend, for
   * backends with questions; `null` when the case is over, for a backend whose pages share one.
   */
  askQuestion?: (page: string, question: SectionQuestion | null) => Promise<void>;
  /**
   * Saves the page's consultation with these sections (their aliases and wording), as a department
   * does in this backend, for backends with versions; `null` when the case is over.
   */
  reviseSections?: (page: string, sections: RevisedSection[] | null) => Promise<void>;
}

/** A section as a conformance case saves it: with aliases, a wording and what changed. */
export interface RevisedSection {
  id: string;
  title: string;
  aliases?: string[];
  text?: string | null;
  note?: string | null;
}

export function backendConformance(underTest: BackendUnderTest): void {
  const { backend, section } = underTest;
  const response = responseTo(section);

  describe(`the CommentsBackend contract: ${underTest.name}`, () => {
    it('waits for a moderator, then lists a response with its reply, oldest first, and counts them', async () => {
      const page = await underTest.newPage();
      const first = await backend.postComment(response(page, { body: 'The station needs step-free access.' }));
      assert.equal(first.status, 'pending');
      assert.equal(first.section, section);
      assert.ok(!('email' in first), 'the answer never carries the email');
      assert.equal((await backend.listComments({ page, section })).total, 0);
      assert.deepEqual((await backend.getCounts(page)).counts, {});
      await underTest.publish(first.id);
      const reply = await backend.postComment(response(page, { name: 'Grace Hopper', body: 'And lifts that work.', parentId: first.id }));
      await underTest.publish(reply.id);
      const thread = await backend.listComments({ page, section });
      assert.deepEqual(
        thread.comments.map((c) => [c.name, c.body, c.parentId, c.status]),
        [
          ['Ada Lovelace', 'The station needs step-free access.', null, 'published'],
          ['Grace Hopper', 'And lifts that work.', first.id, 'published'],
        ],
      );
      assert.equal(thread.total, 2);
      assert.ok(thread.comments.every((c) => !JSON.stringify(c).includes('@example.com')));
      assert.deepEqual((await backend.getCounts(page)).counts, { [section]: 2 });
    });

    it('keeps a private response out of every public answer, and publishes an anonymous one without its name', async () => {
      const page = await underTest.newPage();
      const secret = await backend.postComment(response(page, { visibility: 'private', body: 'For the department only.' }));
      assert.equal(secret.status, 'received');
      const anonymous = await backend.postComment(response(page, { visibility: 'anonymous', name: 'Nia Jones', body: 'Without my name.' }));
      await underTest.publish(anonymous.id);
      const thread = await backend.listComments({ page, section });
      assert.deepEqual(
        thread.comments.map((c) => [c.name, c.organisation, c.body]),
        [[null, null, 'Without my name.']],
      );
      assert.deepEqual((await backend.getCounts(page)).counts, { [section]: 1 });
      if (backend.getComment) {
        assert.ok(
          (await failure(backend.getComment(secret.id))) instanceof CivicCommentsError,
          'a private response cannot be fetched by its id',
        );
        assert.equal((await backend.getComment(anonymous.id)).name, null);
      }
    });

    it('stores a response once for one idempotency key', async () => {
      const page = await underTest.newPage();
      const sent = response(page);
      const key = `conformance-${unique()}`;
      const first = await backend.postComment(sent, { idempotencyKey: key });
      const again = await backend.postComment(sent, { idempotencyKey: key });
      assert.equal(again.id, first.id);
      await underTest.publish(first.id);
      assert.equal((await backend.listComments({ page, section })).total, 1);
      if (underTest.refusesReusedKeys) {
        const reused = await failure(backend.postComment({ ...sent, body: 'Something else.' }, { idempotencyKey: key }));
        assert.ok(
          reused instanceof CivicCommentsError && !(reused instanceof ValidationFailedError),
          `an idempotency conflict is no field's error: ${String(reused)}`,
        );
      }
    });

    it('refuses what the contract refuses, field by field, in GOV.UK’s words', async () => {
      const page = await underTest.newPage();
      const refused = await failure(backend.postComment(response(page, { name: '', email: 'not an address' })));
      assert.ok(refused instanceof ValidationFailedError, String(refused));
      assert.equal(refused.fields.name, 'Enter your name');
      assert.equal(refused.fields.email, 'Enter an email address in the correct format, like name@example.com');
    });

    it('keeps what a form filler sends out of public view, and tells it what any response that waits is told', async () => {
      const page = await underTest.newPage();
      const spam = await backend.postComment(response(page, { website: 'https://spam.example', body: 'Buy cheap permits.' }));
      assert.equal(spam.status, 'pending', 'the sender cannot tell it was kept as spam');
      const genuine = await backend.postComment(response(page, { body: 'A genuine response.' }));
      await underTest.publish(genuine.id);
      assert.deepEqual(
        (await backend.listComments({ page, section })).comments.map((c) => c.body),
        ['A genuine response.'],
      );
      assert.deepEqual((await backend.getCounts(page)).counts, { [section]: 1 });
    });

    it('pages a long thread with a cursor', async () => {
      const page = await underTest.newPage();
      for (let i = 0; i < 3; i++)
        await underTest.publish((await backend.postComment(response(page, { body: `Response number ${i}.` }))).id);
      const first = await backend.listComments({ page, section, limit: 2 });
      assert.deepEqual([first.comments.map((c) => c.body), first.total], [['Response number 0.', 'Response number 1.'], 3]);
      assert.ok(first.nextCursor);
      const second = await backend.listComments({ page, section, limit: 2, cursor: first.nextCursor });
      assert.deepEqual([second.comments.map((c) => c.body), second.nextCursor], [['Response number 2.'], null]);
    });

    it('takes readers’ reports of published comments, where it takes reports at all', {
      skip: backend.reportComment ? false : 'this backend takes no reports: the element shows no link',
    }, async () => {
      const page = await underTest.newPage();
      const sent = await backend.postComment(response(page));
      await underTest.publish(sent.id);
      await backend.reportComment!(sent.id, 'It names a neighbour.');
      assert.ok((await failure(backend.reportComment!('no-such-comment'))) instanceof CivicCommentsError);
    });

    it('asks a section’s closed question, refuses an answer it does not offer, and publishes the answer beside the text', {
      skip: backend.capabilities?.questions === false ? 'this backend keeps no questions: the element asks none' : false,
    }, async () => {
      const page = await underTest.newPage();
      const question: SectionQuestion = { text: 'Do you agree?', type: 'single', options: ['Agree', 'Disagree'] };
      await underTest.askQuestion!(page, question);
      try {
        assert.deepEqual((await backend.listComments({ page, section })).question, question);
        for (const answer of [undefined, ['Maybe'], ['Agree', 'Disagree']]) {
          const refused = await failure(backend.postComment(response(page, answer ? { answer } : {})));
          assert.ok(refused instanceof ValidationFailedError);
          assert.deepEqual(Object.keys(refused.fields), ['answer']);
        }
        const sent = await backend.postComment(response(page, { answer: ['Disagree'], body: 'Not at that price.' }));
        assert.deepEqual(sent.answer, ['Disagree']);
        await underTest.publish(sent.id);
        const thread = await backend.listComments({ page, section });
        assert.deepEqual(
          thread.comments.map((c) => [c.body, c.answer]),
          [['Not at that price.', ['Disagree']]],
        );
      } finally {
        await underTest.askQuestion!(page, null);
      }
    });

    it('answers an alias as its section, and stamps each response with the wording current when it arrived', {
      skip: backend.capabilities?.versions === false ? 'this backend keeps no aliases nor versions: it declares so' : false,
    }, async () => {
      const page = await underTest.newPage();
      const revise = (text: string, note: string | null = null) =>
        underTest.reviseSections!(page, [{ id: section, title: 'The section', aliases: ['earlier-heading'], text, note }]);
      await revise('The first wording.');
      try {
        const first = await backend.postComment(response(page, { section: 'earlier-heading', body: 'On the first wording.' }));
        assert.deepEqual([first.section, first.version], [section, 1]);
        await revise('The corrected wording.', 'Corrected the figure');
        const second = await backend.postComment(response(page, { body: 'On the corrected wording.' }));
        assert.equal(second.version, 2);
        await underTest.publish(first.id);
        await underTest.publish(second.id);
        const thread = await backend.listComments({ page, section: 'earlier-heading' });
        assert.equal(thread.version, 2);
        assert.deepEqual(
          thread.comments.map((c) => [c.body, c.version]),
          [
            ['On the first wording.', 1],
            ['On the corrected wording.', 2],
          ],
        );
        const counts = await backend.getCounts(page);
        assert.deepEqual(counts.counts, { [section]: 2, 'earlier-heading': 2 });
        assert.deepEqual(counts.aliases, { 'earlier-heading': section }, 'links made under the earlier heading find the section');
        // The change log, newest first, and every wording, for the difference a reader asks to see.
        const changes = await backend.getChanges!(page);
        assert.deepEqual(
          changes.map((change) => [change.section, change.title, change.version, change.note]),
          [
            [section, 'The section', 2, 'Corrected the figure'],
            [section, 'The section', 1, null],
          ],
        );
        const versions = await backend.getSectionVersions!(page, 'earlier-heading');
        assert.deepEqual(
          versions.map((version) => [version.version, version.text, version.to === null]),
          [
            [1, 'The first wording.', false],
            [2, 'The corrected wording.', true],
          ],
        );
        assert.equal(versions[0]!.to, versions[1]!.from, 'one wording ends as the next begins');
      } finally {
        await underTest.reviseSections!(page, null);
      }
    });

    it('says nothing of versions where it keeps none', {
      skip: backend.capabilities?.versions === false ? false : 'this backend keeps versions',
    }, async () => {
      const page = await underTest.newPage();
      const thread = await backend.listComments({ page, section });
      assert.equal(thread.version ?? null, null);
      // No change log to show, and no wordings to compare.
      assert.deepEqual((await backend.getChanges?.(page)) ?? [], []);
      assert.equal(backend.getSectionVersions, undefined);
    });

    it('says nothing of a question where it keeps none', {
      skip: backend.capabilities?.questions ? 'this backend keeps questions' : false,
    }, async () => {
      const page = await underTest.newPage();
      const thread = await backend.listComments({ page, section });
      assert.equal(thread.question ?? null, null);
    });
  });
}
