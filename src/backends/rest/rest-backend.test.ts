import { expect } from '@open-wc/testing';
import {
  BackendUnavailableError,
  CivicCommentsError,
  ConsultationClosedError,
  RateLimitedError,
  ResponseShapeError,
  RestBackend,
  ValidationFailedError,
} from '../../index.js';
import { ModerationClient } from '../../moderation.js';
import { moderate, referenceServer, uniquePage } from '../../../test/reference-server.js';

const comment = (page: string, overrides: object = {}) => ({
  page,
  section: 'intro',
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  body: 'A comment sent over HTTP.',
  visibility: 'public' as const,
  ...overrides,
});
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail('it should have failed'),
    (error: unknown) => error,
  );

describe('RestBackend against the reference server', () => {
  let backend: RestBackend;
  beforeEach(async () => {
    backend = new RestBackend({ endpoint: (await referenceServer()).url });
  });

  it('sends a comment, which waits for moderation, then lists and counts it once published', async () => {
    const page = uniquePage('rest');
    const stored = await backend.postComment(comment(page));
    expect(stored.status).to.equal('pending');
    expect(stored).not.to.have.property('email');
    expect((await backend.listComments({ page, section: 'intro' })).total).to.equal(0);
    expect((await moderate(`comments/${stored.id}`, { method: 'PATCH', body: '{"status":"published"}' })).status).to.equal(200);
    const listed = await backend.listComments({ page, section: 'intro' });
    expect(listed.comments.map((c) => c.body)).to.deep.equal(['A comment sent over HTTP.']);
    expect(await backend.getCounts(page)).to.deep.equal({ page, counts: { intro: 1 }, consultation: null, aliases: {} });
  });

  it('learns the consultation from the counts, and is refused with ConsultationClosedError once it has closed', async () => {
    const page = uniquePage('closed');
    const closesAt = new Date(Date.now() - 60_000).toISOString();
    const put = await moderate(`consultations/${encodeURIComponent(page)}`, {
      method: 'PUT',
      body: JSON.stringify({ title: 'A closed consultation', closesAt, department: 'Department for Tests' }),
    });
    expect(put.status).to.equal(200);
    const { consultation } = await backend.getCounts(page);
    expect(consultation).to.include({ state: 'closed', closesAt, department: 'Department for Tests' });
    const refused = await backend.postComment(comment(page)).catch((error: unknown) => error);
    expect(refused).to.be.instanceOf(ConsultationClosedError);
    expect((refused as ConsultationClosedError).state).to.equal('closed');
    expect((refused as ConsultationClosedError).closesAt).to.equal(closesAt);
  });

  it('stores a submission once however often it is sent with the same idempotency key', async () => {
    const page = uniquePage('idempotent');
    const first = await backend.postComment(comment(page), { idempotencyKey: `browser-key-1${page}` });
    const again = await backend.postComment(comment(page), { idempotencyKey: `browser-key-1${page}` });
    expect(again.id).to.equal(first.id);
    const queue = await (await moderate(`comments?page=${encodeURIComponent(page)}`)).json();
    expect(queue.total).to.equal(1);
  });

  it("turns the server's 400 into a ValidationFailedError with its field messages", async () => {
    const error = await failure(backend.postComment(comment(uniquePage('invalid'), { name: '', email: 'nope' })));
    expect(error).to.be.instanceOf(ValidationFailedError);
    expect((error as ValidationFailedError).fields).to.deep.equal({
      name: 'Enter your name',
      email: 'Enter an email address in the correct format, like name@example.com',
    });
  });

  it('says when an answer breaks the contract', async () => {
    const wrong = new RestBackend({ endpoint: `${location.origin}/__wrong-shape/` });
    const error = await failure(wrong.listComments({ page: '/p', section: 's' }));
    expect(error).to.be.instanceOf(ResponseShapeError);
    expect((error as Error).message).to.contain('breaks the contract');
  });

  it('reports an unreachable server, a slow one and a refusal as errors a reader can be told about', async () => {
    const unreachable = new RestBackend({ endpoint: 'http://127.0.0.1:9', retries: 0 });
    const down = (await failure(unreachable.getCounts('/p'))) as Error;
    expect(down).to.be.instanceOf(BackendUnavailableError);
    // Each keeps what went wrong as its cause, so that a timeout and a refused connection read apart.
    expect(down.message).to.contain('could not be reached');
    expect((down.cause as Error).name).to.equal('TypeError');
    const slow = new RestBackend({ endpoint: `${location.origin}/__slow/`, timeout: 200, retries: 0 });
    const late = (await failure(slow.getCounts('/p'))) as Error;
    expect(late).to.be.instanceOf(BackendUnavailableError);
    expect(late.message).to.contain('did not answer in time');
    expect((late.cause as Error).name).to.equal('TimeoutError');
    const missing = new RestBackend({ endpoint: `${(await referenceServer()).url}/api/v1/no-such-api/`, retries: 0 });
    const refused = await failure(missing.getCounts('/p'));
    expect(refused).to.be.instanceOf(CivicCommentsError);
    expect((refused as Error).message).to.contain('404');
    expect(((refused as Error).cause as { response: Response }).response.status).to.equal(404);
  });

  it('tries a read again after a passing server error, never a write, and not when asked to wait too long', async () => {
    const flaky = (key: string, fail: number, options: { retries?: number; wait?: number } = {}) =>
      new RestBackend({
        endpoint: `${location.origin}/__flaky/${key}/${fail}/${options.wait ?? 0}/`,
        retries: options.retries,
        timeout: 2000,
      }).getCounts('/p');
    const seen = async (key: string) => Number(await (await fetch(`/__flaky-seen/${key}`)).text());
    const run = Math.random().toString(36).slice(2);

    expect((await flaky(`twice-${run}`, 2)).counts).to.deep.equal({});
    expect(await seen(`twice-${run}`)).to.equal(3);

    expect(await failure(flaky(`once-${run}`, 5, { retries: 1 }))).to.be.instanceOf(BackendUnavailableError);
    expect(await seen(`once-${run}`)).to.equal(2);

    expect(await failure(flaky(`patient-${run}`, 1, { wait: 60 }))).to.be.instanceOf(BackendUnavailableError);
    expect(await seen(`patient-${run}`)).to.equal(1);

    // A write that meets a passing server error is sent once: the form's idempotency key makes its own retries safe.
    const writer = new RestBackend({ endpoint: `${location.origin}/__flaky/write-${run}/5/0/` });
    expect(
      await failure(writer.postComment({ page: '/p', section: 's', name: 'A', email: 'a@example.com', body: 'x', visibility: 'public' })),
    ).to.be.instanceOf(BackendUnavailableError);
    expect(await seen(`write-${run}`)).to.equal(1);
  });

  it('passes an abort through untouched', async () => {
    const controller = new AbortController();
    const pending = failure(backend.getCounts('/p', { signal: controller.signal }));
    controller.abort();
    expect(((await pending) as Error).name).to.equal('AbortError');
  });

  it('exports RateLimitedError for servers that say 429', () => {
    expect(new RateLimitedError(30).retryAfter).to.equal(30);
  });
});

