import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { readConfig, type ServerConfig } from '../src/config.js';
import { startServer, type RunningServer } from '../src/server.js';
import { newComment, page, postgresUrl, token } from './helpers.js';
import { emptyPostgres } from './processes.js';

/** A real SMTP server on loopback that keeps every message it is given, parsed. */
async function mailServer(port = 0): Promise<{ port: number; mail: ParsedMail[]; close: () => Promise<void> }> {
  const mail: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, done) {
      simpleParser(stream)
        .then((parsed) => mail.push(parsed))
        .then(() => done(), done);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    mail,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A port that nothing listens on, for a mail server that is down. */
async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const folder = mkdtempSync(join(tmpdir(), 'civic-comments-receipts-'));
after(() => rmSync(folder, { recursive: true, force: true }));
let files = 0;

/** The test database, emptied, so that the server starts on a new schema. */
async function postgresDatabase(url: string): Promise<string> {
  await emptyPostgres(url);
  return url;
}

const databases: { name: string; url: () => Promise<string> }[] = [
  { name: 'SQLite', url: async () => join(folder, `receipts-${files++}.db`) },
  ...(postgresUrl ? [{ name: 'PostgreSQL', url: async () => postgresDatabase(postgresUrl!) }] : []),
];

async function start(databaseUrl: string, smtpPort: number, env: Record<string, string> = {}): Promise<RunningServer> {
  return startServer(
    readConfig(['--port', '0', '--db', databaseUrl], {
      MODERATOR_TOKEN: token,
      RATE_LIMIT: '0',
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_FROM: 'Consultations <consultations@example.gov.uk>',
      RECEIPT_RETRY_SECONDS: '0.2',
      ...env,
    }) as ServerConfig,
  );
}

const request = (server: RunningServer, path: string, init: RequestInit = {}) =>
  fetch(`${server.url}${path}`, { ...init, headers: { 'Content-Type': 'application/json', ...init.headers } });
const moderator = { Authorization: `Bearer ${token}` };
const queue = async (server: RunningServer, query = '') =>
  (
    (await (
      await request(server, `/api/v1/moderation/comments?page=${encodeURIComponent(page)}${query}`, { headers: moderator })
    ).json()) as {
      comments: { id: string; email: string; reference: string; receipt: string | null }[];
    }
  ).comments;

/** The consultation that receipts are about: without one, no receipt is sent. */
const consultation = (server: RunningServer, pageId = page) =>
  request(server, `/api/v1/moderation/consultations/${encodeURIComponent(pageId)}`, {
    method: 'PUT',
    headers: moderator,
    body: JSON.stringify({ title: 'Library opening hours' }),
  });

async function until<T>(read: () => Promise<T> | T, done: (value: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > end) throw new Error(`${what}: still ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

for (const database of databases) {
  describe(`emailed receipts on ${database.name}`, () => {
    it('mails the respondent a receipt with the reference, in their language, and their text only ever as text', async () => {
      const smtp = await mailServer();
      const server = await start(await database.url(), smtp.port);
      try {
        await request(server, `/api/v1/moderation/consultations/${encodeURIComponent(page)}`, {
          method: 'PUT',
          headers: moderator,
          body: JSON.stringify({
            title: 'Cycle lanes',
            contactEmail: 'cycle-lanes@example.gov.uk',
            askOrganisation: true,
            sections: [{ id: 'intro', title: '1. Introduction' }],
          }),
        });
        const body = 'Line one <b>not bold</b> & <script>alert(1)</script>\nLine two.';
        const posted = await request(server, '/api/v1/comments', {
          method: 'POST',
          body: JSON.stringify(
            newComment({ body, respondent: 'organisation', organisation: 'Riverside Cyclists', visibility: 'anonymous' }),
          ),
        });
        assert.equal(posted.status, 201);
        const { reference } = (await posted.json()) as { reference: string };
        const [mail] = await until(
          () => smtp.mail,
          (m) => m.length === 1,
          'no receipt arrived',
        );
        assert.equal(mail!.subject, `Your response to Cycle lanes: ${reference}`);
        assert.equal((mail!.to as { text: string }).text, 'ada@example.com');
        assert.equal(mail!.replyTo?.text, 'cycle-lanes@example.gov.uk');
        assert.match(mail!.from!.text, /consultations@example\.gov\.uk/);
        const text = mail!.text!;
        for (const part of [
          'Thank you for your response to Cycle lanes.',
          `Your reference is ${reference}.`,
          'Section: 1. Introduction',
          'Sent: On behalf of Riverside Cyclists',
          'Published without your name',
          body,
          'To change or withdraw your response, write to cycle-lanes@example.gov.uk quoting your reference.',
        ]) {
          assert.ok(text.includes(part), `the text lacks "${part}":\n${text}`);
        }
        assert.match(text, /Received: \d{1,2} \w+ \d{4} at \d{1,2}(:\d\d)?(am|pm)|midday|midnight/);
        const html = String(mail!.html);
        assert.ok(html.includes('&lt;b&gt;not bold&lt;/b&gt; &amp; &lt;script&gt;'), html);
        assert.ok(!html.includes('<script') && !html.includes('<b>'), 'the respondent’s text is never markup');
        assert.deepEqual(
          (await queue(server)).map((c) => c.receipt),
          ['sent'],
        );

        // A form filler's post is kept as spam, and no receipt goes to the address it gave.
        await request(server, '/api/v1/comments', {
          method: 'POST',
          body: JSON.stringify(newComment({ email: 'victim@example.com', website: 'https://spam.example', respondent: 'individual' })),
        });
        assert.deepEqual(
          (await queue(server, '&status=spam')).map((c) => [c.email, c.receipt]),
          [['victim@example.com', null]],
        );

        await request(server, '/api/v1/comments', {
          method: 'POST',
          body: JSON.stringify(newComment({ body: 'Yn Gymraeg.', respondent: 'individual', lang: 'cy', visibility: 'private' })),
        });
        const welsh = (
          await until(
            () => smtp.mail,
            (m) => m.length === 2,
            'no Welsh receipt arrived',
          )
        )[1]!;
        assert.match(welsh.subject!, /^Eich ymateb i Cycle lanes: CC-/);
        assert.ok(welsh.text!.includes('Wedi’i anfon yn breifat at y tîm.'), welsh.text);
        assert.ok(welsh.text!.includes('Wedi’i anfon: Fel unigolyn'), welsh.text);
      } finally {
        await server.close();
        await smtp.close();
      }
    });

    it('is no mail relay: nothing for a page without a consultation, and a few an hour to any one address', async () => {
      const smtp = await mailServer();
      // Behind one trusted proxy, so that each post comes from the client address it names.
      const server = await start(await database.url(), smtp.port, { RECEIPTS_PER_ADDRESS: '3', TRUST_PROXY: '1' });
      try {
        // A page nobody set up: its id would be the subject, chosen by whoever posts.
        const prize = 'WIN A PRIZE: claim at http://prize.example';
        for (let i = 0; i < 5; i++) {
          const posted = await request(server, '/api/v1/comments', {
            method: 'POST',
            body: JSON.stringify(newComment({ page: prize, email: 'stranger@example.com', body: `Claim your prize ${i}` })),
          });
          assert.equal(posted.status, 201, 'the response itself is stored');
        }
        await consultation(server);
        for (let i = 0; i < 8; i++) {
          const posted = await request(server, '/api/v1/comments', {
            method: 'POST',
            headers: { 'X-Forwarded-For': `198.51.${i}.1` },
            body: JSON.stringify(newComment({ email: i % 2 ? 'Stranger@Example.com' : 'stranger@example.com ', body: `Response ${i}` })),
          });
          assert.equal(posted.status, 201);
        }
        await request(server, '/api/v1/comments', {
          method: 'POST',
          body: JSON.stringify(newComment({ email: 'someone-else@example.com' })),
        });
        await until(
          () => smtp.mail,
          (m) => m.length === 4,
          'the receipts never went out',
        );
        await new Promise((resolve) => setTimeout(resolve, 500));
        assert.equal(smtp.mail.length, 4, 'three to the one address, one to another');
        assert.deepEqual(smtp.mail.map((m) => (m.to as { text: string }).text.toLowerCase()).sort(), [
          'someone-else@example.com',
          'stranger@example.com',
          'stranger@example.com',
          'stranger@example.com',
        ]);
        assert.ok(
          smtp.mail.every((m) => m.subject!.startsWith('Your response to Library opening hours: CC-')),
          'the subject is the title the department wrote',
        );
        const stored = (await queue(server)).length;
        assert.equal(stored, 9, 'every response was stored, with or without its receipt');
      } finally {
        await server.close();
        await smtp.close();
      }
    });

    it('stores a response at once while the mail server is down, and sends its receipt once it is back', async () => {
      const port = await freePort();
      const server = await start(await database.url(), port);
      let smtp: Awaited<ReturnType<typeof mailServer>> | undefined;
      try {
        await consultation(server);
        const started = performance.now();
        const posted = await request(server, '/api/v1/comments', { method: 'POST', body: JSON.stringify(newComment()) });
        const took = performance.now() - started;
        assert.equal(posted.status, 201);
        console.log(`# stored in ${took.toFixed(0)} ms with the mail server down`);
        assert.ok(took < 1000, `the post waited for the mail server: ${took} ms`);
        const { reference } = (await posted.json()) as { reference: string };
        assert.deepEqual(
          (await queue(server)).map((c) => c.receipt),
          ['pending'],
        );
        // Tries fail meanwhile, and are tried again with growing waits.
        await new Promise((resolve) => setTimeout(resolve, 500));
        smtp = await mailServer(port);
        const [mail] = await until(
          () => smtp!.mail,
          (m) => m.length === 1,
          'the receipt never went out',
          15_000,
        );
        assert.ok(mail!.text!.includes(`Your reference is ${reference}.`));
        await until(
          () => queue(server),
          (comments) => comments[0]?.receipt === 'sent',
          'the receipt was not marked sent',
        );
      } finally {
        await server.close();
        await smtp?.close();
      }
    });

    it('shows moderators the receipts it gave up on, and forgets the queued ones of an erased person', async () => {
      const server = await start(await database.url(), await freePort(), { RECEIPT_RETRY_SECONDS: '0', RECEIPT_ATTEMPTS: '2' });
      try {
        await consultation(server);
        await request(server, '/api/v1/comments', { method: 'POST', body: JSON.stringify(newComment({ email: 'given-up@example.com' })) });
        const failed = await until(
          () => queue(server, '&receipt=failed'),
          (comments) => comments.length === 1,
          'the receipt was never given up on',
        );
        assert.equal(failed[0]!.email, 'given-up@example.com');
        assert.deepEqual(await queue(server, '&receipt=sent'), []);

        await request(server, '/api/v1/moderation/erase', {
          method: 'POST',
          headers: moderator,
          body: JSON.stringify({ email: 'given-up@example.com' }),
        });
        assert.deepEqual(
          (await queue(server)).map((c) => [c.email, c.receipt]),
          [['', null]],
          'no copy of the address is left in the outbox',
        );
      } finally {
        await server.close();
      }
    });
  });
}

