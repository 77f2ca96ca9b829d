// Measures the widget in Chromium, with the built script tag's file served by the reference
// server (SQLite in a temporary folder): the time to render a thread of 1,000 comments, beside a
// baseline that builds the same thread's DOM by hand with the DOM API in the same page, and the
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
const server = await startServer(
  readConfig(['--port', '0', '--db', join(folder, 'bench.db')], { MODERATOR_TOKEN: 'bench-moderator-token-0123456789', RATE_LIMIT: '0' }),
);
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

/**
 * Milliseconds from adding a thread whose backend holds 1,000 comments to all of them on screen,
 * and, in the same page, for a baseline that builds the same comments' DOM by hand (the element's
 * markup for each comment, nested replies, its style sheets adopted) and lays it out: the least any
 * code could spend to show that thread. Also counts the elements each made, to show the DOMs match.
 */
async function renderThousand() {
  const page = await freshPage();
  const result = await page.evaluate(async () => {
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
    let start = performance.now();
    const thread = document.createElement('civic-comments');
    thread.setAttribute('section', 'thread');
    thread.setAttribute('page', 'bench');
    thread.backend = backend;
    document.body.append(thread);
    await new Promise((resolve) => {
      const check = () =>
        thread.shadowRoot?.querySelectorAll('[part=comment]').length === 1000 ? resolve() : requestAnimationFrame(check);
      check();
    });
    void document.body.offsetHeight; // includes the layout
    const element = performance.now() - start;
    const listed = thread.shadowRoot.querySelector('[part=comments]');
    const elementNodes = listed.querySelectorAll('*').length;

    // The baseline, from the same data: nest the replies, then create every node by hand.
    start = performance.now();
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = thread.shadowRoot.adoptedStyleSheets;
    const dateFormat = new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZone: 'Europe/London',
    });
    const repliesOf = new Map();
    for (const comment of comments)
      if (comment.parentId) repliesOf.set(comment.parentId, [...(repliesOf.get(comment.parentId) ?? []), comment]);
    const make = (tag, attributes, ...children) => {
      const node = document.createElement(tag);
      for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
      node.append(...children);
      return node;
    };
    const item = (comment) => {
      const replies = repliesOf.get(comment.id);
      return make(
        'li',
        {},
        make(
          'article',
          { class: 'comment', part: 'comment', id: `comment-${comment.id}`, tabindex: '-1', 'aria-labelledby': `author-${comment.id}` },
          make(
            'p',
            { class: 'meta' },
            make('span', { class: 'author', part: 'comment-author', id: `author-${comment.id}` }, comment.name),
            make(
              'a',
              { href: `#comment-${comment.id}`, part: 'comment-link' },
              make('time', { part: 'comment-date', datetime: comment.createdAt }, dateFormat.format(new Date(comment.createdAt))),
            ),
          ),
          make('p', { class: 'body', part: 'comment-body' }, comment.body),
          make(
            'button',
            { type: 'button', class: 'link-button', part: 'reply-button', 'data-reply-to': comment.id, 'aria-expanded': 'false' },
            'Reply',
            make('span', { class: 'visually-hidden' }, ` to ${comment.name}`),
          ),
        ),
        ...(replies ? [make('ol', { class: 'replies' }, ...replies.map(item))] : []),
      );
    };
    const list = make('ol', { part: 'comments' }, ...comments.filter((comment) => !comment.parentId).map(item));
    root.append(list);
    document.body.append(host);
    void document.body.offsetHeight;
    const byHand = performance.now() - start;
    return { element, byHand, elementNodes, byHandNodes: list.querySelectorAll('*').length };
  });
  await page.close();
  return result;
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
      const check = () =>
        counts.every((count) => /section/.test(count.shadowRoot?.textContent ?? '')) ? resolve() : requestAnimationFrame(check);
      check();
    });
    void document.body.offsetHeight;
    return performance.now() - start;
  }, server.url);
  await page.close();
  return ms;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const line = (name, times) =>
  console.log(
    `${name.padEnd(52)} median ${median(times).toFixed(0).padStart(5)} ms  (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}, ${runs} runs, Chromium)`,
  );
try {
  const thousand = [];
  for (let run = 0; run < runs; run++) thousand.push(await renderThousand());
  line(
    'render a thread of 1,000 comments: <civic-comments>',
    thousand.map((r) => r.element),
  );
  line(
    'the same thread built by hand with the DOM API',
    thousand.map((r) => r.byHand),
  );
  const ratio = median(thousand.map((r) => r.element)) / median(thousand.map((r) => r.byHand));
  console.log(
    `the element takes ${ratio.toFixed(2)}× the hand-built DOM's time (${thousand[0].elementNodes} elements in its list, ${thousand[0].byHandNodes} by hand)`,
  );
  const fifty = [];
  for (let run = 0; run < runs; run++) fifty.push(await enhanceFifty());
  line('enhance a page of 50 sections (counts shown)', fifty);
} finally {
  await browser.close();
  await server.close();
  rmSync(folder, { recursive: true, force: true });
}
