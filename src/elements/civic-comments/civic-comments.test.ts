import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { MemoryBackend, ValidationFailedError, type CivicComments, type CommentsBackend } from '../../index.js';
import {
  $,
  $$,
  fillValid,
  nestedSeed,
  page,
  renderThread,
  settled,
  shadow,
  spy,
  submit,
  textOf,
  type,
  waitUntil,
} from '../../../test/helpers.js';

const heading = (el: Element) => textOf($(el, '[part=heading]'));
const commentTexts = (el: Element) => $$(el, '[part=comment-body]').map(textOf);
/** What the live region said, up to the reference that follows it ("Your reference is …"). */
const announced = async (el: Element, text: string) =>
  waitUntil(
    () => textOf($(el, '[role=status].visually-hidden')).replace(/ Your reference is CC-\w{4}-\w{4}\.$/, '') === text,
    `never announced "${text}"`,
  );
const errorSummaryItems = (el: Element) => $$(el, '.error-summary li').map(textOf);

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

describe('<civic-comments> thread', () => {
  it('shows published comments oldest first, with each author and date', async () => {
    const { el } = await renderThread({
      comments: [
        { section: 'intro', name: 'Alice', body: 'First.', createdAt: '2026-03-01T10:00:00Z' },
        { section: 'intro', name: 'Bob', body: 'Second.', createdAt: '2026-03-02T10:00:00Z' },
        { section: 'other', name: 'Zed', body: 'Another section.' },
        { section: 'intro', name: 'Mallory', body: 'Not approved yet.', status: 'pending' },
        { section: 'intro', name: 'Pat', body: 'Sent privately.', visibility: 'private', status: 'received' },
      ],
    });
    expect(commentTexts(el)).to.deep.equal(['First.', 'Second.']);
    expect($$(el, '[part=comment-author]').map(textOf)).to.deep.equal(['Alice', 'Bob']);
    const time = $(el, 'time');
    expect(time.getAttribute('datetime')).to.equal('2026-03-01T10:00:00Z');
    expect(textOf(time)).to.equal('1 March 2026');
  });

  it('nests replies under what they answer, three levels deep, and says whom deeper replies answer', async () => {
    const { el } = await renderThread({ comments: nestedSeed });
    const top = $$(el, '[part=comments] > li');
    expect(top.map((li) => textOf(li.querySelector('[part=comment-author]')))).to.deep.equal(['Alice', 'Eve']);
    const level2 = top[0]!.querySelectorAll(':scope > .replies > li');
    expect(level2.length).to.equal(1);
    expect(textOf(level2[0]!.querySelector('[part=comment-author]'))).to.equal('Bob');
    const level3 = [...level2[0]!.querySelectorAll(':scope > .replies > li')];
    expect(level3.map((li) => textOf(li.querySelector('[part=comment-author]')))).to.deep.equal(['Carys', 'Dafydd']);
    expect(level3[0]!.querySelector('.replies')).to.equal(null);
    expect(textOf(level3[1]!.querySelector('.in-reply-to'))).to.equal('In reply to Carys');
  });

  it('counts the comments in its heading', async () => {
    const { el: none } = await renderThread();
    expect(heading(none)).to.equal('No comments yet');
    const { el: one } = await renderThread({ comments: [{ section: 'intro', name: 'A', body: 'x' }] });
    expect(heading(one)).to.equal('1 comment');
    const twelve = Array.from({ length: 12 }, (_, i) => ({ section: 'intro', name: `R${i}`, body: `Comment ${i}` }));
    const { el: many } = await renderThread({ comments: twelve });
    expect(heading(many)).to.equal('12 comments');
  });

  it('shows reader text as text, keeping its line breaks and creating no elements', async () => {
    const hostile = '<img src=x onerror="window.__civicHacked=1">\n<script>window.__civicHacked=1</script>\nSecond line';
    const { el } = await renderThread({
      comments: [{ section: 'intro', name: '<b onmouseover=alert(1)>Eve</b>', body: hostile }],
    });
    await aTimeout(50);
    const body = $(el, '[part=comment-body]');
    expect(body.textContent).to.equal(hostile);
    expect(body.children.length).to.equal(0);
    expect(getComputedStyle(body).whiteSpace).to.equal('pre-line');
    expect(body.getClientRects().length).to.be.greaterThan(0);
    expect($(el, '[part=comment-author]').textContent).to.equal('<b onmouseover=alert(1)>Eve</b>');
    expect(shadow(el).querySelector('img, script, b')).to.equal(null);
    expect((window as { __civicHacked?: number }).__civicHacked).to.equal(undefined);
  });

  it('offers "Show more comments" while the backend has more, and moves focus to the first new comment', async () => {
    const comments = Array.from({ length: 5 }, (_, i) => ({ id: `p${i}`, section: 'intro', name: `R${i}`, body: `Comment ${i}` }));
    const backend = new MemoryBackend({ page, comments });
    const el = await fixture<CivicComments>(
      html`<civic-comments section="intro" page=${page} page-size="2" .backend=${backend}></civic-comments>`,
    );
    await settled(el);
    expect(commentTexts(el)).to.deep.equal(['Comment 0', 'Comment 1']);
    expect(heading(el)).to.equal('5 comments');
    $(el, '[part=show-more-button]').click();
    await waitUntil(() => commentTexts(el).length === 4);
    await el.updateComplete;
    expect(shadow(el).activeElement?.id).to.equal('comment-p2');
    $(el, '[part=show-more-button]').click();
    await waitUntil(() => commentTexts(el).length === 5);
    expect(shadow(el).querySelector('[part=show-more-button]')).to.equal(null);
  });

  it('says "Comments could not be loaded" with a Try again button, reports civic-error, and the form still works', async () => {
    const backend = new MemoryBackend({ page, fail: { list: true } });
    const errors: Event[] = [];
    const record = (e: Event) => errors.push(e);
    document.addEventListener('civic-error', record);
    const { el } = await renderThread({ backend });
    document.removeEventListener('civic-error', record);
    expect(textOf($(el, '[part=status]'))).to.contain('Comments could not be loaded');
    expect(errors.length).to.be.greaterThan(0);
    expect((errors[0] as CustomEvent).detail.operation).to.equal('load');
    expect($(el, '#name')).to.exist;

    backend.fail.list = false;
    const stored = await backend.postComment({
      page,
      section: 'intro',
      name: 'A',
      email: 'a@example.com',
      body: 'Back again',
      visibility: 'public',
    });
    backend.moderate(stored.id, 'published');
    $(el, '[part=status] button').click();
    await waitUntil(() => commentTexts(el).includes('Back again'));
    expect(heading(el)).to.equal('1 comment');
  });

  it('keeps its space while loading, so the page does not jump', async () => {
    const backend = new MemoryBackend({ page, latency: 200 });
    const el = await fixture<CivicComments>(html`<civic-comments section="intro" page=${page} .backend=${backend}></civic-comments>`);
    expect(textOf($(el, '[part=status]'))).to.equal('Loading comments…');
    expect($(el, '[part=status]').getBoundingClientRect().height).to.be.at.least(64);
    await settled(el);
  });

  it('reports a missing section as a configuration error that names the element and the attribute', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const errorPromise = oneEvent(wrapper, 'civic-error');
    const originalError = console.error;
    console.error = () => {};
    try {
      const el = document.createElement('civic-comments');
      el.backend = new MemoryBackend();
      wrapper.append(el);
      const { detail } = await errorPromise;
      expect(detail.operation).to.equal('configure');
      expect(detail.error.name).to.equal('ConfigurationError');
      expect(detail.error.message).to.contain('<civic-comments>').and.contain('"section"');
    } finally {
      console.error = originalError;
    }
  });
});

