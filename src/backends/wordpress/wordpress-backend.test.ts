import { expect, fixture, html } from '@open-wc/testing';
import { WordPressBackend, type CivicComments } from '../../index.js';
import '../../define.js';
import { $, fillValid, settled, shadow, submit, textOf, waitUntil } from '../../../test/helpers.js';
import { referenceServer } from '../../../test/reference-server.js';

/**
 * The wordpress backend from a page on another origin than the WordPress site, in every engine:
 * WordPress's CORS answers must let the page send the Idempotency-Key, and the plugin's answers
 * must satisfy the contract. (The backend's every case runs in wordpress/test, in Node.)
 */
describe('WordPressBackend in the browser, against real WordPress', () => {
  let site: string;
  let authorization: string;
  before(async function () {
    const given = (await referenceServer()).wordpress;
    if (!given) this.skip();
    const url = new URL(given!);
    site = `${url.origin}/`;
    authorization = `Basic ${btoa(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`)}`;
  });

  /** A request to WordPress as its administrator, with the application password. */
  const asAdministrator = (path: string, body: object) =>
    fetch(`${site}wp-json/${path}`, {
      method: 'POST',
      headers: { Authorization: authorization, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });

  async function consultationPost(): Promise<string> {
    const response = await asAdministrator('wp/v2/posts', {
      title: 'Browser strategy',
      status: 'publish',
      comment_status: 'open',
      content: '<h2>Housing</h2><p>Homes.</p>',
      meta: { civic_comments: '1' },
    });
    expect(response.status).to.equal(201);
    return String(((await response.json()) as { id: number }).id);
  }

  it('sends a response with its Idempotency-Key across origins, and lists and counts it once approved', async () => {
    const page = await consultationPost();
    const backend = new WordPressBackend({ endpoint: site });
    const email = `browser.${Math.random().toString(36).slice(2)}@example.com`;
    const sent = { page, section: 'housing', name: 'Ada Lovelace', email, body: 'Sent from a browser.', visibility: 'public' as const };
    const stored = await backend.postComment(sent, { idempotencyKey: `browser-${page}` });
    expect(stored.status).to.equal('pending');
    expect((await backend.postComment(sent, { idempotencyKey: `browser-${page}` })).id).to.equal(stored.id);
    expect((await asAdministrator(`wp/v2/comments/${stored.id}`, { status: 'approved' })).status).to.equal(200);
    expect((await backend.listComments({ page, section: 'housing' })).comments.map((c) => [c.name, c.body])).to.deep.equal([
      ['Ada Lovelace', 'Sent from a browser.'],
    ]);
    expect((await backend.getCounts(page)).counts).to.deep.equal({ housing: 1 });
  });

  it('runs a thread and its form on WordPress through the backend attribute', async () => {
    const page = await consultationPost();
    const thread = await fixture<CivicComments>(
      html`<civic-comments backend="wordpress" endpoint=${site} page=${page} section="housing"></civic-comments>`,
    );
    await settled(thread);
    expect(textOf($(thread, '[part=heading]'))).to.equal('No comments yet');
    await fillValid(thread, 'public', `Written in the form ${Math.random()}.`);
    submit(thread);
    await waitUntil(() => textOf(shadow(thread)).includes('Awaiting moderation'), 'the thread shows the response awaiting moderation');
    await expect(thread).to.be.accessible();
  });
});
