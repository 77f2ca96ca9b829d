import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CivicModeration } from '../../moderation.js';
import { $, $$, shadow, textOf, waitUntil } from '../../../test/helpers.js';
import { button, moderationConsole, post, signIn } from '../../../test/moderation-console.js';
import { referenceServer, uniquePage } from '../../../test/reference-server.js';

/** Opens the audit log from the console's navigation, and waits for it. */
async function showAudit(el: CivicModeration, label = 'Audit log'): Promise<void> {
  button($(el, '[part=views]'), label).click();
  await waitUntil(
    () => shadow(el).querySelector('[part=audit]') && !shadow(el).querySelector('[part=audit] .status-box'),
    'the audit log never loaded',
  );
  await el.updateComplete;
}

/** The words in a cell: a list's items joined by " | ". */
const cell = (td: Element) => (td.querySelector('li') ? [...td.querySelectorAll('li')].map(textOf).join(' | ') : textOf(td));
/** The table's rows, as the words in each cell. */
const rows = (el: Element) => $$(el, '[part=audit-log] tbody tr').map((row) => [...row.querySelectorAll('td')].map(cell));

/** Applies the audit log's filters and waits for the table to come back. */
async function filter(el: CivicModeration, fields: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(fields)) $<HTMLInputElement | HTMLSelectElement>(el, `#audit-${name}`).value = value;
  $(el, '[part=audit-filters] button[type=submit]').click();
  await el.updateComplete;
  // In either language: the loading message is the only status box the view shows without a failure.
  await waitUntil(() => !shadow(el).querySelector('[part=audit] .status-box'), 'the filtered log never loaded');
  await el.updateComplete;
}

beforeEach(() => {
  sessionStorage.clear();
});

describe('<civic-moderation> moderators and the audit log', () => {
  it('says who is signed in: a moderator added by name, or the administrator', async () => {
    const { named } = await referenceServer();
    const el = await moderationConsole();
    await signIn(el, named.token);
    await waitUntil(() => shadow(el).querySelector('[part=signed-in]'), 'no name beside Sign out');
    expect(textOf($(el, '[part=signed-in]'))).to.equal(`Signed in as ${named.name} (administrator)`);
    button(shadow(el), 'Sign out').click();
    await el.updateComplete;
    await signIn(el);
    await waitUntil(() => shadow(el).querySelector('[part=signed-in]'));
    expect(textOf($(el, '[part=signed-in]'))).to.equal('Signed in as Administrator (administrator)');
    await expect(el).to.be.accessible();
  });

  it('records what a named moderator does, and finds it by moderator, action and reference, by keyboard alone', async () => {
    const { named } = await referenceServer();
    const page = uniquePage('audited');
    const [id] = await post(page, 1);
    const el = await moderationConsole();
    await signIn(el, named.token);
    // Approve the response from the queue, as a moderator does.
    const item = $$(el, '[part=item]').find((article) => textOf(article).includes(page))!;
    expect(item, 'the posted comment is in the queue').to.exist;
    button(item, 'Approve').click();
    await waitUntil(() => textOf($(el, '[part=notice]')).includes('Approved 1 comment'));

    // To the audit log by keyboard: the views are buttons in the tab order.
    const auditButton = button($(el, '[part=views]'), 'Audit log');
    auditButton.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => shadow(el).querySelector('[part=audit-log]'), 'the audit log never loaded');
    await el.updateComplete;
    expect($(el, '[part=views] [aria-current=page]').textContent?.trim()).to.equal('Audit log');

    await filter(el, { page });
    expect(rows(el)).to.have.length(1);
    const [when, who, what, response, from, to] = rows(el)[0]!;
    expect(who).to.equal(named.name);
    expect(what).to.equal('Changed the status');
    expect(response).to.include(`${page}, section intro`);
    expect([from, to]).to.deep.equal(['Pending', 'Published']);
    expect(when).to.match(/^\d{1,2} [A-Z][a-z]+ \d{4} at \d/);
    const moderators = $$(el, '#audit-moderator option').map(textOf);
    expect(moderators).to.include(named.name);

    // The same entry by the response's id, typed into the filter.
    await filter(el, { page: '', comment: id!, moderator: named.name, action: 'status' });
    expect(rows(el).map((row) => row[2])).to.deep.equal(['Changed the status']);
    await filter(el, { comment: id!, action: 'delete' });
    expect(textOf($(el, '[part=audit]'))).to.include('No entries match these filters.');
    await expect(el).to.be.accessible();
  });

  it('lists a consultation’s changes field by field, and words it all in Welsh at 320 pixels', async () => {
    const { url, named } = await referenceServer();
    const page = uniquePage('audited-cy');
    const put = (closesAt: string) =>
      fetch(`${url}/api/v1/moderation/consultations/${encodeURIComponent(page)}`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${named.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ title: 'Cynllun parcio', closesAt }),
      });
    expect((await put('2027-03-31T22:59:00Z')).status).to.equal(200);
    expect((await put('2027-04-30T22:59:00Z')).status).to.equal(200);
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="cy" style="width: 320px"><civic-moderation endpoint=${url}></civic-moderation></div>`,
    );
    const el = wrapper.querySelector('civic-moderation')!;
    $<HTMLInputElement>(el, '#token').value = named.token;
    $(el, '[part=sign-in] button[type=submit]').click();
    await waitUntil(() => shadow(el).querySelector('[part=views]'), 'signing in never finished');
    await showAudit(el, 'Log archwilio');
    await filter(el, { page });
    expect(rows(el).map((row) => [row[2], row[4], row[5]])).to.deep.equal([
      ['Cadwodd ymgynghoriad', 'Yn cau: 31 Mawrth 2027 am 11:59yh', 'Yn cau: 30 Ebrill 2027 am 11:59yh'],
      [
        'Cadwodd ymgynghoriad',
        '',
        'Teitl: Cynllun parcio | Yn agor: Heb ei roi | Yn cau: 31 Mawrth 2027 am 11:59yh | Corff cyhoeddus: Heb ei roi | Yn holi am sefydliadau: Nac ydy | Cyswllt: Heb ei roi | Yn dangos nifer yr atebion ar ôl cau: Nac ydy | Adrannau: 0 o adrannau',
      ],
    ]);
    expect(textOf($(el, '[part=signed-in]'))).to.equal(`Wedi mewngofnodi fel ${named.name} (gweinyddwr)`);
    // The table scrolls on its own, so the page itself does not scroll sideways.
    expect(el.scrollWidth).to.be.at.most(320);
    await expect(el).to.be.accessible();
  });
});