describe('<civic-comments> form', () => {
  it('labels each field, says the email will not be published, and asks whether to publish', async () => {
    const { el } = await renderThread();
    expect(textOf($(el, 'label[for=name]'))).to.equal('Name');
    expect(textOf($(el, 'label[for=email]'))).to.equal('Email');
    expect(textOf($(el, '#email-hint'))).to.equal('We will not publish your email address');
    expect(textOf($(el, 'label[for=body]'))).to.equal('Comment');
    expect(textOf($(el, 'label[for=visibility-public]'))).to.equal('Publish my comment');
    expect(textOf($(el, 'label[for=visibility-private]'))).to.equal('Send it privately to the team (it will not be published)');
    expect(textOf($(el, '.notice'))).to.contain('We may moderate comments');
    expect($<HTMLInputElement>(el, '#remember').checked).to.equal(false);
    expect($(el, '#name').getAttribute('autocomplete')).to.equal('name');
    expect($(el, '#email').getAttribute('autocomplete')).to.equal('email');
    expect(shadow(el).querySelector('[required]')).to.equal(null);
  });

  it('counts characters as the GOV.UK character count does', async () => {
    const { el } = await renderThread();
    expect(textOf($(el, '.character-count'))).to.equal('You have 5,000 characters remaining');
    type(el, '#body', 'x'.repeat(4999));
    await el.updateComplete;
    expect(textOf($(el, '.character-count'))).to.equal('You have 1 character remaining');
    type(el, '#body', 'x'.repeat(5002));
    await el.updateComplete;
    expect(textOf($(el, '.character-count'))).to.equal('You have 2 characters too many');
    expect($(el, '#body').getAttribute('aria-invalid')).to.equal('true');
  });

  it('counts an emoji as one character, however many code points make it', async () => {
    const { el } = await renderThread();
    type(el, '#body', '👨‍👩‍👧 🇬🇧');
    await el.updateComplete;
    expect(textOf($(el, '.character-count'))).to.equal('You have 4,997 characters remaining');
  });

  it('shows every problem in an error summary that takes focus, and keeps what was typed', async () => {
    const { el, backend } = await renderThread();
    type(el, '#email', 'not-an-email');
    await el.updateComplete;
    submit(el);
    await waitUntil(() => shadow(el).querySelector('.error-summary'));
    await el.updateComplete;
    expect(textOf($(el, '.error-summary-title'))).to.equal('There is a problem');
    expect(errorSummaryItems(el)).to.deep.equal([
      'Enter your name',
      'Enter an email address in the correct format, like name@example.com',
      'Enter your comment',
      'Select whether to publish your comment, publish it without your name, or send it privately',
    ]);
    expect(shadow(el).activeElement).to.equal($(el, '.error-summary'));
    expect(getComputedStyle($(el, '.error-summary')).borderTopColor).to.equal('rgb(212, 53, 28)');
    expect(textOf($(el, '#name-error'))).to.equal('Error: Enter your name');
    expect($(el, '#name').getAttribute('aria-describedby')).to.equal('name-error');
    expect($<HTMLInputElement>(el, '#email').value).to.equal('not-an-email');
    expect((backend as MemoryBackend).all()).to.have.length(0);

    $(el, '.error-summary a[href="#body"]').click();
    expect(shadow(el).activeElement).to.equal($(el, '#body'));
    $(el, '.error-summary a[href="#visibility-public"]').click();
    expect(shadow(el).activeElement).to.equal($(el, '#visibility-public'));
  });

  it('words each limit of the contract as a GOV.UK message', async () => {
    const { el } = await renderThread();
    type(el, '#name', 'n'.repeat(101));
    type(el, '#email', `${'e'.repeat(250)}@example.com`);
    type(el, '#body', '   ');
    await el.updateComplete;
    submit(el);
    await waitUntil(() => shadow(el).querySelector('.error-summary'));
    expect(errorSummaryItems(el).slice(0, 3)).to.deep.equal([
      'Name must be 100 characters or fewer',
      'Email address must be 254 characters or fewer',
      'Enter your comment',
    ]);
    type(el, '#body', 'b'.repeat(5001));
    submit(el);
    await waitUntil(() => errorSummaryItems(el).includes('Comment must be 5,000 characters or fewer'));
  });

  it("shows the server's field errors at the fields, in the reader's language", async () => {
    const refusing: CommentsBackend = {
      ...new MemoryBackend({ page }),
      listComments: async () => ({ comments: [], nextCursor: null, total: 0 }),
      getCounts: async () => ({ page, counts: {} }),
      postComment: async () => {
        throw new ValidationFailedError({ name: 'Enter your name', body: 'This word is not allowed here' });
      },
    };
    const { el } = await renderThread({ backend: refusing, lang: 'cy' });
    await fillValid(el);
    submit(el);
    await waitUntil(() => shadow(el).querySelector('.error-summary'));
    expect(errorSummaryItems(el)).to.deep.equal(['Rhowch eich enw', 'This word is not allowed here']);
    expect(textOf($(el, '#body-error'))).to.equal('Gwall: This word is not allowed here');
    expect($<HTMLTextAreaElement>(el, '#body').value).to.equal('A useful comment.');
  });

  it('shows a pre-moderated comment in place as "Awaiting moderation", announces it and clears the comment', async () => {
    const { el, backend } = await renderThread({ comments: [{ section: 'intro', name: 'Alice', body: 'Hello' }] });
    await fillValid(el);
    const submitted = oneEvent(el, 'civic-comment-submitted');
    submit(el);
    const { detail } = await submitted;
    expect(detail.comment.status).to.equal('pending');
    expect(detail.comment).not.to.have.property('email');
    expect(JSON.stringify(detail)).not.to.contain('ada@example.com');
    await el.updateComplete;
    const mine = $$(el, '[part=comment]').at(-1)!;
    expect(textOf(mine)).to.contain('A useful comment.').and.contain('Awaiting moderation');
    // Its date is no link: nobody else can open a comment that waits for a moderator.
    expect(mine.querySelector('[part=comment-date]')).to.exist;
    expect(mine.querySelector('[part=comment-link]')).to.equal(null);
    expect(shadow(el).activeElement).to.equal(mine);
    expect(heading(el)).to.equal('1 comment');
    expect($<HTMLTextAreaElement>(el, '#body').value).to.equal('');
    expect($<HTMLInputElement>(el, '#name').value).to.equal('Ada Lovelace');
    await announced(el, 'Your comment has been sent. It will be published once a moderator has approved it.');
    expect((backend as MemoryBackend).all().at(-1)!.status).to.equal('pending');
  });

  it('publishes at once under post-moderation and counts the new comment', async () => {
    const { el } = await renderThread({ moderation: 'post' });
    await fillValid(el);
    submit(el);
    await waitUntil(() => commentTexts(el).includes('A useful comment.'));
    expect(heading(el)).to.equal('1 comment');
    expect(shadow(el).querySelector('[part=comment-status]')).to.equal(null);
    await announced(el, 'Your comment has been published.');
  });

  it('marks a private submission "Sent privately" and never counts it', async () => {
    const { el, backend } = await renderThread({ moderation: 'post' });
    await fillValid(el, 'private', 'For the team only.');
    submit(el);
    await waitUntil(() => commentTexts(el).includes('For the team only.'));
    expect(textOf($(el, '[part=comment-status]'))).to.equal('Sent privately');
    expect(heading(el)).to.equal('No comments yet');
    await announced(el, 'Your comment has been sent privately to the team. It will not be published.');
    const listed = await backend.listComments({ page, section: 'intro' });
    expect(listed.comments).to.have.length(0);
  });

  it('keeps everything typed when sending fails, and a retry after a lost answer is stored once', async () => {
    const memory = new MemoryBackend({ page });
    const backend = spy(memory);
    const { el } = await renderThread({ backend });
    await fillValid(el);

    memory.fail.post = true;
    const failed = oneEvent(el, 'civic-error');
    submit(el);
    expect((await failed).detail.operation).to.equal('submit');
    await el.updateComplete;
    expect(textOf($(el, '#submit-status'))).to.equal(
      'Your comment could not be sent. Nothing you typed has been lost. Try again in a moment.',
    );
    expect($<HTMLTextAreaElement>(el, '#body').value).to.equal('A useful comment.');
    expect($<HTMLInputElement>(el, '#email').value).to.equal('ada@example.com');

    memory.fail.post = false;
    backend.loseNextAnswer = true;
    submit(el);
    await el.updateComplete;
    expect(textOf($(el, '#submit-status')), 'the checks came with the first press').to.equal('Sending your comment…');
    await waitUntil(() => textOf($(el, '#submit-status')).includes('could not be sent'));
    expect(backend.calls.post).to.equal(2);
    submit(el);
    await waitUntil(() => commentTexts(el).includes('A useful comment.'));
    expect(backend.calls.post).to.equal(3);
    expect(new Set(backend.keys.slice(1)).size).to.equal(1);
    expect(memory.all()).to.have.length(1);
  });

  it('sends one request however many times Submit is pressed', async () => {
    const memory = new MemoryBackend({ page, latency: 150 });
    const backend = spy(memory);
    const { el } = await renderThread({ backend });
    await fillValid(el);
    // Pressed three times before the first press has even been checked, and twice more while sending.
    submit(el);
    submit(el);
    submit(el);
    await waitUntil(() => $(el, 'button[type=submit]').getAttribute('aria-disabled') === 'true', 'the button never said it was busy');
    expect(textOf($(el, '#submit-status'))).to.equal('Sending your comment…');
    submit(el);
    submit(el);
    await waitUntil(() => commentTexts(el).includes('A useful comment.'));
    expect(backend.calls.post).to.equal(1);
    expect(memory.all()).to.have.length(1);
  });

  it('keeps a draft through re-creating the element, and forgets it once sent', async () => {
    const backend = new MemoryBackend({ page, comments: [{ id: 'c1', section: 'intro', name: 'Alice', body: 'Hello' }] });
    const first = (await renderThread({ backend })).el;
    type(first, '#name', 'Ada');
    type(first, '#body', 'Half-written thought');
    $<HTMLInputElement>(first, '#visibility-private').click();
    first.remove();

    const second = (await renderThread({ backend })).el;
    expect($<HTMLTextAreaElement>(second, '#body').value).to.equal('Half-written thought');
    expect($<HTMLInputElement>(second, '#name').value).to.equal('Ada');
    expect($<HTMLInputElement>(second, '#visibility-private').checked).to.equal(true);
    const otherSection = (await renderThread({ backend, section: 'costs' })).el;
    expect($<HTMLTextAreaElement>(otherSection, '#body').value).to.equal('');

    type(second, '#email', 'ada@example.com');
    submit(second);
    await waitUntil(() => commentTexts(second).includes('Half-written thought'));
    second.remove();
    const third = (await renderThread({ backend })).el;
    expect($<HTMLTextAreaElement>(third, '#body').value).to.equal('');
  });

  it('keeps name and email on the device only when the reader ticks "Remember"', async () => {
    const { el } = await renderThread();
    await fillValid(el);
    expect(JSON.stringify({ ...localStorage })).not.to.contain('ada@example.com');
    $<HTMLInputElement>(el, '#remember').click();
    await el.updateComplete;
    expect(JSON.parse(localStorage.getItem('civic-comments:identity')!)).to.deep.equal({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      respondent: '',
      organisation: '',
    });
    submit(el);
    await waitUntil(() => commentTexts(el).includes('A useful comment.'));
    sessionStorage.clear();
    const again = (await renderThread()).el;
    expect($<HTMLInputElement>(again, '#email').value).to.equal('ada@example.com');
    expect($<HTMLInputElement>(again, '#remember').checked).to.equal(true);
    $<HTMLInputElement>(again, '#remember').click();
    expect(localStorage.getItem('civic-comments:identity')).to.equal(null);
  });

  it('opens the form under a comment to reply, and Escape goes back to the Reply button', async () => {
    const { el } = await renderThread({ comments: nestedSeed });
    const replyButton = $(el, '[data-reply-to=c5]');
    expect(textOf(replyButton)).to.equal('Reply to Eve');
    replyButton.click();
    await el.updateComplete;
    const form = $(el, '#comment-c5 form');
    expect(textOf(form.querySelector('.form-heading'))).to.equal('Reply to Eve');
    expect(replyButton.getAttribute('aria-expanded')).to.equal('true');
    expect($$(el, 'form')).to.have.length(1);
    expect(shadow(el).activeElement?.id).to.equal('body');

    type(el, '#body', 'Kept while I think');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(shadow(el).querySelector('#comment-c5 form')).to.equal(null);
    expect(textOf($(el, '.form-heading'))).to.equal('Comment on this section');
    expect(shadow(el).activeElement).to.equal($(el, '[data-reply-to=c5]'));
    expect($<HTMLTextAreaElement>(el, '#body').value).to.equal('Kept while I think');
  });

  it('shows a sent reply under the comment it answers', async () => {
    const { el, backend } = await renderThread({ comments: nestedSeed });
    $(el, '[data-reply-to=c1]').click();
    await el.updateComplete;
    await fillValid(el, 'public', 'A reply to Alice.');
    submit(el);
    await waitUntil(() => commentTexts(el).includes('A reply to Alice.'));
    const replies = [...$(el, '#comment-c1').parentElement!.querySelectorAll(':scope > .replies > li [part=comment-body]')];
    expect(replies.map(textOf)).to.contain('A reply to Alice.');
    expect((backend as MemoryBackend).all().at(-1)!.parentId).to.equal('c1');
    expect(textOf($(el, '.form-heading'))).to.equal('Comment on this section');
  });
});

