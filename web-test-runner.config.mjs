import { spawn } from 'node:child_process';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import puppeteer from 'puppeteer-core';
import { chromeArgs, findChrome, findFirefox, findWebKit } from './scripts/browsers.mjs';
import { referenceServer } from './test/reference-server-plugin.mjs';

// Chromium always; Firefox and WebKit wherever they are installed (CI installs all three).
const chrome = findChrome();
if (!chrome) {
  console.error('No Chrome or Chromium found: install one (Debian: apt-get install chromium) or set CHROME_PATH to its executable.');
  process.exit(1);
}
const firefox = findFirefox();
const webkit = process.env.DISPLAY ? findWebKit() : undefined;

const browsers = [chromeLauncher({ launchOptions: { executablePath: chrome, headless: true, args: chromeArgs } })];
const ran = [`Chromium (${chrome})`];
const missing = [];

if (firefox) {
  browsers.push(chromeLauncher({ puppeteer, launchOptions: { browser: 'firefox', executablePath: firefox, headless: true } }));
  ran.push(`Firefox (${firefox})`);
} else {
  missing.push('Firefox (Debian: apt-get install firefox-esr)');
}

if (webkit) {
  const port = 4444;
  const driver = spawn(webkit.driver, [`--port=${port}`], { stdio: 'ignore' });
  process.on('exit', () => driver.kill());
  await new Promise((resolve) => setTimeout(resolve, 500));
  browsers.push(
    webdriverLauncher({
      automationProtocol: 'webdriver',
      hostname: '127.0.0.1',
      port,
      capabilities: {
        browserName: 'MiniBrowser',
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: webkit.browser, args: ['--automation'] },
      },
    }),
  );
  ran.push(`WebKit (${webkit.browser})`);
} else {
  missing.push(
    findWebKit()
      ? 'WebKit (it needs a display: run under xvfb-run -a)'
      : 'WebKit (Debian: apt-get install webkit2gtk-driver xvfb, then run under xvfb-run -a)',
  );
}
console.log(`Browsers: ${ran.join(', ')}${missing.length ? `; not found: ${missing.join(', ')}` : ''}`);

/** Ends the run with one plain line of counts: "tests: 46 passed, 0 failed, 0 skipped". */
function countsReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      const walk = (suite) => {
        for (const test of suite?.tests ?? []) {
          if (test.skipped) counts.skipped++;
          else if (test.passed) counts.passed++;
          else counts.failed++;
        }
        for (const child of suite?.suites ?? []) walk(child);
      };
      for (const session of sessions) {
        walk(session.testResults);
        // A file that could not run at all counts as a failure, not as nothing.
        if (!session.passed && !session.testResults?.tests?.length && !session.testResults?.suites?.length) counts.failed++;
      }
      // Printed after the default reporter has drawn its last progress bar.
      setTimeout(() => console.log(`tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`), 0);
    },
  };
}

const flakySeen = new Map();

export default {
  files: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  nodeResolve: true,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), referenceServer()],
  // A server that fails with 500 on every route, for the tests of a backend that is down.
  middleware: [
    // A server at /__flaky/<key>/<fail>/<wait>/ that answers 503 with `Retry-After: <wait>` to the
    // first <fail> requests of each key, then the counts of an empty page, and says at
    // /__flaky-seen/<key> how many requests it received.
    (context, next) => {
      const [, route, key, fail, wait] = context.path.split('/');
      if (route === '__flaky-seen') {
        context.type = 'json';
        context.body = String(flakySeen.get(key) ?? 0);
        return;
      }
      if (route !== '__flaky') return next();
      const seen = (flakySeen.get(key) ?? 0) + 1;
      flakySeen.set(key, seen);
      context.type = 'json';
      if (seen <= Number(fail)) {
        context.status = 503;
        context.set('Retry-After', wait);
        context.body = JSON.stringify({ error: 'unavailable', message: 'Try again shortly.' });
      } else {
        context.body = JSON.stringify({ page: String(context.query.page), counts: {} });
      }
    },
    (context, next) => {
      if (!context.path.startsWith('/__failing/')) return next();
      context.status = 500;
      context.type = 'json';
      context.body = JSON.stringify({ error: 'internal', message: 'Something went wrong on the server.' });
    },
  ],
  browsers,
  concurrency: 1,
  reporters: [defaultReporter(), countsReporter()],
  testFramework: { config: { timeout: 20000 } },
  browserStartTimeout: 60000,
  testsStartTimeout: 60000,
  testsFinishTimeout: 15 * 60 * 1000,
};
