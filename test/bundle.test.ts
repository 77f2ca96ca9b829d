import { expect, fixture, html, waitUntil } from '@open-wc/testing';

// The built file that departments load with one script tag: minified, with every element defined.
// Run after `npm run build`.
describe('dist/civic-comments.js', () => {
  it('defines <civic-comments>, loads the memory backend, and shows a thread', async () => {
    const bundle = await import(/* @vite-ignore */ `${'/dist/civic-comments.js'}`);
    expect(customElements.get('civic-comments')).to.equal(bundle.CivicComments);
    const { MemoryBackend } = await bundle.loadMemoryBackend();
    const backend = new MemoryBackend({
      page: '/bundle',
      comments: [{ section: 'intro', name: 'Alice', body: 'Line one\nLine two <b>not bold</b>' }],
    });
    const el = await fixture<HTMLElement & { backend: unknown }>(
      html`<civic-comments section="intro" page="/bundle" .backend=${backend}></civic-comments>`,
    );
    const root = el.shadowRoot!;
    await waitUntil(() => root.querySelector('[part=comment-body]'), 'the thread never loaded');
    expect(root.querySelector('[part=heading]')!.textContent!.trim()).to.equal('1 comment');
    expect(root.querySelector('[part=comment-body]')!.textContent).to.equal('Line one\nLine two <b>not bold</b>');
    expect(root.querySelector('b')).to.equal(null);
    expect(root.querySelector('label[for=email]')!.textContent!.trim()).to.equal('Email');
    await expect(el).to.be.accessible();
  });
});
