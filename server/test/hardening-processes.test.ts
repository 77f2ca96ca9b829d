import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { awayFromWindowEdge, postgresUrl, token } from './helpers.js';
import { bodies, emptyPostgres, post, startProcess, stopped } from './processes.js';

const folder = mkdtempSync(join(tmpdir(), 'civic-comments-hardening-'));
after(() => rmSync(folder, { recursive: true, force: true }));

const megabyte = 1024 * 1024;

/** The most memory the process has held since it started (VmHWM), in megabytes. */
function peakRss(pid: number): number {
  const line = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))!;
  return Math.round(Number(line[1]) / 1024);
}

/** Streams a form of `size` megabytes to /respond without a Content-Length, as a hostile client would; answers the status. */
function sendHugeForm(url: string, size: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const sending = request(`${url}/respond`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    let status: number | undefined;
    sending.on('response', (response) => {
      status = response.statusCode;
      response.resume();
      response.on('end', () => {
        sending.destroy();
        resolve(status);
      });
    });
    sending.on('error', () => resolve(status));
    const chunk = Buffer.alloc(megabyte, 'body=xxxxxxxx');
    let sent = 0;
    const write = () => {
      while (sent < size) {
        sent++;
        if (!sending.write(chunk)) return void sending.once('drain', write);
      }
      sending.end();
    };
    write();
  });
}

describe('a hostile client cannot exhaust the server', () => {
  it('refuses four simultaneous 200 MB forms with 413 while the memory stays flat', async () => {
    const server = await startProcess(join(folder, 'oversize.db'));
    try {
      await fetch(`${server.url}/api/v1/health`);
      const before = peakRss(server.child.pid!);
      const statuses = await Promise.all([1, 2, 3, 4].map(() => sendHugeForm(server.url, 200)));
      const withLength = await fetch(`${server.url}/respond`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: Buffer.alloc(2 * megabyte, 'x'),
      });
      const peak = peakRss(server.child.pid!);
      console.log(`# peak RSS of the server: ${before} MB before, ${peak} MB after four 200 MB forms`);
      assert.deepEqual(statuses, [413, 413, 413, 413]);
      assert.equal(withLength.status, 413);
      assert.ok(peak - before < 64, `memory grew by ${peak - before} MB`);
    } finally {
      await stopped(server.child, 'SIGTERM');
    }
  });

  it('counts a client behind a proxy by the address the proxy saw, however it rotates X-Forwarded-For', async () => {
    const server = await startProcess(join(folder, 'proxy.db'), { TRUST_PROXY: '1', RATE_LIMIT: '2' });
    await awayFromWindowEdge();
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const response = await fetch(`${server.url}/api/v1/comments`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `203.0.113.${i}, 198.51.100.7` },
          body: JSON.stringify({
            page: '/proxy',
            section: 'intro',
            name: 'Reader',
            email: 'reader@example.com',
            body: `Rotated ${i}`,
            visibility: 'public',
          }),
        });
        statuses.push(response.status);
      }
      assert.deepEqual(statuses, [201, 201, 429, 429, 429, 429]);
    } finally {
      await stopped(server.child, 'SIGTERM');
    }
  });

  it('exits within SHUTDOWN_TIMEOUT of SIGTERM however slow a client is, losing no acknowledged comment', async () => {
    const database = join(folder, 'shutdown.db');
    const server = await startProcess(database, { SHUTDOWN_TIMEOUT: '2' });
    const acknowledged = new Set<string>();
    await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        if ((await post(server.url, `Before ${i}`, `before-${i}`)).status === 201) acknowledged.add(`Before ${i}`);
      }),
    );
    // A client that sends its request a byte at a time, and would take a minute to finish.
    const { port } = new URL(server.url);
    const slow = connect(Number(port), '127.0.0.1');
    slow.on('error', () => {});
    slow.write(`POST /api/v1/comments HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 4000\r\n\r\n{`);
    const trickle = setInterval(() => slow.write(' '), 200);
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const inFlight = Array.from({ length: 20 }, async (_, i) => {
        try {
          if ((await post(server.url, `During ${i}`, `during-${i}`)).status === 201) acknowledged.add(`During ${i}`);
        } catch {
          // Refused because the server had stopped listening: never acknowledged.
        }
      });
      const started = Date.now();
      const exited = stopped(server.child, 'SIGTERM');
      await Promise.all(inFlight);
      await exited;
      const took = Date.now() - started;
      console.log(`# exited ${took} ms after SIGTERM with a slow client connected (deadline 2,000 ms)`);
      assert.ok(took < 4000, `took ${took} ms`);
    } finally {
      clearInterval(trickle);
      slow.destroy();
    }
    const again = await startProcess(database);
    try {
      const stored = await bodies(again.url);
      for (const body of acknowledged) assert.ok(stored.includes(body), `${body} was acknowledged`);
      assert.ok(acknowledged.size >= 20);
    } finally {
      await stopped(again.child, 'SIGTERM');
    }
  });
});

