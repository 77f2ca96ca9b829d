import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { MemoryModeration, type CivicModeration } from '../../moderation.js';
import { MemoryBackend } from '../../index.js';
import type { ExportFormat } from '../../backends/moderation.js';
import { $, $$, fillValid, settled, shadow, submit, textOf, waitUntil } from '../../../test/helpers.js';
import type { CivicComments } from '../../index.js';
import { button, moderationConsole, post, signIn } from '../../../test/moderation-console.js';
import { moderate, referenceServer, uniquePage } from '../../../test/reference-server.js';
import { consultationConsoleEn } from '../../i18n/en/consultation.js';

async function statusOnServer(page: string, id: string): Promise<string | undefined> {
  const queue = await (await moderate(`comments?page=${encodeURIComponent(page)}&limit=500`)).json();
  return queue.comments.find((c: { id: string }) => c.id === id)?.status;
}

async function showPage(el: CivicModeration, page: string, status = 'pending'): Promise<void> {
  $<HTMLInputElement>(el, '#page').value = page;
  $<HTMLSelectElement>(el, '#status').value = status;
  $(el, '[part=filters] button[type=submit]').click();
  await el.updateComplete;
  await waitUntil(
    () => shadow(el).querySelector('[part=queue]') && !textOf(shadow(el)).includes('Loading comments'),
    'the queue never loaded',
  );
  await el.updateComplete;
}

const names = (el: Element) => $$(el, '[part=item] .author').map(textOf);
const notice = (el: Element) => textOf($(el, '[part=notice]'));

beforeEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});

describe('<civic-moderation> signing in', () => {
  it('asks for the moderator token in a password field, and says when it is missing', async () => {
    const el = await moderationConsole();
    const input = $<HTMLInputElement>(el, '#token');
    expect(input.type).to.equal('password');
    expect(textOf($(el, 'label[for=token]'))).to.equal('Moderator token');
    expect(textOf(button(shadow(el), 'Sign in'))).to.equal('Sign in');
    await expect(el).to.be.accessible();
    $(el, '[part=sign-in] button[type=submit]').click();
    await waitUntil(() => shadow(el).querySelector('.error-summary'));
    expect(shadow(el).activeElement).to.equal($(el, '.error-summary'));
    expect(textOf($(el, '#token-error'))).to.equal('Error: Enter the moderator token');
    await expect(el).to.be.accessible();
  });

  it('refuses a wrong token with a message, and keeps it nowhere', async () => {
    const el = await moderationConsole();
    await signIn(el, 'not-the-right-token');
    expect(textOf($(el, '.error-summary li'))).to.equal('The moderator token was not accepted. Check it and sign in again.');
    expect(sessionStorage.length).to.equal(0);
    expect(localStorage.length).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('keeps an accepted token in this tab only: never in localStorage or the URL', async () => {
    const { moderatorToken } = await referenceServer();
    const el = await moderationConsole();
    await signIn(el);
    expect(shadow(el).querySelector('[part=queue]')).to.exist;
    expect(JSON.stringify({ ...sessionStorage })).to.contain(moderatorToken);
    expect(JSON.stringify({ ...localStorage })).not.to.contain(moderatorToken);
    expect(location.href).not.to.contain(moderatorToken);
    el.remove();
    const again = await moderationConsole();
    await waitUntil(() => shadow(again).querySelector('[part=queue]'), 'a signed-in tab was asked to sign in again');
    button(shadow(again), 'Sign out').click();
    await again.updateComplete;
    expect(sessionStorage.length).to.equal(0);
    expect(shadow(again).querySelector('#token')).to.exist;
  });

  it('signs in, filters and approves by keyboard alone', async () => {
    // WebKit's WebDriver drops a character typed twice in a row, so the page id has no such pair.
    const page = `keyboard-${Math.random().toString(36).slice(2)}`.replace(/(.)\1+/g, '$1');
    const [id, next] = await post(page, 2);
    const el = await moderationConsole();
    $(el, '#token').focus();
    await sendKeys({ type: (await referenceServer()).moderatorToken });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => shadow(el).querySelector('[part=queue]'), 'Enter did not sign in');
    // Signed in, focus is on the console's heading, not lost to the page.
    await waitUntil(
      () => shadow(el).activeElement?.id === 'console-heading',
      `focus after signing in: ${shadow(el).activeElement?.outerHTML}`,
    );
    // With nothing selected, the buttons for selected comments are no Tab stops.
    expect($$(el, '.bulk button').every((bulk) => (bulk as HTMLButtonElement).disabled)).to.equal(true);
    $(el, '#page').focus();
    await sendKeys({ type: page });
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () => names(el).length === 2,
      `Enter did not filter for ${page}: the field holds ${$<HTMLInputElement>(el, '#page').value}`,
    );
    // From the item's checkbox, the next stop is its Approve button.
    const first = $$(el, '[part=item]').find((item) => textOf(item).includes('Comment 0'))!;
    first.querySelector<HTMLElement>('input[type=checkbox]')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(textOf(shadow(el).activeElement)).to.equal('Approve');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => notice(el) === 'Approved 1 comment.');
    expect(await statusOnServer(page, id!)).to.equal('published');
    // Focus is on what was done, so Enter again approves nothing more.
    await waitUntil(() => shadow(el).activeElement?.closest('[part=notice]') != null, 'focus did not go to the notice');
    await sendKeys({ press: 'Enter' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await statusOnServer(page, next!)).to.equal('pending');
  });
});

