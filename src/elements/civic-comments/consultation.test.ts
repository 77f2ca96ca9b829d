import { expect } from '@open-wc/testing';
import type { MemoryBackend } from '../../index.js';
import { cy } from '../../i18n/cy/reader.js';
import { en } from '../../i18n/en/reader.js';
import { $, $$, fillValid, page, renderThread, shadow, submit, textOf, waitUntil } from '../../../test/helpers.js';

const day = 24 * 3_600_000;
const iso = (offset: number) => new Date(Date.now() + offset).toISOString();
const form = (el: Element) => shadow(el).querySelector('form');
const notice = (el: Element) => textOf($(el, '[part=consultation-notice]'));

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

describe('<civic-comments> in a consultation', () => {
  it('shows, once closed, when it closed in place of the form, and keeps the thread readable and printable', async () => {
    const closesAt = iso(-day);
    const { el } = await renderThread({
      consultation: { title: 'Review', closesAt },
      comments: [{ section: 'intro', name: 'Alice', body: 'Sent in time.' }],
    });
    expect(form(el)).to.equal(null);
    expect(notice(el)).to.equal(`This consultation closed on ${en.formatDateTime(closesAt)}. You can still read the comments.`);
    expect(notice(el)).to.match(/at \d{1,2}(:\d\d)?(am|pm)|midday|midnight/);
    expect($$(el, '[part=comment-body]').map(textOf)).to.deep.equal(['Sent in time.']);
    expect($$(el, '[part=reply-button]')).to.have.length(0);
    expect(textOf($(el, '[part=print-button]'))).to.equal('Print this section');
    await expect(el).to.be.accessible();
  });

  it('says when it opens before it does, with no form', async () => {
    const opensAt = iso(2 * day);
    const { el } = await renderThread({ consultation: { title: 'Review', opensAt } });
    expect(form(el)).to.equal(null);
    expect(notice(el)).to.equal(`This consultation opens on ${en.formatDateTime(opensAt)}.`);
    await expect(el).to.be.accessible();
  });

  it('says above the form when it closes, in its last seven days only', async () => {
    const soon = iso(3 * day);
    const { el } = await renderThread({ consultation: { title: 'Review', closesAt: soon } });
    expect(form(el)).to.not.equal(null);
    expect(textOf($(el, '[part=closing-notice]'))).to.equal(`This consultation closes on ${en.formatDateTime(soon)}.`);
    await expect(el).to.be.accessible();

    const later = await renderThread({ consultation: { title: 'Review', closesAt: iso(10 * day) } });
    expect(shadow(later.el).querySelector('[part=closing-notice]')).to.equal(null);
    expect(form(later.el)).to.not.equal(null);
  });

  it('tells a reader plainly when it closed while they typed, moves focus there and keeps what they typed', async () => {
    const { el, backend } = await renderThread({ consultation: { title: 'Review', closesAt: iso(day) } });
    await fillValid(el, 'public', 'Typed while it was open.\nSecond line.');
    const closesAt = iso(-1000);
    (backend as MemoryBackend).consultation = { title: 'Review', closesAt };
    submit(el);
    await waitUntil(() => shadow(el).querySelector('[part=consultation-notice]'), 'no notice after the refusal');
    await el.updateComplete;
    const banner = $(el, '[part=consultation-notice]');
    expect(banner.getAttribute('role')).to.equal('alert');
    expect(shadow(el).activeElement).to.equal(banner);
    expect(textOf(banner)).to.contain(`This consultation closed on ${en.formatDateTime(closesAt)}.`);
    expect(textOf(banner)).to.contain('Your comment has not been sent.');
    expect($(el, '[part=kept-comment]').textContent).to.equal('Typed while it was open.\nSecond line.');
    expect((backend as MemoryBackend).all()).to.have.length(0);
    const draft = JSON.parse(localStorage.getItem(`civic-comments:draft:${page}:intro`) ?? '{}') as { body?: string };
    expect(draft.body).to.equal('Typed while it was open.\nSecond line.');
    await expect(el).to.be.accessible();
  });

  it('badges the department’s own responses, and a screen reader hears the badge with the name', async () => {
    const { el } = await renderThread({
      comments: [
        { id: 'r1', section: 'intro', name: 'Alice', body: 'Will the form get shorter?' },
        {
          id: 'o1',
          section: 'intro',
          name: 'Department for Digital Services',
          body: 'Yes: one page from April.',
          parentId: 'r1',
          role: 'official',
        },
      ],
    });
    const badges = $$(el, '[part=official-badge]');
    expect(badges.map(textOf)).to.deep.equal(['Official response']);
    const article = $(el, '#comment-o1');
    const name = article
      .getAttribute('aria-labelledby')!
      .split(' ')
      .map((id) => textOf(shadow(el).getElementById(id)))
      .join(' ');
    expect(name).to.equal('Department for Digital Services Official response');
    expect($(el, '#comment-r1').querySelector('[part=official-badge]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows what the department did with the comments under its own heading, above them', async () => {
    const { el } = await renderThread({
      outcomes: { intro: 'You said the form was too long.\nWe cut it to one page.' },
      comments: [{ section: 'intro', name: 'Alice', body: 'Too long.' }],
    });
    const outcome = $(el, '[part=outcome]');
    const heading = outcome.querySelector('[role=heading]')!;
    expect(textOf(heading)).to.equal('What we did with your comments');
    expect(heading.getAttribute('aria-level')).to.equal('4');
    expect(outcome.querySelector('.outcome-body')!.textContent).to.equal('You said the form was too long.\nWe cut it to one page.');
    expect(outcome.compareDocumentPosition($(el, '[part=comments]')) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.greaterThan(0);
    await expect(el).to.be.accessible();
  });

  it('words every state in Welsh', async () => {
    const closesAt = iso(-day);
    const { el } = await renderThread({
      lang: 'cy',
      consultation: { title: 'Adolygiad', closesAt },
      outcomes: { intro: 'Fe wnaethom ni newid y ffurflen.' },
      comments: [{ section: 'intro', name: 'Adran', body: 'Diolch.', role: 'official' }],
    });
    expect(notice(el)).to.equal(`Daeth yr ymgynghoriad hwn i ben ar ${cy.formatDateTime(closesAt)}. Gallwch ddal i ddarllen y sylwadau.`);
    expect(textOf($(el, '[part=official-badge]'))).to.equal('Ymateb swyddogol');
    expect(textOf($(el, '[part=outcome] [role=heading]'))).to.equal('Beth wnaethon ni gyda’ch sylwadau');
    await expect(el).to.be.accessible();

    const upcoming = await renderThread({ lang: 'cy', consultation: { title: 'Adolygiad', opensAt: iso(day), closesAt: iso(9 * day) } });
    expect(notice(upcoming.el)).to.contain('Bydd yr ymgynghoriad hwn yn agor ar');
  });
});
