import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { embedSections, slug, type CivicComments } from '../src/index.js';
import '../src/define.js';
import { $, $$, shadow, textOf } from './helpers.js';
import { moderate, referenceServer, uniquePage } from './reference-server.js';

/** Sends a comment to the reference server and approves it, as a reader and then a moderator would. */
async function publish(page: string, section: string, body: string, parentId?: string): Promise<string> {
  const { url } = await referenceServer();
  const response = await fetch(`${url}/api/v1/comments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify({ page, section, parentId, name: 'Reader', email: 'reader@example.com', body, visibility: 'public' }),
  });
  const { comment } = await response.json();
  await moderate(`comments/${comment.id}`, { method: 'PATCH', body: '{"status":"published"}' });
  return comment.id;
}

/** The API requests the page has made since `since`, by route. */
function apiRequests(url: string) {
  const names = performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => name.startsWith(`${url}/api/v1/`));
  return {
    counts: names.filter((name) => name.includes('/api/v1/counts')).length,
    threads: names.filter((name) => name.includes('/api/v1/comments?')).map((name) => new URL(name).searchParams.get('section')),
  };
}

/** A document of `n` sections, each a heading and a long paragraph. */
async function longDocument(n: number): Promise<HTMLElement> {
  return fixture<HTMLElement>(html`
    <article>
      ${Array.from(
        { length: n },
        (_, i) => html`<h2>Section ${i + 1}</h2>
          <p>Paragraph of section ${i + 1}.</p>
          <div style="height: 400px"></div>`,
      )}
    </article>
  `);
}

const threadOf = (root: ParentNode, section: string) => root.querySelector<CivicComments>(`civic-comments[section="${section}"]`)!;
const loaded = (thread: Element) =>
  Boolean(thread.shadowRoot?.querySelector('[part=heading]')) && !/Loading comments/.test(textOf(shadow(thread)));
const clearFragment = () => history.replaceState(null, '', location.pathname + location.search);

afterEach(clearFragment);

describe('auto-embed', () => {
  it('makes stable section ids from headings', () => {
    expect(slug('Costs & benefits')).to.equal('costs-benefits');
    expect(slug('  3. Ymgynghoriad ar ôl 2027  ')).to.equal('3-ymgynghoriad-ar-ol-2027');
    expect(slug('***')).to.equal('');
  });

  it('puts a count after each heading and a thread at the end of its section, leaving hand-placed elements alone', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (message: string) => warnings.push(message);
    const doc = await fixture<HTMLElement>(html`
      <article>
        <h2 id="intro">Introduction</h2>
        <p>One.</p>
        <h2>Costs &amp; benefits</h2>
        <p>Two.</p>
        <p>Three.</p>
        <h2>Costs &amp; Benefits</h2>
        <p>Four.</p>
        <h2>By hand</h2>
        <civic-comments section="by-hand" backend="memory"></civic-comments>
        <p>Five.</p>
      </article>
    `);
    try {
      embedSections({ sections: 'h2', backend: 'memory', page: 'embed-structure', lang: 'en' }, doc);
    } finally {
      console.warn = original;
    }
    const outline = [...doc.children].map((el) =>
      el.getAttribute('section') ? `${el.localName}:${el.getAttribute('section')}` : el.localName,
    );
    expect(outline).to.deep.equal([
      'civic-change-log',
      'h2',
      'civic-comment-count:intro',
      'p',
      'civic-comments:intro',
      'h2',
      'civic-comment-count:costs-benefits',
      'p',
      'p',
      'civic-comments:costs-benefits',
      'h2',
      'civic-comment-count:costs-benefits-2',
      'p',
      'civic-comments:costs-benefits-2',
      'h2',
      'civic-comment-count:by-hand',
      'civic-comments:by-hand',
      'p',
    ]);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('"Costs & Benefits"').and.contain('costs-benefits-2');
    // Embedding again, as a single-page application may after each change, adds nothing.
    embedSections({ sections: 'h2', backend: 'memory', page: 'embed-structure', lang: 'en' }, doc);
    expect(
      [...doc.children].map((el) => (el.getAttribute('section') ? `${el.localName}:${el.getAttribute('section')}` : el.localName)),
    ).to.deep.equal(outline);
    const thread = threadOf(doc, 'intro');
    expect(thread.getAttribute('page')).to.equal('embed-structure');
    expect(thread.getAttribute('backend')).to.equal('memory');
    expect(thread.id).to.equal('comments-intro');
  });
});

describe('a consultation page of fifty sections on the reference server', () => {
  it('loads with one counts request and threads only near the viewport; scrolling loads more', async () => {
    const { url } = await referenceServer();
    const page = uniquePage('fifty');
    await publish(page, 'section-3', 'On section three.');
    performance.setResourceTimingBufferSize(2000);
    performance.clearResourceTimings();
    const doc = await longDocument(50);
    embedSections({ sections: 'h2', endpoint: url, page }, doc);
    const counts = [...doc.querySelectorAll('civic-comment-count')];
    await waitUntil(() => counts.every((count) => /section/.test(textOf(shadow(count)))), 'the counts never arrived', { timeout: 5000 });
    // The first thread is near the viewport: wait for its request, however slow the machine, then a
    // moment more for any request that should not be made.
    await waitUntil(() => apiRequests(url).threads.length > 0, 'the first thread was never requested', { timeout: 5000 });
    await aTimeout(300);
    expect(textOf(shadow(counts[2]!))).to.equal('1 comment on this section Jump to comments');
    const atLoad = apiRequests(url);
    expect(atLoad.counts).to.equal(1);
    expect(atLoad.threads.length).to.be.within(1, 3);
    expect(atLoad.threads[0]).to.equal('section-1');
    expect(loaded(threadOf(doc, 'section-50'))).to.equal(false);

    threadOf(doc, 'section-30').scrollIntoView();
    await waitUntil(() => loaded(threadOf(doc, 'section-30')), 'scrolling did not load the thread');
    const afterScrolling = apiRequests(url);
    expect(afterScrolling.threads).to.include('section-30');
    expect(afterScrolling.threads.length).to.be.below(10);
    expect(afterScrolling.counts).to.equal(1);
  });

  it('follows #comments-<section>: loads that thread and moves focus to its heading', async () => {
    const { url } = await referenceServer();
    const page = uniquePage('deep-link');
    await publish(page, 'section-40', 'On section forty.');
    const doc = await longDocument(50);
    embedSections({ sections: 'h2', endpoint: url, page }, doc);
    const thread = threadOf(doc, 'section-40');
    location.hash = '#comments-section-40';
    await waitUntil(() => shadow(thread).activeElement?.id === 'thread-heading', 'focus never reached the heading');
    expect(textOf($(thread, '[part=heading]'))).to.equal('1 comment');
    const box = thread.getBoundingClientRect();
    expect(box.top).to.be.below(innerHeight);
    expect(box.bottom).to.be.above(0);
  });

  it('follows a permalink #comment-<id> to its thread, loading later pages, and highlights the comment', async () => {
    const { url } = await referenceServer();
    const page = uniquePage('permalink');
    await publish(page, 'far', 'First.');
    await publish(page, 'far', 'Second.');
    const third = await publish(page, 'far', 'Third, on the second page.');
    const wrapper = await fixture<HTMLElement>(html`
      <div>
        <civic-comments section="near" page=${page} endpoint=${url}></civic-comments>
        <div style="height: 400vh"></div>
        <civic-comments section="far" page=${page} endpoint=${url} page-size="2"></civic-comments>
      </div>
    `);
    const far = threadOf(wrapper, 'far');
    expect(loaded(far)).to.equal(false);
    location.hash = `#comment-${third}`;
    await waitUntil(() => shadow(far).activeElement?.id === `comment-${third}`, 'the permalink never reached its comment', {
      timeout: 5000,
    });
    const comment = $(far, `#comment-${third}`);
    expect(comment.classList.contains('highlighted')).to.equal(true);
    expect($$(far, '[part=comment-body]').map(textOf)).to.deep.equal(['First.', 'Second.', 'Third, on the second page.']);
    expect($(far, `#comment-${third} [part=comment-link]`).getAttribute('href')).to.equal(`#comment-${third}`);

    // A later permalink, to a comment newer than its loaded thread, moves the highlight there.
    const near = threadOf(wrapper, 'near');
    const latest = await publish(page, 'near', 'Published after the thread loaded.');
    location.hash = `#comment-${latest}`;
    await waitUntil(() => shadow(near).activeElement?.id === `comment-${latest}`, 'the second permalink never reached its comment', {
      timeout: 5000,
    });
    expect($(near, `#comment-${latest}`).classList.contains('highlighted')).to.equal(true);
    expect($(far, `#comment-${third}`).classList.contains('highlighted')).to.equal(false);
  });
});

