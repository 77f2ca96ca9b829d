import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { $, $$, shadow, textOf, waitUntil } from '../../../test/helpers.js';
import { button, moderationConsole, post, signIn } from '../../../test/moderation-console.js';
import { moderate, referenceServer, uniquePage } from '../../../test/reference-server.js';
import { MemoryBackend } from '../../index.js';
import { MemoryModeration } from '../../moderation.js';

/** A consultation with three sections, and responses of every kind on two of them. */
async function consultationWithResponses(title: string): Promise<string> {
  const page = uniquePage('overview');
  const put = await moderate(`consultations/${encodeURIComponent(page)}`, {
    method: 'PUT',
    body: JSON.stringify({
      title,
      askOrganisation: true,
      sections: [
        { id: 'intro', title: 'Introduction' },
        { id: 'costs', title: 'Costs' },
        { id: 'zones', title: 'Zones' },
      ],
    }),
  });
  expect(put.status).to.equal(200);
  const published = await post(page, 2, { respondent: 'individual' });
  for (const id of published) await moderate(`comments/${id}`, { method: 'PATCH', body: '{"status":"published"}' });
  await post(page, 1, {
    section: 'costs',
    respondent: 'organisation',
    organisation: 'Riverside Cyclists',
    lang: 'cy',
    body: 'Ar ran y clwb.',
  });
  await post(page, 1, { section: 'costs', respondent: 'individual', visibility: 'private', body: 'Privately.' });
  return page;
}

/** A chart's table, row by row, as the words in each cell. */
const tableOf = (el: Element, id: string) =>
  [...$(el, `#${id}-caption`).closest('table')!.querySelectorAll('tbody tr')].map((row) => [...row.children].map(textOf));

beforeEach(() => {
  sessionStorage.clear();
});