describe('<civic-moderation> queue', () => {
  it('shows each comment with its section, name, email, text, date and status, and approves one', async () => {
    const page = uniquePage('approve');
    const [first, second] = await post(page, 2);
    const el = await moderationConsole();
    await signIn(el);
    await showPage(el, page);
    expect(names(el)).to.deep.equal(['Reader 1', 'Reader 0']);
    const item = $$(el, '[part=item]')[1]!;
    expect(textOf(item))
      .to.contain('Section: intro')
      .and.contain('reader0@example.com')
      .and.contain('Comment 0')
      .and.contain('Pending')
      .and.contain('Public');
    const time = item.querySelector('time')!;
    expect(time.getAttribute('datetime')).to.match(/^\d{4}-/);
    // In UK time as GOV.UK writes it, the way the audit log and the consultations write theirs, whatever the browser's clock.
    expect(textOf(time)).to.equal(consultationConsoleEn.formatDateTime(time.getAttribute('datetime')!));
    expect(textOf(time)).to.match(/^\d{1,2} [A-Z][a-z]+ \d{4} at (\d{1,2}(:\d\d)?(am|pm)|midday|midnight)$/);
    await expect(el).to.be.accessible();

    button(item, 'Approve').click();
    await waitUntil(() => notice(el) === 'Approved 1 comment.');
    expect(names(el)).to.deep.equal(['Reader 1']);
    expect(await statusOnServer(page, first!)).to.equal('published');
    expect(await statusOnServer(page, second!)).to.equal('pending');
    expect(textOf($(el, '.counts')))
      .to.contain('Pending 1')
      .and.contain('Published 1');
  });

  it('rejects one and marks one as spam', async () => {
    const page = uniquePage('reject');
    const [first, second] = await post(page, 2);
    const el = await moderationConsole();
    await signIn(el);
    await showPage(el, page);
    const [newest, oldest] = $$(el, '[part=item]');
    button(oldest!, 'Reject').click();
    await waitUntil(() => notice(el) === 'Rejected 1 comment.');
    button(newest!, 'Spam').click();
    await waitUntil(() => notice(el) === 'Marked as spam 1 comment.');
    expect(await statusOnServer(page, first!)).to.equal('rejected');
    expect(await statusOnServer(page, second!)).to.equal('spam');
    expect(textOf($(el, '[part=queue]'))).to.equal('');
  });

  it('approves 200 selected comments at once', async () => {
    const page = uniquePage('bulk');
    const ids = await post(page, 200);
    const el = await moderationConsole();
    await signIn(el);
    await showPage(el, page);
    // The queue shows 50 at a time; show all 200 before selecting them.
    while (shadow(el).querySelector('[part=queue] ~ .link-button')) {
      const shown = names(el).length;
      $(el, '[part=queue] ~ .link-button').click();
      await waitUntil(() => names(el).length > shown);
    }
    expect(names(el)).to.have.length(200);
    $(el, '#select-all').click();
    await el.updateComplete;
    const approve = button(shadow(el), 'Approve selected (200)');
    const started = performance.now();
    approve.click();
    await waitUntil(() => notice(el) === 'Approved 200 comments.', 'the bulk approval never finished', { timeout: 30_000 });
    const seconds = (performance.now() - started) / 1000;
    const engine = /Firefox/.test(navigator.userAgent) ? 'Firefox' : /Chrome/.test(navigator.userAgent) ? 'Chromium' : 'WebKit';
    console.log(`Bulk-approved 200 comments in ${seconds.toFixed(2)} s (${engine})`);
    const queue = await (await moderate(`comments?page=${encodeURIComponent(page)}&status=published&limit=500`)).json();
    expect(queue.total).to.equal(200);
    expect(new Set(queue.comments.map((c: { id: string }) => c.id))).to.deep.equal(new Set(ids));
  });

  it('puts back, with a message, a comment the server refuses to change', async () => {
    const page = uniquePage('refused');
    const [gone, kept] = await post(page, 2);
    const el = await moderationConsole();
    await signIn(el);
    await showPage(el, page);
    // Another moderator deletes one while this one is still looking at it.
    await moderate(`comments/${gone}`, { method: 'DELETE' });
    $(el, '#select-all').click();
    await el.updateComplete;
    button(shadow(el), 'Approve selected (2)').click();
    await waitUntil(() => notice(el).includes('put back'));
    expect(notice(el)).to.equal('Approved 1 comment. 1 comment could not be changed and has been put back.');
    expect(names(el)).to.deep.equal(['Reader 0']);
    expect(await statusOnServer(page, kept!)).to.equal('published');
    await expect(el).to.be.accessible();
  });

  it('never offers to publish a private response, and leaves one selected with others as it is', async () => {
    const page = uniquePage('private');
    const [open] = await post(page, 1);
    const [secret] = await post(page, 1, { visibility: 'private', name: 'Private Reader', body: 'For the department only.' });
    const el = await moderationConsole();
    await signIn(el);
    await showPage(el, page, '');
    const privateItem = $$(el, '[part=item]').find((item) => textOf(item).includes('For the department only.'))!;
    const actions = [...privateItem.querySelectorAll('.actions button')].map(textOf);
    expect(actions).not.to.include('Approve');
    expect(actions).to.include('Reject');
    $(el, '#select-all').click();
    await el.updateComplete;
    button(shadow(el), 'Approve selected (2)').click();
    await waitUntil(() => notice(el).includes('private'), `no notice: ${notice(el)}`);
    expect(notice(el)).to.equal('Approved 1 comment. 1 private response was left as it was: a response sent privately is never published.');
    expect(await statusOnServer(page, open!)).to.equal('published');
    expect(await statusOnServer(page, secret!)).to.equal('received');
    await expect(el).to.be.accessible();
  });

  it('deletes only after confirmation', async () => {
    const page = uniquePage('delete');
    const [id] = await post(page, 1);
    const el = await moderationConsole();
    await signIn(el);
    await showPage(el, page);
    button($(el, '[part=item]'), 'Delete').click();
    await el.updateComplete;
    expect(textOf($(el, '.confirm'))).to.contain('Delete the comment from Reader 0, “Comment 0”? This cannot be undone.');
    expect(shadow(el).activeElement).to.equal($(el, '.confirm'));
    await expect(el).to.be.accessible();
    button($(el, '.confirm'), 'Cancel').click();
    await el.updateComplete;
    expect(await statusOnServer(page, id!)).to.equal('pending');
    button($(el, '[part=item]'), 'Delete').click();
    await el.updateComplete;
    button($(el, '.confirm'), 'Yes, delete').click();
    await waitUntil(() => notice(el) === 'Deleted 1 comment.');
    expect(await statusOnServer(page, id!)).to.equal(undefined);
  });

  it('shows private submissions, clearly marked as private', async () => {
    const page = uniquePage('private');
    await post(page, 1, { visibility: 'private', body: 'Only for the team', name: 'Pat' });
    const el = await moderationConsole();
    await signIn(el);
    await showPage(el, page, 'received');
    const item = $(el, '[part=item]');
    expect(textOf(item)).to.contain('Only for the team').and.contain('Private: not for publication').and.contain('Received privately');
    expect(item.classList.contains('private')).to.equal(true);
    await expect(el).to.be.accessible();
  });
});

