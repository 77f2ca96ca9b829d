import { expect, fixture, html } from '@open-wc/testing';
import type { CivicComments } from '../../index.js';
import { $, $$, fillValid, settled, shadow, submit, textOf, waitUntil } from '../../../test/helpers.js';
import { moderate, referenceServer, uniquePage } from '../../../test/reference-server.js';

const bodies = (el: Element) => $$(el, '[part=comment-body]').map(textOf);

async function thread(page: string): Promise<CivicComments> {
  const { url } = await referenceServer();
  const el = await fixture<CivicComments>(html`<civic-comments endpoint=${url} page=${page} section="intro"></civic-comments>`);
  await settled(el);
  return el;
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

describe('<civic-comments endpoint> on the reference server', () => {
  it('posts, shows "Awaiting moderation", and after a moderator approves, shows it published on reload', async () => {
    const page = uniquePage('element');
    const first = await thread(page);
    expect(textOf($(first, '[part=heading]'))).to.equal('No comments yet');
    await fillValid(first, 'public', 'Sent to a real server.');
    submit(first);
    await waitUntil(() => shadow(first).querySelector('[part=comment-status]'), 'the comment never came back');
    expect(textOf($(first, '[part=comment-status]'))).to.equal('Awaiting moderation');

    const queue = await (await moderate(`comments?page=${encodeURIComponent(page)}&status=pending`)).json();
    expect(queue.comments).to.have.length(1);
    expect(queue.comments[0].email).to.equal('ada@example.com');
    await moderate(`comments/${queue.comments[0].id}`, { method: 'PATCH', body: JSON.stringify({ status: 'published' }) });

    first.remove();
    const reloaded = await thread(page);
    expect(textOf($(reloaded, '[part=heading]'))).to.equal('1 comment');
    expect(bodies(reloaded)).to.deep.equal(['Sent to a real server.']);
    expect(shadow(reloaded).querySelector('[part=comment-status]')).to.equal(null);
    await expect(reloaded).to.be.accessible();
  });

  it("shows the server's refusal at the form, keeping what was typed", async () => {
    const page = uniquePage('refusal');
    const { url } = await referenceServer();
    const posted = await fetch(`${url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        page,
        section: 'intro',
        name: 'Alice',
        email: 'alice@example.com',
        body: 'Reply to me',
        visibility: 'public',
      }),
    });
    const { comment } = await posted.json();
    await moderate(`comments/${comment.id}`, { method: 'PATCH', body: '{"status":"published"}' });
    const el = await thread(page);
    $(el, `[data-reply-to="${comment.id}"]`).click();
    await el.updateComplete;
    // The comment is taken down while the reader is still writing their reply.
    await moderate(`comments/${comment.id}`, { method: 'DELETE' });
    await fillValid(el, 'public', 'My reply');
    submit(el);
    await waitUntil(() => shadow(el).querySelector('.error-summary'), 'the refusal was never shown');
    expect(textOf($(el, '.error-summary li'))).to.equal('The comment you are replying to is no longer available');
    expect($<HTMLTextAreaElement>(el, '#body').value).to.equal('My reply');
  });

  it('says the comments could not be loaded when the server is unreachable, and the page carries on', async () => {
    const errors: Event[] = [];
    const record = (e: Event) => errors.push(e);
    document.addEventListener('civic-error', record);
    const el = await fixture<CivicComments>(html`<civic-comments endpoint="http://127.0.0.1:9" section="intro"></civic-comments>`);
    await waitUntil(() => textOf(shadow(el)).includes('could not be loaded'), 'no failure shown', { timeout: 10_000 });
    document.removeEventListener('civic-error', record);
    expect((errors[0] as CustomEvent).detail.error.name).to.equal('BackendUnavailableError');
    expect($(el, '#name')).to.exist;
  });

  it('answers a section’s closed question on the server, which keeps the answer and publishes it beside the text', async () => {
    const page = uniquePage('question');
    const question = { text: 'Do you agree?', type: 'single', options: ['Agree', 'Disagree'] };
    const put = await moderate(`consultations/${encodeURIComponent(page)}`, {
      method: 'PUT',
      body: JSON.stringify({ title: 'Visitor permits', sections: [{ id: 'intro', title: 'Introduction', question }] }),
    });
    expect(put.status).to.equal(200);
    const el = await thread(page);
    await waitUntil(() => shadow(el).querySelector('#answer-1'), 'the question never appeared');
    await fillValid(el, 'public', 'Sent with an answer.');
    $<HTMLInputElement>(el, '#answer-1').click();
    await el.updateComplete;
    submit(el);
    await waitUntil(() => shadow(el).querySelector('[part=comment-status]'), 'the response never came back');
    expect(textOf($(el, '[part=comment-answer]'))).to.equal('Answer: Disagree');
    const queue = await (await moderate(`comments?page=${encodeURIComponent(page)}&status=pending`)).json();
    expect(queue.comments[0].answer).to.deep.equal(['Disagree']);
  });
});
