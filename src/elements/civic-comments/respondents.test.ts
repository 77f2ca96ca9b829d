import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CivicComments } from '../../index.js';
import { $, $$, fillValid, renderThread, settled, shadow, submit, textOf, type, waitUntil } from '../../../test/helpers.js';
import { moderate, referenceServer, uniquePage } from '../../../test/reference-server.js';

const authors = (el: Element) => $$(el, '[part=comment-author]').map(textOf);

async function thread(page: string, lang = 'en'): Promise<CivicComments> {
  const { url } = await referenceServer();
  const el = await fixture<CivicComments>(
    html`<civic-comments endpoint=${url} page=${page} section="intro" lang=${lang}></civic-comments>`,
  );
  await settled(el);
  return el;
}

/** A page whose consultation asks whom each response comes from. */
async function askingPage(name: string): Promise<string> {
  const page = uniquePage(name);
  const response = await moderate(`consultations/${encodeURIComponent(page)}`, {
    method: 'PUT',
    body: JSON.stringify({ title: 'Cycle lanes', askOrganisation: true }),
  });
  expect(response.status).to.equal(200);
  return page;
}

const summary = (el: Element) => $$(el, '.error-summary li').map(textOf);
const active = (el: Element) => shadow(el).activeElement;

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

describe('<civic-comments> respondents', () => {
  it('publishes a comment without the name, which no reader then sees', async () => {
    const page = uniquePage('anonymous');
    const first = await thread(page);
    expect(textOf($(first, 'label[for=visibility-anonymous]'))).to.equal('Publish my comment without my name');
    await fillValid(first, 'anonymous', 'Sent without my name.');
    submit(first);
    await waitUntil(() => shadow(first).querySelector('[part=comment-status]'), 'the comment never came back');
    expect(authors(first)).to.deep.equal(['Anonymous respondent']);
    await expect(first).to.be.accessible();

    const queue = await (await moderate(`comments?page=${encodeURIComponent(page)}`)).json();
    expect(queue.comments.map((c: { name: string; visibility: string }) => [c.name, c.visibility])).to.deep.equal([
      ['Ada Lovelace', 'anonymous'],
    ]);
    await moderate(`comments/${queue.comments[0].id}`, { method: 'PATCH', body: '{"status":"published"}' });
    first.remove();
    const reloaded = await thread(page, 'cy');
    expect(authors(reloaded)).to.deep.equal(['Ymatebydd dienw']);
    expect(textOf(shadow(reloaded))).not.to.contain('Ada');
  });

  it('names the organisation a published comment was sent for, and replies say whom they answer', async () => {
    const { el } = await renderThread({
      comments: [
        { id: 'o1', section: 'intro', name: 'Ravi Kumar', organisation: 'Riverside Cyclists', body: 'For our members.' },
        { id: 'a1', section: 'intro', name: null, body: 'Agreed.', parentId: 'o1' },
        { id: 'a2', section: 'intro', name: 'Helen Price', body: 'And for whom?', parentId: 'a1' },
      ],
    });
    expect(authors(el)).to.deep.equal(['Ravi Kumar, on behalf of Riverside Cyclists', 'Anonymous respondent', 'Helen Price']);
    expect(textOf($(el, '[data-reply-to=o1] .visually-hidden'))).to.equal('to Ravi Kumar, on behalf of Riverside Cyclists');
    await expect(el).to.be.accessible();
  });

  it('asks whom a response comes from where the consultation does, revealing the organisation’s name, by keyboard', async () => {
    const page = await askingPage('organisation');
    const el = await thread(page);
    await waitUntil(() => shadow(el).querySelector('#respondent-individual'), 'the question was never asked');
    expect(textOf($(el, 'fieldset:has(#respondent-individual) legend'))).to.equal(
      'Are you responding as an individual or on behalf of an organisation?',
    );
    expect($(el, '#conditional-organisation').hidden, 'the organisation’s name waits to be asked for').to.equal(true);
    expect($(el, '#respondent-organisation').getAttribute('aria-controls')).to.equal('conditional-organisation');
    await expect(el).to.be.accessible();

    type(el, '#name', 'Ravi Kumar');
    type(el, '#email', 'ravi@example.com');
    $(el, '#email').focus();
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('respondent-individual');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(active(el)?.id).to.equal('respondent-organisation');
    expect($<HTMLInputElement>(el, '#respondent-organisation').checked).to.equal(true);
    expect($(el, '#conditional-organisation').hidden).to.equal(false);
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('organisation');
    await sendKeys({ type: 'Cyclists' });
    type(el, '#body', 'For our members.');
    $<HTMLInputElement>(el, '#visibility-public').click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    submit(el);

    await waitUntil(() => shadow(el).querySelector('[part=reference]'), 'no reference was shown');
    const queue = await (await moderate(`comments?page=${encodeURIComponent(page)}`)).json();
    const [stored] = queue.comments as { respondent: string; organisation: string; lang: string; reference: string }[];
    expect([stored!.respondent, stored!.organisation, stored!.lang]).to.deep.equal(['organisation', 'Cyclists', 'en']);
    expect(textOf($(el, '[part=reference] strong'))).to.equal(`Your reference is ${stored!.reference}`);
    expect(textOf($(el, '[part=reference]'))).to.contain('Keep it to quote if you write to us about your comment.');
    expect(authors(el)).to.deep.equal(['Ravi Kumar, on behalf of Cyclists']);
    const announced = () => $$(el, '[role=status]').map(textOf).join(' ');
    await waitUntil(
      () => announced().includes(`Your reference is ${stored!.reference}.`),
      `the reference was never announced: ${announced()}`,
    );
    await expect(el).to.be.accessible();
  });

  it('says in the error summary what is missing, whatever else is, and keeps the answers in the draft', async () => {
    const page = await askingPage('organisation-errors');
    const el = await thread(page);
    await waitUntil(() => shadow(el).querySelector('#respondent-individual'));
    submit(el);
    await waitUntil(() => summary(el).length > 0);
    expect(summary(el)).to.deep.equal([
      'Enter your name',
      'Enter your email address',
      'Select whether you are responding as an individual or on behalf of an organisation',
      'Enter your comment',
      'Select whether to publish your comment, publish it without your name, or send it privately',
    ]);
    $(el, '.error-summary a[href="#respondent-individual"]').click();
    expect(active(el)?.id).to.equal('respondent-individual');
    await expect(el).to.be.accessible();

    await fillValid(el, 'public');
    $<HTMLInputElement>(el, '#respondent-organisation').click();
    await el.updateComplete;
    submit(el);
    await waitUntil(() => summary(el).join() === 'Enter the name of your organisation');
    expect(textOf($(el, '#organisation-error'))).to.equal('Error: Enter the name of your organisation');
    expect($(el, '#organisation').getAttribute('aria-describedby')).to.equal('organisation-error');
    await expect(el).to.be.accessible();

    type(el, '#organisation', 'Riverside Cyclists');
    el.remove();
    const again = await thread(page);
    await waitUntil(() => shadow(again).querySelector('#respondent-organisation'));
    expect($<HTMLInputElement>(again, '#respondent-organisation').checked, 'the answer was kept').to.equal(true);
    expect($<HTMLInputElement>(again, '#organisation').value).to.equal('Riverside Cyclists');
  });

  it('asks in Welsh, and records that the response was written in Welsh', async () => {
    const page = await askingPage('organisation-cy');
    const el = await thread(page, 'cy');
    await waitUntil(() => shadow(el).querySelector('#respondent-individual'));
    expect(textOf($(el, 'label[for=respondent-organisation]'))).to.equal('Ar ran sefydliad');
    $<HTMLInputElement>(el, '#respondent-organisation').click();
    await el.updateComplete;
    expect(textOf($(el, 'label[for=organisation]'))).to.equal('Enw’r sefydliad');
    await fillValid(el, 'anonymous', 'Yn Gymraeg.');
    submit(el);
    await waitUntil(() => summary(el).length > 0);
    expect(summary(el)).to.deep.equal(['Rhowch enw eich sefydliad']);
    type(el, '#organisation', 'Seiclwyr');
    submit(el);
    await waitUntil(() => shadow(el).querySelector('[part=reference]'), 'no reference was shown');
    expect(textOf($(el, '[part=reference] strong'))).to.match(/^Eich cyfeirnod yw CC-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const queue = await (await moderate(`comments?page=${encodeURIComponent(page)}`)).json();
    expect(queue.comments.map((c: { lang: string; visibility: string }) => [c.lang, c.visibility])).to.deep.equal([['cy', 'anonymous']]);
    await expect(el).to.be.accessible();
  });
});
