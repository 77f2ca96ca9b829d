import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { MemoryBackend } from '../src/index.js';
import { conversation, page } from './examples.js';

const thread = () =>
  html`<civic-comments section="opening-hours" page=${page} .backend=${new MemoryBackend({ page, comments: conversation })}></civic-comments>`;

/**
 * Theming uses only the documented `--civic-` custom properties and CSS parts: no selector reaches
 * inside the element.
 */
const meta = {
  title: 'Theming',
  render: thread,
} satisfies Meta;
export default meta;
type Story = StoryObj;

/** The GOV.UK look, with nothing set. */
export const Default: Story = {};

/** A dark page: colours for text, links, borders, inputs and the focus highlight. */
export const Dark: Story = {
  decorators: [
    (story) => html`
      <style>
        .dark {
          padding: 1rem;
          background: #0b0c0c;
          --civic-color-text: #f3f2f1;
          --civic-color-secondary-text: #c8c8c8;
          --civic-color-background: #1d1d1d;
          --civic-color-link: #8bbdf2;
          --civic-color-link-hover: #b9d6f5;
          --civic-color-border: #6f777b;
          --civic-color-error: #ff8a80;
          --civic-color-button: #00703c;
          --civic-color-button-shadow: #002d18;
        }
      </style>
      <div class="dark">${story()}</div>
    `,
  ],
};

/** A department's own colours and font, and a part restyled: the comments as cards. */
export const DepartmentColours: Story = {
  decorators: [
    (story) => html`
      <style>
        .department {
          --civic-font-family: Georgia, 'Times New Roman', serif;
          --civic-color-link: #6f2c91;
          --civic-color-link-hover: #4a1d61;
          --civic-color-button: #6f2c91;
          --civic-color-button-shadow: #3b174d;
          --civic-color-focus: #ffbf47;
        }
        .department civic-comments::part(comment) {
          padding: 0.75rem;
          border: 1px solid #d6c2e0;
          border-radius: 4px;
          background: #faf7fc;
        }
        .department civic-comments::part(heading) {
          color: #6f2c91;
        }
      </style>
      <div class="department">${story()}</div>
    `,
  ],
};