describe('<civic-moderation> overview', () => {
  it('draws each chart with its title and description, and writes the same figures in a table beside it', async () => {
    const title = `Overview ${Math.random().toString(36).slice(2, 8)}`;
    const page = await consultationWithResponses(title);
    const el = await moderationConsole();
    await signIn(el);
    // Filter the queue to the page first: the overview opens on its consultation.
    $<HTMLInputElement>(el, '#page').value = page;
    $(el, '[part=filters] button[type=submit]').click();
    await waitUntil(() => shadow(el).querySelector('[part=queue]'));
    const overviewButton = button($(el, '[part=views]'), 'Overview');
    overviewButton.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => shadow(el).querySelector('[part=chart]'), 'the overview never loaded');
    await el.updateComplete;
    expect($<HTMLSelectElement>(el, '#overview-page').value).to.equal(page);
    expect(textOf($(el, '#overview-total'))).to.equal('4');

    expect(tableOf(el, 'sections')).to.deep.equal([
      ['Introduction', '2', '0', '0', '0'],
      ['Costs', '0', '0', '1', '1'],
      ['Zones', '0', '0', '0', '0'],
    ]);
    expect(tableOf(el, 'respondents')).to.deep.equal([
      ['Individuals', '3'],
      ['Organisations', '1'],
      ['Not asked', '0'],
    ]);
    expect(tableOf(el, 'languages')).to.deep.equal([
      ['English', '0'],
      ['Welsh', '1'],
      ['Not recorded', '3'],
    ]);
    const days = tableOf(el, 'days');
    expect(days).to.have.length(1);
    expect(days[0]![1]).to.equal('4');

    for (const id of ['sections', 'days', 'respondents', 'languages']) {
      const drawing = $(el, `#${id}-title`).closest('svg')!;
      expect(drawing.getAttribute('role')).to.equal('img');
      expect(drawing.getAttribute('aria-labelledby')).to.equal(`${id}-title ${id}-description`);
      expect(textOf($(el, `#${id}-description`)), id).to.not.equal('');
    }
    expect(textOf($(el, '#sections-description'))).to.equal('The section with the most responses is Introduction, with 2.');
    expect(textOf($(el, '#respondents-description'))).to.equal('Individuals: 3, Organisations: 1, Not asked: 0.');
    // The bars are as long as their figures: Introduction's two published are as long as Costs' two parts.
    const bars = $$(el, '#sections-title')[0]!.closest('svg')!.querySelectorAll('g');
    const lengthOf = (g: Element) =>
      [...g.querySelectorAll('rect')].reduce((all, rect) => all + Number.parseFloat(rect.getAttribute('width')!), 0);
    expect(lengthOf(bars[0]!)).to.be.closeTo(lengthOf(bars[1]!), 0.01);
    expect(lengthOf(bars[2]!)).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('words it in Welsh and fits a 320 pixel screen', async () => {
    const title = `Trosolwg ${Math.random().toString(36).slice(2, 8)}`;
    const page = await consultationWithResponses(title);
    const { url } = await referenceServer();
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="cy" style="width: 320px"><civic-moderation endpoint=${url}></civic-moderation></div>`,
    );
    const el = wrapper.querySelector('civic-moderation')!;
    await signIn(el);
    button($(el, '[part=views]'), 'Trosolwg').click();
    await waitUntil(() => shadow(el).querySelector('#overview-page'), 'the overview never loaded');
    $<HTMLSelectElement>(el, '#overview-page').value = page;
    button($(el, '[part=overview]'), 'Dangos').click();
    await waitUntil(() => shadow(el).activeElement?.id === 'overview-total', 'focus never moved to the figures');
    expect(textOf($(el, '#sections-caption'))).to.equal('Ymatebion fesul adran');
    expect(tableOf(el, 'languages')[1]).to.deep.equal(['Cymraeg', '1']);
    expect(el.scrollWidth).to.be.at.most(320);
    await expect(el).to.be.accessible();
  });
});

describe('<civic-moderation> overview over weeks', () => {
  it('draws every day, and lists in its table only the days with responses, saying so', async () => {
    const day = 24 * 3_600_000;
    const start = Date.parse('2026-11-02T12:00:00Z');
    const memory = new MemoryBackend({
      page: '/weeks',
      consultation: { title: 'A long consultation', department: 'Libraries' },
      comments: [0, 0, 9, 20].map((n, i) => ({
        id: `w${i}`,
        section: 'intro',
        name: `Reader ${i}`,
        body: `Response ${i}`,
        createdAt: new Date(start + n * day).toISOString(),
      })),
    });
    sessionStorage.setItem('civic-comments:moderator-token', JSON.stringify({ token: 'demo' }));
    const el = await fixture<HTMLElement>(
      html`<civic-moderation .backendFor=${(token: string) => new MemoryModeration(memory, token)}></civic-moderation>`,
    );
    await waitUntil(() => shadow(el).querySelector('[part=views]'), 'the console never signed in');
    button($(el, '[part=views]'), 'Overview').click();
    await waitUntil(() => shadow(el).querySelectorAll('[part=chart]').length === 4, 'the overview never loaded');
    await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(tableOf(el, 'days').map((row) => row[1])).to.deep.equal(['2', '1', '1']);
    expect(textOf($(el, '#days-caption'))).to.contain('Days with no responses are left out of the table.');
    expect($$(el, '#days-heading ~ .chart-body svg.chart-drawing rect').length).to.be.at.least(21);
    await expect(el).to.be.accessible();
  });
});

describe('<civic-moderation> overview of a closed question', () => {
  it('charts how many chose each answer, by whom, with the question as the chart’s title, in English and in Welsh', async () => {
    const question = { text: 'Do you agree with charging for visitor permits?', type: 'single' as const, options: ['Agree', 'Disagree'] };
    const memory = new MemoryBackend({
      page: '/permits',
      consultation: { title: 'Visitor permits', askOrganisation: true, sections: [{ id: 'fees', title: 'Fees', question }] },
      comments: [
        { section: 'fees', name: 'Ada', body: 'Fair.', answer: ['Agree'], respondent: 'individual' },
        {
          section: 'fees',
          name: 'Ravi',
          body: 'For the club.',
          answer: ['Agree'],
          respondent: 'organisation',
          organisation: 'Riverside Cyclists',
        },
        { section: 'fees', name: 'Sam', body: 'No.', answer: ['Disagree'], respondent: 'individual' },
      ],
    });
    for (const [lang, description, row] of [
      ['en', 'The answer chosen most is “Agree”: 2 of the 3 responses that answered.', ['Agree', '1', '1', '0']],
      ['cy', 'Yr ateb a ddewiswyd amlaf yw “Agree”: 2 o’r 3 ymateb a atebodd.', ['Agree', '1', '1', '0']],
    ] as const) {
      sessionStorage.setItem('civic-comments:moderator-token', JSON.stringify({ token: 'demo' }));
      const el = await fixture<HTMLElement>(
        html`<civic-moderation lang=${lang} .backendFor=${(token: string) => new MemoryModeration(memory, token)}></civic-moderation>`,
      );
      await waitUntil(() => shadow(el).querySelector('[part=views]'), 'the console never signed in');
      $$<HTMLButtonElement>(el, '[part=views] button')[2]!.click();
      await waitUntil(() => shadow(el).querySelector('#question-0-caption'), 'the question’s chart never came');
      await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      expect(textOf($(el, '#question-0-heading'))).to.equal(question.text);
      expect(textOf($(el, '#question-0-description'))).to.equal(description);
      expect(tableOf(el, 'question-0')).to.deep.equal([row, ['Disagree', '1', '0', '0']]);
      await expect(el).to.be.accessible();
    }
  });
});