describe('<civic-moderation> export and erasure', () => {
  it('says, while a large export downloads, how much of it has come, in English and in Welsh', async () => {
    for (const [lang, said] of [
      ['en', 'Preparing your download: 12.4 MB so far…'],
      ['cy', 'Wrthi’n paratoi eich ffeil: 12.4 MB hyd yma…'],
    ] as const) {
      const memory = new MemoryBackend({ page: '/slow-export', comments: [{ section: 'intro', name: 'A', body: 'One.' }] });
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      // An export that has sent 12.4 MB and waits for the rest.
      class SlowExport extends MemoryModeration {
        override async export(page: string | undefined, format: ExportFormat, onProgress?: (bytes: number) => void) {
          onProgress?.(12_400_000);
          await held;
          return super.export(page, format, onProgress);
        }
      }
      sessionStorage.setItem('civic-comments:moderator-token', JSON.stringify({ token: 'demo' }));
      const el = await fixture<CivicModeration>(
        html`<civic-moderation lang=${lang} .backendFor=${(token: string) => new SlowExport(memory, token)}></civic-moderation>`,
      );
      await waitUntil(() => shadow(el).querySelector('[part=export] button'), 'the console never showed its export');
      const click = HTMLAnchorElement.prototype.click;
      let downloaded = 0;
      HTMLAnchorElement.prototype.click = () => void downloaded++;
      try {
        $<HTMLButtonElement>(el, '[part=export] button').click();
        await waitUntil(() => textOf($(el, '[part=export-progress]')) === said, `never said "${said}"`);
        expect($(el, '[part=export-progress]').getAttribute('role')).to.equal('status');
        await expect(el).to.be.accessible();
        release();
        await waitUntil(() => downloaded === 1, 'the file was never saved');
        await el.updateComplete;
        expect(textOf($(el, '[part=export-progress]'))).to.equal('');
      } finally {
        HTMLAnchorElement.prototype.click = click;
        sessionStorage.clear();
      }
    }
  });

  it('downloads every response of the page as CSV, as JSON and for Consult', async () => {
    const page = uniquePage('export');
    await post(page, 2);
    const el = await moderationConsole();
    await signIn(el);
    await showPage(el, page);
    const downloads: { name: string; bytes: Uint8Array }[] = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      const { download, href } = this;
      void fetch(href).then(async (r) => downloads.push({ name: download, bytes: new Uint8Array(await r.arrayBuffer()) }));
    };
    try {
      button(shadow(el), 'Download CSV').click();
      button(shadow(el), 'Download JSON').click();
      button(shadow(el), 'Download for Consult (zip)').click();
      await waitUntil(() => downloads.length === 3, 'no download started');
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
    const text = (ending: string) => new TextDecoder().decode(downloads.find((d) => d.name.endsWith(ending))!.bytes);
    expect(
      text('.csv')
        .replace(/^\uFEFF/, '')
        .split('\r\n')[0],
    ).to.equal(
      'id,reference,page,section,version,versionFrom,parentId,role,status,visibility,respondent,organisation,lang,receivedAt,createdAt,updatedAt,campaign,campaignSize,name,email,question,answer,body',
    );
    expect(text('.csv')).to.contain('reader1@example.com');
    expect(JSON.parse(text('.json')).responses).to.have.length(2);
    const zip = downloads.find((d) => d.name.endsWith('.zip'))!;
    expect(zip.name).to.match(/^consult-browser-tests-export-.+\.zip$/);
    expect([...zip.bytes.slice(0, 2)], 'a zip file').to.deep.equal([0x50, 0x4b]);
    expect(textOf($(el, '#consult-hint'))).to.contain('Consult');
    await expect(el).to.be.accessible();
  });

  it("erases a person's data after a confirmation that says what will happen", async () => {
    const page = uniquePage('erase');
    const email = `erase-${Math.random().toString(36).slice(2)}@example.com`;
    await post(page, 2, { email });
    const el = await moderationConsole();
    await signIn(el);
    await showPage(el, page);
    $<HTMLInputElement>(el, '#erase-email').value = email;
    button($(el, '[part=erase]'), 'Continue').click();
    await el.updateComplete;
    expect(textOf($(el, '.erase-confirm'))).to.contain(
      `This will remove the name and email address from every response sent with ${email}. It cannot be undone.`,
    );
    expect(shadow(el).activeElement).to.equal($(el, '.erase-confirm'));
    await expect(el).to.be.accessible();
    button($(el, '[part=erase]'), 'Erase this person’s data').click();
    await waitUntil(() => textOf($(el, '[part=erase] .done')) !== '');
    expect(textOf($(el, '[part=erase] .done'))).to.equal('Removed the name and email address from 2 responses.');
    await waitUntil(() => shadow(el).activeElement === $(el, '[part=erase] .done'), 'focus did not go to what the erasure did');
    await waitUntil(() => names(el).length === 2 && names(el).every((name) => name === 'Name removed'));
  });

  it('asks for the email before erasing anything', async () => {
    const el = await moderationConsole();
    await signIn(el);
    button($(el, '[part=erase]'), 'Continue').click();
    await el.updateComplete;
    expect(textOf($(el, '#erase-error'))).to.equal('Error: Enter the email address of the person whose data should be erased');
  });
});

