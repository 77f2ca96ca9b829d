/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
// @ts-expect-error: a plain JavaScript module of the repository's scripts.
import { chromeArgs, findChrome, findFirefox } from '../../scripts/browsers.mjs';
import { readConfig, type ServerConfig } from '../src/config.js';
import { seedDemo } from '../src/seed.js';
import { startServer, type RunningServer } from '../src/server.js';
import { token } from './helpers.js';

const built = existsSync(new URL('../../dist/civic-comments.js', import.meta.url));
const chrome: string | undefined = findChrome();
const firefox: string | undefined = findFirefox();
/** The engines puppeteer drives here: Chromium, and Firefox over WebDriver BiDi where it is installed. */
const engines = [
  ...(chrome ? [{ name: 'Chromium', launch: () => puppeteer.launch({ executablePath: chrome, headless: true, args: chromeArgs }) }] : []),
  ...(firefox
    ? [{ name: 'Firefox', launch: () => puppeteer.launch({ browser: 'firefox', executablePath: firefox, headless: true }) }]
    : []),
];

/**
 * The demonstration and the moderators' page are served under a strict Content-Security-Policy with
 * Trusted Types. A reader loads, posts and replies, a moderator approves, in real Chromium, and the
 * browser reports no violation of the policy.
 */
for (const engine of engines)
  describe(`under the strict Content-Security-Policy, in ${engine.name}`, { skip: !built ? 'run `npm run build` first' : false }, () => {
    const folder = mkdtempSync(join(tmpdir(), 'civic-comments-csp-'));
    let server: RunningServer;
    let browser: Browser;
    const violations: string[] = [];

    before(async () => {
      const config = readConfig(['--port', '0', '--db', join(folder, 'c.db'), '--demo'], {
        MODERATOR_TOKEN: token,
        RATE_LIMIT: '0',
      }) as ServerConfig;
      server = await startServer(config);
      await seedDemo(server.storage);
      browser = await engine.launch();
    });
    after(async () => {
      await browser?.close();
      await server?.close();
      rmSync(folder, { recursive: true, force: true });
    });

    async function open(path: string): Promise<Page> {
      const page = await browser.newPage();
      // The test's own functions, compiled by tsx, call esbuild's __name helper; the page needs it too.
      await page.evaluateOnNewDocument('globalThis.__name = (fn) => fn');
      // Violations reach the test through the console, which every engine reports.
      await page.evaluateOnNewDocument(
        "document.addEventListener('securitypolicyviolation', (event) => console.error('CSP violation: ' + event.violatedDirective + ' ' + event.blockedURI))",
      );
      page.on('console', (message) => message.text().startsWith('CSP violation') && violations.push(message.text()));
      page.on('pageerror', (error) => violations.push(`page error: ${error}`));
      const response = await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle0' });
      assert.match(response!.headers()['content-security-policy']!, /require-trusted-types-for 'script'; trusted-types lit-html/);
      return page;
    }

    /** Waits for a condition evaluated in the page; no page-side `eval`, which the policy forbids. */
    async function until(page: Page, check: (selector: string) => boolean, selector: string, what: string): Promise<void> {
      for (let i = 0; i < 200; i++) {
        if (await page.evaluate(check, selector)) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const state = await page.evaluate(
        (sel) => [
          typeof customElements.get('civic-comments'),
          document.querySelector(sel)?.shadowRoot?.textContent?.slice(0, 120) ?? 'no shadow',
          typeof (globalThis as { __name?: unknown }).__name,
        ],
        selector,
      );
      throw new Error(`timed out waiting for ${what}; the browser reported: ${JSON.stringify(violations)}; page: ${JSON.stringify(state)}`);
    }

    it('loads, posts and replies on the demonstration, and moderates on /moderate, with no violation', async () => {
      const reader = await open('/demo/');
      const thread = 'civic-comments[section="booking"]';
      // Threads load as they come near the viewport, as they would for a reader scrolling down.
      await reader.evaluate((sel) => document.querySelector(sel)!.scrollIntoView(), thread);
      await until(reader, (sel) => Boolean(document.querySelector(sel)?.shadowRoot?.querySelector('[part=comment]')), thread, 'the thread');
      const fill = (sel: string) => {
        const root = document.querySelector(sel)!.shadowRoot!;
        const set = (id: string, value: string) => {
          const field = root.querySelector<HTMLInputElement>(`#${id}`)!;
          field.value = value;
          field.dispatchEvent(new Event('input'));
        };
        set('name', 'Reader');
        set('email', 'reader@example.com');
        set('body', 'Posted under the policy.');
        root.querySelector<HTMLInputElement>('#visibility-public')!.click();
      };
      const submit = (sel: string) =>
        document.querySelector(sel)!.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      await reader.evaluate(fill, thread);
      await reader.evaluate(submit, thread);
      await until(
        reader,
        (sel) => Boolean(document.querySelector(sel)?.shadowRoot?.querySelector('[part=comment-status]')),
        thread,
        'the comment',
      );
      await reader.evaluate(
        (sel) => document.querySelector(sel)!.shadowRoot!.querySelector<HTMLButtonElement>('[part=reply-button]')!.click(),
        thread,
      );
      await reader.evaluate(fill, thread);
      await reader.evaluate(submit, thread);
      await until(
        reader,
        (sel) => document.querySelector(sel)!.shadowRoot!.querySelectorAll('[part=comment-status]').length === 2,
        thread,
        'the reply',
      );
      // The counts, and printing one section, which adds a constructed style sheet to the page.
      await until(
        reader,
        (sel) => /4 comments on this section/.test(document.querySelector(sel)?.shadowRoot?.textContent ?? ''),
        'civic-comment-count[section="booking"]',
        'the count',
      );
      await reader.evaluate((sel) => {
        window.print = () => undefined;
        document.querySelector(sel)!.shadowRoot!.querySelector<HTMLButtonElement>('[part=print-button]')!.click();
      }, thread);
      // Printing is a chunk of its own, fetched on the first press: under the policy too.
      await until(reader, () => document.querySelectorAll('[data-civic-print=keep]').length > 2, thread, 'the section marked for printing');

      const moderator = await open('/moderate');
      const console_ = 'civic-moderation';
      await moderator.evaluate(
        (sel, moderatorToken) => {
          const root = document.querySelector(sel)!.shadowRoot!;
          root.querySelector<HTMLInputElement>('#token')!.value = moderatorToken;
          root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
        },
        console_,
        token,
      );
      await until(
        moderator,
        (sel) => Boolean(document.querySelector(sel)?.shadowRoot?.querySelector('[part=item]')),
        console_,
        'the queue',
      );
      await moderator.evaluate(
        (sel) =>
          [...document.querySelector(sel)!.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=item] button')]
            .find((b) => b.textContent!.trim() === 'Approve')!
            .click(),
        console_,
      );
      await until(
        moderator,
        (sel) => document.querySelector(sel)!.shadowRoot!.querySelector('[part=notice]')!.textContent!.includes('Approved'),
        console_,
        'the approval',
      );

      assert.deepEqual(violations, []);
    });

    it('would notice a violation: an inline style set on the page is blocked and reported', async () => {
      const page = await open('/demo/');
      await page.evaluate(() => document.body.setAttribute('style', 'outline: 1px solid red'));
      for (let i = 0; i < 40 && !violations.length; i++) await new Promise((resolve) => setTimeout(resolve, 50));
      assert.match(violations.join('\n'), /CSP violation: style-src/);
      violations.length = 0;
    });
  });
