import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ModerationConsultation } from '../../contract/index.js';
import type { CivicModeration } from '../../moderation.js';
import { $, $$, shadow, textOf, waitUntil } from '../../../test/helpers.js';
import { button, moderationConsole, post, signIn } from '../../../test/moderation-console.js';
import { moderate, referenceServer, uniquePage } from '../../../test/reference-server.js';

async function consultationOn(page: string, record: object): Promise<void> {
  const response = await moderate(`consultations/${encodeURIComponent(page)}`, { method: 'PUT', body: JSON.stringify(record) });
  expect(response.status, await response.clone().text()).to.equal(200);
}

async function savedOn(page: string): Promise<ModerationConsultation | undefined> {
  const { consultations } = (await (await moderate('consultations')).json()) as { consultations: ModerationConsultation[] };
  return consultations.find((consultation) => consultation.page === page);
}

/** Opens the consultations view from the console's navigation, and waits for the list. */
async function showConsultations(el: CivicModeration, label = 'Consultations'): Promise<void> {
  button($(el, '[part=views]'), label).click();
  // Every test has put at least one consultation on the server, so the list is never empty.
  await waitUntil(() => shadow(el).querySelector('.consultation-list'), 'the consultations never loaded');
  await el.updateComplete;
}

const cardOf = (el: Element, title: string) =>
  $$(el, '[part=consultation]').find((card) => textOf(card.querySelector('.card-title')) === title);
const rows = (card: Element) =>
  Object.fromEntries(
    [...card.querySelectorAll('.summary > div')].map((row) => [textOf(row.querySelector('dt')), textOf(row.querySelector('dd'))]),
  );
const field = (el: Element, id: string) => $<HTMLInputElement>(el, `#${id}`);
/** Types a date into the GOV.UK date input of `opens` or `closes`, as day, month and year. */
function typeDate(el: Element, which: 'opens' | 'closes', day: string, month: string, year: string): void {
  field(el, `${which}-day`).value = day;
  field(el, `${which}-month`).value = month;
  field(el, `${which}-year`).value = year;
}
const save = (el: Element) => $(el, '[part=consultation-form] button[type=submit]').click();
const summary = (el: Element) => $$(el, '.error-summary li').map(textOf);
/** Presses a consultation's "Change", which opens its form. */
const changeConsultation = (el: Element, title: string) =>
  [...cardOf(el, title)!.querySelectorAll<HTMLButtonElement>('button')].find((b) => textOf(b) === 'Change')!.click();
/** Sets a field's value as typing would, for the fields WebKit's driver cannot type into faithfully. */
const typeInto = (el: Element, id: string, value: string) => {
  field(el, id).value = value;
  field(el, id).dispatchEvent(new Event('input'));
};

