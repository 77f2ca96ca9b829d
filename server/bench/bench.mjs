// Measures the reference server on this machine: listing a section of 100 comments, revalidating
// it, reading the counts of a page, and durable posts of a realistic length, on SQLite and (when BENCH_DATABASE_URL or
// TEST_DATABASE_URL names one) on PostgreSQL. Every figure is printed beside the ceiling: a bare
// Node server (ceiling.mjs) answering a body of the same size, measured in the same run. Each
// server runs in its own process; wrk (Debian: apt-get install wrk) loads it over loopback.
// Each figure and its ceiling are measured in turns, several rounds, and the medians printed, since
// on a shared machine one measurement can be half or double the next.
// With --haproxy, also three instances on that PostgreSQL behind HAProxy (Debian: apt-get install
// haproxy), as a department that outgrows one machine runs them.
// Usage: npm run bench:server [-- --seconds 5 --rounds 3 --haproxy]
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { tables } from '../src/storage/migrations.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '10' },
    haproxy: { type: 'boolean' },
  },
});
const duration = Number(values.seconds);
const rounds = Number(values.rounds);
const connections = Number(values.connections);
const server = new URL('../bin/civic-comments-server.js', import.meta.url).pathname;
const ceilingServer = new URL('./ceiling.mjs', import.meta.url).pathname;
const page = 'bench-page';
const section = 'bench-section';

