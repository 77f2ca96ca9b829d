// Starts the reference server (built into server/dist) on a temporary SQLite file for the browser
// tests, and tells them where it is at /__reference-server.json.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function referenceServer() {
  const folder = mkdtempSync(join(tmpdir(), 'civic-comments-browser-'));
  const moderatorToken = 'browser-tests-moderator-token';
  let running;
  return {
    name: 'reference-server',
    async serverStart() {
      const { readConfig, startServer } = await import('../server/dist/index.js');
      const config = readConfig(['--port', '0', '--db', join(folder, 'comments.db')], {
        MODERATOR_TOKEN: moderatorToken,
        ALLOWED_ORIGINS: '*',
        RATE_LIMIT: '0',
      });
      running = await startServer(config);
    },
    async serverStop() {
      await running?.close();
      rmSync(folder, { recursive: true, force: true });
    },
    async serve(context) {
      if (context.path === '/__reference-server.json') {
        return { body: JSON.stringify({ url: running.url, moderatorToken }), type: 'json' };
      }
      // A server that breaks the contract, and one that is too slow, for the rest backend's error tests.
      if (context.path.startsWith('/__wrong-shape/api/v1/')) {
        return { body: JSON.stringify({ comments: 'not a list', page: 42 }), type: 'json' };
      }
      if (context.path.startsWith('/__slow/api/v1/')) {
        await new Promise((resolve) => setTimeout(resolve, 2000));
        return { body: '{}', type: 'json' };
      }
    },
  };
}
