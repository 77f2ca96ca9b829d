/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
// @ts-expect-error: a plain JavaScript module of the repository's scripts.
import { chromeArgs, findChrome } from '../../scripts/browsers.mjs';
import { readConfig, type ServerConfig } from '../src/config.js';
import { seedDemo } from '../src/seed.js';
import { startServer, type RunningServer } from '../src/server.js';
import { token } from './helpers.js';

const built = existsSync(new URL('../../dist/civic-comments.js', import.meta.url));
const chrome: string | undefined = findChrome();
const axeSource = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

/**
 * The demonstration consultation as a reader meets it, in Chromium, on the reference server and a
 * real SQLite file: what loading it costs, what axe-core finds, and the form for readers without
 * JavaScript.
 */
describe('the demonstration consultation in Chromium', {
  skip: !built ? 'run `npm run build` first' : !chrome ? 'no Chromium' : false,
}, () => {
  const folder = mkdtempSync(join(tmpdir(), 'civic-comments-demo-'));
  let server: RunningServer;
  let browser: Browser;

  before(async () => {
    const config = readConfig(['--port', '0', '--db', join(folder, 'c.db'), '--demo'], {
      MODERATOR_TOKEN: token,
      RATE_LIMIT: '0',
    }) as ServerConfig;
    server = await startServer(config);
    await seedDemo(server.storage);
    browser = await puppeteer.launch({ executablePath: chrome, headless: true, args: chromeArgs });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  async function open(path: string, options: { javaScript?: boolean; width?: number } = {}): Promise<{ page: Page; requests: string[] }> {
    const page = await browser.newPage();
    await page.setViewport({ width: options.width ?? 1280, height: 800 });
    await page.setJavaScriptEnabled(options.javaScript ?? true);
    // The test's own functions, compiled by tsx, call esbuild's __name helper; the page needs it too.
    await page.evaluateOnNewDocument('globalThis.__name = (fn) => fn');
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url().replace(server.url, '')));
    await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle0' });
    return { page, requests };
  }

  /** Scrolls through the document as a reader would, so that every thread loads. */
  async function scrollThrough(page: Page): Promise<void> {
    for (let more = true; more; ) {
      more = await page.evaluate(() => {
        scrollBy(0, innerHeight);
        return innerHeight + scrollY < document.documentElement.scrollHeight;
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** What axe-core finds on the whole page, one line a rule. */
  async function axeViolations(page: Page): Promise<string[]> {
    await page.setBypassCSP(true);
    await page.evaluate(axeSource);
    return page.evaluate(async () => {
      const axe = (
        globalThis as unknown as { axe: { run: (context: Document) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }
      ).axe;
      return (await axe.run(document)).violations.map((violation) => `${violation.id}: ${violation.nodes.length}`);
    });
  }

  it('makes one script request and one counts request, and asks only for the threads near the viewport', async () => {
    const { page, requests } = await open('/demo/');
    const sections = await page.$$eval('civic-comments', (threads) => threads.map((thread) => thread.getAttribute('section')));
    assert.equal(sections.length, 9);
    // Beside the script, only the change log's code: the demonstration's booking section was corrected.
    assert.deepEqual(
      requests.filter((url) => url.endsWith('.js')).map((url) => url.replace(/^(\/chunks\/.+)-[\w-]{8}\.js$/, '$1.js')),
      ['/civic-comments.js', '/chunks/civic-change-log.js', '/chunks/versions.js'],
    );
    assert.deepEqual(
      requests.filter((url) => url.startsWith('/api/v1/counts')),
      ['/api/v1/counts?page=digital-services-review'],
    );
    const threads = requests.filter((url) => url.startsWith('/api/v1/comments'));
    assert.ok(threads.length >= 1 && threads.length < sections.length, `thread requests at load: ${threads.join(', ')}`);
    const booking = await page.$eval('civic-comment-count[section=booking]', (count) =>
      count.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim(),
    );
    assert.equal(booking, '4 comments on this section Jump to comments');
    await page.close();
  });

  for (const width of [1280, 320]) {
    it(`has no axe-core violations once every thread has loaded, ${width} pixels wide`, async () => {
      const { page } = await open('/demo/', { width });
      await scrollThrough(page);
      await page.waitForFunction(() =>
        [...document.querySelectorAll('civic-comments')].every(
          (thread) => thread.shadowRoot?.querySelector('form') && !/Loading comments/.test(thread.shadowRoot.textContent!),
        ),
      );
      assert.deepEqual(await axeViolations(page), []);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > innerWidth);
      assert.equal(overflow, false);
      await page.close();
    });
  }

  it('shows the earlier consultation closed, with what the department did and its official reply, and axe-core finds nothing', async () => {
    for (const width of [1280, 320]) {
      const { page } = await open('/demo/closed.html', { width });
      await scrollThrough(page);
      await page.waitForFunction(() =>
        [...document.querySelectorAll('civic-comments')].every((thread) => thread.shadowRoot?.querySelector('[part=consultation-notice]')),
      );
      const threads = await page.$$eval('civic-comments', (elements) =>
        elements.map((thread) => ({
          notice: thread.shadowRoot!.querySelector('[part=consultation-notice]')!.textContent!.replace(/\s+/g, ' ').trim(),
          outcome: thread.shadowRoot!.querySelector('[part=outcome] [role=heading]')?.textContent?.trim(),
          forms: thread.shadowRoot!.querySelectorAll('form').length,
          badges: thread.shadowRoot!.querySelectorAll('[part=official-badge]').length,
          // When each reader wrote: all of it before the consultation closed.
          written: [...thread.shadowRoot!.querySelectorAll('[part=comment]')]
            .filter((comment) => !comment.querySelector('[part=official-badge]'))
            .map((comment) => comment.querySelector('time')!.getAttribute('datetime')!),
        })),
      );
      assert.equal(threads.length, 3);
      for (const thread of threads) {
        assert.equal(thread.notice, 'This consultation closed on 30 September 2026 at 11:59pm. You can still read the comments.');
        assert.equal(thread.outcome, 'What we did with your comments');
        assert.equal(thread.forms, 0);
        for (const written of thread.written)
          assert.ok(written < '2026-09-30T22:59:00.000Z', `a comment written ${written}, after the close`);
      }
      assert.equal(threads.flatMap((thread) => thread.written).length, 4);
      assert.deepEqual(
        threads.map((thread) => thread.badges),
        [0, 1, 0],
      );
      assert.deepEqual(await axeViolations(page), [], `${width} pixels`);
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth > innerWidth), false);
      await page.close();
    }
  });

  it('offers readers without JavaScript a plain form for each section, with errors kept on the page and a way back', async () => {
    const { page } = await open('/demo/', { javaScript: false });
    assert.equal(await page.$$eval('civic-comments', (threads) => threads.length), 0);
    assert.match(await page.$eval('h2#booking', (heading) => heading.textContent!), /Booking appointments online/);
    const links = await page.$$eval('noscript a[href^="/respond"]', (anchors) => anchors.map((a) => a.getAttribute('href')));
    assert.equal(links.length, 9);
    await Promise.all([page.waitForNavigation(), page.click('a[href^="/respond"][href*="section=booking"]')]);
    assert.match(page.url(), /\/respond\?page=digital-services-review&section=booking/);

    await page.type('#body', 'Sent without JavaScript.');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    const summary = await page.$eval('.error-summary', (box) => box.textContent!.replace(/\s+/g, ' '));
    assert.match(summary, /There is a problem/);
    assert.match(summary, /Enter your name/);
    assert.equal(await page.$eval('#body', (field) => (field as HTMLTextAreaElement).value), 'Sent without JavaScript.');

    await page.type('#name', 'Offline Reader');
    await page.type('#email', 'offline@example.com');
    await page.click('#visibility-public');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    assert.match(await page.$eval('h1', (heading) => heading.textContent!), /Your comment has been sent/);
    const back = await page.$eval('main a', (a) => a.getAttribute('href'));
    assert.equal(new URL(back!, server.url).href, `${server.url}/demo/#booking`);
    const stored = await server.storage.exportAll('digital-services-review');
    const sent = stored.find((comment) => comment.body === 'Sent without JavaScript.' && comment.status === 'pending');
    assert.ok(sent);
    assert.equal(await page.$eval('.panel-body', (p) => p.textContent!.trim()), `Your reference is ${sent.reference}`);
    await page.close();
  });

  it('asks readers without JavaScript the section’s closed question, by keyboard, in the department’s words when it is left out', async () => {
    // The form has no script of its own; scripts stay on only so that axe-core can run in its error state.
    const { page } = await open('/respond?page=digital-services-review&section=paying&return=/demo/%23paying', { width: 320 });
    assert.equal(await page.$$eval('script', (scripts) => scripts.length), 0);
    assert.equal(
      await page.$eval('legend.question-legend', (legend) => legend.textContent!.trim()),
      'Do you agree that we should stop taking cheques from April 2028?',
    );
    await page.type('#name', 'Offline Reader');
    await page.type('#email', 'offline.question@example.com');
    await page.type('#body', 'Some people still pay by cheque.');
    await page.click('#visibility-public');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    const summary = await page.$eval('.error-summary', (box) => box.textContent!.replace(/\s+/g, ' '));
    assert.match(summary, /Select whether you agree that we should stop taking cheques/);
    assert.equal(await page.$eval('.error-summary a', (a) => a.getAttribute('href')), '#answer-0');
    assert.deepEqual(await axeViolations(page), []);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth > innerWidth), false, 'fits 320 pixels');
    await page.focus('#answer-0');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.$eval('#answer-1', (input) => (input as HTMLInputElement).checked), true);
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    assert.match(await page.$eval('h1', (heading) => heading.textContent!), /Your comment has been sent/);
    const stored = await server.storage.exportAll('digital-services-review');
    assert.deepEqual(stored.find((comment) => comment.body === 'Some people still pay by cheque.')?.answer, ['Disagree']);
    await page.close();
  });

  it('lets readers without JavaScript read each section’s comments and what was done with them, at 320 and 1280 pixels', async () => {
    for (const width of [320, 1280]) {
      const { page } = await open('/demo/closed.html', { javaScript: false, width });
      const reads = await page.$$eval('noscript a[href^="/read"]', (anchors) => anchors.map((a) => a.getAttribute('href')));
      assert.equal(reads.length, 3, 'a link for each section');
      await Promise.all([page.waitForNavigation(), page.click('a[href*="section=zones"]')]);
      assert.match(page.url(), /\/read\?page=residents-parking-2026&section=zones/);
      const text = await page.$eval('main', (main) => main.textContent!.replace(/\s+/g, ' '));
      assert.match(text, /Comments on 3\. New permit zones/);
      assert.match(text, /This consultation closed on/);
      assert.match(text, /What we did with your comments/);
      assert.ok(!text.includes('@example.com'), 'no email');
      const comments = await page.$$eval('.read-thread li', (items) => items.length);
      assert.ok(comments > 0, 'the published comments are there');
      assert.equal(await page.$eval('html', (root) => root.scrollWidth > root.clientWidth), false, `nothing spills past ${width} pixels`);
      const back = await page.$eval('main a[href$="#zones"]', (a) => a.getAttribute('href'));
      assert.equal(new URL(back!, server.url).href, `${server.url}/demo/closed.html#zones`);
      // axe-core needs a script to run: the same page, which has none of its own, opened with scripts on.
      const reading = page.url().replace(server.url, '');
      await page.close();
      const { page: copy } = await open(reading, { width });
      assert.deepEqual(await axeViolations(copy), []);
      await copy.close();
    }
    // An open consultation's page links the form from its reading view, and the form back to it.
    const { page } = await open('/read?page=digital-services-review&section=booking&return=/demo/%23booking', { javaScript: false });
    assert.match(await page.$eval('main', (main) => main.textContent!), /Priya Shah/);
    await Promise.all([page.waitForNavigation(), page.click('a[href^="/respond"]')]);
    assert.match(page.url(), /\/respond\?page=digital-services-review&section=booking/);
    assert.equal(await page.$eval('a[href^="/read"]', (a) => a.textContent), 'Read the comments on this section');
    await page.close();
  });
});
