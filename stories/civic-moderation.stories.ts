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

const day = 24 * 3_600_000;
const consultation = {
  title: 'Library opening hours',
  opensAt: new Date(Date.now() - 30 * day).toISOString(),
  closesAt: new Date(Date.now() + 5 * day).toISOString(),
  department: 'Riverside Council Libraries',
  askOrganisation: true,
  contactEmail: 'libraries@riverside.example.gov.uk',
};

/** The console over an in-page store; the token `demo` signs in. */
const moderation = (args: Args) => {
  const memory = new MemoryBackend({ page, comments: queue, fail: { list: args.failing }, consultation });
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

/** The queue: pending comments, newest first, with counts per status; a campaign listed once. */
export const Queue: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).querySelectorAll('[part=item]').length).toBe(3));
    await expect(shadow(canvasElement).querySelector('[part=campaign] .tag')?.textContent?.trim()).toBe('3 responses share this text');
  },
};

/** One campaign opened: its responses one by one, decided together. */
export const Campaign: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).querySelector('[part=campaign] [data-campaign]')).toBeTruthy());
    shadow(canvasElement).querySelector<HTMLButtonElement>('[part=campaign] [data-campaign]')!.click();
    await waitFor(() =>
      expect(shadow(canvasElement).querySelector('#campaign-heading')?.textContent).toContain('One campaign: 3 responses share this text'),
    );
    await expect(shadow(canvasElement).querySelectorAll('[part=item]').length).toBe(3);
  },
};

/** Everything, private submissions included and marked. */
export const EverythingWithPrivate: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).querySelector('#status')).toBeTruthy());
    shadow(canvasElement).querySelector<HTMLSelectElement>('#status')!.value = '';
    shadow(canvasElement).querySelector<HTMLButtonElement>('[part=filters] button[type=submit]')!.click();
    await waitFor(() =>
      expect(shadow(canvasElement).querySelector('.item.private')?.textContent).toContain('Private: not for publication'),
    );
  },
};

/** Comments readers reported, with how many and their reasons, under the Reported filter. */
export const Reported: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).querySelector('#reported')).toBeTruthy());
    shadow(canvasElement).querySelector<HTMLSelectElement>('#status')!.value = '';
    shadow(canvasElement).querySelector<HTMLSelectElement>('#reported')!.value = 'true';
    shadow(canvasElement).querySelector<HTMLButtonElement>('[part=filters] button[type=submit]')!.click();
    await waitFor(() => expect(shadow(canvasElement).querySelector('[part=reports]')?.textContent).toContain('Reported by 2 readers'));
  },
};

/** The store is down: the moderator is told and can try again. */
export const WithErrors: Story = {
  args: { failing: true },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).textContent).toContain('Comments could not be loaded.'));
  },
};

const consultationsView = async (canvasElement: HTMLElement, lang = 'en') => {
  await waitFor(() => expect(shadow(canvasElement).querySelector('[part=views]')).toBeTruthy());
  const label = lang === 'cy' ? 'Ymgynghoriadau' : 'Consultations';
  [...shadow(canvasElement).querySelectorAll<HTMLButtonElement>('[part=views] button')]
    .find((b) => b.textContent?.trim() === label)!
    .click();
  await waitFor(() => expect(shadow(canvasElement).querySelector('[part=consultation]')).toBeTruthy());
};

/** The consultations: each with its state, its dates in UK time and its responses by status. */
export const Consultations: Story = {
  play: async ({ canvasElement }) => {
    await consultationsView(canvasElement);
    await expect(shadow(canvasElement).querySelector('[part=consultation] .tag')?.textContent?.trim()).toBe('Open');
  },
};

/** Changing a consultation, with the GOV.UK date input and its errors. */
export const ConsultationFormErrors: Story = {
  play: async ({ canvasElement }) => {
    await consultationsView(canvasElement);
    shadow(canvasElement).querySelector<HTMLButtonElement>('#change-0')!.click();
    await waitFor(() => expect(shadow(canvasElement).querySelector('#closes-month')).toBeTruthy());
    shadow(canvasElement).querySelector<HTMLInputElement>('#closes-month')!.value = '';
    shadow(canvasElement).querySelector<HTMLInputElement>('#consultation-title')!.value = '';
    shadow(canvasElement).querySelector<HTMLButtonElement>('[part=consultation-form] button[type=submit]')!.click();
    await waitFor(() =>
      expect(shadow(canvasElement).querySelector('.error-summary')?.textContent).toContain('Closing date must include a month'),
    );
  },
};

/** The consultations, in Welsh. */
export const WelshConsultations: Story = {
  args: { lang: 'cy' },
  play: async ({ canvasElement }) => {
    await consultationsView(canvasElement, 'cy');
    await expect(shadow(canvasElement).querySelector('[part=consultation] .tag')?.textContent?.trim()).toBe('Ar agor');
  },
};

/** The audit log, after a moderator approved a comment and changed the consultation: who did what, and when. */
export const AuditLog: Story = {
  play: async ({ canvasElement }) => {
    const root = shadow(canvasElement);
    const button = (scope: ParentNode, text: string) =>
      [...scope.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === text)!;
    await waitFor(() => expect(root.querySelectorAll('[part=item]').length).toBe(3));
    button(root.querySelector('[part=item]')!, 'Approve').click();
    await waitFor(() => expect(root.querySelector('[part=notice]')?.textContent).toContain('Approved 1 comment'));
    await consultationsView(canvasElement);
    button(root, 'Extend').click();
    await waitFor(() => expect(root.querySelector('#closes-day')).toBeTruthy());
    root.querySelector<HTMLInputElement>('#closes-year')!.value = String(new Date().getFullYear() + 1);
    root.querySelector<HTMLButtonElement>('[part=consultation-form] button[type=submit]')!.click();
    await waitFor(() => expect(root.querySelector('.consultations-notice')).toBeTruthy());
    button(root.querySelector('[part=views]')!, 'Audit log').click();
    await waitFor(() => expect(root.querySelectorAll('[part=audit-log] tbody tr').length).toBe(2));
    await expect(root.querySelector('[part=signed-in]')?.textContent).toContain('Signed in as Demonstration moderator');
  },
};

/** A consultation at a glance: charts, each with the same figures in a table beside it. */
export const Overview: Story = {
  play: async ({ canvasElement }) => {
    const root = shadow(canvasElement);
    await waitFor(() => expect(root.querySelector('[part=views]')).toBeTruthy());
    [...root.querySelectorAll<HTMLButtonElement>('[part=views] button')].find((b) => b.textContent?.trim() === 'Overview')!.click();
    await waitFor(() => expect(root.querySelectorAll('[part=chart]').length).toBe(4));
    await expect(root.querySelector('#sections-description')?.textContent).toContain('The section with the most responses is');
  },
};

/** Cymraeg. */
export const Welsh: Story = { args: { lang: 'cy' } };
