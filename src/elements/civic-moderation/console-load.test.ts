import { expect, fixture, html as fixtureHtml } from '@open-wc/testing';
import { LitElement, html, nothing } from 'lit';
import { ConsoleLoad } from './console-load.js';

const words = { loading: 'Loading comments…', loadFailed: 'Comments could not be loaded.', tryAgain: 'Try again' };

/** A promise and the hands that settle it, to answer runs in any order. */
function later<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => ((resolve = yes), (reject = no)));
  return { promise, resolve, reject };
}

/** A view that reads one list through a ConsoleLoad, as the console's views do. */
class LoadingView extends LitElement {
  answers: ReturnType<typeof later<string[]>>[] = [];
  shown: string[] = [];
  failures: unknown[] = [];
  readonly load = new ConsoleLoad(
    this,
    () => {
      const answer = later<string[]>();
      this.answers.push(answer);
      return answer.promise;
    },
    (items) => (this.shown = items),
    (error) => this.failures.push(error),
  );

  override render() {
    return html`${this.load.status(words, () => void this.load.run()) ?? html`<ul>${this.shown.map((item) => html`<li>${item}</li>`)}</ul>`}${nothing}`;
  }
}
customElements.define('loading-view-test', LoadingView);

describe('a console view reading from its backend', () => {
  let view: LoadingView;
  beforeEach(async () => {
    view = await fixture<LoadingView>(fixtureHtml`<loading-view-test></loading-view-test>`);
  });

  it('says it is loading until the answer comes, then shows it', async () => {
    expect(view.load.state).to.equal('idle');
    const run = view.load.run();
    await view.updateComplete;
    expect(view.load.state).to.equal('loading');
    expect(view.shadowRoot!.textContent).to.contain('Loading comments…');
    view.answers[0]!.resolve(['first']);
    await run;
    await view.updateComplete;
    expect(view.load.state).to.equal('loaded');
    expect(view.shadowRoot!.querySelector('li')!.textContent).to.equal('first');
  });

  it('shows the newest answer when an older one arrives after it', async () => {
    const older = view.load.run();
    const newer = view.load.run();
    view.answers[1]!.resolve(['after the filters changed']);
    await newer;
    view.answers[0]!.resolve(['before the filters changed']);
    await older;
    await view.updateComplete;
    expect([...view.shadowRoot!.querySelectorAll('li')].map((item) => item.textContent)).to.deep.equal(['after the filters changed']);
  });

  it('offers to try again after a failure, and shows the answer of the second try', async () => {
    const run = view.load.run();
    view.answers[0]!.reject(new Error('unreachable'));
    await run;
    await view.updateComplete;
    expect(view.load.state).to.equal('failed');
    expect(view.failures).to.have.length(1);
    expect(view.shadowRoot!.querySelector('.error-text')!.textContent).to.equal('Comments could not be loaded.');
    const button = view.shadowRoot!.querySelector('button')!;
    expect(button.textContent!.trim()).to.equal('Try again');
    button.click();
    view.answers[1]!.resolve(['second try']);
    await new Promise((settled) => setTimeout(settled));
    await view.updateComplete;
    expect(view.shadowRoot!.querySelector('li')!.textContent).to.equal('second try');
  });

  it('goes back to before its first run when forgotten, even while a run is waiting', async () => {
    void view.load.run();
    view.load.forget();
    expect(view.load.state).to.equal('idle');
  });
});
