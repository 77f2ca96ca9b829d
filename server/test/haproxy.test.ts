import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import postgres from 'postgres';
import { postgresUrl, token } from './helpers.js';
import { emptyPostgres, post, startProcess, stopped } from './processes.js';

/*
 * Three instances of the server on one PostgreSQL behind a real HAProxy (Debian's package), as a
 * department that outgrows one machine runs it: the load spread, a rolling restart and an instance
 * killed outright while posts arrive, without losing a response the server acknowledged; the rate
 * limit shared; what is written through one instance read at once through another.
 */

const haproxy = spawnSync('haproxy', ['-v']).status === 0 ? 'haproxy' : null;
if (process.env.CI && !haproxy)
  throw new Error('CI must install HAProxy (Debian: apt-get install haproxy) for the tests of several instances.');
const skip = !postgresUrl ? 'needs TEST_DATABASE_URL' : !haproxy ? 'needs HAProxy' : false;

/** A port free now on loopback. */
const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** HAProxy's figures for each instance, from its stats socket: requests sent to it and its state. */
const statsOf = (socket: string) =>
  new Promise<Map<string, { requests: number; status: string }>>((resolve, reject) => {
    let text = '';
    const client = connect(socket, () => client.write('show stat\n'));
    client.on('data', (chunk) => (text += chunk));
    client.on('error', reject);
    client.on('end', () => {
      const [header, ...lines] = text.trim().split('\n');
      const columns = header!.replace(/^# /, '').split(',');
      const stats = new Map<string, { requests: number; status: string }>();
      for (const line of lines) {
        const row = Object.fromEntries(line.split(',').map((value, i) => [columns[i], value]));
        if (row.pxname === 'instances' && row.svname !== 'BACKEND')
          stats.set(row.svname!, { requests: Number(row.stot), status: row.status! });
      }
      resolve(stats);
    });
  });

interface Cluster {
  url: string;
  ports: number[];
  instances: (ChildProcess | undefined)[];
  start: (i: number) => Promise<void>;
  socket: string;
  stop: () => Promise<void>;
}

/** Three instances on fresh tables and HAProxy before them, checking each instance's health five times a second. */
async function cluster(env: Record<string, string> = {}): Promise<Cluster> {
  await emptyPostgres(postgresUrl!);
  const folder = mkdtempSync(join(tmpdir(), 'civic-haproxy-'));
  const ports = [await freePort(), await freePort(), await freePort()];
  const front = await freePort();
  const instances: (ChildProcess | undefined)[] = [];
  const start = async (i: number) => {
    instances[i] = (await startProcess(postgresUrl!, { TEST_PORT: String(ports[i]), TRUST_PROXY: '1', ...env })).child;
  };
  // One at a time, so that the first migrates the database.
  for (const i of [0, 1, 2]) await start(i);
  const socket = join(folder, 'haproxy.sock');
  const config = join(folder, 'haproxy.cfg');
  writeFileSync(
    config,
    `global
  stats socket ${socket} mode 600 level admin
defaults
  mode http
  timeout connect 2s
  timeout client 30s
  timeout server 30s
  # A post sent to an instance that has gone is sent to another: safe, since every post carries an
  # Idempotency-Key and is stored once whichever instance it reaches.
  retries 3
  option redispatch 1
  retry-on conn-failure empty-response response-timeout
frontend web
  bind 127.0.0.1:${front}
  option forwardfor
  default_backend instances
backend instances
  balance roundrobin
  option httpchk
  http-check send meth GET uri /api/v1/health ver HTTP/1.1 hdr Host localhost
  http-check expect status 200
  default-server inter 200ms fall 1 rise 2
${ports.map((port, i) => `  server instance${i + 1} 127.0.0.1:${port} check`).join('\n')}
`,
  );
  const proxy = spawn(haproxy!, ['-f', config, '-db'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  proxy.stderr!.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${front}`;
  for (let tries = 0; ; tries++) {
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) break;
    } catch (error) {
      if (tries > 100) throw new Error(`HAProxy did not start: ${output} ${(error as Error).message}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    ports,
    instances,
    start,
    socket,
    stop: async () => {
      await stopped(proxy, 'SIGTERM');
      await Promise.all(instances.map((child) => child && stopped(child, 'SIGTERM')));
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/**
 * Posts without pause from several clients at once until told to stop, each one retried with its
 * key as a browser's would be until it is answered; answers every body the server acknowledged.
 */
function load(url: string, clients = 6) {
  let running = true;
  const acknowledged: string[] = [];
  let sent = 0;
  const client = async (n: number) => {
    while (running) {
      const body = `Load ${n}-${sent++}`;
      const key = `key-${body}`;
      for (let attempt = 0; attempt < 50; attempt++) {
        try {
          const response = await post(url, body, key);
          if (response.status === 201 || response.status === 200) {
            acknowledged.push(body);
            break;
          }
        } catch {
          // The connection failed: tried again with the same key.
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  };
  const done = Promise.all(Array.from({ length: clients }, (_, n) => client(n)));
  return {
    acknowledged,
    stop: async () => {
      running = false;
      await done;
      return acknowledged;
    },
  };
}

describe('three instances behind HAProxy on one PostgreSQL', { skip }, () => {
  let three: Cluster;
  before(async () => (three = await cluster()));
  after(async () => three?.stop());

  it('spreads the load, and a rolling restart and a killed instance lose no acknowledged response', { timeout: 120_000 }, async (t) => {
    const posting = load(three.url);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const spread = await statsOf(three.socket);
    const counts = [...spread.values()].map((each) => each.requests);
    assert.equal(counts.length, 3);
    for (const count of counts) assert.ok(count > Math.max(...counts) / 3, `each instance takes its share: ${counts}`);

    // A rolling restart: each instance stopped as a deployment stops it, and started again.
    for (const i of [0, 1, 2]) {
      await stopped(three.instances[i]!, 'SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 300));
      await three.start(i);
      await new Promise((resolve) => setTimeout(resolve, 800));
    }
    // An instance killed outright, mid-post, and not started again until the others have carried on.
    const before = posting.acknowledged.length;
    three.instances[1]!.kill('SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.ok(posting.acknowledged.length > before + 20, 'posts carry on through the other two');
    await three.start(1);
    await new Promise((resolve) => setTimeout(resolve, 800));
    const acknowledged = await posting.stop();

    // Read from the database itself, whatever the queue would show of them.
    const sql = postgres(postgresUrl!, { onnotice: () => {} });
    const stored = (await sql<{ body: string }[]>`SELECT body FROM comments`).map((row) => row.body);
    await sql.end();
    const missing = acknowledged.filter((body) => !stored.includes(body));
    assert.equal(missing.length, 0, `every acknowledged response is stored; of ${acknowledged.length}, missing ${missing.slice(0, 10)}`);
    assert.equal(new Set(stored).size, stored.length, 'none stored twice, though some were sent twice');
    assert.ok(acknowledged.length > 200, `a real load: ${acknowledged.length} acknowledged`);
    t.diagnostic(`${acknowledged.length} posts acknowledged, ${stored.length} stored; the first 1.5 s spread ${counts.join(', ')}`);
    // All three back in the balance once their checks pass again.
    const states = async () => [...(await statsOf(three.socket)).values()].map((each) => each.status).join(',');
    for (let tries = 0; (await states()) !== 'UP,UP,UP'; tries++) {
      if (tries > 50) assert.fail(`not all three are back up: ${await states()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  it('shows at once, through any instance, what was written through another', async () => {
    const countOf = async () =>
      ((await (await fetch(`${three.url}/api/v1/counts?page=%2Fdurability`)).json()) as { counts: Record<string, number> }).counts.intro ??
      0;
    const before = await countOf();
    for (let i = 0; i < 6; i++) {
      const response = await post(three.url, `Read at once ${i}`, `read-${i}`);
      assert.equal(response.status, 201);
      const { comment } = (await response.json()) as { comment: { id: string } };
      // The next requests go to each instance in turn: every one shows the new response at once.
      for (let read = 0; read < 3; read++) {
        assert.equal(await countOf(), before + i + 1);
        assert.equal((await fetch(`${three.url}/api/v1/comments/${comment.id}`)).status, 200);
      }
    }
  });
});

describe('the rate limit shared by three instances behind HAProxy', { skip }, () => {
  let three: Cluster;
  before(async () => (three = await cluster({ RATE_LIMIT: '4' })));
  after(async () => three?.stop());

  it('counts one client’s posts across every instance', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await post(three.url, `Limited ${i}`, `limited-${i}`)).status);
    // Six posts, two through each instance, from the one client HAProxy forwarded.
    assert.deepEqual(statuses, [201, 201, 201, 201, 429, 429]);
    const moderated = await fetch(`${three.url}/api/v1/moderation/comments?page=%2Fdurability`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    assert.equal(((await moderated.json()) as { total: number }).total, 4);
  });
});
