import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { correctedBackend, page } from './examples.js';

interface Args {
  lang: string;
  'heading-level': number;
}

const changeLog = (args: Args) => html`
  <civic-change-log page=${page} lang=${args.lang} heading-level=${args['heading-level']} .backend=${correctedBackend()}></civic-change-log>
`;

const meta = {
  title: 'Elements/civic-change-log',
  component: 'civic-change-log',
  render: changeLog,
  args: { lang: 'en', 'heading-level': 2 },
  argTypes: {
    lang: { control: 'inline-radio', options: ['en', 'cy'] },
    'heading-level': { control: { type: 'number', min: 2, max: 6 } },
  },
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

const shadow = (canvasElement: HTMLElement) => canvasElement.querySelector('civic-change-log')!.shadowRoot!;
const line = (canvasElement: HTMLElement) =>
  shadow(canvasElement).querySelector('[part=last-updated]')?.textContent?.replace(/\s+/g, ' ').trim();

/** "Last updated … — see all updates", with the list closed. */
export const LastUpdated: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(line(canvasElement)).toMatch(/^Last updated .+ — see all updates$/));
  },
};

/** Every update opened: the section it changed and what the department said changed, then when the wording was first published. */
export const AllUpdates: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(line(canvasElement)).toBeTruthy());
    shadow(canvasElement).querySelector<HTMLButtonElement>('[part=updates-button]')!.click();
    await waitFor(() => expect(shadow(canvasElement).querySelector('[part=updates]')?.textContent).toContain('Corrected the closing time'));
  },
};

/** The same, in Welsh. */
export const InWelsh: Story = {
  args: { lang: 'cy' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(line(canvasElement)).toMatch(/^Diweddarwyd ddiwethaf .+ — gweld pob diweddariad$/));
  },
};