const post = (url, body, key) =>
  fetch(`${url}/api/v1/comments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
    body: JSON.stringify({ page, section, name: 'Bench Reader', email: 'bench@example.com', body, visibility: 'public' }),
  });

/*
 * Posts of a realistic length: about 60 words each, and two in five a copy of one of ten 40-word
 * campaign letters, as a flood brings them. Words drawn from a consultation's vocabulary, so that
 * independent responses are not alike and campaign grouping does the work it does in a flood.
 */
const vocabulary =
  'library opening hours evening weekend children school books study quiet space staff volunteers budget council local community access bus parking ramp lift toilets computers printing help older people digital skills events reading groups families safe warm welcoming would could should please keep close open more fewer better worse cost charge free fair'.split(
    ' ',
  );
let seed = 11;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const words = (n) => Array.from({ length: n }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(' ');
const letters = Array.from({ length: 10 }, (_, i) => `Letter ${i + 1}. ${words(38)}.`);
/** The n-th post's text: a campaign letter, or a reader's own 60 words. */
const postText = (n) => (n % 5 < 2 ? letters[n % 10] : `${words(30)}. ${words(30)}.`);

/** A post's body; the load generator writes the section's number and the text. */
const postTemplate = JSON.stringify({
  page,
  section: 'posts-%d',
  name: 'Bench Reader',
  email: 'bench@example.com',
  body: '%s',
  visibility: 'public',
});
const postBody = (n) => postTemplate.replace('%d', String(n % 50)).replace('%s', postText(n));

const folder = mkdtempSync(join(tmpdir(), 'civic-comments-bench-'));
let scripts = 0;
/** A Lua long string, which needs no escaping. */
const lua = (text) => `[==[${text}]==]`;

/**
 * Loads a URL with wrk (one thread, so that the load generator takes one core and the server the
 * other) and answers requests a second, p99 and errors. `posts` sends each request a new
 * Idempotency-Key and body, as different readers would.
 */
function run({ url, method = 'GET', headers = {}, posts = false }) {
  const script = join(folder, `load-${scripts++}.lua`);
  writeFileSync(
    script,
    `local headers = {}
${Object.entries(headers)
  .map(([name, value]) => `headers[${lua(name)}] = ${lua(value)}`)
  .join('\n')}
local n = 0
local letters = { ${letters.map(lua).join(', ')} }
local vocabulary = { ${vocabulary.map(lua).join(', ')} }
local function words(count)
  local chosen = {}
  for i = 1, count do chosen[i] = vocabulary[math.random(#vocabulary)] end
  return table.concat(chosen, " ")
end
request = function()
  ${
    posts
      ? `n = n + 1
  headers["Content-Type"] = "application/json"
  headers["Idempotency-Key"] = ${lua(`bench-${process.pid}-${scripts}-`)} .. n
  local text = (n % 5 < 2) and letters[n % 10 + 1] or (words(30) .. ". " .. words(30) .. ".")
  return wrk.format("POST", nil, headers, string.format(${lua(postTemplate)}, n % 50, text))`
      : `return wrk.format(${lua(method)}, nil, headers)`
  }
end
`,
  );
  return new Promise((resolve, reject) => {
    execFile('wrk', ['-t1', `-c${connections}`, `-d${duration}s`, '--timeout', '5s', '--latency', '-s', script, url], (error, stdout) => {
      if (error) return reject(error.code === 'ENOENT' ? new Error('wrk is not installed: apt-get install wrk') : error);
      const perSecond = /Requests\/sec:\s+([\d.]+)/.exec(stdout);
      const p99 = /^\s+99%\s+([\d.]+)(us|ms|s)\s*$/m.exec(stdout);
      if (!perSecond || !p99) return reject(new Error(`wrk printed no summary: ${stdout}`));
      const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout)?.slice(1) ?? [];
      const failed = Number(/Non-2xx or 3xx responses: (\d+)/.exec(stdout)?.[1] ?? 0);
      resolve({
        perSecond: Number(perSecond[1]),
        p99: Number(p99[1]) * { us: 0.001, ms: 1, s: 1000 }[p99[2]],
        errors: socketErrors.reduce((all, count) => all + Number(count), failed),
      });
    });
  });
}

/** Server processes still running, stopped should the benchmark itself fail. */
const children = new Set();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/** Starts a server process and waits for the address it prints. */
function listen(args, env = {}) {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  const url = new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`${args[0]} stopped (${code}): ${output}`)));
  });
  return url.then((address) => ({
    url: address,
    stop: () => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM'))),
  }));
}

/**
 * The bare server's figure for an answer of this size and status, measured right after ours, so
 * that both meet the same machine: on a shared machine the ceiling itself moves from minute to minute.
 */
async function ceiling(bytes, status, method = 'GET') {
  const bare = await listen([ceilingServer, String(bytes), String(status)]);
  try {
    return await run({ url: bare.url, posts: method === 'POST' });
  } finally {
    await bare.stop();
  }
}

/** One line of the table: our figure beside the ceiling's for the same bytes. */
async function measure(database, name, options, sample) {
  const ours = [];
  const bare = [];
  for (let round = 0; round < rounds; round++) {
    ours.push(await run(options));
    bare.push(await ceiling(sample.bytes, sample.status, options.method));
  }
  const median = (results, pick) => results.map(pick).sort((a, b) => a - b)[Math.floor(results.length / 2)];
  const perSecond = median(ours, (r) => r.perSecond);
  const ceilingPerSecond = median(bare, (r) => r.perSecond);
  return {
    database,
    benchmark: name,
    'requests/s': Math.round(perSecond),
    ceiling: Math.round(ceilingPerSecond),
    'of ceiling': `${Math.round((100 * perSecond) / ceilingPerSecond)}%`,
    'p99 ms': median(ours, (r) => r.p99),
    'ceiling p99 ms': median(bare, (r) => r.p99),
    'body bytes': sample.bytes,
    errors: ours.reduce((all, r) => all + r.errors, 0),
  };
}

async function sampleOf(url, init) {
  const response = await fetch(url, init);
  return { bytes: (await response.arrayBuffer()).byteLength, status: response.status, etag: response.headers.get('ETag') };
}

const serverEnv = { MODERATION: 'post', RATE_LIMIT: '0', MODERATOR_TOKEN: 'bench-moderator-token-0123456789' };

/** One server on the database. */
const oneInstance = (databaseUrl) => () => listen([server, '--port', '0', '--db', databaseUrl], serverEnv);

/** A port free now on loopback. */
const freePort = () =>
  new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

/** Three servers on the database behind HAProxy, balancing in turn; answers HAProxy's address. */
const threeBehindHAProxy = (databaseUrl) => async () => {
  const instances = [];
  // One at a time, so that the first migrates the database.
  for (let i = 0; i < 3; i++) instances.push(await listen([server, '--port', String(await freePort()), '--db', databaseUrl], serverEnv));
  const front = await freePort();
  const config = join(folder, 'haproxy.cfg');
  writeFileSync(
    config,
    `defaults
  mode http
  timeout connect 2s
  timeout client 30s
  timeout server 30s
frontend web
  bind 127.0.0.1:${front}
  default_backend instances
backend instances
  balance roundrobin
${instances.map(({ url }, i) => `  server instance${i + 1} ${new URL(url).host}`).join('\n')}
`,
  );
  const proxy = spawn('haproxy', ['-f', config, '-db'], { stdio: ['ignore', 'ignore', 'inherit'] });
  children.add(proxy);
  const url = `http://127.0.0.1:${front}`;
  for (let tries = 0; ; tries++) {
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) break;
    } catch (error) {
      if (tries > 100) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    stop: async () => {
      await new Promise((resolve) => (proxy.once('exit', resolve), proxy.kill('SIGTERM')));
      await Promise.all(instances.map((instance) => instance.stop()));
    },
  };
};

async function bench(database, start, prepare) {
  await prepare?.();
  const { url, stop } = await start();
  try {
    for (let i = 0; i < 100; i++) {
      const response = await post(url, `Seed comment ${i} with a sentence or two of text, as readers write them.`, `seed-${i}`);
      if (response.status !== 201) throw new Error(`seeding failed: ${response.status}`);
    }
    const results = [];
    const listUrl = `${url}/api/v1/comments?page=${page}&section=${section}&limit=100`;
    const list = await sampleOf(listUrl);
    results.push(await measure(database, 'list 100 comments', { url: listUrl }, list));
    const revalidate = { headers: { 'If-None-Match': list.etag } };
    results.push(await measure(database, 'list, revalidated (304)', { url: listUrl, ...revalidate }, await sampleOf(listUrl, revalidate)));
    const countsUrl = `${url}/api/v1/counts?page=${page}`;
    results.push(await measure(database, 'counts of a page', { url: countsUrl }, await sampleOf(countsUrl)));
    const answer = await sampleOf(`${url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `sample-${process.pid}` },
      body: postBody(0),
    });
    const posts = { url: `${url}/api/v1/comments`, posts: true };
    results.push(await measure(database, 'durable posts', posts, answer));
    return results;
  } finally {
    await stop();
  }
}

const results = [];
try {
  results.push(...(await bench('SQLite', oneInstance(join(folder, 'bench.db')))));
  const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (postgresUrl) {
    const { default: postgres } = await import('postgres');
    const empty = async () => {
      const sql = postgres(postgresUrl, { onnotice: () => {} });
      await sql.unsafe(`DROP TABLE IF EXISTS ${tables.join(', ')}`);
      await sql.end();
    };
    results.push(...(await bench('PostgreSQL', oneInstance(postgresUrl), empty)));
    if (values.haproxy) results.push(...(await bench('PostgreSQL, 3 behind HAProxy', threeBehindHAProxy(postgresUrl), empty)));
  } else {
    console.log('PostgreSQL skipped: set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a postgres:// URL.');
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
console.log(
  `\n${duration} s each, ours and the ceiling in turns, median of ${rounds} rounds, ${connections} connections, on ${(await import('node:os')).cpus().length} cores:`,
);
console.table(results);