describe('<civic-moderation> references and receipts', () => {
  it('finds a response by the reference its respondent reads out, and marks a receipt that could not be sent', async () => {
    const page = uniquePage('reference');
    const { url } = await referenceServer();
    // Receipts are sent only about a consultation that the department has set up.
    await moderate(`consultations/${encodeURIComponent(page)}`, { method: 'PUT', body: JSON.stringify({ title: 'References' }) });
    const sent = await fetch(`${url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      // The test server's mail server refuses every address at refused.example.
      body: JSON.stringify({
        page,
        section: 'intro',
        name: 'Ravi Kumar',
        email: 'ravi@refused.example',
        body: 'Find me.',
        visibility: 'public',
      }),
    });
    const { reference } = (await sent.json()) as { reference: string };
    await post(page, 2);
    const receiptOf = async () =>
      ((await (await moderate(`comments?reference=${reference}`)).json()) as { comments: { receipt: string }[] }).comments[0]?.receipt;
    // Other tests' receipts share the outbox, so this one may wait its turn.
    for (let tries = 0; (await receiptOf()) !== 'failed'; tries++) {
      if (tries > 300) throw new Error(`the receipt was never given up on: ${await receiptOf()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const el = await moderationConsole();
    await signIn(el);
    $<HTMLSelectElement>(el, '#status').value = '';
    // As read out over the phone: lower case, spaces for hyphens, no prefix.
    $<HTMLInputElement>(el, '#reference').value = reference.toLowerCase().replace('cc-', '').replace('-', ' ');
    $(el, '[part=filters] button[type=submit]').click();
    await el.updateComplete;
    await waitUntil(() => names(el).length === 1 && names(el)[0] === 'Ravi Kumar', `the reference did not find its response: ${names(el)}`);
    const item = $(el, '[part=item]');
    expect(textOf(item)).to.contain(reference);
    expect(textOf(item)).to.contain('Receipt not sent');
    await expect(el).to.be.accessible();

    $<HTMLInputElement>(el, '#reference').value = '';
    $<HTMLInputElement>(el, '#page').value = page;
    $<HTMLSelectElement>(el, '#receipt').value = 'failed';
    $(el, '[part=filters] button[type=submit]').click();
    await el.updateComplete;
    await waitUntil(
      () => !textOf(shadow(el)).includes('Loading comments') && names(el).length === 1,
      'the failed receipts were not listed',
    );
    expect(names(el)).to.deep.equal(['Ravi Kumar']);
  });

  it('finds every response sent from one address, whatever its case, typed by keyboard', async () => {
    const page = uniquePage('email');
    const { url } = await referenceServer();
    const send = (name: string, email: string, body: string) =>
      fetch(`${url}/api/v1/comments`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ page, section: 'intro', name, email, body, visibility: 'public' }),
      });
    // An address of this run's own: every browser's run shares the server.
    const run = page.split('/').at(-1)!;
    await send('Gwen Jones', `Gwen.Jones.${run}@example.org`, 'First thoughts.');
    await send('Gwen Jones', `gwen.jones.${run}@example.org`, 'Second thoughts.');
    await send('Ravi Kumar', 'ravi@example.org', 'Someone else.');

    const el = await moderationConsole();
    await signIn(el);
    // The queue's first load done, so that it cannot arrive after the filtered one.
    await waitUntil(() => !textOf(shadow(el)).includes('Loading comments'), 'the queue never loaded', { timeout: 5000 });
    $<HTMLSelectElement>(el, '#status').value = '';
    $<HTMLInputElement>(el, '#email').focus();
    await sendKeys({ type: `GWEN.JONES.${run.toUpperCase()}@example.org` });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => names(el).length === 2, 'the address did not find its two responses', { timeout: 5000 });
    expect(names(el)).to.deep.equal(['Gwen Jones', 'Gwen Jones']);
    expect($$(el, '[part=item]').map(textOf).join(' ')).not.to.contain('Someone else.');
    expect(textOf($(el, 'label[for=email]'))).to.equal('Email address');
    await expect(el).to.be.accessible();
  });

  it('lists comments readers reported, with how many and their reasons, until a moderator decides', async () => {
    const page = uniquePage('reported');
    const [reported, other] = await post(page, 2);
    for (const id of [reported, other]) await moderate(`comments/${id}`, { method: 'PATCH', body: '{"status":"published"}' });
    const { url } = await referenceServer();
    const sent = await fetch(`${url}/api/v1/comments/${reported}/reports`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ reason: 'It names my neighbour.' }),
    });
    expect(sent.status).to.equal(202);

    const el = await moderationConsole();
    await signIn(el);
    $<HTMLSelectElement>(el, '#reported').value = 'true';
    await showPage(el, page, '');
    expect(names(el)).to.deep.equal(['Reader 0']);
    const reports = $(el, '[part=item] [part=reports]');
    expect(textOf(reports.querySelector('.tag'))).to.equal('Reported by 1 reader');
    expect([...reports.querySelectorAll('li')].map(textOf)).to.deep.equal(['It names my neighbour.']);
    await expect(el).to.be.accessible();

    // Approving it decides: the reports are reviewed, and the filter no longer lists it.
    button($(el, '[part=item]'), 'Approve').click();
    await waitUntil(() => notice(el).includes('Approved 1 comment'));
    await showPage(el, page, '');
    expect(names(el)).to.deep.equal([]);
    expect(textOf(shadow(el))).to.contain('No comments match these filters.');
  });

  it('counts reported comments in the default queue, whatever the status shown, and stops counting one once decided', async () => {
    const page = uniquePage('reported-count');
    const [reported] = await post(page, 2);
    await moderate(`comments/${reported}`, { method: 'PATCH', body: '{"status":"published"}' });
    const { url } = await referenceServer();
    const sent = await fetch(`${url}/api/v1/comments/${reported}/reports`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(sent.status).to.equal(202);

    const el = await moderationConsole();
    await signIn(el);
    // The default queue shows what waits for a moderator; the reported comment is published, yet counted.
    await showPage(el, page);
    expect(names(el)).to.deep.equal(['Reader 1']);
    expect(textOf($(el, '.counts .reported-count'))).to.equal('Reported, not yet decided 1');

    await showPage(el, page, '');
    const item = $$(el, '[part=item]').find((each) => textOf(each).includes('Reported by 1 reader'))!;
    button(item, 'Reject').click();
    await waitUntil(() => notice(el) === 'Rejected 1 comment.');
    expect(textOf($(el, '.counts .reported-count'))).to.equal('Reported, not yet decided 0');
    expect(textOf(item)).not.to.contain('Reported by');
    await showPage(el, page);
    expect(textOf($(el, '.counts .reported-count'))).to.equal('Reported, not yet decided 0');
  });
});

