import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { RestBackend, type CivicComments } from '../src/index.js';
import '../src/define.js';
import { $, fillValid, settled, shadow, submit, textOf } from './helpers.js';
import { referenceServer, uniquePage } from './reference-server.js';

// Whatever a backend does, the page around the threads carries on: no uncaught error, a clear
// message in the failing thread, a civic-error event, and every other thread still works.
describe('a page whose comment backends fail', () => {
  it('raises no uncaught error, tells readers, reports civic-error, and leaves the other threads working', async () => {
    const uncaught: unknown[] = [];
    const onError = (event: ErrorEvent) => uncaught.push(event.error ?? event.message);
    const onRejection = (event: PromiseRejectionEvent) => uncaught.push(event.reason);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    const reported: { section: string; error: string }[] = [];
    const onCivicError = (event: Event) => {
      const { detail, target } = event as CustomEvent<{ error: Error }>;
      reported.push({ section: (target as CivicComments).section, error: detail.error.name });
    };
    document.addEventListener('civic-error', onCivicError);
    try {
      const { url } = await referenceServer();
      const page = uniquePage('host');
      const hanging = new RestBackend({ endpoint: `${location.origin}/__slow/`, timeout: 300, retries: 0 });
      const wrapper = await fixture<HTMLDivElement>(html`
        <div>
          <p id="host-content">The department's own page.</p>
          <civic-comments section="down" page=${page} endpoint=${`${location.origin}/__failing/`}></civic-comments>
          <civic-comments section="hanging" page=${page} .backend=${hanging}></civic-comments>
          <civic-comments section="wrong-shape" page=${page} endpoint=${`${location.origin}/__wrong-shape/`}></civic-comments>
          <civic-comments section="unreachable" page=${page} endpoint="http://127.0.0.1:9"></civic-comments>
          <civic-comments section="healthy" page=${page} endpoint=${url}></civic-comments>
        </div>
      `);
      const thread = (section: string) => wrapper.querySelector<CivicComments>(`civic-comments[section=${section}]`)!;
      for (const section of ['down', 'hanging', 'wrong-shape', 'unreachable']) {
        thread(section).scrollIntoView();
        await waitUntil(() => textOf(shadow(thread(section))).includes('Comments could not be loaded'), `${section} never said so`, {
          timeout: 15_000,
        });
        expect($(thread(section), '[part=status] button').textContent!.trim()).to.equal('Try again');
      }
      expect(Object.fromEntries(reported.map((r) => [r.section, r.error]))).to.deep.equal({
        down: 'BackendUnavailableError',
        hanging: 'BackendUnavailableError',
        'wrong-shape': 'ResponseShapeError',
        unreachable: 'BackendUnavailableError',
      });

      const healthy = thread('healthy');
      await settled(healthy);
      await fillValid(healthy, 'public', 'Still works.');
      submit(healthy);
      await waitUntil(() => textOf(shadow(healthy)).includes('Awaiting moderation'), 'the healthy thread could not post');
      expect(document.querySelector('#host-content')!.textContent).to.equal("The department's own page.");
      expect(uncaught).to.deep.equal([]);
    } finally {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
      document.removeEventListener('civic-error', onCivicError);
    }
  });
});
