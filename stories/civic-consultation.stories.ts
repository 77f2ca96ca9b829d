import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { MemoryBackend } from '../src/index.js';
import { conversation, page } from './examples.js';

interface Args {
  lang: string;
}

/** A consultation page as a department writes it: the settings once, then a count and a thread per section. */
const consultation = (args: Args) => html`
  <civic-consultation page=${page} lang=${args.lang} .backend=${new MemoryBackend({ page, comments: conversation, moderation: 'post' })}>
    <h2 id="opening-hours">1. Opening hours</h2>
    <civic-comment-count section="opening-hours"></civic-comment-count>
    <p>We propose to open every branch until 7pm on two weekday evenings and on Saturday mornings.</p>
    <civic-comments section="opening-hours" heading-level="3"></civic-comments>

    <h2 id="digital-lending">2. Digital lending</h2>
    <civic-comment-count section="digital-lending"></civic-comment-count>
    <p>We propose to spend a fifth of the stock budget on e-books and audiobooks.</p>
    <civic-comments section="digital-lending" heading-level="3"></civic-comments>
  </civic-consultation>
`;

const meta = {
  title: 'Pages/A consultation page',
  component: 'civic-consultation',
  render: consultation,
  args: { lang: 'en' },
  argTypes: { lang: { control: 'inline-radio', options: ['en', 'cy'] } },
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

const counts = (canvasElement: HTMLElement) =>
  [...canvasElement.querySelectorAll('civic-comment-count')].map((el) =>
    el.shadowRoot!.querySelector('[part=count]')!.textContent!.replace(/\s+/g, ' ').trim(),
  );

/** Two sections under one `<civic-consultation>`, each with its count, its thread and its form. */
export const TwoSections: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(counts(canvasElement)).toEqual([
        '5 comments on this section Jump to comments',
        'So far, there are no comments on this section. Jump to comments',
      ]),
    );
  },
};

/** The same page in Welsh, chosen once on the consultation. */
export const Welsh: Story = {
  args: { lang: 'cy' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(counts(canvasElement)[0]).toBe('5 sylw ar yr adran hon Neidio i’r sylwadau'));
  },
};
