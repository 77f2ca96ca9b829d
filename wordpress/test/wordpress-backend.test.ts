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
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => assert.fail('it should have failed'),
    (error: unknown) => error,
  );

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
    const answered = await asAdministrator('wp/v2/comments', {
      method: 'POST',
      body: JSON.stringify({ post: post.id, parent: Number(later.id), content: 'We will add <strong>two</strong> routes.' }),
    });
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
    for (const [section, body] of [
      ['housing', 'One'],
      ['housing', 'Two'],
      ['transport', 'Three'],
    ]) {
      await moderateInWordPress((await backend.postComment(response(String(post.id), { section, body }))).id, 'approved');
    }
    await backend.postComment(response(String(post.id), { section: 'transport', body: 'Still waiting' }));
    const counts = await backend.getCounts(post.slug);
    assert.deepEqual(counts.counts, { housing: 2, transport: 1 });
    assert.equal(counts.page, post.slug);
    assert.deepEqual(
      { ...counts.consultation, title: undefined },
      {
        page: post.slug,
        title: undefined,
        opensAt: null,
        closesAt: null,
        state: 'open',
        department: 'Department for Digital Services',
        askOrganisation: false,
      },
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
    const secret = response(page, {
      body: 'Private: my landlord is the council.',
      visibility: 'private',
      email: 'private.person@example.com',
    });
    const stored = await backend.postComment(secret);
    assert.equal(stored.status, 'received');
    // Even approved, as a moderator might by habit, it stays out of every public answer.
    await moderateInWordPress(stored.id, 'approved');
    const anonymous = await backend.postComment(
      response(page, { body: 'Published without my name.', visibility: 'anonymous', name: 'Nia Jones', email: 'nia.jones@example.com' }),
    );
    await moderateInWordPress(anonymous.id, 'approved');

    assert.deepEqual(
      (await backend.listComments({ page, section: 'housing' })).comments.map((c) => [c.name, c.body]),
      [[null, 'Published without my name.']],
    );
    assert.deepEqual((await backend.getCounts(page)).counts, { housing: 1 });
    const single = await asPublic(`wp/v2/comments/${stored.id}`);
    assert.equal(single.status, 404);
    await assert.rejects(backend.getComment(stored.id));
    for (const path of [
      `wp/v2/comments?post=${page}`,
      `wp/v2/comments?post=${page}&type=civic_private`,
      `wp/v2/comments/${anonymous.id}`,
      `wp/v2/posts/${page}`,
    ]) {
      const text = await (await asPublic(path)).text();
      assert.doesNotMatch(text, /my landlord|private\.person|nia\.jones|Nia Jones|avatar/, path);
    }
    const post_ = (await (await asPublic(`wp/v2/posts/${page}`)).json()) as { id: number };
    assert.equal(post_.id, post.id);

    const asAdmin = (await (await asAdministrator(`wp/v2/comments?post=${page}&type=civic_private&context=edit`)).json()) as {
      author_email: string;
      civic: { visibility: string; text: string };
    }[];
    assert.deepEqual(
      asAdmin.map((c) => [c.author_email, c.civic.visibility, c.civic.text]),
      [['private.person@example.com', 'private', 'Private: my landlord is the council.']],
    );
    const named = (await (await asAdministrator(`wp/v2/comments/${anonymous.id}?context=edit`)).json()) as { author_name: string };
    assert.equal(named.author_name, 'Nia Jones');
  });

  it('keeps consultation responses out of every comment feed, RSS and Atom, the site’s and the post’s', async () => {
    const post = await consultationPost('Feeds');
    const page = String(post.id);
    const secret = await backend.postComment(
      response(page, { body: 'Private: feed-secret-text.', visibility: 'private', name: 'Priya Private' }),
    );
    await moderateInWordPress(secret.id, 'approved');
    const anonymous = await backend.postComment(
      response(page, { body: 'Anonymous: feed-anonymous-text.', visibility: 'anonymous', name: 'Nia Named' }),
    );
    await moderateInWordPress(anonymous.id, 'approved');
    const open = await backend.postComment(response(page, { body: 'Public: feed-public-text.' }));
    await moderateInWordPress(open.id, 'approved');
    for (const feed of [
      '?feed=comments-rss2',
      '?feed=comments-atom',
      `?p=${page}&feed=rss2`,
      `?p=${page}&feed=atom`,
      `?p=${page}&feed=comments-rss2`,
    ]) {
      const answer = await fetch(`${site}${feed}`);
      const text = await answer.text();
      assert.ok(answer.status === 200 || answer.status === 404, `${feed}: ${answer.status}`);
      assert.doesNotMatch(text, /feed-secret-text|Priya Private|feed-anonymous-text|Nia Named|feed-public-text/, feed);
    }
  });

  it('keeps consultation responses out of the public’s searches, which would spell out emails, addresses and names', async () => {
    const post = await consultationPost('Search');
    const page = String(post.id);
    const email = `search.${Math.random().toString(36).slice(2)}@example.com`;
    const anonymous = await backend.postComment(
      response(page, { body: 'Searched for.', visibility: 'anonymous', name: 'Rhiannon Searchable', email }),
    );
    await moderateInWordPress(anonymous.id, 'approved');
    const secret = await backend.postComment(response(page, { body: 'Private and searched for.', visibility: 'private', email }));
    await moderateInWordPress(secret.id, 'approved');
    const probes = [
      `wp/v2/comments?post=${page}&search=${encodeURIComponent(email.slice(0, 8))}`,
      `wp/v2/comments?post=${page}&include=${anonymous.id}&search=${encodeURIComponent(email)}`,
      `wp/v2/comments?include=${anonymous.id}&search=127.0.0`,
      `wp/v2/comments?post=${page}&search=Rhiannon`,
      `wp/v2/comments?search=${encodeURIComponent('Searched for')}`,
    ];
    for (const probe of probes) {
      const answer = await asPublic(probe);
      assert.equal(answer.status, 200, probe);
      assert.deepEqual(await answer.json(), [], probe);
      assert.equal(answer.headers.get('X-WP-Total'), '0', probe);
    }
    // The thread itself still lists the anonymous response, without its name; a moderator still searches.
    assert.deepEqual(
      (await backend.listComments({ page, section: 'housing' })).comments.map((c) => c.name),
      [null],
    );
    const asModerator = (await (
      await asAdministrator(`wp/v2/comments?post=${page}&search=${encodeURIComponent(email)}&context=edit`)
    ).json()) as unknown[];
    assert.equal(asModerator.length, 1, 'a moderator’s search finds the anonymous response (the private one is of its own type)');
    // Embedded in the post, and counted on it: nothing private, no name of an anonymous response.
    const embedded = await (await asPublic(`wp/v2/posts/${page}?_embed=replies`)).text();
    assert.doesNotMatch(embedded, /Private and searched for|Rhiannon|search\./);
    const counted = (await (await asPublic(`wp/v2/posts/${page}`)).json()) as { id: number };
    assert.equal(counted.id, post.id);
    const html = await (await fetch(`${site}?p=${page}`)).text();
    assert.doesNotMatch(html, /Private and searched for|Rhiannon/);
    assert.deepEqual((await backend.getCounts(page)).counts, { housing: 1 }, 'the count leaves the private response out');
  });

  it('hands the plugin’s fields to WordPress’s personal data export, and erases the organisation with the rest', async () => {
    const post = await consultationPost('Privacy tools', { civic_comments: '1', civic_ask_organisation: '1' });
    const page = String(post.id);
    const email = `erase.${Math.random().toString(36).slice(2)}@example.com`;
    const sent = await backend.postComment(
      response(page, { email, respondent: 'organisation', organisation: 'Tŷ Unnos Housing Co-operative', body: 'From an organisation.' }),
    );
    await moderateInWordPress(sent.id, 'approved');
    await backend.postComment(
      response(page, {
        email,
        visibility: 'private',
        respondent: 'organisation',
        organisation: 'Tŷ Unnos Housing Co-operative',
        body: 'Privately.',
      }),
    );
    const privacy = async (action: 'export' | 'erase') => {
      const answer = await asAdministrator('civic-test/v1/privacy', { method: 'POST', body: JSON.stringify({ action, email }) });
      assert.equal(answer.status, 200, await answer.clone().text());
      return answer.json() as Promise<
        Record<string, { data?: { group_id: string; data: { name: string; value: string }[] }[]; items_removed?: boolean }[]>
      >;
    };
    const exported = await privacy('export');
    const ours = exported['civic-comments']!.flatMap((pageOf) => pageOf.data ?? []);
    assert.equal(ours.length, 2, 'both responses, the private one too');
    assert.ok(ours.every((item) => item.data.some((d) => d.name === 'Organisation' && d.value === 'Tŷ Unnos Housing Co-operative')));
    assert.ok(ours.every((item) => item.data.some((d) => d.name === 'Section' && d.value === 'housing')));

    const erased = await privacy('erase');
    assert.deepEqual(
      Object.keys(erased).slice(0, 1),
      ['civic-comments'],
      'the plugin’s eraser runs before WordPress’s, while the email still finds the responses',
    );
    assert.equal(erased['civic-comments']![0]!.items_removed, true);
    assert.deepEqual(
      (await backend.listComments({ page, section: 'housing' })).comments.map((c) => [c.organisation, c.body]),
      [[null, 'From an organisation.']],
    );
    const asAdmin = (await (await asAdministrator(`wp/v2/comments?post=${page}&context=edit&type=comment`)).json()) as {
      author_email: string;
      civic: { organisation?: string | null };
    }[];
    assert.deepEqual(
      asAdmin.map((c) => [c.author_email, c.civic.organisation ?? null]),
      [['', null]],
    );
    const again = await privacy('export');
    assert.deepEqual(
      again['civic-comments']!.flatMap((pageOf) => pageOf.data ?? []),
      [],
      'nothing left to find by that email',
    );
  });

  it('keeps the organisation of a public response, and not of an anonymous one', async () => {
    const post = await consultationPost('Organisations', { civic_comments: '1', civic_ask_organisation: '1' });
    const page = String(post.id);
    const fromOrganisation = { respondent: 'organisation' as const, organisation: 'Cardiff Tenants’ Union' };
    await moderateInWordPress((await backend.postComment(response(page, { ...fromOrganisation, body: 'Named.' }))).id, 'approved');
    await moderateInWordPress(
      (await backend.postComment(response(page, { ...fromOrganisation, body: 'Unnamed.', visibility: 'anonymous' }))).id,
      'approved',
    );
    const listed = await backend.listComments({ page, section: 'housing' });
    assert.deepEqual(
      listed.comments.map((c) => [c.body, c.name, c.organisation]),
      [
        ['Named.', 'Ada Lovelace', 'Cardiff Tenants’ Union'],
        ['Unnamed.', null, null],
      ],
    );
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
    assert.deepEqual(
      stored.map((c) => String(c.id)),
      [once.id],
    );
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
    assert.deepEqual(
      spam.map((c) => String(c.id)),
      [filled.id],
    );
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
    const raw = await asPublic('wp/v2/comments', {
      method: 'POST',
      body: JSON.stringify({ post: post.id, author_name: 'A', author_email: 'a@example.com', content: 'x', civic: { section: 'housing' } }),
    });
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
    assert.equal(
      ((await inWelsh.json()) as { message: string }).message,
      'Mae’r ymgynghoriad hwn wedi cau. Ni ellir anfon ymatebion mwyach.',
    );
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
    assert.deepEqual((badEmail as ValidationFailedError).fields, {
      email: 'Enter an email address in the correct format, like name@example.com',
    });
    const badVisibility = await failure(backend.postComment(response(page, { visibility: 'shouted' as 'public' })));
    assert.deepEqual((badVisibility as ValidationFailedError).fields, {
      visibility: 'Select whether to publish your comment, publish it without your name, or send it privately',
    });
    // A post that does not take consultation responses says how to fix it.
    const plain = await consultationPost('Not a consultation', {});
    const notOn = await failure(backend.postComment(response(String(plain.id))));
    assert.match((notOn as Error).message, /install the civic-comments plugin and tick "Consultation responses"/);
  });

  it('holds back one reader who sends twice within 15 seconds, not two readers who share an address', async () => {
    const post = await consultationPost('Shared address');
    const reader = Math.random().toString(36).slice(2);
    // Both readers come from one address: an office, or a mobile network, as far as WordPress can tell.
    const office = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.1`;
    const send = (email: string, content: string) =>
      asPublic('wp/v2/comments', {
        method: 'POST',
        headers: { 'X-Test-Flood-Check': 'on', 'X-Test-Client-Address': office },
        body: JSON.stringify({
          post: post.id,
          author_name: 'Reader',
          author_email: email,
          content,
          civic: { section: 'housing', visibility: 'public' },
        }),
      });
    assert.equal((await send(`one.${reader}@example.com`, 'The first reader.')).status, 201);
    assert.equal((await send(`two.${reader}@example.com`, 'A second reader in the same office.')).status, 201);
    const again = await send(`one.${reader}@example.com`, 'The first reader, a moment later.');
    // WordPress answers its flood check with 400, which the backend reads as "too many".
    assert.deepEqual([again.status, ((await again.json()) as { code: string }).code], [400, 'comment_flood']);
  });

  it('holds back one address that invents an email address for each response, past a limit an office stays under', async () => {
    const post = await consultationPost('One address, many emails');
    const sender = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.2`;
    const send = (i: number) =>
      asPublic('wp/v2/comments', {
        method: 'POST',
        headers: { 'X-Test-Flood-Check': 'on', 'X-Test-Client-Address': sender },
        body: JSON.stringify({
          post: post.id,
          author_name: 'Reader',
          author_email: `invented.${i}.${Math.random().toString(36).slice(2)}@example.com`,
          content: `Response number ${i}.`,
          civic: { section: 'housing', visibility: 'public' },
        }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) statuses.push((await send(i)).status);
    const stored = statuses.filter((status) => status === 201).length;
    assert.ok(stored <= 10, `${stored} of 14 stored from one address in a minute`);
    assert.ok(
      statuses.slice(-3).every((status) => status === 400),
      statuses.join(' '),
    );
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
    const strings = (
      JSON.parse(readFileSync(new URL('../../test/fixtures/hostile-strings.json', import.meta.url), 'utf8')) as { text: string }[]
    )
      .map((entry) => entry.text)
      .filter((text) => text.trim() && [...text.trim()].length <= 5000);
    const ids: string[] = [];
    // A few at a time, as readers would send them; each a distinct comment (WordPress refuses repeats).
    for (let start = 0; start < strings.length; start += 8) {
      const batch = strings.slice(start, start + 8);
      const sent = await Promise.all(
        batch.map((text, index) => backend.postComment(response(page, { body: text.trim(), name: `Reader ${start + index}` }))),
      );
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