describe('rate limits shared by instances on one PostgreSQL', { skip: postgresUrl ? false : 'TEST_DATABASE_URL is not set' }, () => {
  it('stores exactly 5 of 200 simultaneous posts sent through two instances with a limit of 5', async () => {
    await emptyPostgres(postgresUrl!);
    const a = await startProcess(postgresUrl!, { RATE_LIMIT: '5' });
    const b = await startProcess(postgresUrl!, { RATE_LIMIT: '5' });
    try {
      await awayFromWindowEdge();
      const statuses = await Promise.all(
        Array.from({ length: 200 }, (_, i) => post(i % 2 ? a.url : b.url, `Shared limit ${i}`, `shared-${i}`).then((r) => r.status)),
      );
      assert.equal(statuses.filter((s) => s === 201).length, 5);
      assert.equal(statuses.filter((s) => s === 429).length, 195);
      assert.equal((await bodies(a.url)).length, 5);
    } finally {
      await Promise.all([stopped(a.child, 'SIGTERM'), stopped(b.child, 'SIGTERM')]);
    }
  });
});

/** The Debian cluster serving TEST_DATABASE_URL, so that the test can stop and start it. */
function cluster(): [string, string] | undefined {
  if (!postgresUrl || process.getuid?.() !== 0 || !existsSync('/usr/bin/pg_lsclusters')) return undefined;
  const port = new URL(postgresUrl).port || '5432';
  const line = execFileSync('pg_lsclusters', ['--no-header'], { encoding: 'utf8' })
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .find((fields) => fields[2] === port);
  return line ? [line[0]!, line[1]!] : undefined;
}

const pg = cluster();
describe('PostgreSQL going away and coming back', { skip: pg ? false : 'needs a local Debian PostgreSQL cluster and root' }, () => {
  it('answers 503 with Retry-After and database "unreachable" while it is down, and recovers without a restart', async () => {
    await emptyPostgres(postgresUrl!);
    const server = await startProcess(postgresUrl!);
    const control = (action: 'stop' | 'start') =>
      execFileSync('pg_ctlcluster', [pg![0], pg![1], action, ...(action === 'stop' ? ['-m', 'fast'] : [])], { stdio: 'ignore' });
    try {
      assert.equal((await fetch(`${server.url}/api/v1/health`)).status, 200);
      control('stop');
      try {
        const health = await fetch(`${server.url}/api/v1/health`);
        assert.equal(health.status, 503);
        assert.equal(((await health.json()) as { database: string }).database, 'unreachable');
        for (const response of [
          await post(server.url, 'While the database is down', 'down-1'),
          await fetch(`${server.url}/api/v1/comments?page=%2Fdurability&section=intro`),
          await fetch(`${server.url}/api/v1/moderation/comments`, { headers: { Authorization: `Bearer ${token}` } }),
        ]) {
          assert.equal(response.status, 503);
          assert.ok(Number(response.headers.get('Retry-After')) > 0);
          assert.equal(((await response.json()) as { error: string }).error, 'unavailable');
        }
      } finally {
        control('start');
      }
      let status = 0;
      for (let i = 0; i < 40 && status !== 200; i++) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        status = (await fetch(`${server.url}/api/v1/health`)).status;
      }
      assert.equal(status, 200);
      assert.equal((await post(server.url, 'After it came back', 'down-1')).status, 201);
      assert.deepEqual(await bodies(server.url), ['After it came back']);
    } finally {
      await stopped(server.child, 'SIGTERM');
    }
  });
});
