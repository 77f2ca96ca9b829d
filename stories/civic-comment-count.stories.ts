import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { MemoryBackend, type MemoryBackendOptions } from '../src/index.js';
import { conversation, page } from './examples.js';

interface Args {
  section: string;
  lang: string;
  backend: Omit<MemoryBackendOptions, 'comments'>;
}

const count = (args: Args) => html`
  <civic-comment-count
    section=${args.section}
    page=${page}
    lang=${args.lang}
    .backend=${new MemoryBackend({ page, comments: conversation, ...args.backend })}
  ></civic-comment-count>
`;

const sentence = (canvasElement: HTMLElement) =>
  canvasElement.querySelector('civic-comment-count')!.shadowRoot!.querySelector('[part=count]')!.textContent!.replace(/\s+/g, ' ').trim();

const meta = {
  title: 'Elements/civic-comment-count',
  component: 'civic-comment-count',
  render: count,
  args: { section: 'opening-hours', lang: 'en', backend: {} },
  argTypes: {
    section: { control: 'inline-radio', options: ['opening-hours', 'digital-lending'] },
    lang: { control: 'inline-radio', options: ['en', 'cy'] },
    backend: { control: false },
  },
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

/** A section with comments, replies included, and the link to them. */
export const WithComments: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(sentence(canvasElement)).toBe('5 comments on this section Jump to comments'));
  },
};

/** A section nobody has commented on yet. */
export const NoComments: Story = {
  args: { section: 'digital-lending' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(sentence(canvasElement)).toBe('So far, there are no comments on this section. Jump to comments'));
  },
};

/** In Welsh: the noun stays singular after a numeral. */
export const Welsh: Story = {
  args: { lang: 'cy' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(sentence(canvasElement)).toBe('5 sylw ar yr adran hon Neidio i’r sylwadau'));
  },
};

/** When the counts cannot be had, only the link shows. */
export const CountsUnavailable: Story = {
  args: { backend: { fail: { counts: true } } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(sentence(canvasElement)).toBe('Jump to comments'));
  },
};
