import { existsSync } from 'node:fs';

const first = (paths) => paths.find((path) => path && existsSync(path));

/** Where Chrome or Chromium usually lives, after `CHROME_PATH`. */
export function findChrome() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return first([
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
    '/snap/bin/chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
  ]);
}

/** Firefox, driven over WebDriver BiDi: `FIREFOX_PATH`, then Debian's firefox-esr. */
export function findFirefox() {
  return first([process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox', '/Applications/Firefox.app/Contents/MacOS/firefox']);
}

/** WebKitGTK's WebDriver and its MiniBrowser (Debian's webkit2gtk-driver); they need a display. */
export function findWebKit() {
  const driver = first(['/usr/bin/WebKitWebDriver']);
  const browser = first(['/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser']);
  return driver && browser ? { driver, browser } : undefined;
}

/** Flags for a headless Chromium that runs as root on a machine with no outside network. */
export const chromeArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
