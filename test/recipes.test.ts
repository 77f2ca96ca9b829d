import { expect, fixture, html, waitUntil } from '@open-wc/testing';

// The plain HTML recipe of docs/recipes, loaded as a page of its own: one script tag (the built
// file), one element, no other code. Run after `npm run build`.
describe('plain HTML recipe', () => {
  it('works with one script tag and no other code', async () => {
    const frame = await fixture<HTMLIFrameElement>(html`<iframe src="/docs/recipes/plain.html" title="Plain HTML recipe"></iframe>`);
    const thread = () => frame.contentDocument?.querySelector('civic-comments')?.shadowRoot;
    await waitUntil(
      () => thread()?.querySelector('[part=heading]')?.textContent?.trim() === 'No comments yet',
      'the thread never loaded in the page',
      { timeout: 5000 },
    );
    expect(thread()!.querySelector('label[for=email]')!.textContent!.trim()).to.equal('Email');
  });
});