describe('printing', () => {
  /** Media emulation needs the Chrome DevTools Protocol, so these checks run in Chromium only. */
  const chromium = navigator.userAgent.includes('Chrome');
  const shown = (el: Element) => getComputedStyle(el).display !== 'none';

  it('"Print this section" prints that section with its comments and nothing else; the whole page prints without forms', async function () {
    const { url } = await referenceServer();
    const page = uniquePage('print');
    const saved = await moderate(`consultations/${encodeURIComponent(page)}`, {
      method: 'PUT',
      body: JSON.stringify({ title: 'Draft library strategy', department: 'Department for Libraries' }),
    });
    expect(saved.status).to.equal(200);
    await publish(page, 'first', 'A comment to print.');
    const doc = await fixture<HTMLElement>(html`
      <main>
        <p class="elsewhere">The department's page.</p>
        <article>
          <h2 id="first">First</h2>
          <p class="first-text">First section.</p>
          <h2 id="second">Second</h2>
          <p class="second-text">Second section.</p>
        </article>
      </main>
    `);
    embedSections({ sections: 'h2', endpoint: url, page }, doc);
    const first = threadOf(doc, 'first');
    first.scrollIntoView();
    await waitUntil(() => loaded(first) && textOf(shadow(first)).includes('A comment to print.'), 'the thread never loaded');
    const original = window.print;
    let printed = 0;
    window.print = () => printed++;
    try {
      $(first, '[part=print-button]').click();
      // The printing code is fetched on the first click.
      await waitUntil(() => printed === 1, 'the section was never printed');
    } finally {
      window.print = original;
    }
    // On paper, the section says where it came from: the page around it is not printed.
    const from = document.querySelector('[data-civic-print-header]')!;
    expect([...from.querySelectorAll('p')].map(textOf)).to.deep.equal([
      'From Draft library strategy, a consultation by Department for Libraries.',
      `Printed from ${location.href.replace(/#.*$/, '')} on ${new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date())}.`,
    ]);
    expect(from.nextElementSibling).to.equal(doc.querySelector('#first'));
    expect(shown(from)).to.equal(false, 'the lines are for paper only');
    if (!chromium) {
      dispatchEvent(new Event('afterprint'));
      expect(document.querySelector('[data-civic-print-header]')).to.equal(null);
      this.skip();
    }
    await emulateMedia({ media: 'print' });
    try {
      expect(shown(doc.querySelector('.first-text')!)).to.equal(true);
      expect(shown(doc.querySelector('#first')!)).to.equal(true);
      expect(shown(doc.querySelector('.second-text')!)).to.equal(false);
      expect(shown(doc.querySelector('#second')!)).to.equal(false);
      expect(shown(doc.querySelector('.elsewhere')!)).to.equal(false);
      expect(shown($(first, '[part=comment]'))).to.equal(true);
      expect(shown($(first, 'form'))).to.equal(false);
      expect(shown($(first, '[part=print-button]'))).to.equal(false);
      expect(shown(from)).to.equal(true);

      dispatchEvent(new Event('afterprint'));
      expect(document.querySelector('[data-civic-print-header]')).to.equal(null);
      expect(shown(doc.querySelector('.second-text')!)).to.equal(true);
      expect(shown(doc.querySelector('.elsewhere')!)).to.equal(true);
      expect(shown($(first, 'form'))).to.equal(false);
      expect($$(first, 'button').filter(shown)).to.deep.equal([]);
      expect(shown($(first, '[part=comment-body]'))).to.equal(true);
    } finally {
      await emulateMedia({ media: 'screen' });
    }
    expect(shown($(first, 'form'))).to.equal(true);
  });

  it('prints a hand-placed thread from the heading before it', async function () {
    const doc = await fixture<HTMLElement>(html`
      <main>
        <h2 class="a">A</h2>
        <p class="a">Section A.</p>
        <civic-comments section="a" backend="memory" page="print-by-hand"></civic-comments>
        <h2 class="b">B</h2>
        <p class="b">Section B.</p>
        <civic-comments section="b" backend="memory" page="print-by-hand"></civic-comments>
      </main>
    `);
    const second = threadOf(doc, 'b');
    second.scrollIntoView();
    await waitUntil(() => loaded(second), 'the thread never loaded');
    const original = window.print;
    let printed = false;
    window.print = () => (printed = true);
    try {
      $(second, '[part=print-button]').click();
      await waitUntil(() => printed, 'the section was never printed');
    } finally {
      window.print = original;
    }
    if (!chromium) this.skip();
    await emulateMedia({ media: 'print' });
    try {
      expect([...doc.querySelectorAll('main > h2, main > p')].filter(shown).map((el) => el.className)).to.deep.equal(['b', 'b']);
      // A page without a consultation is named by its title (or, untitled, by its host).
      const from = doc.querySelector('[data-civic-print-header]')!;
      expect(shown(from)).to.equal(true);
      expect(from.nextElementSibling).to.equal(doc.querySelector('h2.b'));
      expect(textOf(from.querySelector('p'))).to.equal(`From ${document.title || location.hostname}.`);
      expect(shown(second)).to.equal(true);
      expect(shown(threadOf(doc, 'a'))).to.equal(false);
    } finally {
      dispatchEvent(new Event('afterprint'));
      await emulateMedia({ media: 'screen' });
    }
  });
});
