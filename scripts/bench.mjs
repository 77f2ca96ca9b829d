// Measures the widget in Chromium, with the built script tag's file served by the reference
// server (SQLite in a temporary folder): the time to render a thread of 1,000 comments, and the
// time for the auto-embed to enhance a page of 50 sections until every count shows its number.
// Prints the median of several runs. Usage: npm run bench [-- --runs 7]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { readConfig, startServer } from '../server/dist/index.js';
import { chromeArgs, findChrome } from './browsers.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' } } });
const runs = Number(values.runs);
const chrome = findChrome();
if (!chrome) {
  console.error('No Chrome or Chromium found: install one (Debian: apt-get install chromium) or set CHROME_PATH.');
  process.exit(1);
}

const folder = mkdtempSync(join(tmpdir(), 'civic-comments-bench-'));
const server = await startServer(readConfig(['--port', '0', '--db', join(folder, 'bench.db')], { MODERATOR_TOKEN: 'bench-moderator-token-0123456789', RATE_LIMIT: '0' }));
const browser = await puppeteer.launch({ executablePath: chrome, headless: true, args: chromeArgs });

/** A fresh page on the server's origin, holding nothing but the built widget. */
async function freshPage() {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  await page.goto(`${server.url}/api/v1/health`);
  await page.setContent('<!doctype html><html lang="en"><body></body></html>');
  await page.evaluate(() => import('/civic-comments.js'));
  return page;
}

/** Milliseconds from adding a thread whose backend holds 1,000 comments to all of them on screen. */
async function renderThousand() {
  const page = await freshPage();
  const ms = await page.evaluate(async () => {
    const comments = Array.from({ length: 1000 }, (_, i) => ({
      id: `c${i}`,
      page: 'bench',
      section: 'thread',
      // Every fourth comment answers the one before, so the thread has replies to nest.
      parentId: i % 4 === 3 ? `c${i - 1}` : null,
      name: `Reader ${i}`,
      body: `Comment number ${i}, with a sentence or two of text, as readers of a consultation write them.`,
      createdAt: new Date(Date.UTC(2027, 0, 1, 0, i)).toISOString(),
      status: 'published',
    }));
    const backend = {
      listComments: async () => ({ comments, nextCursor: null, total: comments.length }),
      getCounts: async (page) => ({ page, counts: {} }),
      postComment: async () => Promise.reject(new Error('not used')),
    };
    const start = performance.now();
    const thread = document.createElement('civic-comments');
    thread.setAttribute('section', 'thread');
    thread.setAttribute('page', 'bench');
    thread.backend = backend;
    document.body.append(thread);
    await new Promise((resolve) => {
      const check = () => (thread.shadowRoot?.querySelectorAll('[part=comment]').length === 1000 ? resolve() : requestAnimationFrame(check));
      check();
    });
    void document.body.offsetHeight; // includes the layout
    return performance.now() - start;
  });
  await page.close();
  return ms;
}

/** Milliseconds from calling the auto-embed on 50 sections to every count showing its number. */
async function enhanceFifty() {
  const page = await freshPage();
  const ms = await page.evaluate(async (endpoint) => {
    const article = document.createElement('article');
    for (let i = 1; i <= 50; i++) {
      const heading = document.createElement('h2');
      heading.textContent = `Section ${i}`;
      const paragraph = document.createElement('p');
      paragraph.textContent = 'A paragraph of the document. '.repeat(20);
      article.append(heading, paragraph);
    }
    document.body.append(article);
    const { embedSections } = await import('/civic-comments.js');
    const start = performance.now();
    embedSections({ sections: 'article h2', endpoint, page: `bench-fifty-${Math.random()}` }, article);
    const counts = [...article.querySelectorAll('civic-comment-count')];
    await new Promise((resolve) => {
      const check = () => (counts.every((count) => /section/.test(count.shadowRoot?.textContent ?? '')) ? resolve() : requestAnimationFrame(check));
      check();
    });
    void document.body.offsetHeight;
    return performance.now() - start;
  }, server.url);
  await page.close();
  return ms;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
try {
  for (const [name, measure] of [
    ['render a thread of 1,000 comments', renderThousand],
    ['enhance a page of 50 sections (counts shown)', enhanceFifty],
  ]) {
    const times = [];
    for (let run = 0; run < runs; run++) times.push(await measure());
    console.log(`${name.padEnd(46)} median ${median(times).toFixed(0).padStart(5)} ms  (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}, ${runs} runs, Chromium)`);
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(folder, { recursive: true, force: true });
}
