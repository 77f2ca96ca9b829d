/**
 * The `ModerationBackend` contract as one set of tests, run against every backend the console can
 * name: `memory` (the in-page store) and `rest` (the reference server, on SQLite and on PostgreSQL).
 * Each runner makes a fresh consultation page with a reader's backend and a moderator's on it. A
 * feature that changes what the console is promised adds its cases here.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { failure, responseTo, unique } from './responses.js';
import type { CommentsBackend } from '../../src/backends/backend.js';
import { CivicCommentsError, ValidationFailedError } from '../../src/backends/errors.js';
import { DepartmentMissingError, type ModerationBackend, UnauthorizedError } from '../../src/backends/moderation.js';

/** A page of one's own, the reader's backend on it, and the moderator's, signed in and not. */
export interface ModerationUnderTest {
  page: string;
  reader: CommentsBackend;
  moderation: ModerationBackend;
  /** The same backend with a token it does not accept. */
  refused: ModerationBackend;
}

export interface ModerationRunner {
  name: string;
  /** A page no other case uses, its consultation not yet saved. */
  fresh: () => Promise<ModerationUnderTest>;
  section: string;
}

export function moderationConformance({ name, fresh, section }: ModerationRunner): void {
  const response = responseTo(section);

  describe(`the ModerationBackend contract: ${name}`, () => {
    it('refuses a token it does not accept with UnauthorizedError, and names whose a good one is', async () => {
      const { moderation, refused } = await fresh();
      assert.ok((await failure(refused.me())) instanceof UnauthorizedError);
      assert.ok((await failure(refused.list({}))) instanceof UnauthorizedError);
      assert.ok((await moderation.me()).name.length > 0);
    });

    it('lists a new response with its email and counts it, publishes it, and logs who did', async () => {
      const { page, reader, moderation } = await fresh();
      const sent = response(page, { body: 'The station needs step-free access.' });
      const stored = await reader.postComment(sent);
      const queue = await moderation.list({ page, status: 'pending' });
      assert.deepEqual(
        queue.comments.map((c) => [c.id, c.email, c.body, c.status]),
        [[stored.id, sent.email, 'The station needs step-free access.', 'pending']],
      );
      assert.deepEqual(queue.statusCounts, { pending: 1 });
      assert.equal(queue.total, 1);
      const published = await moderation.setStatus(stored.id, 'published');
      assert.equal(published.status, 'published');
      assert.equal((await reader.listComments({ page, section })).total, 1);
      assert.deepEqual((await moderation.list({ page })).statusCounts, { published: 1 });
      const { entries } = await moderation.audit({ page });
      const decision = entries.find((entry) => entry.commentId === stored.id && entry.action === 'status');
      assert.ok(decision, 'the decision is in the audit log');
      assert.equal(decision.from, 'pending');
      assert.equal(decision.to, 'published');
      assert.equal(decision.moderator, (await moderation.me()).name);
    });

    it('never gives a private response a public status', async () => {
      const { page, reader, moderation } = await fresh();
      const secret = await reader.postComment(response(page, { visibility: 'private', body: 'For the department only.' }));
      const refusal = await failure(moderation.setStatus(secret.id, 'published'));
      assert.ok(refusal instanceof CivicCommentsError && !(refusal instanceof ValidationFailedError), String(refusal));
      assert.deepEqual(
        (await moderation.list({ page })).comments.map((c) => [c.id, c.status]),
        [[secret.id, 'received']],
      );
      assert.equal((await reader.listComments({ page, section })).total, 0);
    });

    it('deletes a response from the queue and from the page', async () => {
      const { page, reader, moderation } = await fresh();
      const stored = await reader.postComment(response(page));
      await moderation.setStatus(stored.id, 'published');
      await moderation.remove(stored.id);
      assert.deepEqual((await moderation.list({ page })).comments, []);
      assert.equal((await reader.listComments({ page, section })).total, 0);
    });

    it('erases a person’s name and email from every response they sent, whatever the address’s case', async () => {
      const { page, reader, moderation } = await fresh();
      const email = `grace.${unique()}@example.com`;
      await reader.postComment(response(page, { name: 'Grace Hopper', email }));
      await reader.postComment(response(page, { name: 'Grace Hopper', email: email.toUpperCase() }));
      const kept = await reader.postComment(response(page, { name: 'Nia Jones' }));
      assert.equal(await moderation.erase(email.toUpperCase()), 2);
      const { comments } = await moderation.list({ page });
      assert.equal(comments.length, 3, 'the responses stay');
      assert.ok(!JSON.stringify(comments).toLowerCase().includes(email), 'no trace of the address');
      assert.ok(!JSON.stringify(comments).includes('Grace Hopper'), 'no trace of the name');
      assert.equal(comments.find((c) => c.id === kept.id)?.name, 'Nia Jones', 'another person’s response is untouched');
    });

    it('saves a consultation, refuses a bad one field by field, and answers as the department only once it names one', async () => {
      const { page, reader, moderation } = await fresh();
      const refused = await failure(moderation.saveConsultation(page, { title: '' }));
      assert.ok(refused instanceof ValidationFailedError, String(refused));
      assert.ok(refused.fields.title, 'the title is named');
      const sections = [{ id: section, title: 'Introduction' }];
      const saved = await moderation.saveConsultation(page, { title: 'Conformance', sections });
      assert.equal(saved.title, 'Conformance');
      assert.ok((await moderation.consultations()).some((c) => c.page === page && c.title === 'Conformance'));
      assert.ok((await failure(moderation.respond({ page, section, body: 'We will.' }))) instanceof DepartmentMissingError);
      await moderation.saveConsultation(page, { title: 'Conformance', sections, department: 'Department for Conformance' });
      const official = await moderation.respond({ page, section, body: 'We will add lifts.' });
      assert.equal(official.role, 'official');
      assert.deepEqual(
        (await reader.listComments({ page, section })).comments.map((c) => [c.name, c.body, c.role]),
        [['Department for Conformance', 'We will add lifts.', 'official']],
      );
    });

    it('publishes what the department did with a section’s comments, and replaces it', async () => {
      const { page, moderation } = await fresh();
      await moderation.saveConsultation(page, { title: 'Conformance', sections: [{ id: section, title: 'Introduction' }] });
      assert.equal(await moderation.outcome(page, section), null);
      assert.equal((await moderation.saveOutcome(page, section, '  We added lifts.  ')).body, 'We added lifts.');
      await moderation.saveOutcome(page, section, 'We added lifts at both stations.');
      assert.equal((await moderation.outcome(page, section))?.body, 'We added lifts at both stations.');
    });

    it('exports a page’s responses, private ones and emails included, as CSV and as JSON', async () => {
      const { page, reader, moderation } = await fresh();
      const sent = response(page, { visibility: 'private', body: 'For the department only.' });
      await reader.postComment(sent);
      const csv = await moderation.export(page, 'csv');
      assert.match(csv.fileName, /\.csv$/);
      const table = await csv.blob.text();
      assert.ok(table.includes(sent.email) && table.includes('For the department only.'), table);
      // Told as it arrives how much has come, up to the whole file.
      const heard: number[] = [];
      const json = await moderation.export(page, 'json', (bytes) => heard.push(bytes));
      assert.match(json.fileName, /\.json$/);
      assert.ok(heard.length > 0, 'no progress was reported');
      assert.deepEqual(
        [...heard].sort((a, b) => a - b),
        heard,
        'progress only grows',
      );
      assert.equal(heard.at(-1), json.blob.size);
      const { responses } = JSON.parse(await json.blob.text()) as { responses: { email: string; body: string }[] };
      assert.deepEqual(
        responses.map((r) => [r.email, r.body]),
        [[sent.email, 'For the department only.']],
      );
    });

    it('lists a thread no section names, and moves it into a section, logged, every response keeping its reference', async () => {
      const { page, reader, moderation } = await fresh();
      await moderation.saveConsultation(page, { title: 'Conformance', sections: [{ id: section, title: 'Introduction' }] });
      // A page whose heading was renamed before the consultation knew posts under the new heading's slug.
      const stray = await reader.postComment(response(page, { section: 'renamed-heading', body: 'Under the new heading.' }));
      const orphans = await moderation.orphans(page);
      assert.deepEqual(
        orphans.map((o) => [o.section, o.count]),
        [['renamed-heading', 1]],
      );
      const named = await failure(moderation.moveOrphan(page, section, section));
      assert.ok(named instanceof CivicCommentsError && !(named instanceof ValidationFailedError), String(named));
      const nowhere = await failure(moderation.moveOrphan(page, 'renamed-heading', 'nowhere'));
      assert.ok(nowhere instanceof ValidationFailedError && nowhere.fields.to, String(nowhere));
      assert.equal(await moderation.moveOrphan(page, 'renamed-heading', section), 1);
      assert.deepEqual(await moderation.orphans(page), []);
      const [moved] = (await moderation.list({ page })).comments;
      assert.deepEqual([moved!.id, moved!.section, moved!.reference], [stray.id, section, stray.reference]);
      const { entries } = await moderation.audit({ page, action: 'move' });
      assert.deepEqual(
        entries.map((entry) => [entry.section, entry.from]),
        [[section, 'renamed-heading']],
      );
    });

    it('counts a consultation’s responses in its overview, leaving out spam', async () => {
      const { page, reader, moderation } = await fresh();
      await moderation.saveConsultation(page, { title: 'Conformance', sections: [{ id: section, title: 'Introduction' }] });
      const published = await reader.postComment(response(page));
      await moderation.setStatus(published.id, 'published');
      await reader.postComment(response(page, { visibility: 'private' }));
      await reader.postComment(response(page));
      const spam = await reader.postComment(response(page));
      await moderation.setStatus(spam.id, 'spam');
      const overview = await moderation.overview(page);
      assert.equal(overview.total, 3);
      // Published publicly, sent privately, and waiting for a moderator.
      assert.deepEqual(
        overview.sections.map((s) => [s.section, s.public, s.private, s.pending]),
        [[section, 1, 1, 1]],
      );
    });
  });
}