describe('<civic-comments> by keyboard alone', () => {
  it('reaches, fills, replies, cancels and submits', async () => {
    const backend = new MemoryBackend({ page, comments: [{ id: 'c1', section: 'intro', name: 'Alice', body: 'Hello' }] });
    const wrapper = await fixture<HTMLDivElement>(html`
      <div><button>Before</button><civic-comments section="intro" page=${page} .backend=${backend}></civic-comments></div>
    `);
    const el = wrapper.querySelector('civic-comments')!;
    await settled(el);
    wrapper.querySelector('button')!.focus();
    const active = () => shadow(el).activeElement;
    const tab = () => sendKeys({ press: 'Tab' });

    await tab();
    expect(active()).to.equal($(el, '[part=print-button]'));
    await tab();
    expect(active()).to.equal($(el, '[part=comment-link]'));
    await tab();
    expect(active()).to.equal($(el, '[data-reply-to=c1]'));
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(active()?.id).to.equal('body');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(active()).to.equal($(el, '[data-reply-to=c1]'));

    await tab();
    expect(active()).to.equal($(el, '[part=report-button]'), 'each comment can be reported');
    await tab();
    expect(active()?.id).to.equal('name');
    await sendKeys({ type: 'Ada Lovelace' });
    await tab();
    await sendKeys({ type: 'ada@example.com' });
    await tab();
    expect(active()?.id).to.equal('body');
    // WebKit's WebDriver can drop characters as it types; a word with no doubled letters and no spaces arrives whole.
    await sendKeys({ type: 'Typed-by-keyboard.' });
    await tab();
    expect(active()?.id).to.equal('visibility-public');
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#visibility-public').checked, 'Space checks the radio').to.equal(true);
    await tab();
    expect(active()?.id).to.equal('remember');
    await tab();
    expect(active()).to.equal($(el, 'button[type=submit]'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () => commentTexts(el).includes('Typed-by-keyboard.'),
      `not sent; the form says: ${textOf(shadow(el).querySelector('form'))}`,
    );
    expect(textOf(active())).to.contain('Awaiting moderation');
  });

  it('submits an empty form by keyboard and lands on the error summary', async () => {
    const { el } = await renderThread();
    $(el, 'button[type=submit]').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => shadow(el).activeElement?.classList.contains('error-summary'));
    await sendKeys({ press: 'Tab' });
    expect(textOf(shadow(el).activeElement)).to.equal('Enter your name');
    await sendKeys({ press: 'Enter' });
    expect(shadow(el).activeElement?.id).to.equal('name');
  });
});

