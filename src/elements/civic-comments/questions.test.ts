import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { MemoryBackend, type CivicComments, type SectionQuestion, type SeedComment } from '../../index.js';
import { $, $$, fillValid, page, settled, shadow, submit, textOf, waitUntil } from '../../../test/helpers.js';
import { agreeInOwnWords as agree, choiceOnly, uses } from '../../../test/fixtures/questions.js';

const hour = 3_600_000;

/** A thread of the section "fees", whose consultation asks `question` there, once the question is shown. */
async function questionThread(
  question: SectionQuestion,
  options: { lang?: string; comments?: SeedComment[]; closed?: boolean; showAnswerCounts?: boolean; backend?: MemoryBackend } = {},
) {
  const backend =
    options.backend ??
    new MemoryBackend({
      page,
      moderation: 'post',
      comments: options.comments,
      consultation: {
        title: 'Visitor permits',
        department: 'Transport Department',
        ...(options.closed && {
          opensAt: new Date(Date.now() - 48 * hour).toISOString(),
          closesAt: new Date(Date.now() - hour).toISOString(),
        }),
        showAnswerCounts: options.showAnswerCounts ?? false,
        sections: [{ id: 'fees', title: 'Fees', question }],
      },
    });
  const el = await fixture<CivicComments>(
    html`<civic-comments section="fees" page=${page} lang=${options.lang ?? ''} .backend=${backend}></civic-comments>`,
  );
  await settled(el);
  if (!options.closed) await waitUntil(() => shadow(el).querySelector('#answer-0'), 'the question never appeared');
  await el.updateComplete;
  return { el, backend };
}

const legend = (el: Element) => textOf($(el, '[part~=question] legend'));
const choices = (el: Element) => $$<HTMLInputElement>(el, '[name=answer]');

beforeEach(() => localStorage.clear());