describe('<civic-moderation> campaigns', () => {
  it('lists a campaign once, opens it by keyboard, and approves it in bulk', async () => {
    const page = uniquePage('campaign');
    const letter = 'Please keep the Riverside branch library open six days a week: it is the only warm place many of us have.';
    await post(page, 6, { body: letter });
    await post(page, 1, { body: 'Open the library on Sunday afternoons instead, please.' });
    // The server groups responses just after storing them.
    await waitUntil(
      async () => {
        const queue = await (await moderate(`comments?page=${encodeURIComponent(page)}&status=pending`)).json();
        return queue.comments.length === 2;
      },
      'the campaign was never grouped',
      { timeout: 5000 },
    );

    const el = await moderationConsole();
    await signIn(el);
    await showPage(el, page);
    expect($$(el, '[part=item]')).to.have.length(2);
    const campaign = $(el, '[part=item] [part=campaign]');
    expect(textOf(campaign.querySelector('.tag'))).to.equal('6 responses share this text');
    await expect(el).to.be.accessible();

    button(campaign, 'Show each response').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => shadow(el).activeElement?.id === 'campaign-heading', 'the campaign’s heading never took focus');
    expect(textOf($(el, '#campaign-heading'))).to.equal('One campaign: 6 responses share this text');
    expect($$(el, '[part=item]')).to.have.length(6);
    expect(names(el)).to.have.members(['Reader 0', 'Reader 1', 'Reader 2', 'Reader 3', 'Reader 4', 'Reader 5']);
    await expect(el).to.be.accessible();

    button($(el, '#campaign-heading').parentElement!, 'Approve all 6').click();
    await waitUntil(() => notice(el).includes('Approved 6 comments'), `no notice: ${notice(el)}`);
    expect($$(el, '[part=item]'), 'none is pending now').to.have.length(0);
    const audit = await (await moderate(`audit?page=${encodeURIComponent(page)}&action=status`)).json();
    expect(audit.total).to.equal(6);

    button($(el, '#campaign-heading').parentElement!, 'Back to the whole queue').click();
    await waitUntil(() => !shadow(el).querySelector('#campaign-heading') && names(el).length === 1);
    expect(textOf($(el, '[part=item] .body'))).to.equal('Open the library on Sunday afternoons instead, please.');
  });
});

