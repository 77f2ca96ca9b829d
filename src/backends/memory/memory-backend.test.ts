import { expect } from '@open-wc/testing';
import { BackendUnavailableError, CivicCommentsError, MemoryBackend, ValidationFailedError } from '../../index.js';

const page = '/review';
const newComment = (overrides: object = {}) => ({
  page,
  section: 'intro',
  name: 'Ada',
  email: 'ada@example.com',
  body: 'A comment',
  visibility: 'public' as const,
  ...overrides,
});

describe('MemoryBackend', () => {
  it('lists published public comments of one section, oldest first, a page at a time', async () => {
    const backend = new MemoryBackend({
      page,
      comments: [
        { section: 'intro', name: 'A', body: '1' },
        { section: 'intro', name: 'B', body: '2' },
        { section: 'costs', name: 'C', body: 'other section' },
        { section: 'intro', name: 'D', body: 'pending', status: 'pending' },
        { section: 'intro', name: 'E', body: 'private', visibility: 'private', status: 'received' },
        { section: 'intro', name: 'F', body: '3' },
      ],
    });
    const first = await backend.listComments({ page, section: 'intro', limit: 2 });
    expect(first.comments.map((c) => c.body)).to.deep.equal(['1', '2']);
    expect(first.total).to.equal(3);
    const second = await backend.listComments({ page, section: 'intro', limit: 2, cursor: first.nextCursor });
    expect(second.comments.map((c) => c.body)).to.deep.equal(['3']);
    expect(second.nextCursor).to.equal(null);
    for (const c of [...first.comments, ...second.comments]) expect(c).not.to.have.property('email');
  });

  it('counts published public comments per section, replies included', async () => {
    const backend = new MemoryBackend({
      page,
      comments: [
        { id: 'a', section: 'intro', name: 'A', body: '1' },
        { section: 'intro', name: 'B', body: 'reply', parentId: 'a' },
        { section: 'costs', name: 'C', body: '2' },
        { section: 'costs', name: 'D', body: 'private', visibility: 'private', status: 'received' },
        { section: 'intro', name: 'E', body: 'elsewhere', page: '/other' },
      ],
    });
    expect(await backend.getCounts(page)).to.deep.equal({ page, counts: { intro: 2, costs: 1 }, consultation: null, aliases: {} });
  });

  it('holds public comments for moderation by default, publishes them under post-moderation, and keeps private ones private', async () => {
    const pre = new MemoryBackend({ page });
    expect((await pre.postComment(newComment())).status).to.equal('pending');
    expect((await pre.listComments({ page, section: 'intro' })).total).to.equal(0);
    const post = new MemoryBackend({ page, moderation: 'post' });
    expect((await post.postComment(newComment())).status).to.equal('published');
    expect((await post.postComment(newComment({ visibility: 'private' }))).status).to.equal('received');
    expect((await post.listComments({ page, section: 'intro' })).total).to.equal(1);
    expect(post.all().map((c) => c.email)).to.deep.equal(['ada@example.com', 'ada@example.com']);
  });

  it('refuses what the contract refuses, with the messages the server sends', async () => {
    const backend = new MemoryBackend({ page });
    const error = await backend.postComment(newComment({ name: '', email: 'x' })).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ValidationFailedError);
    expect((error as ValidationFailedError).name).to.equal('ValidationFailedError');
    expect((error as ValidationFailedError).fields).to.deep.equal({
      name: 'Enter your name',
      email: 'Enter an email address in the correct format, like name@example.com',
    });
    const orphan = await backend.postComment(newComment({ parentId: 'nope' })).catch((e: unknown) => e);
    expect((orphan as ValidationFailedError).fields).to.have.property('parentId');
    expect(backend.all()).to.have.length(0);
  });

  it('stores a comment once for one idempotency key', async () => {
    const backend = new MemoryBackend({ page });
    const first = await backend.postComment(newComment(), { idempotencyKey: 'k1' });
    const again = await backend.postComment(newComment(), { idempotencyKey: 'k1' });
    expect(again).to.deep.equal(first);
    expect(backend.all()).to.have.length(1);
    // The same error the rest backend raises for the server's 422, not a field error no field shows.
    const other = await backend.postComment(newComment({ body: 'different' }), { idempotencyKey: 'k1' }).catch((e: unknown) => e);
    expect(other).to.be.instanceOf(CivicCommentsError);
    expect(other).not.to.be.instanceOf(ValidationFailedError);
    expect((other as Error).message).to.match(/answered 422: This Idempotency-Key was already used for a different comment/);
  });

  it('erases as the server does: name, email and organisation, and the kept answer forgets the name', async () => {
    const backend = new MemoryBackend({ page, moderation: 'post' });
    const sent = await backend.postComment(
      newComment({ respondent: 'organisation', organisation: 'Riverside Cyclists', email: 'Ravi@Example.com' }),
      { idempotencyKey: 'e1' },
    );
    expect(sent.organisation).to.equal('Riverside Cyclists');
    expect(backend.erase('ravi@example.com')).to.equal(1);
    expect(backend.all().map((c) => [c.name, c.email, c.organisation, c.body])).to.deep.equal([['', '', null, sent.body]]);
    const retried = await backend.postComment(
      newComment({ respondent: 'organisation', organisation: 'Riverside Cyclists', email: 'Ravi@Example.com' }),
      { idempotencyKey: 'e1' },
    );
    expect([retried.id, retried.name, retried.organisation]).to.deep.equal([sent.id, null, null]);
    expect(backend.all()).to.have.length(1);
  });

  it('keeps a filled honeypot as spam, and tells the sender what any pending comment is told, as the server does', async () => {
    const backend = new MemoryBackend({ page, moderation: 'post' });
    const sent = await backend.postComment(newComment({ website: 'https://spam.example' }));
    expect(sent.status).to.equal('pending');
    expect(backend.all()[0]!.status).to.equal('spam');
    expect((await backend.listComments({ page, section: 'intro' })).comments).to.have.length(0);
  });

  it('counts this page’s reader once per comment, however often they report it, as the server counts a reader', async () => {
    const backend = new MemoryBackend({ page, moderation: 'post' });
    const { id } = await backend.postComment(newComment());
    for (let i = 0; i < 5; i++) await backend.reportComment(id, `Reason ${i}`);
    expect(backend.all()[0]!.reports).to.deep.equal({ count: 1, unreviewed: 1, reasons: ['Reason 0'] });
    expect(backend.all()[0]!.status).to.equal('published', 'one reader never hides a comment');
  });

  it('fails and waits on request, and stops waiting when aborted', async () => {
    const backend = new MemoryBackend({ page, fail: { counts: true } });
    const failed = await backend.getCounts(page).catch((e: unknown) => e);
    expect(failed).to.be.instanceOf(BackendUnavailableError);
    backend.fail.counts = false;
    backend.latency = 10_000;
    const controller = new AbortController();
    const pending = backend.getCounts(page, { signal: controller.signal }).catch((e: unknown) => e);
    controller.abort();
    expect(((await pending) as DOMException).name).to.equal('AbortError');
  });
});
