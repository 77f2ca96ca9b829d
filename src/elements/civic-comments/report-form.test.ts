import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CommentsBackend } from '../../backends/backend.js';
import { MemoryBackend } from '../../backends/memory/memory-backend.js';
import type { CivicComments } from '../../index.js';
import type { ModerationPage } from '../../contract/index.js';
import { $, $$, renderThread, settled, shadow, textOf, waitUntil } from '../../../test/helpers.js';
import { moderate, referenceServer, uniquePage } from '../../../test/reference-server.js';

/** A published comment on a new page of the reference server; resolves to its id. */
async function publishedOn(page: string, body = 'A comment someone may object to.'): Promise<string> {
  const { url } = await referenceServer();
  const posted = await fetch(`${url}/api/v1/comments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ page, section: 'intro', name: 'Alice', email: 'alice@example.com', body, visibility: 'public' }),
  });
  const { comment } = await posted.json();
  await moderate(`comments/${comment.id}`, { method: 'PATCH', body: '{"status":"published"}' });
  return comment.id;
}

async function thread(page: string, lang = 'en'): Promise<CivicComments> {
  const { url } = await referenceServer();
  const el = await fixture<CivicComments>(
    html`<civic-comments lang=${lang} endpoint=${url} page=${page} section="intro"></civic-comments>`,
  );
  await settled(el);
  return el;
}

const reportLink = (el: Element) => $<HTMLButtonElement>(el, '[part=report-button]');
const reasonOf = (el: Element, id: string) => $<HTMLTextAreaElement>(el, `#report-reason-${id}`);

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

describe('<civic-comments> readers’ reports', () => {
  it('reports a comment by keyboard alone, with a reason, and says thank you in its place', async () => {
    const page = uniquePage('report');
    const id = await publishedOn(page);
    const el = await thread(page);
    expect(textOf(reportLink(el))).to.equal('Report this comment');
    expect(reportLink(el).getAttribute('aria-expanded')).to.equal('false');

    reportLink(el).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => shadow(el).activeElement?.id === `report-reason-${id}`, 'the reason never took focus');
    expect(reportLink(el).getAttribute('aria-expanded')).to.equal('true');
    expect(textOf($(el, `label[for=report-reason-${id}]`))).to.equal('Why are you reporting this comment? (optional)');
    await expect(el).to.be.accessible();

    // Escape closes the form and gives focus back to the link; opening it again keeps what was typed.
    await sendKeys({ type: 'Abusive' });
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => shadow(el).activeElement === reportLink(el), 'focus never came back to the link');
    expect(shadow(el).querySelector('[part=report-form]')).to.equal(null);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => shadow(el).activeElement?.id === `report-reason-${id}`);
    expect(reasonOf(el, id).value).to.equal('Abusive');

    await sendKeys({ press: 'Tab' });
    expect(textOf(shadow(el).activeElement)).to.equal('Send report');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => shadow(el).activeElement?.id === `report-done-${id}`, 'the thanks never took focus');
    expect(textOf($(el, '[part=report-done]'))).to.equal(
      'Thank you. Your report has been sent to the moderators, who will decide whether the comment stays.',
    );
    expect(shadow(el).querySelector('[part=report-button]'), 'the link gives way to the thanks').to.equal(null);
    await expect(el).to.be.accessible();

    const queue = (await (
      await moderate(`comments?page=${encodeURIComponent(page)}&reported=true&status=published`)
    ).json()) as ModerationPage;
    expect(queue.comments.map((c) => [c.id, c.reports])).to.deep.equal([[id, { count: 1, unreviewed: 1, reasons: ['Abusive'] }]]);
  });

  it('refuses a reason over 500 characters at the field, keeping it, and sends without one', async () => {
    const page = uniquePage('report-long');
    const id = await publishedOn(page);
    const el = await thread(page);
    reportLink(el).click();
    await waitUntil(() => shadow(el).querySelector('[part=report-form]'));
    const long = 'x'.repeat(501);
    reasonOf(el, id).value = long;
    reasonOf(el, id).dispatchEvent(new Event('input'));
    $(el, '[part=report-form] button[type=submit]').click();
    await waitUntil(() => shadow(el).querySelector('[part=report-form] .error-message'), 'no error at the field');
    expect(textOf($(el, '[part=report-form] .error-message'))).to.equal('Error: Reason must be 500 characters or fewer');
    expect(reasonOf(el, id).getAttribute('aria-describedby')).to.equal(`report-hint-${id} report-error-${id}`);
    expect(shadow(el).activeElement).to.equal(reasonOf(el, id));
    expect(reasonOf(el, id).value).to.equal(long);
    await expect(el).to.be.accessible();

    reasonOf(el, id).value = '';
    reasonOf(el, id).dispatchEvent(new Event('input'));
    $(el, '[part=report-form] button[type=submit]').click();
    await waitUntil(() => shadow(el).querySelector('[part=report-done]'), 'the report without a reason was not sent');
    const queue = (await (
      await moderate(`comments?page=${encodeURIComponent(page)}&reported=true&status=published`)
    ).json()) as ModerationPage;
    expect(queue.comments[0]!.reports).to.deep.equal({ count: 1, unreviewed: 1, reasons: [] });
  });

  it('words the link, the form and the thanks in Welsh', async () => {
    const page = uniquePage('report-cy');
    const id = await publishedOn(page);
    const el = await thread(page, 'cy');
    expect(textOf(reportLink(el))).to.equal('Rhoi gwybod am y sylw hwn');
    reportLink(el).click();
    await waitUntil(() => shadow(el).querySelector('[part=report-form]'));
    expect(textOf($(el, `label[for=report-reason-${id}]`))).to.equal('Pam ydych chi’n rhoi gwybod am y sylw hwn? (dewisol)');
    expect(textOf($(el, '[part=report-form] button[type=submit]'))).to.equal('Anfon');
    await expect(el).to.be.accessible();
    $(el, '[part=report-form] button[type=submit]').click();
    await waitUntil(() => shadow(el).querySelector('[part=report-done]'));
    expect(textOf($(el, '[part=report-done]'))).to.match(/^Diolch\./);
  });

  it('says when a report could not be sent, keeping the reason, and offers no link where the backend takes no reports', async () => {
    const memory = new MemoryBackend({
      page: '/consultation',
      moderation: 'post',
      comments: [{ section: 'intro', name: 'Alice', body: 'Published.' }],
    });
    const { el } = await renderThread({ backend: memory });
    const [comment] = memory.all();
    reportLink(el).click();
    await waitUntil(() => shadow(el).querySelector('[part=report-form]'));
    reasonOf(el, comment!.id).value = 'Spam';
    reasonOf(el, comment!.id).dispatchEvent(new Event('input'));
    memory.fail.post = true;
    $(el, '[part=report-form] button[type=submit]').click();
    await waitUntil(() => textOf($(el, '[part=report-form] [role=status]')).startsWith('Your report could not be sent'));
    expect(reasonOf(el, comment!.id).value).to.equal('Spam');
    await expect(el).to.be.accessible();

    // A backend of a page's own without reportComment: no link at all.
    const withoutReports: CommentsBackend = {
      listComments: (request, options) => memory.listComments(request, options),
      postComment: (comment, options) => memory.postComment(comment, options),
      getCounts: (page, options) => memory.getCounts(page, options),
    };
    const other = (await renderThread({ backend: withoutReports })).el;
    expect($$(other, '[part=comment]')).to.have.length(1);
    expect(shadow(other).querySelector('[part=report-button]')).to.equal(null);
  });
});
