import { expect, fixture, html } from '@open-wc/testing';
import type { CivicComments } from '../../index.js';
import { $, $$, fillValid, renderThread, settled, shadow, submit, textOf, waitUntil } from '../../../test/helpers.js';
import { moderate, referenceServer, uniquePage } from '../../../test/reference-server.js';

const authors = (el: Element) => $$(el, '[part=comment-author]').map(textOf);

async function thread(page: string, lang = 'en'): Promise<CivicComments> {
  const { url } = await referenceServer();
  const el = await fixture<CivicComments>(html`<civic-comments endpoint=${url} page=${page} section="intro" lang=${lang}></civic-comments>`);
  await settled(el);
  return el;
}

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
    expect(queue.comments.map((c: { name: string; visibility: string }) => [c.name, c.visibility])).to.deep.equal([['Ada Lovelace', 'anonymous']]);
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
});