describe('<civic-moderation> campaigns with text no moderator saw', () => {
  it('approves from the queue only the responses whose text it shows, and says what it left', async () => {
    const page = uniquePage('campaign-extra');
    const letter = 'Keep the number 12 bus running through Eastfield after seven in the evening: shift workers depend on it.';
    await post(page, 1, { body: `${letter} The councillor for Eastfield takes bribes: claim your refund at http://refund.example` });
    await post(page, 5, { body: letter });
    await waitUntil(
      async () => {
        const queue = await (await moderate(`comments?page=${encodeURIComponent(page)}&status=pending`)).json();
        return queue.comments.length === 1 && queue.comments[0].campaignSize === 6;
      },
      'the campaign was never grouped',
      { timeout: 5000 },
    );

    const el = await moderationConsole();
    await signIn(el);
    await showPage(el, page);
    const campaign = $(el, '[part=item] [part=campaign]');
    expect(textOf($(el, '[part=item] .body'))).to.equal(letter);
    button(campaign, 'Approve all 6').click();
    await waitUntil(() => notice(el).includes('Approved 5 comments.'), `no notice: ${notice(el)}`);
    expect(notice(el)).to.contain('1 response has different text and stays in the queue to be read one by one.');
    await waitUntil(() => $$(el, '[part=item]').length === 1);
    expect(textOf($(el, '[part=item] .body'))).to.contain('takes bribes');
    await expect(el).to.be.accessible();
  });
});

