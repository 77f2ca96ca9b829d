import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { RestBackend, type CivicChangeLog, type CivicComments, type CommentsBackend } from '../src/index.js';
import '../src/define.js';
import { $, $$, shadow, textOf } from './helpers.js';
import { moderate, referenceServer, uniquePage } from './reference-server.js';

/*
 * Sections that change, as a reader meets them on the reference server: a response made on an
 * earlier wording says so and shows what changed, the page's change log, and a thread still found
 * under a section's earlier heading.
 */

const first = 'Parking costs £20 a year.\n\nPermits are posted within five days.';
const corrected = 'Parking costs £25 a year.\n\nPermits are posted within five working days.';

async function saveSections(page: string, sections: object[]): Promise<void> {
  const saved = await moderate(`consultations/${encodeURIComponent(page)}`, {
    method: 'PUT',
    body: JSON.stringify({ title: 'Parking permits', department: 'Department for Transport', sections }),
  });
  expect(saved.status, await saved.clone().text()).to.equal(200);
}

async function publish(page: string, section: string, body: string): Promise<string> {
  const { url } = await referenceServer();
  const response = await fetch(`${url}/api/v1/comments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify({ page, section, name: 'Reader', email: 'reader@example.com', body, visibility: 'public' }),
  });
  const { comment } = await response.json();
  await moderate(`comments/${comment.id}`, { method: 'PATCH', body: '{"status":"published"}' });
  return comment.id;
}

/** A consultation whose "fees" section was corrected after one response, with one response since. */
async function correctedAfterAResponse(): Promise<{ page: string; early: string; late: string }> {
  const page = uniquePage('versions');
  await saveSections(page, [{ id: 'fees', title: 'Fees', text: first }]);
  const early = await publish(page, 'fees', 'Twenty pounds is fair.');
  await saveSections(page, [
    { id: 'fees', title: 'Charges', text: corrected, aliases: ['costs'], note: 'Corrected the fee in paragraph 1' },
  ]);
  const late = await publish(page, 'fees', 'Twenty-five is too much.');
  return { page, early, late };
}

async function thread(page: string, section: string, lang = 'en'): Promise<CivicComments> {
  const { url } = await referenceServer();
  const el = await fixture<CivicComments>(
    html`<civic-comments endpoint=${url} page=${page} section=${section} lang=${lang}></civic-comments>`,
  );
  await waitUntil(() => $$(el, '[part=comment]').length === 2, 'the thread never loaded');
  return el;
}

const commentOf = (el: Element, id: string) => shadow(el).querySelector(`#comment-${id}`)!;
const active = (el: Element) => shadow(el).activeElement;

describe('a response made on an earlier wording', () => {
  it('says so, and shows by keyboard what changed since, in words as well as marks', async () => {
    const { page, early, late } = await correctedAfterAResponse();
    const el = await thread(page, 'fees');
    await waitUntil(() => commentOf(el, early).querySelector('[part=earlier-version]'), 'the marker never came');
    expect(textOf(commentOf(el, early).querySelector('[part=earlier-version] .tag'))).to.equal(
      'Made on an earlier version of this section',
    );
    expect(commentOf(el, late).querySelector('[part=earlier-version]'), 'a response on the current wording has no marker').to.equal(null);
    await expect(el).to.be.accessible();

    const button = commentOf(el, early).querySelector<HTMLButtonElement>('[part=changes-button]')!;
    expect(textOf(button)).to.equal('Show what has changed since');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    const region = shadow(el).getElementById(button.getAttribute('aria-controls')!)!;
    expect(region.hidden).to.equal(true);
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => region.querySelector('[part=difference]'), 'the difference never came');
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(active(el), 'focus stays on the button').to.equal(button);
    expect(textOf(region.querySelector('.hint'))).to.equal('Words taken out are struck through. Words added are underlined.');
    // Each change is said in words, for screen readers, which do not announce <del> and <ins>.
    expect($$(el, 'del').map(textOf)).to.deep.equal(['Taken out: 20']);
    expect($$(el, 'ins').map(textOf)).to.deep.equal(['Added: 25', 'Added: working']);
    // Struck through and underlined, not told apart by colour alone.
    expect(getComputedStyle($(el, 'del')).textDecorationLine).to.equal('line-through');
    expect(getComputedStyle($(el, 'ins')).textDecorationLine).to.equal('underline');
    await expect(el).to.be.accessible();

    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(region.hidden).to.equal(true);
  });

  it('says so in Welsh', async () => {
    const { page, early } = await correctedAfterAResponse();
    const el = await thread(page, 'fees', 'cy');
    await waitUntil(() => commentOf(el, early).querySelector('[part=earlier-version]'), 'the marker never came');
    expect(textOf(commentOf(el, early).querySelector('[part=earlier-version] .tag'))).to.equal(
      'Wedi’i wneud ar fersiwn gynharach o’r adran hon',
    );
    const button = commentOf(el, early).querySelector<HTMLButtonElement>('[part=changes-button]')!;
    button.click();
    await waitUntil(() => shadow(el).querySelector('[part=difference]'), 'the difference never came');
    expect($$(el, 'del').map(textOf)).to.deep.equal(['Wedi’i dynnu allan: 20']);
    await expect(el).to.be.accessible();
  });

  it('is one thread under the section’s earlier id, and a link made under it finds the thread', async () => {
    const { page, early, late } = await correctedAfterAResponse();
    const { url } = await referenceServer();
    // A page that shows the new heading, whose slug the record keeps as an alias: "costs".
    const doc = await fixture<HTMLElement>(html`
      <div>
        <civic-comments endpoint=${url} page=${page} section="costs"></civic-comments>
      </div>
    `);
    const el = doc.querySelector<CivicComments>('civic-comments')!;
    await waitUntil(() => $$(el, '[part=comment]').length === 2, 'the thread under the alias never loaded');
    expect($$(el, '[part=comment]').map((comment) => comment.id)).to.deep.equal([`comment-${early}`, `comment-${late}`]);
    // A bookmark made when the thread was called "fees" reaches it.
    document.body.focus();
    location.hash = '#comments-fees';
    await waitUntil(() => active(el)?.id === 'thread-heading', 'the link under the earlier id never reached the thread');
    history.replaceState(null, '', location.pathname + location.search);
  });
});

describe('<civic-change-log>', () => {
  it('says when the page was last updated, and lists every update by keyboard', async () => {
    const { page } = await correctedAfterAResponse();
    const { url } = await referenceServer();
    const log = await fixture<HTMLElement>(html`<civic-change-log endpoint=${url} page=${page}></civic-change-log>`);
    await waitUntil(() => log.shadowRoot?.querySelector('[part=last-updated]'), 'the change log never showed');
    const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }).format(
      new Date(),
    );
    expect(textOf($(log, '[part=last-updated]'))).to.equal(`Last updated ${day} — see all updates`);
    const button = $<HTMLButtonElement>(log, '[part=updates-button]');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect($(log, '[part=updates]').hidden).to.equal(true);
    await expect(log).to.be.accessible();
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !$(log, '[part=updates]').hidden, 'the updates never opened');
    expect(textOf($(log, '[part=updates] [role=heading]'))).to.equal('Updates to this page');
    expect($$(log, '[part=updates] li').map(textOf)).to.deep.equal([
      `${day} Charges: Corrected the fee in paragraph 1`,
      `${day} First published.`,
    ]);
    await expect(log).to.be.accessible();
  });

  it('speaks Welsh, and shows nothing while no wording has changed since it was first published', async () => {
    const { page } = await correctedAfterAResponse();
    const { url } = await referenceServer();
    const log = await fixture<HTMLElement>(html`<civic-change-log endpoint=${url} page=${page} lang="cy"></civic-change-log>`);
    await waitUntil(() => log.shadowRoot?.querySelector('[part=last-updated]'), 'the change log never showed');
    expect(textOf($(log, '[part=last-updated]'))).to.match(/^Diweddarwyd ddiwethaf .+ — gweld pob diweddariad$/);
    $(log, '[part=updates-button]').click();
    await waitUntil(() => !$(log, '[part=updates]').hidden, 'the updates never opened');
    expect(textOf($(log, '[part=updates] [role=heading]'))).to.equal('Diweddariadau i’r dudalen hon');
    expect(textOf($$(log, '[part=updates] li').at(-1))).to.match(/Cyhoeddwyd gyntaf\.$/);
    await expect(log).to.be.accessible();

    const unchanged = uniquePage('unchanged');
    await saveSections(unchanged, [{ id: 'fees', title: 'Fees', text: first }]);
    const rest = new RestBackend({ endpoint: url });
    let answered = 0;
    const counted: CommentsBackend = {
      listComments: (request, options) => rest.listComments(request, options),
      postComment: (comment, options) => rest.postComment(comment, options),
      getCounts: (of, options) => rest.getCounts(of, options),
      getChanges: async (of, options) => {
        const changes = await rest.getChanges(of, options);
        answered++;
        return changes;
      },
    };
    const quiet = await fixture<CivicChangeLog>(html`<civic-change-log page=${unchanged} .backend=${counted}></civic-change-log>`);
    await waitUntil(() => answered === 1, 'the changes were never asked for');
    await quiet.updateComplete;
    expect(quiet.hidden).to.equal(true);
    expect(quiet.shadowRoot?.querySelector('[part=last-updated]') ?? null).to.equal(null);
  });

  it('is placed by the auto-embed above the first section, and a printed section carries the updates', async () => {
    const { page } = await correctedAfterAResponse();
    const { url } = await referenceServer();
    const { embedSections } = await import('../src/index.js');
    const doc = await fixture<HTMLElement>(html`
      <article>
        <h1>Parking permits</h1>
        <h2 id="fees">Charges</h2>
        <p>${corrected}</p>
      </article>
    `);
    embedSections({ sections: 'h2', endpoint: url, page }, doc);
    const log = doc.querySelector('civic-change-log')!;
    expect(log.nextElementSibling).to.equal(doc.querySelector('h2'));
    await waitUntil(() => log.shadowRoot?.querySelector('[part=last-updated]'), 'the change log never showed');

    const thread = doc.querySelector<CivicComments>('civic-comments')!;
    thread.scrollIntoView();
    await waitUntil(() => $$(thread, '[part=comment]').length === 2, 'the thread never loaded');
    const original = window.print;
    let printed = 0;
    window.print = () => printed++;
    try {
      $(thread, '[part=print-button]').click();
      await waitUntil(() => printed === 1, 'the section was never printed');
    } finally {
      window.print = original;
    }
    const lines = [...document.querySelectorAll('[data-civic-print-header] p')].map(textOf);
    dispatchEvent(new Event('afterprint'));
    expect(lines[2]).to.match(/^Last updated .+\.$/);
    expect(lines[3]).to.match(/: Charges: Corrected the fee in paragraph 1$/);
  });
});
