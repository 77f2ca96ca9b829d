import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { MemoryBackend } from '../src/index.js';
import { MemoryModeration } from '../src/moderation.js';
import { page, queue } from './examples.js';

interface Args {
  lang: string;
  signedIn: boolean;
  failing: boolean;
}

const tokenKey = 'civic-comments:moderator-token';

/** The console over an in-page store; the token `demo` signs in. */
const moderation = (args: Args) => {
  const memory = new MemoryBackend({ page, comments: queue, fail: { list: args.failing } });
  if (args.signedIn) sessionStorage.setItem(tokenKey, JSON.stringify({ token: 'demo' }));
  else sessionStorage.removeItem(tokenKey);
  return html`<civic-moderation lang=${args.lang} .backendFor=${(token: string) => new MemoryModeration(memory, token)}></civic-moderation>`;
};

const shadow = (canvasElement: HTMLElement) => canvasElement.querySelector('civic-moderation')!.shadowRoot!;

const meta = {
  title: 'Elements/civic-moderation',
  component: 'civic-moderation',
  render: moderation,
  args: { lang: 'en', signedIn: true, failing: false },
  argTypes: { lang: { control: 'inline-radio', options: ['en', 'cy'] } },
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

/** Before signing in: the moderator token, in a password field. */
export const SignedOut: Story = { args: { signedIn: false } };

/** A token the server refuses. */
export const WrongToken: Story = {
  args: { signedIn: false },
  play: async ({ canvasElement }) => {
    shadow(canvasElement).querySelector<HTMLInputElement>('#token')!.value = 'not-the-token';
    shadow(canvasElement).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitFor(() => expect(shadow(canvasElement).querySelector('.error-summary')?.textContent).toContain('was not accepted'));
  },
};

/** The queue: pending comments, newest first, with counts per status. */
export const Queue: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).querySelectorAll('[part=item]').length).toBe(2));
  },
};

/** Everything, private submissions included and marked. */
export const EverythingWithPrivate: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).querySelector('#status')).toBeTruthy());
    shadow(canvasElement).querySelector<HTMLSelectElement>('#status')!.value = '';
    shadow(canvasElement).querySelector<HTMLButtonElement>('[part=filters] button[type=submit]')!.click();
    await waitFor(() => expect(shadow(canvasElement).querySelector('.item.private')?.textContent).toContain('Private: not for publication'));
  },
};

/** The store is down: the moderator is told and can try again. */
export const WithErrors: Story = {
  args: { failing: true },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).textContent).toContain('Comments could not be loaded.'));
  },
};

/** Cymraeg. */
export const Welsh: Story = { args: { lang: 'cy' } };
