import { expect, fixture, html } from '@open-wc/testing';
import { MemoryBackend, type CivicCommentCount, type CivicComments, type CivicConsultation } from '../../index.js';
import { $, settled, textOf, waitUntil } from '../../../test/helpers.js';

const sentence = (el: Element) => textOf($(el, '[part=count]'));
const commentTexts = (el: Element) => [...el.shadowRoot!.querySelectorAll('[part=comment-body]')].map(textOf);

const backendWith = (page: string, body: string) => new MemoryBackend({ page, comments: [{ section: 'intro', name: 'A', body }] });

describe('<civic-consultation>', () => {
  it('lends its backend and page to every element inside it; two consultations stay independent', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`
      <div>
        <civic-consultation page="first" .backend=${backendWith('first', 'On the first page.')}>
          <civic-comment-count section="intro"></civic-comment-count>
          <civic-comments section="intro"></civic-comments>
        </civic-consultation>
        <civic-consultation page="second" .backend=${backendWith('second', 'On the second page.')} lang="cy">
          <civic-comments section="intro"></civic-comments>
        </civic-consultation>
      </div>
    `);
    const [first, second] = [...wrapper.querySelectorAll<CivicComments>('civic-comments')];
    await settled(first!);
    await settled(second!);
    expect(commentTexts(first!)).to.deep.equal(['On the first page.']);
    expect(commentTexts(second!)).to.deep.equal(['On the second page.']);
    expect(first!.pageId).to.equal('first');
    expect(textOf($(second!, '[part=heading]'))).to.equal('1 sylw');
    const count = wrapper.querySelector<CivicCommentCount>('civic-comment-count')!;
    await waitUntil(() => sentence(count).startsWith('1 comment'), 'the count never arrived');
  });

  it('lets an attribute on an element win over the consultation’s', async () => {
    const backend = new MemoryBackend({
      comments: [
        { page: 'outer', section: 'intro', name: 'A', body: 'Outer page.' },
        { page: 'inner', section: 'intro', name: 'B', body: 'Inner page.' },
      ],
    });
    const consultation = await fixture<CivicConsultation>(html`
      <civic-consultation page="outer" .backend=${backend}>
        <civic-comments section="intro" page="inner"></civic-comments>
      </civic-consultation>
    `);
    const thread = consultation.querySelector('civic-comments')!;
    await settled(thread);
    expect(commentTexts(thread)).to.deep.equal(['Inner page.']);
  });

  it('reloads the elements inside when its settings change', async () => {
    const backend = new MemoryBackend({
      comments: [
        { page: 'before', section: 'intro', name: 'A', body: 'Before.' },
        { page: 'after', section: 'intro', name: 'B', body: 'After.' },
      ],
    });
    const consultation = await fixture<CivicConsultation>(html`
      <civic-consultation page="before" .backend=${backend}><civic-comments section="intro"></civic-comments></civic-consultation>
    `);
    const thread = consultation.querySelector('civic-comments')!;
    await settled(thread);
    consultation.setAttribute('page', 'after');
    await waitUntil(() => commentTexts(thread).join() === 'After.', 'the thread did not follow the consultation');
  });

  it('has no axe violations around its elements', async () => {
    const consultation = await fixture<CivicConsultation>(html`
      <civic-consultation page="axe" .backend=${backendWith('axe', 'Hello.')}>
        <h2>Introduction</h2>
        <civic-comment-count section="intro"></civic-comment-count>
        <civic-comments section="intro"></civic-comments>
      </civic-consultation>
    `);
    await settled(consultation.querySelector('civic-comments')!);
    await expect(consultation).to.be.accessible();
  });
});
