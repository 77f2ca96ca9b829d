// The `wordpress` backend and the companion plugin, against a real WordPress (see site.ts).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { WordPressBackend, wellFormed } from '../../src/backends/wordpress/wordpress-backend.js';
import { ConsultationClosedError, ValidationFailedError } from '../../src/backends/errors.js';
import type { NewCommentInput } from '../../src/contract/public.js';
import { asAdministrator, asPublic, consultationPost, moderateInWordPress, site, skipWordPress } from './site.js';

const response = (page: string, overrides: Partial<NewCommentInput> = {}): NewCommentInput => ({
  page,
  section: 'housing',
  name: 'Ada Lovelace',
  email: `ada.${Math.random().toString(36).slice(2)}@example.com`,
  body: 'The station needs step-free access.',
  visibility: 'public',
  ...overrides,
});
const failure = (promise: Promise<unknown>) => promise.then(() => assert.fail('it should have failed'), (error: unknown) => error);

describe('the wordpress backend against real WordPress', { skip: skipWordPress }, () => {
  const backend = new WordPressBackend({ endpoint: site });

  it('sends a response, which waits for moderation in WordPress, then lists it with its reply, oldest first', async () => {
    const post = await consultationPost('Draft housing strategy');
    const page = String(post.id);
    const first = await backend.postComment(response(page));
    assert.equal(first.status, 'pending');
    assert.equal((await backend.listComments({ page, section: 'housing' })).total, 0);

    await moderateInWordPress(first.id, 'approved');
    const reply = await backend.postComment(response(page, { name: 'Grace Hopper', body: 'And lifts that work.', parentId: first.id }));
    await moderateInWordPress(reply.id, 'approved');
    const later = await backend.postComment(response(page, { name: 'Alan Turing', body: 'More buses, please.' }));
    await moderateInWordPress(later.id, 'approved');
    await backend.postComment(response(page, { section: 'transport', body: 'In another section.' }));

    // The department answers in wp-admin (here through its REST API, as the screen's reply does):
    // the answer takes its parent's section and shows as official.
    const answered = await asAdministrator('wp/v2/comments', { method: 'POST', body: JSON.stringify({ post: post.id, parent: Number(later.id), content: 'We will add <strong>two</strong> routes.' }) });
    assert.equal(answered.status, 201, await answered.clone().text());

    const thread = await backend.listComments({ page, section: 'housing' });
    assert.deepEqual(
      thread.comments.map((c) => [c.name, c.body, c.parentId, c.status, c.section, c.page, c.role]),
      [
        ['Ada Lovelace', 'The station needs step-free access.', null, 'published', 'housing', page, 'reader'],
        ['Grace Hopper', 'And lifts that work.', first.id, 'published', 'housing', page, 'reader'],
        ['Alan Turing', 'More buses, please.', null, 'published', 'housing', page, 'reader'],
        ['admin', 'We will add <strong>two</strong> routes.', later.id, 'published', 'housing', page, 'official'],
      ],
    );
    assert.equal(thread.total, 4);
    assert.equal(thread.nextCursor, null);
    assert.match(thread.comments[0]!.createdAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    const firstPage = await backend.listComments({ page, section: 'housing', limit: 3 });
    assert.deepEqual([firstPage.comments.length, firstPage.nextCursor, firstPage.total], [3, '2', 4]);
    const secondPage = await backend.listComments({ page, section: 'housing', limit: 3, cursor: firstPage.nextCursor });
    assert.deepEqual([secondPage.comments.map((c) => c.role), secondPage.nextCursor], [['official'], null]);
  });

  it('answers every section’s count for a post in one request, by id or by slug, with the consultation', async () => {
    const post = await consultationPost('Counted strategy');
    for (const [section, body] of [['housing', 'One'], ['housing', 'Two'], ['transport', 'Three']]) {
      await moderateInWordPress((await backend.postComment(response(String(post.id), { section, body }))).id, 'approved');
    }
    await backend.postComment(response(String(post.id), { section: 'transport', body: 'Still waiting' }));
    const counts = await backend.getCounts(post.slug);
    assert.deepEqual(counts.counts, { housing: 2, transport: 1 });
    assert.equal(counts.page, post.slug);
    assert.deepEqual(
      { ...counts.consultation, title: undefined },
      { page: post.slug, title: undefined, opensAt: null, closesAt: null, state: 'open', department: 'Department for Digital Services', askOrganisation: false },
    );
    assert.deepEqual((await backend.getCounts(String(post.id))).counts, { housing: 2, transport: 1 });
    // A slug works for threads and responses too, once looked up.
    assert.equal((await backend.listComments({ page: post.slug, section: 'housing' })).comments[0]!.page, post.slug);
    const raw = await asPublic(`civic-comments/v1/counts?page=${post.id}`);
    assert.equal(raw.status, 200);
    const missing = await asPublic('civic-comments/v1/counts?page=no-such-post-anywhere');
    assert.deepEqual([missing.status, ((await missing.json()) as { error: string }).error], [404, 'not_found']);
  });

  it('never shows a private response or any email to the public, and shows both to an administrator', async () => {
    const post = await consultationPost('Private strategy');
    const page = String(post.id);
    const secret = response(page, { body: 'Private: my landlord is the council.', visibility: 'private', email: 'private.person@example.com' });
    const stored = await backend.postComment(secret);
    assert.equal(stored.status, 'received');
    // Even approved, as a moderator might by habit, it stays out of every public answer.
    await moderateInWordPress(stored.id, 'approved');
    const anonymous = await backend.postComment(response(page, { body: 'Published without my name.', visibility: 'anonymous', name: 'Nia Jones', email: 'nia.jones@example.com' }));
    await moderateInWordPress(anonymous.id, 'approved');

    assert.deepEqual((await backend.listComments({ page, section: 'housing' })).comments.map((c) => [c.name, c.body]), [[null, 'Published without my name.']]);
    assert.deepEqual((await backend.getCounts(page)).counts, { housing: 1 });
    const single = await asPublic(`wp/v2/comments/${stored.id}`);
    assert.equal(single.status, 404);
    await assert.rejects(backend.getComment(stored.id));
    for (const path of [`wp/v2/comments?post=${page}`, `wp/v2/comments?post=${page}&type=civic_private`, `wp/v2/comments/${anonymous.id}`, `wp/v2/posts/${page}`]) {
      const text = await (await asPublic(path)).text();
      assert.doesNotMatch(text, /my landlord|private\.person|nia\.jones|Nia Jones|avatar/, path);
    }
    const post_ = (await (await asPublic(`wp/v2/posts/${page}`)).json()) as { id: number };
    assert.equal(post_.id, post.id);

    const asAdmin = (await (await asAdministrator(`wp/v2/comments?post=${page}&type=civic_private&context=edit`)).json()) as {
      author_email: string;
      civic: { visibility: string; text: string };
    }[];
    assert.deepEqual(asAdmin.map((c) => [c.author_email, c.civic.visibility, c.civic.text]), [['private.person@example.com', 'private', 'Private: my landlord is the council.']]);
    const named = (await (await asAdministrator(`wp/v2/comments/${anonymous.id}?context=edit`)).json()) as { author_name: string };
    assert.equal(named.author_name, 'Nia Jones');
  });

  it('keeps the organisation of a public response, and not of an anonymous one', async () => {
    const post = await consultationPost('Organisations', { civic_comments: '1', civic_ask_organisation: '1' });
    const page = String(post.id);
    const fromOrganisation = { respondent: 'organisation' as const, organisation: 'Cardiff Tenants’ Union' };
    await moderateInWordPress((await backend.postComment(response(page, { ...fromOrganisation, body: 'Named.' }))).id, 'approved');
    await moderateInWordPress((await backend.postComment(response(page, { ...fromOrganisation, body: 'Unnamed.', visibility: 'anonymous' }))).id, 'approved');
    const listed = await backend.listComments({ page, section: 'housing' });
    assert.deepEqual(listed.comments.map((c) => [c.body, c.name, c.organisation]), [
      ['Named.', 'Ada Lovelace', 'Cardiff Tenants’ Union'],
      ['Unnamed.', null, null],
    ]);
    assert.equal((await backend.getCounts(page)).consultation?.askOrganisation, true);
  });

  it('stores a retried response once: the same Idempotency-Key gets the same comment', async () => {
    const post = await consultationPost('Retried strategy');
    const page = String(post.id);
    const idempotencyKey = `retry-${Math.random().toString(36).slice(2)}`;
    const once = await backend.postComment(response(page), { idempotencyKey });
    const again = await backend.postComment(response(page, { body: 'The station needs step-free access.' }), { idempotencyKey });
    assert.equal(again.id, once.id);
    const stored = (await (await asAdministrator(`wp/v2/comments?post=${page}&status=hold&context=edit`)).json()) as { id: number }[];
    assert.deepEqual(stored.map((c) => String(c.id)), [once.id]);
  });

  it('stores two copies of a response sent at once with one key as one comment', async () => {
    const post = await consultationPost('Raced strategy');
    const page = String(post.id);
    const idempotencyKey = `race-${Math.random().toString(36).slice(2)}`;
    const sent = response(page);
    const copies = await Promise.all([1, 2, 3].map(() => backend.postComment(sent, { idempotencyKey })));
    assert.equal(new Set(copies.map((copy) => copy.id)).size, 1);
    const stored = (await (await asAdministrator(`wp/v2/comments?post=${page}&status=hold&context=edit`)).json()) as unknown[];
    assert.equal(stored.length, 1);
  });

  it('keeps a form filler’s response as spam, and tells it what a person would be told', async () => {
    const post = await consultationPost('Honeypot');
    const page = String(post.id);
    const filled = await backend.postComment(response(page, { website: 'https://spam.example' }));
    assert.equal(filled.status, 'pending');
    const spam = (await (await asAdministrator(`wp/v2/comments?post=${page}&status=spam&context=edit`)).json()) as { id: number }[];
    assert.deepEqual(spam.map((c) => String(c.id)), [filled.id]);
  });

  it('refuses a response once WordPress closes the post’s comments, in the shape of a closed consultation', async () => {
    const post = await consultationPost('Closed strategy');
    const page = String(post.id);
    await backend.postComment(response(page, { body: 'Just in time.' }));
    await asAdministrator(`wp/v2/posts/${post.id}`, { method: 'POST', body: JSON.stringify({ comment_status: 'closed' }) });
    const refused = await failure(backend.postComment(response(page, { body: 'Too late.' })));
    assert.ok(refused instanceof ConsultationClosedError);
    assert.equal(refused.state, 'closed');
    assert.equal((await backend.getCounts(page)).consultation?.state, 'closed');
    const raw = await asPublic('wp/v2/comments', { method: 'POST', body: JSON.stringify({ post: post.id, author_name: 'A', author_email: 'a@example.com', content: 'x', civic: { section: 'housing' } }) });
    assert.equal(raw.status, 409);
    assert.deepEqual(await raw.json(), {
      error: 'consultation_closed',
      message: 'This consultation has closed. Responses can no longer be sent.',
      opensAt: null,
      closesAt: null,
    });
    const inWelsh = await asPublic('wp/v2/comments', {
      method: 'POST',
      headers: { 'Accept-Language': 'cy-GB,cy;q=0.9,en;q=0.5' },
      body: JSON.stringify({ post: post.id, author_name: 'A', author_email: 'a@example.com', content: 'x', civic: { section: 'housing' } }),
    });
    assert.equal(((await inWelsh.json()) as { message: string }).message, 'Mae’r ymgynghoriad hwn wedi cau. Ni ellir anfon ymatebion mwyach.');
  });

  it('turns WordPress’s refusals into the form’s messages', async () => {
    const post = await consultationPost('Refusals');
    const page = String(post.id);
    const sent = response(page, { body: 'Said once.' });
    await backend.postComment(sent);
    const duplicate = await failure(backend.postComment({ ...sent }));
    assert.ok(duplicate instanceof ValidationFailedError);
    assert.deepEqual(duplicate.fields, { body: 'You have already sent this comment' });
    const empty = await failure(backend.postComment(response(page, { body: '   ' })));
    assert.deepEqual((empty as ValidationFailedError).fields, { body: 'Enter your comment' });
    const badEmail = await failure(backend.postComment(response(page, { email: 'not an address' })));
    assert.deepEqual((badEmail as ValidationFailedError).fields, { email: 'Enter an email address in the correct format, like name@example.com' });
    const badVisibility = await failure(backend.postComment(response(page, { visibility: 'shouted' as 'public' })));
    assert.deepEqual((badVisibility as ValidationFailedError).fields, { visibility: 'Select whether to publish your comment, publish it without your name, or send it privately' });
    // A post that does not take consultation responses says how to fix it.
    const plain = await consultationPost('Not a consultation', {});
    const notOn = await failure(backend.postComment(response(String(plain.id))));
    assert.match((notOn as Error).message, /install the civic-comments plugin and tick "Consultation responses"/);
  });

  it('holds back one reader who sends twice within 15 seconds, not two readers who share an address', async () => {
    const post = await consultationPost('Shared address');
    const reader = Math.random().toString(36).slice(2);
    // Every test request comes from 127.0.0.1: an office, or a mobile network, as far as WordPress can tell.
    const send = (email: string, content: string) =>
      asPublic('wp/v2/comments', {
        method: 'POST',
        headers: { 'X-Test-Flood-Check': 'on' },
        body: JSON.stringify({ post: post.id, author_name: 'Reader', author_email: email, content, civic: { section: 'housing', visibility: 'public' } }),
      });
    assert.equal((await send(`one.${reader}@example.com`, 'The first reader.')).status, 201);
    assert.equal((await send(`two.${reader}@example.com`, 'A second reader in the same office.')).status, 201);
    const again = await send(`one.${reader}@example.com`, 'The first reader, a moment later.');
    // WordPress answers its flood check with 400, which the backend reads as "too many".
    assert.deepEqual([again.status, ((await again.json()) as { code: string }).code], [400, 'comment_flood']);
  });

  it('finds a comment by id for a permalink', async () => {
    const post = await consultationPost('Linked strategy');
    const stored = await backend.postComment(response(String(post.id), { section: 'transport', body: 'Linked to.' }));
    await moderateInWordPress(stored.id, 'approved');
    const found = await backend.getComment(stored.id);
    assert.deepEqual([found.section, found.body, found.page], ['transport', 'Linked to.', String(post.id)]);
  });

  it('round-trips every hostile string of the corpus as text', async () => {
    const post = await consultationPost('Hostile strings');
    const page = String(post.id);
    const strings = (JSON.parse(readFileSync(new URL('../../test/fixtures/hostile-strings.json', import.meta.url), 'utf8')) as { text: string }[])
      .map((entry) => entry.text)
      .filter((text) => text.trim() && [...text.trim()].length <= 5000);
    const ids: string[] = [];
    // A few at a time, as readers would send them; each a distinct comment (WordPress refuses repeats).
    for (let start = 0; start < strings.length; start += 8) {
      const batch = strings.slice(start, start + 8);
      const sent = await Promise.all(batch.map((text, index) => backend.postComment(response(page, { body: text.trim(), name: `Reader ${start + index}` }))));
      await Promise.all(sent.map((comment) => moderateInWordPress(comment.id, 'approved')));
      ids.push(...sent.map((comment) => comment.id));
    }
    const listed = [];
    for (let cursor: string | null = null, first = true; first || cursor; first = false) {
      const pageOf = await backend.listComments({ page, section: 'housing', limit: 100, cursor });
      listed.push(...pageOf.comments);
      cursor = pageOf.nextCursor;
    }
    const bodies = new Map(listed.map((comment) => [comment.id, comment.body]));
    const wrong = strings.filter((text, index) => bodies.get(ids[index]!) !== wellFormed(text.trim()));
    assert.deepEqual(wrong, [], `${wrong.length} of ${strings.length} strings came back changed`);
  });
});
