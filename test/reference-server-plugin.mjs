// Starts the reference server (built into server/dist) on a temporary SQLite file for the browser
// tests, with a real SMTP server for its receipts, and tells them where it is at
// /__reference-server.json. The SMTP server refuses every address at refused.example, so that a
// test can see the console show a receipt that could not be sent. Besides the administrator's
// token, it has a moderator added by name.
import { mkdtempSync, rmSync } from 'node:fs';
import { SMTPServer } from 'smtp-server';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function referenceServer() {
  const folder = mkdtempSync(join(tmpdir(), 'civic-comments-browser-'));
  const moderatorToken = 'browser-tests-moderator-token';
  const moderatorName = 'Priya Shah';
  let namedToken;
  let running;
  const mail = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      callback(
        address.address.endsWith('@refused.example') ? Object.assign(new Error('No such mailbox'), { responseCode: 550 }) : undefined,
      );
    },
    onData(stream, _session, callback) {
      stream.resume();
      stream.on('end', () => callback());
    },
  });
  return {
    name: 'reference-server',
    async serverStart() {
      await new Promise((resolve) => mail.listen(0, '127.0.0.1', resolve));
      const { moderatorsCommand, readConfig, startServer } = await import('../server/dist/index.js');
      // An administrator added by name, as a department adds one, for the tests of who did what.
      const added = await moderatorsCommand(['add', moderatorName, '--role', 'administrator', '--db', join(folder, 'comments.db')], {});
      namedToken = added.out[1];
      const config = readConfig(['--port', '0', '--db', join(folder, 'comments.db')], {
        MODERATOR_TOKEN: moderatorToken,
        ALLOWED_ORIGINS: '*',
        // Every engine's page posts and reports from one address, 127.0.0.1, at once: the limits per
        // client (tested by the server's own tests) would count three browsers as one reader.
        RATE_LIMIT: '0',
        REPORT_RATE_LIMIT: '0',
        SMTP_URL: `smtp://127.0.0.1:${mail.server.address().port}`,
        MAIL_FROM: 'Consultations <consultations@example.gov.uk>',
        RECEIPT_ATTEMPTS: '1',
      });
      running = await startServer(config);
    },
    async serverStop() {
      await running?.close();
      await new Promise((resolve) => mail.close(resolve));
      rmSync(folder, { recursive: true, force: true });
    },
    async serve(context) {
      if (context.path === '/__reference-server.json') {
        // The real WordPress of scripts/start-wordpress.sh, when one is running, for the wordpress backend.
        const wordpress = process.env.TEST_WORDPRESS_URL ?? null;
        return {
          body: JSON.stringify({ url: running.url, moderatorToken, named: { name: moderatorName, token: namedToken }, wordpress }),
          type: 'json',
        };
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
