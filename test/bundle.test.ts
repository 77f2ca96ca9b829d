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

  it('shares one memory store with the console’s built file, so a demonstration can be moderated where it is read', async () => {
    await import(/* @vite-ignore */ `${'/dist/civic-comments.js'}`);
    await import(/* @vite-ignore */ `${'/dist/civic-moderation.js'}`);
    sessionStorage.setItem('civic-comments:moderator-token', JSON.stringify({ token: 'demo' }));
    const words = `Waiting for a moderator ${Math.random()}`;
    const wrapper = await fixture<HTMLElement>(html`
      <div>
        <civic-comments backend="memory" section="fees" page="/shared"></civic-comments>
        <civic-moderation backend="memory"></civic-moderation>
      </div>
    `);
    const thread = wrapper.querySelector('civic-comments')!.shadowRoot!;
    await waitUntil(() => thread.querySelector('#body'), 'the form never appeared');
    const type = (selector: string, value: string) => {
      const field = thread.querySelector<HTMLInputElement>(selector)!;
      field.value = value;
      field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    };
    type('#name', 'Ada Lovelace');
    type('#email', 'ada@example.com');
    type('#body', words);
    thread.querySelector<HTMLInputElement>('#visibility-public')!.click();
    thread.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => thread.textContent!.includes('Your comment has been sent'), 'the comment was never sent');

    const console = wrapper.querySelector('civic-moderation')!.shadowRoot!;
    await waitUntil(() => console.querySelector('#page'), 'the console never signed in');
    console.querySelector<HTMLInputElement>('#page')!.value = '/shared';
    console.querySelector<HTMLButtonElement>('[part=filters] button[type=submit]')!.click();
    await waitUntil(
      () => [...console.querySelectorAll('[part=item]')].some((item) => item.textContent!.includes(words)),
      'the console never listed the comment',
    );
  });
});
