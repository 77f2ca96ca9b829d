import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { moderate, referenceServer, uniquePage } from './reference-server.js';

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

// The CMS recipe, as a department would paste it, with the example server's address replaced by the
// reference server's: the script comes from the comment server, which finds the sections itself.
describe('CMS page recipe', () => {
  it('gets a count and a thread for each section of the post from one script tag', async () => {
    const { url } = await referenceServer();
    const page = uniquePage('cms');
    const sent = await fetch(`${url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify({
        page,
        section: 'garden-waste',
        name: 'Resident',
        email: 'resident@example.com',
        body: 'Keep the discount.',
        visibility: 'public',
      }),
    });
    const { comment } = await sent.json();
    await moderate(`comments/${comment.id}`, { method: 'PATCH', body: '{"status":"published"}' });

    const recipe = await (await fetch('/docs/recipes/cms.html')).text();
    const frame = await fixture<HTMLIFrameElement>(html`<iframe
      title="CMS recipe"
      style="width: 800px; height: 3000px"
      srcdoc=${recipe.replaceAll('https://comments.example.gov.uk', url).replace('waste-strategy-2027', page)}
    ></iframe>`);
    const doc = () => frame.contentDocument!;
    await waitUntil(() => doc().querySelectorAll('civic-comment-count').length === 3, 'the script tag never embedded the elements', {
      timeout: 5000,
    });
    const outline = [...doc().querySelector('.entry-content')!.children].map((el) =>
      el.getAttribute('section') ? `${el.localName}:${el.getAttribute('section')}` : el.localName,
    );
    expect(outline).to.deep.equal([
      'p',
      // The change log, above the first section: it shows itself once a section's wording has changed.
      'civic-change-log',
      'h2',
      'civic-comment-count:weekly-food-waste-collections',
      'p',
      'noscript',
      'civic-comments:weekly-food-waste-collections',
      'h2',
      'civic-comment-count:garden-waste',
      'p',
      'p',
      'noscript',
      'civic-comments:garden-waste',
      'h2',
      'civic-comment-count:recycling-centres',
      'p',
      'noscript',
      'civic-comments:recycling-centres',
    ]);
    expect(doc().querySelector('aside civic-comment-count, aside civic-comments')).to.equal(null);
    const count = doc().querySelector('civic-comment-count[section=garden-waste]')!;
    await waitUntil(() => count.shadowRoot?.textContent?.includes('1 comment on this section'), 'the count never arrived', {
      timeout: 5000,
    });
    const thread = doc().querySelector('civic-comments[section=garden-waste]')!;
    thread.scrollIntoView();
    await waitUntil(() => thread.shadowRoot?.textContent?.includes('Keep the discount.'), 'the thread never loaded', { timeout: 5000 });
  });
});