describe('<civic-moderation> for everyone', () => {
  it('speaks Welsh', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="cy"><civic-moderation endpoint=${(await referenceServer()).url}></civic-moderation></div>`,
    );
    const el = wrapper.querySelector('civic-moderation')!;
    await el.updateComplete;
    expect(textOf($(el, 'label[for=token]'))).to.equal('Tocyn cymedrolwr');
    await signIn(el);
    expect(textOf($(el, '.heading'))).to.equal('Cymedroli sylwadau');
    // The name the server acts under is Welsh too, not left in English.
    await waitUntil(() => shadow(el).querySelector('[part=signed-in]'), 'no name beside Sign out');
    expect(textOf($(el, '[part=signed-in]'))).to.equal('Wedi mewngofnodi fel Gweinyddwr (gweinyddwr)');
    await expect(el).to.be.accessible();
  });

  it('fits a 320 pixel screen', async () => {
    const page = uniquePage('narrow');
    await post(page, 1, { email: 'a-very-long-email-address-for-a-narrow-screen@example.gov.uk' });
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width: 320px"><civic-moderation endpoint=${(await referenceServer()).url}></civic-moderation></div>`,
    );
    const el = wrapper.querySelector('civic-moderation')!;
    await signIn(el);
    await showPage(el, page);
    for (const node of $$(el, '*')) {
      expect(node.getBoundingClientRect().right, node.outerHTML.slice(0, 80)).to.be.at.most(wrapper.getBoundingClientRect().right + 0.5);
    }
  });
});

describe('<civic-moderation> answering in the department’s name', () => {
  async function consultationOn(page: string, department?: string): Promise<void> {
    const response = await moderate(`consultations/${encodeURIComponent(page)}`, {
      method: 'PUT',
      body: JSON.stringify({ title: 'A consultation', department }),
    });
    expect(response.status).to.equal(200);
  }
  const status = (el: Element) => textOf($(el, '.done[role=status]'));

  it('replies under a published comment by keyboard, published at once in the department’s name', async () => {
    const page = uniquePage('official-reply');
    await consultationOn(page, 'Department for Tests');
    const [id] = await post(page, 1);
    await moderate(`comments/${id}`, { method: 'PATCH', body: '{"status":"published"}' });
    const el = await moderationConsole();
    await signIn(el);
    await showPage(el, page, 'published');

    const open = $<HTMLButtonElement>(el, `[data-official-reply="${id}"]`);
    expect(textOf(open)).to.equal('Reply as the department');
    open.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(shadow(el).activeElement?.id).to.equal(`official-reply-${id}`);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => shadow(el).activeElement === $(el, `[data-official-reply="${id}"]`), 'Escape did not go back to the button');

    $<HTMLButtonElement>(el, `[data-official-reply="${id}"]`).click();
    await el.updateComplete;
    $(el, `#official-reply-${id}`).focus();
    // One word with no letter twice in a row: WebKitGTK's WebDriver drops those, and sometimes a space.
    await sendKeys({ type: 'Thanks.' });
    button(shadow(el), 'Publish reply').click();
    await waitUntil(() => status(el) === 'Published in the name of Department for Tests.', 'the reply was never published');
    expect(shadow(el).activeElement).to.equal($(el, `[data-official-reply="${id}"]`));

    const { url } = await referenceServer();
    const thread = await (await fetch(`${url}/api/v1/comments?page=${encodeURIComponent(page)}&section=intro`)).json();
    expect(thread.comments.map((c: { role: string; parentId: string | null; body: string }) => [c.role, c.parentId, c.body])).to.deep.equal(
      [
        ['reader', null, 'Comment 0'],
        ['official', id, 'Thanks.'],
      ],
    );
  });

  it('publishes a response on a section, and says plainly what is missing: the text, or the department', async () => {
    const page = uniquePage('official-section');
    await consultationOn(page);
    await post(page, 1);
    const el = await moderationConsole();
    await signIn(el);
    await showPage(el, page);
    expect($<HTMLInputElement>(el, '#official-page').value).to.equal(page);
    $<HTMLInputElement>(el, '#official-section').value = 'intro';
    button(shadow(el), 'Publish response').click();
    await waitUntil(() => shadow(el).querySelector('#official-body-error'), 'no error for the missing text');
    expect(textOf($(el, '#official-body-error'))).to.equal('Error: Enter the response');
    expect(shadow(el).activeElement?.id).to.equal('official-body');
    await expect(el).to.be.accessible();

    $<HTMLTextAreaElement>(el, '#official-body').value = 'Thank you for every comment.';
    button(shadow(el), 'Publish response').click();
    await waitUntil(() => textOf(shadow(el)).includes('Name the consultation’s department first'), 'no word of the missing department');

    await consultationOn(page, 'Department for Tests');
    button(shadow(el), 'Publish response').click();
    await waitUntil(() => status(el) === 'Published in the name of Department for Tests.', 'the response was never published');
    expect($<HTMLTextAreaElement>(el, '#official-body').value).to.equal('');
  });

  it('words it in Welsh', async () => {
    const el = await fixture<CivicModeration>(
      html`<civic-moderation lang="cy" endpoint=${(await referenceServer()).url}></civic-moderation>`,
    );
    await signIn(el);
    expect(textOf($(el, '#official-heading'))).to.equal('Cyhoeddi ymateb ar ran y corff cyhoeddus');
    expect(textOf(button(shadow(el), 'Cyhoeddi’r ymateb'))).to.equal('Cyhoeddi’r ymateb');
  });
});

