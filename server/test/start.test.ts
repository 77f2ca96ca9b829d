// `npm start`, the README's front door: it builds what changed since the last start, and nothing
// when nothing did, then serves the demonstration consultation.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';

const root = new URL('../..', import.meta.url);
const folder = mkdtempSync(join(tmpdir(), 'civic-comments-start-'));
after(() => rmSync(folder, { recursive: true, force: true }));

/** Runs `npm start` until the server says where it listens; answers what it printed and the demonstration's address. */
async function start(): Promise<{ output: string; demo: string }> {
  const child = spawn(process.execPath, ['scripts/start.mjs', '--port', '0', '--db', join(folder, 'demo.db')], {
    cwd: root,
    env: { ...process.env, MODERATOR_TOKEN: 'start-test-token-0123456789' },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  try {
    const demo = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm start never listened:\n${output}`)), 120_000);
      child.stdout.on('data', () => {
        const address = /Demonstration: (\S+)/.exec(output)?.[1];
        if (address) {
          clearTimeout(timer);
          resolve(address);
        }
      });
      child.on('exit', (code) => reject(new Error(`npm start ended (${code}):\n${output}`)));
    });
    assert.equal((await fetch(demo)).status, 200, 'the demonstration is served');
    assert.equal((await fetch(new URL('/civic-comments.js', demo))).status, 200, 'the script tag is served');
    return { output, demo };
  } finally {
    child.kill('SIGTERM');
  }
}

describe('npm start', () => {
  it('serves the demonstration, and starts again without building when nothing changed', async () => {
    await start();
    const { output } = await start();
    assert.match(output, /Up to date: the reader's and the console's scripts\./);
    assert.match(output, /Up to date: the reference server\./);
    assert.doesNotMatch(output, /Building/);
  });
});