/** A comment sent as a reader would: the status says whether the consultation took it. */
async function postStatus(page: string): Promise<number> {
  const { url } = await referenceServer();
  const response = await fetch(`${url}/api/v1/comments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      page,
      section: 'intro',
      name: 'A reader',
      email: 'reader@example.com',
      body: 'Late, but here.',
      visibility: 'public',
    }),
  });
  return response.status;
}

beforeEach(() => {
  sessionStorage.clear();
});

describe('<civic-moderation> consultations', () => {
  it('lists each consultation with its state, its dates in UK time, its department and its responses by status', async () => {
    const page = uniquePage('listed');
    const title = `Parking permits ${page.slice(-6)}`;
    await consultationOn(page, {
      title,
      opensAt: '2026-06-01T08:00:00Z',
      closesAt: '2026-09-30T22:59:00Z',
      department: 'Department for Local Services',
      askOrganisation: true,
      contactEmail: 'parking@example.gov.uk',
    });
    const el = await moderationConsole();
    await signIn(el);
    await showConsultations(el);
    expect($(el, '[part=views] [aria-current=page]').textContent?.trim()).to.equal('Consultations');
    const card = cardOf(el, title)!;
    expect(card, `no card titled ${title}`).to.exist;
    expect(textOf(card.querySelector('.tag'))).to.equal('Closed');
    expect(rows(card)).to.deep.include({
      Page: page,
      Opens: '1 June 2026 at 9am',
      Closes: '30 September 2026 at 11:59pm',
      Department: 'Department for Local Services',
      'Asks about organisations': 'Yes',
      Contact: 'parking@example.gov.uk',
      Responses: 'None yet',
    });
    await expect(el).to.be.accessible();
  });

  it('counts the responses of an open consultation by status', async () => {
    const page = uniquePage('counted');
    const title = `Counted ${page.slice(-6)}`;
    await consultationOn(page, { title });
    const ids = await post(page, 3);
    await moderate(`comments/${ids[0]}`, { method: 'PATCH', body: '{"status":"published"}' });
    const el = await moderationConsole();
    await signIn(el);
    await showConsultations(el);
    const card = cardOf(el, title)!;
    expect(textOf(card.querySelector('.tag'))).to.equal('Open');
    expect(rows(card)).to.deep.include({ Opens: 'Open from the start', Closes: 'No closing date', Responses: '2 pending, 1 published' });
  });

  it('creates a consultation by keyboard alone, through the GOV.UK date input', async () => {
    // WebKit's WebDriver drops a character typed twice in a row, and sometimes a space: one word each.
    const page = `keyboard-${Math.random().toString(36).slice(2)}`.replace(/(.)\1+/g, '$1');
    const el = await moderationConsole();
    await signIn(el);
    button($(el, '[part=views]'), 'Consultations').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () => shadow(el).activeElement?.textContent?.trim() === 'Consultations' && shadow(el).querySelector('#create-consultation'),
    );
    // The views after it come first.
    for (const view of ['Overview', 'Audit log']) {
      await sendKeys({ press: 'Tab' });
      expect(textOf(shadow(el).activeElement)).to.equal(view);
    }
    await sendKeys({ press: 'Tab' });
    expect(textOf(shadow(el).activeElement)).to.equal('Create a consultation');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => shadow(el).activeElement?.id === 'consultation-page', 'the form did not take focus');
    await sendKeys({ type: page });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Parks' });
    // The opening date stays empty (open at once): its day, month, year and time are passed over.
    for (let i = 0; i < 5; i++) await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement?.id).to.equal('closes-day');
    for (const typed of ['9', '7', '2031', '5pm']) {
      await sendKeys({ type: typed });
      await sendKeys({ press: 'Tab' });
    }
    expect(shadow(el).activeElement?.id).to.equal('consultation-department');
    await sendKeys({ type: 'Parks' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: ' ' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    // Past the sections, which this consultation leaves out, and whether to show answer counts.
    expect(shadow(el).activeElement?.id).to.equal('add-section');
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement?.id).to.equal('show-answer-counts');
    await sendKeys({ press: 'Tab' });
    expect(textOf(shadow(el).activeElement)).to.equal('Save consultation');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => shadow(el).activeElement?.classList.contains('consultations-notice'), 'the saved message did not take focus');
    expect(textOf(shadow(el).activeElement)).to.equal('Parks has been saved.');
    expect(await savedOn(page)).to.deep.include({
      title: 'Parks',
      opensAt: null,
      // 5pm on 9 July, in summer time.
      closesAt: '2031-07-09T16:00:00.000Z',
      department: 'Parks',
      askOrganisation: true,
      contactEmail: null,
    });
    expect(rows(cardOf(el, 'Parks')!)).to.deep.include({ Closes: '9 July 2031 at 5pm' });
  });

  it('says what is wrong in the GOV.UK pattern, keeps what was typed, and saves once it is right', async () => {
    const page = uniquePage('errors');
    const el = await moderationConsole();
    await signIn(el);
    await showConsultations(el);
    $(el, '#create-consultation').click();
    await waitUntil(() => shadow(el).querySelector('#consultation-page'));
    field(el, 'consultation-page').value = page;
    typeDate(el, 'opens', '1', '3', '2027');
    typeDate(el, 'closes', '31', '2', '2027');
    field(el, 'consultation-contact').value = 'not an address';
    save(el);
    await waitUntil(() => shadow(el).activeElement?.classList.contains('error-summary'), 'the error summary did not take focus');
    expect(summary(el)).to.deep.equal([
      'Enter a title',
      'Closing date must be a real date',
      'Enter an email address in the correct format, like name@example.gov.uk',
    ]);
    expect(textOf($(el, '#closes-error'))).to.equal('Error: Closing date must be a real date');
    expect($(el, '#closes-hint').closest('fieldset')!.getAttribute('aria-describedby')).to.equal('closes-hint closes-error');
    expect(field(el, 'consultation-page').value, 'the page typed was lost').to.equal(page);
    expect(field(el, 'closes-day').value).to.equal('31');
    await expect(el).to.be.accessible();

    $$<HTMLAnchorElement>(el, '.error-summary a')[1]!.click();
    expect(shadow(el).activeElement?.id).to.equal('closes-day');

    field(el, 'consultation-title').value = 'Draft strategy';
    typeDate(el, 'closes', '28', '2', '2027');
    typeDate(el, 'opens', '', '', '2028');
    field(el, 'consultation-contact').value = '';
    save(el);
    await waitUntil(() => summary(el).length === 1 && summary(el)[0] === 'Opening date must include a day');
    expect($(el, '#opens-day').classList.contains('part-error')).to.equal(true);
    expect($(el, '#opens-month').classList.contains('part-error')).to.equal(true);
    expect($(el, '#opens-year').classList.contains('part-error')).to.equal(false);

    typeDate(el, 'opens', '1', '3', '2027');
    save(el);
    await waitUntil(() => summary(el)[0] === 'Closing date must be after the opening date');

    typeDate(el, 'closes', '30', '4', '2027');
    save(el);
    await waitUntil(() => shadow(el).querySelector('.consultations-notice'), 'the consultation was not saved');
    expect(await savedOn(page)).to.deep.include({
      opensAt: '2027-03-01T00:00:00.000Z',
      closesAt: '2027-04-30T22:59:00.000Z',
      contactEmail: null,
    });
  });

  it('extends a closed consultation: readers can respond again at once', async () => {
    const page = uniquePage('extended');
    const title = `Extended ${page.slice(-6)}`;
    await consultationOn(page, { title, closesAt: new Date(Date.now() - 60_000).toISOString(), department: 'Parks team' });
    expect(await postStatus(page)).to.equal(409);
    const el = await moderationConsole();
    await signIn(el);
    await showConsultations(el);
    const extendButton = () => [...cardOf(el, title)!.querySelectorAll<HTMLButtonElement>('button')].find((b) => textOf(b) === 'Extend')!;
    extendButton().click();
    await waitUntil(() => shadow(el).activeElement?.id === 'closes-day', 'extending did not start at the closing date');
    expect(textOf($(el, '#consultation-form-heading'))).to.equal(`Extend ${title}`);
    expect(textOf($(el, '[part=consultation-form]'))).to.contain('Responses are taken again as soon as you save.');
    field(el, 'closes-year').value = String(new Date().getFullYear() + 1);
    save(el);
    await waitUntil(
      () => textOf(shadow(el).querySelector('.consultations-notice')) === `${title} has been saved.`,
      'the extension was not saved',
    );
    expect(textOf(cardOf(el, title)!.querySelector('.tag'))).to.equal('Open');
    expect(rows(cardOf(el, title)!)).to.deep.include({ Department: 'Parks team' });
    expect(await postStatus(page)).to.equal(201);
    await expect(el).to.be.accessible();

    // Cancelling a form puts focus back on the button that opened it.
    // Saved, it moved to the top of the list: its Extend button is found again.
    const extendId = extendButton().id;
    extendButton().click();
    await waitUntil(() => shadow(el).querySelector('[part=consultation-form]'));
    button($(el, '[part=consultation-form]'), 'Cancel').click();
    await waitUntil(() => shadow(el).activeElement?.id === extendId, 'focus did not return to Extend');
  });

  it('goes from a consultation to its comments, every status shown', async () => {
    const page = uniquePage('to-comments');
    const title = `To comments ${page.slice(-6)}`;
    await consultationOn(page, { title });
    const [id] = await post(page, 2);
    await moderate(`comments/${id}`, { method: 'PATCH', body: '{"status":"published"}' });
    const el = await moderationConsole();
    await signIn(el);
    await showConsultations(el);
    [...cardOf(el, title)!.querySelectorAll<HTMLButtonElement>('button')].find((b) => textOf(b) === 'Show its comments')!.click();
    await waitUntil(() => $$(el, '[part=item]').length === 2, 'the page’s comments were not shown');
    expect(field(el, 'page').value).to.equal(page);
    expect($<HTMLSelectElement>(el, '#status').value).to.equal('');
    expect($(el, '[part=views] [aria-current=page]').textContent?.trim()).to.equal('Comments');
  });

  it('words it all in Welsh, and fits a 320 pixel screen', async () => {
    const page = uniquePage('cymraeg');
    const title = `Cymraeg ${page.slice(-6)}`;
    await consultationOn(page, { title, closesAt: '2026-09-30T22:59:00Z' });
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="cy" style="width: 320px"><civic-moderation endpoint=${(await referenceServer()).url}></civic-moderation></div>`,
    );
    const el = wrapper.querySelector('civic-moderation')!;
    await signIn(el);
    await showConsultations(el, 'Ymgynghoriadau');
    const card = cardOf(el, title)!;
    expect(textOf(card.querySelector('.tag'))).to.equal('Wedi cau');
    expect(rows(card)).to.deep.include({ 'Yn cau': '30 Medi 2026 am 11:59yh', 'Yn agor': 'Ar agor o’r dechrau' });
    await expect(el).to.be.accessible();
    const fits = () => {
      for (const node of $$(el, '*')) {
        expect(node.getBoundingClientRect().right, node.outerHTML.slice(0, 80)).to.be.at.most(wrapper.getBoundingClientRect().right + 0.5);
      }
    };
    fits();

    [...card.querySelectorAll<HTMLButtonElement>('button')].find((b) => textOf(b) === 'Newid')!.click();
    await waitUntil(() => shadow(el).querySelector('#closes-time'));
    expect(field(el, 'closes-time').value).to.equal('11:59yh');
    expect(textOf($(el, '#closes-hint').previousElementSibling)).to.equal('Dyddiad cau');
    field(el, 'closes-month').value = '';
    save(el);
    await waitUntil(() => summary(el).length === 1);
    expect(summary(el)).to.deep.equal(['Rhaid i’r dyddiad cau gynnwys mis']);
    expect(textOf($(el, '.error-summary-title'))).to.equal('Mae problem wedi codi');
    await expect(el).to.be.accessible();
    fits();
  });

  it('gives a section a title and a closed question, answers added as GOV.UK’s “add another”, by keyboard, and saves them', async () => {
    const page = uniquePage('questions');
    const title = `Questions ${page.slice(-6)}`;
    await consultationOn(page, { title, department: 'Transport Department' });
    const el = await moderationConsole();
    await signIn(el);
    await showConsultations(el);
    changeConsultation(el, title);
    await waitUntil(() => shadow(el).querySelector('#add-section'), 'no sections editor');
    $(el, '#add-section').click();
    await waitUntil(() => shadow(el).activeElement?.id === 'section-0-id', 'focus did not move to the new section');
    // Typed by keyboard where WebKit's driver types faithfully (it drops a repeated letter and spaces); set elsewhere.
    await sendKeys({ type: 'charges' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Charges' });
    // Past the section's earlier headings, its wording and what changed, to its question.
    for (const next of ['section-0-aliases', 'section-0-wording', 'section-0-note', 'section-0-asks']) {
      await sendKeys({ press: 'Tab' });
      expect(shadow(el).activeElement?.id).to.equal(next);
    }
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect($(el, '#section-0-question-fields').hidden).to.equal(false);
    typeInto(el, 'section-0-question', 'Do you agree with charging for visitor permits?');
    typeInto(el, 'section-0-option-0', 'Agree');
    typeInto(el, 'section-0-option-1', 'Disagree');
    button($(el, '[part=section-editor]'), 'Add another answer').click();
    await waitUntil(() => shadow(el).activeElement?.id === 'section-0-option-2', 'focus did not move to the new answer');
    typeInto(el, 'section-0-option-2', 'Neither agree nor disagree');
    field(el, 'section-0-free-text-optional').click();
    typeInto(el, 'section-0-error-message', 'Select whether you agree with charging for visitor permits');
    field(el, 'show-answer-counts').click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    save(el);
    await waitUntil(() => textOf(shadow(el).querySelector('.consultations-notice')) === `${title} has been saved.`, 'not saved');
    const saved = await savedOn(page);
    expect(saved?.showAnswerCounts).to.equal(true);
    expect(saved?.sections).to.deep.equal([
      {
        id: 'charges',
        title: 'Charges',
        question: {
          text: 'Do you agree with charging for visitor permits?',
          type: 'single',
          options: ['Agree', 'Disagree', 'Neither agree nor disagree'],
          required: true,
          freeText: 'optional',
          errorMessage: 'Select whether you agree with charging for visitor permits',
        },
        aliases: [],
        text: null,
        version: null,
      },
    ]);
  });

  it('keeps a section’s aliases and wording when the form, which does not edit them, saves the consultation', async () => {
    const page = uniquePage('kept');
    const title = `Kept ${page.slice(-6)}`;
    const wording = 'Residents pay £20 a year for a permit.';
    await consultationOn(page, { title, sections: [{ id: 'fees', title: 'Fees', aliases: ['charges'], text: wording }] });
    const el = await moderationConsole();
    await signIn(el);
    await showConsultations(el);
    changeConsultation(el, title);
    await waitUntil(() => shadow(el).querySelector('#section-0-title'), 'no sections editor');
    field(el, 'section-0-title').value = 'Fees and charges';
    field(el, 'section-0-title').dispatchEvent(new Event('input'));
    save(el);
    await waitUntil(() => textOf(shadow(el).querySelector('.consultations-notice')) === `${title} has been saved.`, 'not saved');
    const [section] = (await savedOn(page))!.sections;
    expect([section!.title, section!.aliases, section!.text, section!.version]).to.deep.equal([
      'Fees and charges',
      ['charges'],
      wording,
      1,
    ]);
  });

  it('gives sections earlier headings, a wording and what changed, and refuses an earlier heading another section has', async () => {
    const page = uniquePage('wording');
    const title = `Wording ${page.slice(-6)}`;
    await consultationOn(page, {
      title,
      sections: [
        { id: 'fees', title: 'Fees' },
        { id: 'zones', title: 'Zones' },
      ],
    });
    const el = await moderationConsole();
    await signIn(el);
    await showConsultations(el);
    changeConsultation(el, title);
    await waitUntil(() => shadow(el).querySelector('#section-1-aliases'), 'no sections editor');
    expect(textOf($(el, 'label[for=section-0-aliases]'))).to.equal('Earlier headings (optional)');
    typeInto(el, 'section-1-aliases', 'fees');
    typeInto(el, 'section-0-wording', 'Residents pay £20 a year.');
    save(el);
    await waitUntil(() => summary(el).length > 0, 'no error summary');
    expect(summary(el)).to.deep.equal(['“fees” already names another section: give it to one section only']);
    await expect(el).to.be.accessible();
    $<HTMLAnchorElement>(el, '.error-summary a').click();
    await waitUntil(() => shadow(el).activeElement?.id === 'section-1-aliases', 'the summary did not lead to the field');
    expect(field(el, 'section-0-wording').value, 'what was typed is kept').to.equal('Residents pay £20 a year.');
    typeInto(el, 'section-1-aliases', 'parking-zones, zones-and-permits');
    save(el);
    await waitUntil(() => textOf(shadow(el).querySelector('.consultations-notice')) === `${title} has been saved.`, 'not saved');
    let saved = (await savedOn(page))!.sections;
    expect(saved.map((s) => [s.id, s.aliases, s.text, s.version])).to.deep.equal([
      ['fees', [], 'Residents pay £20 a year.', 1],
      ['zones', ['parking-zones', 'zones-and-permits'], null, null],
    ]);

    // A corrected wording is a new version, with what changed in the public change log.
    changeConsultation(el, title);
    await waitUntil(() => shadow(el).querySelector('#section-0-wording'), 'no sections editor');
    expect(field(el, 'section-1-aliases').value).to.equal('parking-zones, zones-and-permits');
    typeInto(el, 'section-0-wording', 'Residents pay £25 a year.');
    typeInto(el, 'section-0-note', 'Corrected the fee');
    save(el);
    await waitUntil(() => textOf(shadow(el).querySelector('.consultations-notice')) === `${title} has been saved.`, 'not saved');
    saved = (await savedOn(page))!.sections;
    expect(saved[0]!.version).to.equal(2);
    const { url } = await referenceServer();
    const { changes } = await (await fetch(`${url}/api/v1/consultations/${encodeURIComponent(page)}/changes`)).json();
    expect(changes.map((c: { version: number; note: string | null }) => [c.version, c.note])).to.deep.equal([
      [2, 'Corrected the fee'],
      [1, null],
    ]);
  });

  it('lists responses under a heading no section names, and moves them into a section by keyboard', async () => {
    const page = uniquePage('orphans');
    const title = `Orphans ${page.slice(-6)}`;
    await consultationOn(page, {
      title,
      sections: [
        { id: 'fees', title: 'Fees' },
        { id: 'zones', title: 'Zones' },
      ],
    });
    const { url } = await referenceServer();
    // The page renamed its heading before the consultation knew: the response went to the new slug.
    const sent = await fetch(`${url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        page,
        section: 'parking-zones',
        name: 'A',
        email: 'a@example.com',
        body: 'Under the new heading.',
        visibility: 'public',
      }),
    });
    expect(sent.status).to.equal(201);
    const el = await moderationConsole();
    await signIn(el);
    await showConsultations(el);
    changeConsultation(el, title);
    await waitUntil(() => shadow(el).querySelector('[part=orphans] .orphan'), 'the orphaned thread is not listed');
    expect(textOf($(el, '#orphans-heading'))).to.equal('Responses under a heading this consultation does not name');
    expect(textOf($(el, '#orphan-0'))).to.match(/^parking-zones: 1 response, the newest on \d{1,2} [A-Z][a-z]+ \d{4} at /);
    await expect(el).to.be.accessible();
    const select = $<HTMLSelectElement>(el, '#orphan-0-to');
    expect([...select.options].map((option) => option.textContent)).to.deep.equal(['Fees', 'Zones']);
    select.value = 'zones';
    select.dispatchEvent(new Event('change'));
    button($(el, '[part=orphans]'), 'Move').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () => textOf(shadow(el).querySelector('#orphans-notice')) === 'Moved 1 response from parking-zones to Zones.',
      'not moved',
    );
    await waitUntil(() => shadow(el).activeElement?.id === 'orphans-notice', 'focus did not go to what was done');
    expect(shadow(el).querySelector('[part=orphans] .orphan')).to.equal(null);
    const list = await (await moderate(`comments?page=${encodeURIComponent(page)}`)).json();
    expect(list.comments.map((c: { section: string }) => c.section)).to.deep.equal(['zones']);
    await expect(el).to.be.accessible();
  });

  it('says what a section or its question lacks, and refuses in its own words to take away an answer that has responses', async () => {
    const page = uniquePage('answered');
    const title = `Answered ${page.slice(-6)}`;
    const question = { text: 'Do you agree?', type: 'single', options: ['Agree', 'Disagree'] };
    await consultationOn(page, { title, sections: [{ id: 'intro', title: 'Introduction', question }] });
    const { url } = await referenceServer();
    const sent = await fetch(`${url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        page,
        section: 'intro',
        name: 'A',
        email: 'a@example.com',
        body: 'Yes.',
        visibility: 'public',
        answer: ['Agree'],
      }),
    });
    expect(sent.status).to.equal(201);
    const el = await moderationConsole();
    await signIn(el);
    await showConsultations(el);
    changeConsultation(el, title);
    await waitUntil(() => shadow(el).querySelector('#section-0-option-0'), 'no question in the editor');
    expect(textOf($(el, '#section-0-id')), 'a saved section’s id is fixed').to.equal('intro');

    $(el, '#add-section').click();
    await el.updateComplete;
    field(el, 'section-1-asks').click();
    await el.updateComplete;
    save(el);
    await waitUntil(() => shadow(el).querySelector('.error-summary'), 'no error summary');
    expect(summary(el)).to.deep.equal([
      'Enter the section’s id',
      'Enter the section’s title',
      'Enter the question',
      'Enter at least 2 answers',
    ]);
    await expect(el).to.be.accessible();
    const removeButtons = $$(el, '[part=section-editor] > button');
    removeButtons[1]!.click();
    await el.updateComplete;

    const option = field(el, 'section-0-option-0');
    option.value = 'Agreed';
    option.dispatchEvent(new Event('input'));
    await el.updateComplete;
    save(el);
    await waitUntil(
      () => textOf(shadow(el).querySelector('.error-summary')).includes('has responses'),
      'the server’s refusal was not shown',
    );
    expect(summary(el)).to.deep.equal(['“Agree” has responses, so it cannot be removed or changed. Put it back, or add a new answer.']);
    $<HTMLAnchorElement>(el, '.error-summary a').click();
    await el.updateComplete;
    expect(shadow(el).activeElement?.id).to.equal('section-0-option-0');
    expect((await savedOn(page))?.sections[0]?.question?.options).to.deep.equal(['Agree', 'Disagree'], 'nothing was saved');
  });
});
