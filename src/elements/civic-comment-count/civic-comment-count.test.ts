import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { MemoryBackend, type CivicCommentCount, type CivicComments, type CommentsBackend } from '../../index.js';
import { $, fillValid, page, settled, shadow, spy, submit, textOf, waitUntil } from '../../../test/helpers.js';

const sentence = (el: Element) => textOf($(el, '[part=count]'));
const counted = (el: CivicCommentCount) =>
  waitUntil(() => /section|adran/.test(sentence(el)), 'the count never arrived').then(() => sentence(el));

const seeds = [
  { section: 'one', name: 'A', body: 'x' },
  ...Array.from({ length: 12 }, (_, i) => ({ section: 'twelve', name: `R${i}`, body: `Comment ${i}` })),
  { section: 'pending', name: 'P', body: 'Not yet', status: 'pending' as const },
  { section: 'private', name: 'Q', body: 'Private', visibility: 'private' as const, status: 'received' as const },
];

async function counts(backend: CommentsBackend, lang = '') {
  const wrapper = await fixture<HTMLDivElement>(html`
    <div lang=${lang || 'en'}>
      ${['none', 'one', 'twelve', 'pending', 'private'].map(
        (section) => html`<civic-comment-count section=${section} page=${page} .backend=${backend}></civic-comment-count>`,
      )}
    </div>
  `);
  const all = [...wrapper.querySelectorAll('civic-comment-count')];
  for (const el of all) await counted(el);
  return all;
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

describe('<civic-comment-count>', () => {
  it('words the count of published public comments, with a link to the thread', async () => {
    const all = await counts(new MemoryBackend({ page, comments: seeds }));
    expect(all.map(sentence)).to.deep.equal([
      'So far, there are no comments on this section. Jump to comments',
      '1 comment on this section Jump to comments',
      '12 comments on this section Jump to comments',
      'So far, there are no comments on this section. Jump to comments',
      'So far, there are no comments on this section. Jump to comments',
    ]);
    expect($(all[1]!, '[part=link]').getAttribute('href')).to.equal('#comments-one');
  });

  it('words it in Welsh on a Welsh page', async () => {
    const all = await counts(new MemoryBackend({ page, comments: seeds }), 'cy');
    expect(all.slice(0, 3).map(sentence)).to.deep.equal([
      'Hyd yma, does dim sylwadau ar yr adran hon. Neidio i’r sylwadau',
      '1 sylw ar yr adran hon Neidio i’r sylwadau',
      '12 sylw ar yr adran hon Neidio i’r sylwadau',
    ]);
  });

  it('shares one counts request among all the counts of a page', async () => {
    const backend = spy(new MemoryBackend({ page, comments: seeds }));
    await counts(backend);
    expect(backend.calls.counts).to.equal(1);
  });

  it('goes up when the reader’s own comment on its section is published, and not for another section', async () => {
    const backend = new MemoryBackend({ page, comments: seeds, moderation: 'post' });
    const wrapper = await fixture<HTMLDivElement>(html`
      <div>
        <civic-comment-count section="one" page=${page} .backend=${backend}></civic-comment-count>
        <civic-comment-count section="twelve" page=${page} .backend=${backend}></civic-comment-count>
        <civic-comments section="one" page=${page} .backend=${backend}></civic-comments>
      </div>
    `);
    const [one, twelve] = [...wrapper.querySelectorAll('civic-comment-count')];
    await counted(one!);
    await counted(twelve!);
    const thread = wrapper.querySelector('civic-comments')!;
    await settled(thread);
    await fillValid(thread);
    submit(thread);
    await waitUntil(() => sentence(one!).startsWith('2 comments'), 'the count did not go up');
    expect(sentence(twelve!)).to.match(/^12 comments/);
  });

  it('shows only the link, and reports civic-error, when the counts cannot be loaded', async () => {
    const backend = new MemoryBackend({ page, fail: { counts: true } });
    const errors: string[] = [];
    const listen = (event: Event) => errors.push((event as CustomEvent).detail.operation);
    document.addEventListener('civic-error', listen);
    try {
      const el = await fixture<CivicCommentCount>(
        html`<civic-comment-count section="one" page=${page} .backend=${backend}></civic-comment-count>`,
      );
      await waitUntil(() => errors.length > 0, 'no civic-error');
      expect(sentence(el)).to.equal('Jump to comments');
      expect(errors).to.deep.equal(['load']);
    } finally {
      document.removeEventListener('civic-error', listen);
    }
  });

  it('names the element and the attribute when it has no section', async () => {
    const messages: string[] = [];
    const original = console.error;
    console.error = (message: string) => messages.push(message);
    try {
      await fixture(html`<civic-comment-count backend="memory"></civic-comment-count>`);
      await waitUntil(() => messages.length > 0, 'nothing reported');
    } finally {
      console.error = original;
    }
    expect(messages[0]).to.contain('<civic-comment-count>: the "section" attribute is required');
  });

  it('jumps to its thread by keyboard, loading it and moving focus to its heading', async () => {
    const backend = new MemoryBackend({ page, comments: seeds });
    const wrapper = await fixture<HTMLDivElement>(html`
      <div>
        <civic-comment-count section="twelve" page=${page} .backend=${backend}></civic-comment-count>
        <div style="height: 300vh"></div>
        <civic-comments section="twelve" page=${page} .backend=${backend}></civic-comments>
      </div>
    `);
    const count = wrapper.querySelector('civic-comment-count')!;
    const thread = wrapper.querySelector<CivicComments>('civic-comments')!;
    await counted(count);
    expect(textOf(shadow(thread))).to.contain('Loading comments');
    $(count, '[part=link]').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => shadow(thread).activeElement?.id === 'thread-heading', 'focus did not move to the thread');
    expect(textOf($(thread, '[part=heading]'))).to.equal('12 comments');
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('has no axe violations with a count, without one, and in Welsh', async () => {
    const [first] = await counts(new MemoryBackend({ page, comments: seeds }));
    await expect(first!.parentElement).to.be.accessible();
    const [welsh] = await counts(new MemoryBackend({ page, comments: seeds }), 'cy');
    await expect(welsh!.parentElement).to.be.accessible();
    const failing = await fixture<CivicCommentCount>(
      html`<civic-comment-count section="one" page=${page} .backend=${new MemoryBackend({ page, fail: { counts: true } })}></civic-comment-count>`,
    );
    await failing.updateComplete;
    await expect(failing).to.be.accessible();
  });
});
