import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';
import '../src/define.js';
import '../src/moderation.js';

// Docs pages and controls come from the same manifest as the API tables of docs/elements.md.
setCustomElementsManifest(manifest);

const preview: Preview = {
  parameters: {
    // axe runs on every story, in the browser and when the stories run as tests; a violation fails.
    a11y: { test: 'error', context: 'civic-comments, civic-comment-count, civic-change-log, civic-consultation, civic-moderation' },
    controls: { expanded: true },
  },
  tags: ['autodocs'],
};

export default preview;
