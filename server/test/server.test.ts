import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CreatedComment } from '../../src/contract/index.js';
import { readConfig, type ServerConfig } from '../src/config.js';
import { startServer, type RunningServer } from '../src/server.js';
import { awayFromWindowEdge, newComment, token } from './helpers.js';

const folder = mkdtempSync(join(tmpdir(), 'civic-comments-server-'));
const config = (env: NodeJS.ProcessEnv = {}) =>
  readConfig(['--port', '0', '--db', join(folder, `comments-${Math.random()}.db`)], { MODERATOR_TOKEN: token, ...env }) as ServerConfig;

describe('a listening server', () => {
  let server: RunningServer;
  before(async () => {
    server = await startServer(config({ RATE_LIMIT: '3', ALLOWED_ORIGINS: 'https://www.example.gov.uk' }));
  });
  after(async () => {
    await server.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const post = (body: object, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('stores a comment sent over HTTP once, even when the same key arrives twice at the same moment', async () => {
    const [a, b] = await Promise.all([
      post(newComment(), { 'Idempotency-Key': 'same' }),
      post(newComment(), { 'Idempotency-Key': 'same' }),
    ]);
    assert.deepEqual([a.status, b.status], [201, 201]);
    assert.deepEqual(CreatedComment.parse(await a.json()), CreatedComment.parse(await b.json()));
    assert.equal((await server.storage.exportAll()).length, 1);
  });

  it('answers a cross-origin preflight from an allowed origin with the headers a widget needs', async () => {
    const response = await fetch(`${server.url}/api/v1/comments`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://www.example.gov.uk',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type, idempotency-key',
      },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('Access-Control-Allow-Origin'), 'https://www.example.gov.uk');
    assert.match(response.headers.get('Access-Control-Allow-Headers')!, /Idempotency-Key/);
  });

  it('limits posts by the client address, which it never stores', async () => {
    let last: Response | undefined;
    await awayFromWindowEdge();
    for (let i = 0; i < 4; i++) last = await post(newComment({ body: `post ${i}` }));
    assert.equal(last!.status, 429);
    assert.ok(Number(last!.headers.get('Retry-After')) >= 1);
    const exported = JSON.stringify(await server.storage.exportAll());
    assert.doesNotMatch(exported, /127\.0\.0\.1|::1/);
  });

  it('refuses a body over 64 KiB that comes without a length', async () => {
    const big = JSON.stringify(newComment({ body: 'x'.repeat(80 * 1024) }));
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const response = await fetch(`${server.url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    assert.equal(response.status, 413);
  });
});

describe('civic-comments-server command', () => {
  it('prints where it listens and a new moderator token, once, when none is set', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'civic-comments-cli-')), 'c.db');
    const script = "import('./src/cli.ts').then((cli) => cli.main(['--port', '0', '--db', process.env.TEST_DB]))";
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: new URL('..', import.meta.url),
      env: { ...process.env, MODERATOR_TOKEN: '', TEST_DB: db },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start: ${output}`)), 15_000);
      child.stdout.on('data', () => {
        if (output.includes('Moderator token')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    child.kill('SIGTERM');
    assert.match(output, /listening on http:\/\/127\.0\.0\.1:\d+ \(SQLite .*c\.db, pre-moderation\)/);
    const printed = /Moderator token[^:]*: (\S+)/.exec(output)![1]!;
    assert.ok(printed.length >= 32);
    assert.equal(output.split(printed).length, 2);
  });

  it('names the setting that is wrong', () => {
    assert.throws(() => readConfig([], { MODERATION: 'sometimes' }), /MODERATION must be "pre" or "post"/);
    assert.throws(() => readConfig([], { ALLOWED_ORIGINS: 'example.gov.uk' }), /ALLOWED_ORIGINS holds "example.gov.uk"/);
    assert.throws(() => readConfig(['--port', 'eighty'], {}), /--port \/ PORT must be a port number/);
    assert.throws(() => readConfig([], { MODERATOR_TOKEN: 'short' }), /at least 16 characters/);
  });
});