describe('<civic-moderation> what we did with a section’s comments', () => {
  it('shows the section’s outcome once the filters name a page and a section, and publishes a new one', async () => {
    const page = uniquePage('outcome');
    await post(page, 1);
    await moderate(`outcomes/${encodeURIComponent(page)}/intro`, { method: 'PUT', body: JSON.stringify({ body: 'First outcome.' }) });
    const el = await moderationConsole();
    await signIn(el);
    expect(shadow(el).querySelector('[part=outcome-editor]')).to.equal(null);
    $<HTMLInputElement>(el, '#section').value = 'intro';
    await showPage(el, page);
    await waitUntil(() => $<HTMLTextAreaElement>(el, '#outcome').value === 'First outcome.', 'the outcome was never read');
    expect(textOf($(el, '#outcome-editor-heading'))).to.equal('What we did with the comments on section intro');
    await expect(el).to.be.accessible();

    $<HTMLTextAreaElement>(el, '#outcome').value = '   ';
    button(shadow(el), 'Publish outcome').click();
    await waitUntil(() => shadow(el).querySelector('#outcome-error'), 'no error for an empty outcome');
    expect(textOf($(el, '#outcome-error'))).to.equal('Error: Enter what the department did with the comments on this section');
    expect(shadow(el).activeElement?.id).to.equal('outcome');
    await expect(el).to.be.accessible();

    $<HTMLTextAreaElement>(el, '#outcome').value = 'We changed the plan.';
    button(shadow(el), 'Publish outcome').click();
    await waitUntil(() => textOf($(el, '[part=outcome-editor] .done')) === 'Outcome published.', 'the outcome was never published');
    const { url } = await referenceServer();
    const thread = await (await fetch(`${url}/api/v1/comments?page=${encodeURIComponent(page)}&section=intro`)).json();
    expect(thread.outcome.body).to.equal('We changed the plan.');
  });
});

describe('<civic-moderation backend="memory">', () => {
  it('moderates the page’s own memory elements: a comment sent below waits in the queue, and once approved is read in the thread', async () => {
    const wrapper = await fixture<HTMLElement>(html`
      <div>
        <civic-comments backend="memory" section="fees"></civic-comments>
        <civic-moderation backend="memory"></civic-moderation>
      </div>
    `);
    const thread = wrapper.querySelector<CivicComments>('civic-comments')!;
    const el = wrapper.querySelector<CivicModeration>('civic-moderation')!;
    await settled(thread);
    const words = `Sent below the console ${Math.random()}`;
    await fillValid(thread, 'public', words);
    submit(thread);
    await waitUntil(() => textOf(shadow(thread)).includes('Your comment has been sent'), 'the comment was never sent');

    await signIn(el, 'wrong');
    expect(textOf($(el, '.error-summary'))).to.contain('not accepted');
    await signIn(el, 'demo');
    await showPage(el, location.pathname);
    const item = $$(el, '[part=item]').find((row) => textOf(row).includes(words))!;
    expect(item, 'the comment is in the queue').to.exist;
    button(item, 'Approve').click();
    await waitUntil(() => notice(el) === 'Approved 1 comment.', 'the comment was never approved');
    expect(
      $$(el, '[part=item]').some((row) => textOf(row).includes(words)),
      'it has left the pending queue',
    ).to.equal(false);
    await expect(el).to.be.accessible();

    thread.remove();
    wrapper.prepend(thread);
    await settled(thread);
    await waitUntil(() => textOf(shadow(thread)).includes(words), 'the approved comment never reached the thread');
  });

  it('names the attribute when the backend is not one it knows', async () => {
    const el = await fixture<CivicModeration>(html`<civic-moderation backend="wordpress"></civic-moderation>`);
    const errors: Error[] = [];
    el.addEventListener('civic-error', (event) => errors.push((event as CustomEvent<{ error: Error }>).detail.error));
    await signIn(el, 'demo').catch(() => undefined);
    await waitUntil(() => errors.length > 0, 'no civic-error was raised');
    expect(errors[0]!.name).to.equal('ConfigurationError');
    expect(errors[0]!.message).to.equal('<civic-moderation>: the "backend" attribute must be "rest" or "memory", not "wordpress".');
  });
});
