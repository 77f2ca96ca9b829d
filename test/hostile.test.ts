import { expect, fixture, html } from '@open-wc/testing';
import { embedSections, MemoryBackend, validateNewComment, type CivicConsultation, type SeedComment } from '../src/index.js';
import { MemoryModeration } from '../src/moderation.js';
import '../src/define.js';
import { $$, settled, shadow, textOf, waitUntil } from './helpers.js';

// The hostile-input corpus (test/fixtures), rendered as names and comments in the thread and in the
// moderation console: no script runs, no element is made from reader text, the text is shown as
// sent, and nothing spills past a 320 pixel column.
const page = '/hostile';
/** Tags our templates never use: any of them in a shadow root came from reader text. */
const foreign =
  'img, script, iframe, svg, video, audio, object, embed, math, marquee, details, a[href^="javascript"], b, i, table, style, link, meta, base, civic-comments, slot, template, noscript';

async function corpus(): Promise<SeedComment[]> {
  const strings = (await (await fetch('/test/fixtures/hostile-strings.json')).json()) as { text: string }[];
  // Only what the API would accept: the contract decides, then the text is trimmed as it would be.
  const seeds: SeedComment[] = [];
  strings.forEach(({ text }, i) => {
    const checked = validateNewComment({ page, section: 'x', name: text, email: 'a@example.com', body: text, visibility: 'public' });
    const fits = (field: 'name' | 'body') => checked.success || !(checked as { codes: Record<string, string> }).codes[field];
    seeds.push({
      section: `part-${Math.floor(i / 100)}`,
      name: fits('name') ? text.trim() : 'Hostile Tester',
      body: fits('body') ? text.trim() : 'A comment.',
    });
  });
  return seeds;
}

const hacked = () => (window as { __civicHacked?: number }).__civicHacked;

describe('the hostile-input corpus in the browser', () => {
  it('shows every name and comment in the thread as text, runs nothing and makes no element', async () => {
    const seeds = await corpus();
    const backend = new MemoryBackend({ page, comments: seeds });
    const sections = [...new Set(seeds.map((s) => s.section))];
    const wrapper = await fixture<HTMLDivElement>(html`
      <div style="width: 320px">
        ${sections.map((section) => html`<civic-comments section=${section} page=${page} page-size="100" .backend=${backend}></civic-comments>`)}
      </div>
    `);
    const threads = [...wrapper.querySelectorAll('civic-comments')];
    for (const thread of threads) await settled(thread);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(hacked()).to.equal(undefined);

    const shown = threads.flatMap((thread) =>
      $$(thread, '[part=comment]').map((comment) => ({
        name: comment.querySelector('[part=comment-author]')!.textContent,
        body: comment.querySelector('[part=comment-body]')!.textContent,
        elements:
          comment.querySelector('[part=comment-body]')!.children.length + comment.querySelector('[part=comment-author]')!.children.length,
      })),
    );
    expect(shown).to.have.length(seeds.length);
    expect(shown.map(({ name, body }) => ({ name, body }))).to.deep.equal(seeds.map(({ name, body }) => ({ name, body })));
    expect(shown.every((s) => s.elements === 0)).to.equal(true);
    for (const thread of threads) expect(shadow(thread).querySelector(foreign)).to.equal(null);

    const right = wrapper.getBoundingClientRect().right + 0.5;
    for (const thread of threads) {
      for (const node of $$(thread, '[part=comment] *')) {
        expect(node.getBoundingClientRect().right, textOf(node).slice(0, 40)).to.be.at.most(right);
      }
    }
  });

  it('makes headings of hostile text into sections, counts and threads, running and making nothing', async () => {
    const strings = ((await (await fetch('/test/fixtures/hostile-strings.json')).json()) as { text: string }[]).map((s) => s.text);
    const backend = new MemoryBackend({ page, moderation: 'post' });
    const consultation = await fixture<CivicConsultation>(html`
      <civic-consultation page=${page} .backend=${backend}>
        <article style="width: 320px">${strings.map((text) => html`<h2>${text}</h2><p>Text.</p>`)}</article>
      </civic-consultation>
    `);
    const warn = console.warn;
    console.warn = () => undefined; // duplicate headings are expected here, and each is warned about
    try {
      embedSections({ sections: 'h2' }, consultation);
    } finally {
      console.warn = warn;
    }
    const counts = [...consultation.querySelectorAll('civic-comment-count')];
    const sections = counts.map((count) => count.getAttribute('section')!);
    expect(counts).to.have.length(strings.length);
    expect(new Set(sections).size).to.equal(strings.length);
    expect(sections.every((section) => /^[\p{L}\p{N}]+(-[\p{L}\p{N}]+)*$/u.test(section))).to.equal(true);

    // One published comment per section, so that every count has a number to show.
    for (const section of sections) {
      await backend.postComment({ page, section, name: 'Tester', email: 'a@example.com', body: 'Counted.', visibility: 'public' });
    }
    consultation.backend = backend;
    await waitUntil(
      () => counts.every((count) => textOf(shadow(count)) === '1 comment on this section Jump to comments'),
      `the counts never showed: ${JSON.stringify(
        counts
          .map((count) => textOf(shadow(count)))
          .filter((t) => t !== '1 comment on this section Jump to comments')
          .slice(0, 3),
      )}`,
      { timeout: 10_000 },
    );
    expect(counts.every((count, i) => shadow(count).querySelector('a')!.getAttribute('href') === `#comments-${sections[i]}`)).to.equal(
      true,
    );
    for (const thread of [...consultation.querySelectorAll('civic-comments')].slice(0, 5)) await settled(thread);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(hacked()).to.equal(undefined);
    expect(consultation.querySelector(`article > :not(h2, p, civic-change-log, civic-comment-count, civic-comments)`)).to.equal(null);
    for (const element of [...counts, ...consultation.querySelectorAll('civic-comments')])
      expect(shadow(element).querySelector(foreign)).to.equal(null);
    const right = consultation.querySelector('article')!.getBoundingClientRect().right + 0.5;
    expect(counts.every((count) => count.getBoundingClientRect().right <= right)).to.equal(true);
  });

  it('shows them as text in the moderation console too', async () => {
    const seeds = await corpus();
    const memory = new MemoryBackend({ page, comments: seeds.map((s) => ({ ...s, status: 'pending' as const })) });
    sessionStorage.setItem('civic-comments:moderator-token', JSON.stringify({ token: 'demo' }));
    try {
      const el = await fixture<HTMLElement>(
        html`<civic-moderation .backendFor=${(token: string) => new MemoryModeration(memory, token)}></civic-moderation>`,
      );
      const root = el.shadowRoot!;
      await waitUntil(() => root.querySelectorAll('[part=item]').length === 50, 'the queue never loaded');
      while (root.querySelector('[part=queue] ~ .link-button')) {
        const count = root.querySelectorAll('[part=item]').length;
        root.querySelector<HTMLButtonElement>('[part=queue] ~ .link-button')!.click();
        await waitUntil(() => root.querySelectorAll('[part=item]').length > count);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(hacked()).to.equal(undefined);
      const bodies = [...root.querySelectorAll('[part=item] .body')];
      expect(bodies).to.have.length(seeds.length);
      expect(bodies.map((b) => b.textContent).sort()).to.deep.equal(seeds.map((s) => s.body).sort());
      expect(bodies.every((b) => b.children.length === 0)).to.equal(true);
      expect(root.querySelector(foreign)).to.equal(null);
    } finally {
      sessionStorage.clear();
    }
  });
});
