import { expect, fixture, html } from '@open-wc/testing';
import { post } from './moderation-console.js';
import { moderate, referenceServer, uniquePage } from './reference-server.js';

/**
 * The reading view for readers without JavaScript, as the reference server renders it, checked by
 * axe-core in every engine: its page has no script to run axe with, so a copy of its content is
 * shown here, with its own style sheet.
 */
describe('the reading view for readers without JavaScript', () => {
  for (const lang of ['en', 'cy']) {
    it(`has nothing axe-core finds, with comments, a reply, an outcome and a closed consultation (${lang})`, async () => {
      const { url } = await referenceServer();
      const page = uniquePage('read-view');
      await moderate(`consultations/${encodeURIComponent(page)}`, {
        method: 'PUT',
        body: JSON.stringify({
          title: 'Parking review',
          department: 'Transport',
          closesAt: '2030-01-31T23:59:00Z',
          sections: [{ id: 'intro', title: '1. Permits' }],
        }),
      });
      const [first] = await post(page, 2);
      for (const id of (await (await moderate(`comments?page=${encodeURIComponent(page)}`)).json()).comments.map(
        (c: { id: string }) => c.id,
      )) {
        await moderate(`comments/${id}`, { method: 'PATCH', body: '{"status":"published"}' });
      }
      await moderate('comments', {
        method: 'POST',
        body: JSON.stringify({ page, section: 'intro', parentId: first, body: 'The department’s answer.' }),
      });
      await moderate(`outcomes/${encodeURIComponent(page)}/intro`, { method: 'PUT', body: JSON.stringify({ body: 'What we did.' }) });
      await moderate(`consultations/${encodeURIComponent(page)}`, {
        method: 'PUT',
        body: JSON.stringify({
          title: 'Parking review',
          department: 'Transport',
          closesAt: '2026-01-31T23:59:00Z',
          sections: [{ id: 'intro', title: '1. Permits' }],
        }),
      });

      const answer = await fetch(`${url}/read?page=${encodeURIComponent(page)}&section=intro&lang=${lang}`);
      const parsed = new DOMParser().parseFromString(await answer.text(), 'text/html');
      const copy = await fixture<HTMLDivElement>(html`<div lang=${lang}><link rel="stylesheet" href=${`${url}/respond.css`} /></div>`);
      copy.append(document.importNode(parsed.querySelector('main')!, true));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(copy.querySelectorAll('.read-thread li')).to.have.length(3);
      expect(copy.querySelector('.notice')!.textContent).to.match(lang === 'cy' ? /Ionawr 2026/ : /closed on 31 January 2026/);
      await expect(copy).to.be.accessible();
    });
  }
});