describe('<civic-comments> in Welsh', () => {
  it('speaks Welsh when the nearest lang is cy, and its own lang wins', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`
      <div lang="cy">
        <civic-comments section="intro" page=${page} .backend=${new MemoryBackend({ page })}></civic-comments>
        <civic-comments section="intro" page=${page} lang="en" .backend=${new MemoryBackend({ page })}></civic-comments>
      </div>
    `);
    const [welsh, english] = [...wrapper.querySelectorAll('civic-comments')] as CivicComments[];
    await settled(welsh!);
    await settled(english!);
    expect(heading(welsh!)).to.equal('Dim sylwadau eto');
    expect(textOf($(welsh!, 'label[for=name]'))).to.equal('Enw');
    expect(textOf($(welsh!, '#email-hint'))).to.equal('Ni fyddwn yn cyhoeddi eich cyfeiriad e-bost');
    expect(textOf($(welsh!, '.character-count'))).to.equal('Mae gennych 5,000 nod yn weddill');
    expect(textOf($(welsh!, 'button[type=submit]'))).to.equal('Anfon sylw');
    expect($(welsh!, '[part=thread]').getAttribute('lang')).to.equal('cy');
    expect(heading(english!)).to.equal('No comments yet');
  });

  it('words validation, statuses and dates in Welsh', async () => {
    const { el } = await renderThread({
      lang: 'cy',
      comments: [{ section: 'intro', name: 'Alys', body: 'Helo', createdAt: '2026-03-01T10:00:00Z' }],
    });
    expect(heading(el)).to.equal('1 sylw');
    expect(textOf($(el, 'time'))).to.equal('1 Mawrth 2026');
    submit(el);
    await waitUntil(() => shadow(el).querySelector('.error-summary'));
    expect(textOf($(el, '.error-summary-title'))).to.equal('Mae problem wedi codi');
    expect(errorSummaryItems(el)[0]).to.equal('Rhowch eich enw');
    await fillValid(el);
    submit(el);
    await waitUntil(() => shadow(el).querySelector('[part=comment-status]'));
    expect(textOf($(el, '[part=comment-status]'))).to.equal('Yn aros i gael ei gymedroli');
  });
});

