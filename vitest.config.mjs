// Runs every story as a test in Chromium, with an axe check on each (the a11y addon's `test: 'error'`),
// and the framework recipes of docs/recipes as their readers would use them.
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromeArgs, findChrome } from './scripts/browsers.mjs';

const chrome = findChrome();
if (!chrome) {
  console.error('No Chrome or Chromium found: install one (Debian: apt-get install chromium) or set CHROME_PATH to its executable.');
  process.exit(1);
}

// A fresh object for each project: Vitest names each project's browser instance in place.
const browser = () => ({
  enabled: true,
  headless: true,
  provider: playwright({ launchOptions: { executablePath: chrome, args: chromeArgs } }),
  instances: [{ browser: 'chromium' }],
});

export default defineConfig({
  // The recipes import the package by its name, as its users do; here that is the source.
  resolve: {
    alias: [
      { find: /^civic-comments\/define$/, replacement: new URL('./src/define.ts', import.meta.url).pathname },
      { find: /^civic-comments$/, replacement: new URL('./src/index.ts', import.meta.url).pathname },
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'recipes', include: ['docs/recipes/*.test.tsx'], browser: browser() },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: {
          name: 'storybook',
          browser: browser(),
          setupFiles: ['.storybook/vitest.setup.ts'],
        },
      },
    ],
  },
});