describe('ModerationClient against the reference server: consultations, official responses and outcomes', () => {
  it('saves a consultation, answers in the department’s name, and publishes an outcome, each seen by readers', async () => {
    const { url, moderatorToken } = await referenceServer();
    const moderation = new ModerationClient({ endpoint: url, token: moderatorToken });
    const reader = new RestBackend({ endpoint: url });
    const page = uniquePage('moderated-consultation');
    const saved = await moderation.saveConsultation(page, {
      title: 'Library opening hours',
      closesAt: '2099-03-31T23:59:00+01:00',
      department: 'Riverside Council Libraries',
      contactEmail: 'libraries@example.gov.uk',
    });
    expect(saved).to.include({ page, state: 'open', closesAt: '2099-03-31T22:59:00.000Z', contactEmail: 'libraries@example.gov.uk' });
    expect((await moderation.consultations()).map((c) => c.page)).to.include(page);

    const official = await moderation.respond({ page, section: 'intro', body: 'We will open on Saturdays.' });
    expect(official).to.include({ role: 'official', name: 'Riverside Council Libraries', status: 'published' });
    const outcome = await moderation.saveOutcome(page, 'intro', 'You asked for Saturdays; we will open then.');
    expect(outcome.body).to.equal('You asked for Saturdays; we will open then.');

    const thread = await reader.listComments({ page, section: 'intro' });
    expect(thread.comments.map((c) => [c.role, c.body])).to.deep.equal([['official', 'We will open on Saturdays.']]);
    expect(thread.outcome?.body).to.equal('You asked for Saturdays; we will open then.');
    expect((await reader.getCounts(page)).consultation?.department).to.equal('Riverside Council Libraries');
  });
});
