import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromeArgs, findChrome } from './scripts/browsers.mjs';
import { referenceServer } from './test/reference-server-plugin.mjs';

const chrome = findChrome();
if (!chrome) {
  console.error(
    'No Chrome or Chromium found: install one (Debian: apt-get install chromium) or set CHROME_PATH to its executable.',
  );
  process.exit(1);
}
console.log(`Browsers: Chromium (${chrome})`);

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

export default {
  files: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  nodeResolve: true,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), referenceServer()],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chrome, headless: true, args: chromeArgs },
    }),
  ],
  reporters: [defaultReporter(), countsReporter()],
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 10 * 60 * 1000,
};