describe('mail settings', () => {
  it('refuses SMTP settings that cannot work, naming them', () => {
    const read = (env: Record<string, string>) => () => readConfig([], { MODERATOR_TOKEN: token, ...env });
    assert.throws(read({ SMTP_URL: 'http://mail.example.gov.uk' }), /SMTP_URL must be smtp:\/\/host:port/);
    assert.throws(read({ SMTP_URL: 'smtp://127.0.0.1:25' }), /MAIL_FROM must be the address receipts are sent from/);
    assert.throws(read({ SMTP_URL: 'smtp://127.0.0.1:25', MAIL_FROM: 'a@b.uk', RECEIPT_ATTEMPTS: '0' }), /RECEIPT_ATTEMPTS/);
    assert.throws(
      read({ SMTP_URL: 'smtp://127.0.0.1:25', MAIL_FROM: 'a@b.uk', RECEIPTS_PER_ADDRESS: '0' }),
      /RECEIPTS_PER_ADDRESS must be 1 or more/,
    );
    assert.equal(
      (readConfig([], { MODERATOR_TOKEN: token, SMTP_URL: 'smtp://127.0.0.1:25', MAIL_FROM: 'a@b.uk' }) as ServerConfig).mail!
        .perAddressHourly,
      5,
    );
    assert.equal((readConfig([], { MODERATOR_TOKEN: token }) as ServerConfig).mail, undefined, 'no SMTP_URL, no receipts');
  });
});