describe('<civic-comments> accessibility', () => {
  it('has no axe violations when empty', async () => {
    const { el } = await renderThread();
    await expect(el).to.be.accessible();
  });

  it('has no axe violations with a nested thread and more to load', async () => {
    const comments = [...nestedSeed, ...Array.from({ length: 30 }, (_, i) => ({ section: 'intro', name: `R${i}`, body: `C${i}` }))];
    const { el } = await renderThread({ comments });
    await expect(el).to.be.accessible();
  });

  it('has no axe violations while loading and when loading failed', async () => {
    const slow = new MemoryBackend({ page, latency: 500 });
    const loading = await fixture<CivicComments>(html`<civic-comments section="intro" page=${page} .backend=${slow}></civic-comments>`);
    await expect(loading).to.be.accessible();
    const { el: failed } = await renderThread({ fail: { list: true } });
    await expect(failed).to.be.accessible();
  });

  it('has no axe violations with form errors, while submitting and once submitted', async () => {
    const { el } = await renderThread({ latency: 300, comments: [{ section: 'intro', name: 'A', body: 'x' }] });
    submit(el);
    await waitUntil(() => shadow(el).querySelector('.error-summary'));
    await expect(el).to.be.accessible();
    await fillValid(el);
    submit(el);
    await waitUntil(() => textOf($(el, '#submit-status')) === 'Sending your comment…', 'never said it was sending');
    await expect(el).to.be.accessible();
    await waitUntil(() => shadow(el).querySelector('[part=comment-status]'));
    await expect(el).to.be.accessible();
  });

  it('has no axe violations with a reply open, a failed submission, or in Welsh', async () => {
    const { el } = await renderThread({ comments: nestedSeed, fail: { post: true } });
    $(el, '[data-reply-to=c2]').click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    await fillValid(el);
    submit(el);
    await waitUntil(() => textOf($(el, '#submit-status')).includes('could not be sent'));
    await expect(el).to.be.accessible();
    const { el: welsh } = await renderThread({ comments: nestedSeed, lang: 'cy' });
    await expect(welsh).to.be.accessible();
  });

  it('fits a 320 pixel screen (1280 pixels at 400% zoom) with no horizontal scrolling', async () => {
    const backend = new MemoryBackend({
      page,
      comments: [...nestedSeed, { section: 'intro', name: 'A'.repeat(60), body: `A long word: ${'x'.repeat(200)}` }],
    });
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width: 320px"><civic-comments section="intro" page=${page} .backend=${backend}></civic-comments></div>`,
    );
    const el = wrapper.querySelector('civic-comments')!;
    await settled(el);
    $(el, '[data-reply-to=c3]').click();
    await el.updateComplete;
    const right = wrapper.getBoundingClientRect().right + 0.5;
    for (const node of $$(el, '*')) expect(node.getBoundingClientRect().right, node.outerHTML.slice(0, 80)).to.be.at.most(right);
  });

  it('gives every button and field a target of at least 24 by 24 pixels', async () => {
    const { el } = await renderThread({ comments: nestedSeed });
    for (const target of $$(el, 'button, input, textarea')) {
      const { width, height } = target.getBoundingClientRect();
      expect(Math.min(width, height), target.outerHTML.slice(0, 60)).to.be.at.least(24);
    }
  });
});