describe('<civic-comments> with a closed question', () => {
  it('asks a single choice as GOV.UK radios above the comment box, answered by keyboard, and shows the answer beside the text', async () => {
    const { el, backend } = await questionThread(agree);
    expect(legend(el)).to.equal(agree.text);
    expect(choices(el).map((input) => [input.type, input.value])).to.deep.equal(agree.options.map((option) => ['radio', option]));
    const order = [...shadow(el).querySelectorAll('#name, #answer-0, #body')].map((node) => node.id);
    expect(order, 'name, then the question, then the comment box').to.deep.equal(['name', 'answer-0', 'body']);
    await expect(el).to.be.accessible();

    await fillValid(el, 'public', 'Residents should not pay.');
    choices(el)[0]!.focus();
    await sendKeys({ press: ' ' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(choices(el).map((input) => input.checked)).to.deep.equal([false, true, false]);
    submit(el);
    await waitUntil(() => textOf(shadow(el)).includes('Residents should not pay.') && $$(el, '[part=comment-answer]').length);
    expect(textOf($(el, '[part=comment-answer]'))).to.equal('Answer: Disagree');
    expect((await backend.listComments({ page, section: 'fees' })).comments[0]!.answer).to.deep.equal(['Disagree']);
    expect(
      choices(el).every((input) => !input.checked),
      'the form is empty again',
    ).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('says, in the department’s words, that the question needs an answer, and links to its first option', async () => {
    const { el } = await questionThread(agree);
    await fillValid(el);
    submit(el);
    await waitUntil(() => shadow(el).querySelector('.error-summary'), 'no error summary');
    await el.updateComplete;
    expect(textOf($(el, '.error-summary'))).to.contain('Select whether you agree with charging for visitor permits');
    expect(textOf($(el, '#answer-error'))).to.equal('Error: Select whether you agree with charging for visitor permits');
    expect($(el, '[part~=question] fieldset').getAttribute('aria-describedby')).to.contain('answer-error');
    await expect(el).to.be.accessible();
    $<HTMLAnchorElement>(el, '.error-summary a[href="#answer-0"]').click();
    await el.updateComplete;
    expect(shadow(el).activeElement?.id).to.equal('answer-0');
  });

  it('asks a multiple choice as checkboxes, takes several answers and an empty comment box where it is optional', async () => {
    const { el, backend } = await questionThread(uses);
    expect(choices(el).map((input) => input.type)).to.deep.equal(['checkbox', 'checkbox', 'checkbox']);
    expect(textOf($(el, '#answer-hint'))).to.equal('Select all that apply.');
    expect(textOf($(el, 'label[for=body]'))).to.equal('Comment (optional)');
    await fillValid(el, 'public', '');
    choices(el)[2]!.focus();
    await sendKeys({ press: ' ' });
    choices(el)[0]!.focus();
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    submit(el);
    await waitUntil(() => $$(el, '[part=comment-answer]').length, 'the response was never shown');
    expect(textOf($(el, '[part=comment-answer]'))).to.equal('Answers: Bus, Car club', 'in the order the question gives them');
    expect((await backend.listComments({ page, section: 'fees' })).comments[0]!.answer).to.deep.equal(['Bus', 'Car club']);
    await expect(el).to.be.accessible();
  });

  it('shows no comment box where the question asks for no free text, and none of the question in a reply', async () => {
    const { el } = await questionThread(choiceOnly, { comments: [{ id: 'c1', section: 'fees', name: 'Ravi', body: '', answer: ['No'] }] });
    expect($(el, '#body').closest<HTMLElement>('.field')!.hidden).to.equal(true);
    expect(textOf($(el, '[part=comment-answer]'))).to.equal('Answer: No');
    $<HTMLButtonElement>(el, '[data-reply-to=c1]').click();
    await el.updateComplete;
    const reply = $(el, '.reply-form');
    expect(reply.querySelector('[name=answer]'), 'a reply answers no question').to.equal(null);
    expect((reply.querySelector('#body')!.closest('.field') as HTMLElement).hidden).to.equal(false);
  });

  it('keeps the choice in the draft when the page is opened again', async () => {
    const { el, backend } = await questionThread(agree);
    choices(el)[2]!.click();
    await el.updateComplete;
    el.remove();
    const again = await questionThread(agree, { backend });
    expect(choices(again.el).map((input) => input.checked)).to.deep.equal([false, false, true]);
  });

  it('speaks Welsh around the department’s own question', async () => {
    const { el } = await questionThread({ ...uses, required: true, errorMessage: undefined }, { lang: 'cy' });
    expect(textOf($(el, '#answer-hint'))).to.equal('Dewiswch bob un sy’n berthnasol.');
    expect(textOf($(el, 'label[for=body]'))).to.equal('Sylw (dewisol)');
    await fillValid(el, 'public', '');
    submit(el);
    await waitUntil(() => shadow(el).querySelector('#answer-error'), 'no error');
    expect(textOf($(el, '#answer-error'))).to.equal('Gwall: Dewiswch ateb');
    await expect(el).to.be.accessible();
  });

  it('after the close, shows how many chose each option when the consultation says so', async () => {
    const comments: SeedComment[] = [
      { section: 'fees', name: 'Ada', body: 'Fair.', answer: ['Agree'] },
      { section: 'fees', name: 'Bo', body: 'Fine.', answer: ['Agree'] },
      { section: 'fees', name: 'Pat', body: 'Private.', answer: ['Disagree'], visibility: 'private', status: 'received' },
    ];
    const { el } = await questionThread(agree, { closed: true, showAnswerCounts: true, comments });
    await waitUntil(() => shadow(el).querySelector('[part=answer-counts]'), 'no table of answers');
    expect(textOf($(el, '[part=answer-counts] caption'))).to.equal(`How people answered: ${agree.text}`);
    expect($$(el, '[part=answer-counts] tbody tr').map((row) => [...row.children].map(textOf))).to.deep.equal([
      ['Agree', '2'],
      ['Disagree', '1'],
      ['Neither agree nor disagree', '0'],
    ]);
    expect(textOf(shadow(el))).to.not.contain('Private.');
    expect(shadow(el).querySelector('[name=answer]'), 'no form once closed').to.equal(null);
    await expect(el).to.be.accessible();

    const quiet = await questionThread(agree, { closed: true, showAnswerCounts: false, comments });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(shadow(quiet.el).querySelector('[part=answer-counts]')).to.equal(null);
  });
});
