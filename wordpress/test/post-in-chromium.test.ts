// The elements on a real WordPress post, in Chromium: the plugin prints the script tag, the script
// finds the post's sections by their headings, a reader responds by keyboard, a moderator approves
// the response in WordPress, and the section's count goes up.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { chromeArgs, findChrome } from '../../scripts/browsers.mjs';
import { administratorPassword, asAdministrator, consultationPost, site, skipWordPress } from './site.js';

/** The visible text of an element in the page, shadow root included. */
const textIn = (page: Page, selector: string) =>
  page.$eval(selector, (element) => (element.shadowRoot ?? element).textContent!.replace(/\s+/g, ' ').trim());

describe('the elements on a real WordPress post', { skip: skipWordPress }, () => {
  let browser: Browser;
  before(async () => {
    browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: chromeArgs });
  });
  after(() => browser?.close());

  it('embeds itself, takes a response by keyboard, and counts it once approved in WordPress', async () => {
    const post = await consultationPost('Draft transport strategy');
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(String(error)));
    page.on('console', (message) => message.type() === 'error' && problems.push(`${message.text()} ${message.location().url ?? ''}`));
    await page.goto(post.link, { waitUntil: 'networkidle0' });

    // The plugin printed the script tag; the script placed a count after each heading and a thread per section.
    const tag = await page.$eval('script[data-backend="wordpress"]', (script) => ({ ...(script as HTMLScriptElement).dataset }));
    assert.equal(tag.page, String(post.id));
    await page.waitForSelector('civic-comment-count[section="housing"]');
    // The theme's own comment list and form are left out: the responses are in the sections.
    assert.equal(await page.$('.wp-block-comments, #respond'), null);
    assert.deepEqual(await page.$$eval('civic-comments', (threads) => threads.map((thread) => thread.getAttribute('section'))), [
      'housing',
      'transport',
    ]);
    await page.waitForFunction(() =>
      /comment/i.test(document.querySelector('civic-comment-count[section="housing"]')?.shadowRoot?.textContent ?? ''),
    );
    const before = await textIn(page, 'civic-comment-count[section="housing"]');

    // A reader fills in the form by keyboard and sends it.
    const thread = 'civic-comments[section="housing"]';
    await page.$eval(thread, (element) => element.scrollIntoView());
    await page.locator(`${thread} >>> #name`).click();
    await page.keyboard.type('Rhys Evans');
    await page.keyboard.press('Tab');
    // A new address each run: WordPress approves at once an author it has approved before.
    await page.keyboard.type(`rhys.evans.${Date.now()}@example.com`);
    await page.locator(`${thread} >>> #body`).click();
    await page.keyboard.type('Please keep the night bus.');
    await page.locator(`${thread} >>> #visibility-public`).click();
    await page.keyboard.press('Space');
    await page.locator(`${thread} >>> button[type=submit]`).click();
    await page.waitForFunction((selector) => /night bus/.test(document.querySelector(selector)?.shadowRoot?.textContent ?? ''), {}, thread);

    // It waits for moderation in WordPress: a moderator signs in, finds it in the Comments screen by
    // the post and its section (the site may hold other posts' responses), and approves it there.
    const admin = await browser.newPage();
    await admin.goto(`${site}wp-login.php`, { waitUntil: 'networkidle0' });
    await admin.locator('#user_login').fill('admin');
    await admin.locator('#user_pass').fill(administratorPassword);
    await Promise.all([admin.waitForNavigation(), admin.locator('#wp-submit').click()]);
    await admin.goto(`${site}wp-admin/edit-comments.php?p=${post.id}&comment_status=moderated&civic_section=housing`, {
      waitUntil: 'networkidle0',
    });
    const rows = await admin.$$eval('#the-comment-list tr', (trs) =>
      trs.map((tr) => [
        tr.querySelector('.column-comment p')?.textContent?.trim(),
        tr.querySelector('.column-civic_section')?.textContent?.trim(),
      ]),
    );
    assert.deepEqual(rows, [['Please keep the night bus.', 'housing']]);
    assert.equal(await admin.$eval('#civic-section-filter', (input) => (input as HTMLInputElement).value), 'housing');
    await admin.goto(`${site}wp-admin/edit-comments.php?p=${post.id}&comment_status=moderated&civic_section=transport`, {
      waitUntil: 'networkidle0',
    });
    assert.equal(await admin.$$eval('#the-comment-list tr.comment', (trs) => trs.length), 0);
    await admin.goto(`${site}wp-admin/edit-comments.php?p=${post.id}&comment_status=moderated&civic_section=housing`, {
      waitUntil: 'networkidle0',
    });
    const approve = await admin.$eval('#the-comment-list tr .approve a', (link) => (link as HTMLAnchorElement).href);
    await admin.goto(approve, { waitUntil: 'networkidle0' });
    const held = (await (await asAdministrator(`wp/v2/comments?post=${post.id}&status=hold`)).json()) as unknown[];
    assert.equal(held.length, 0);

    await page.reload({ waitUntil: 'networkidle0' });
    await page.waitForFunction(
      (earlier) => {
        const text = document.querySelector('civic-comment-count[section="housing"]')?.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim();
        return text && text !== earlier && /1/.test(text);
      },
      {},
      before,
    );
    assert.match(await textIn(page, 'civic-comment-count[section="housing"]'), /\b1\b/);
    assert.doesNotMatch(await textIn(page, 'civic-comment-count[section="transport"]'), /\b1\b/);
    assert.deepEqual(problems, []);
  });
});
