// Measures the reference server on this machine: listing a section of 100 comments, revalidating
// it, reading the counts of a page, and durable posts, on SQLite and (when BENCH_DATABASE_URL or
// TEST_DATABASE_URL names one) on PostgreSQL. Every figure is printed beside the ceiling: a bare
// Node server (ceiling.mjs) answering a body of the same size, measured in the same run. Each
// server runs in its own process; autocannon loads it over loopback.
// Usage: npm run bench:server [-- --seconds 10]
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '10' } } });
const duration = Number(values.seconds);
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

function run(options) {
  return new Promise((resolve, reject) => {
    autocannon({ duration, connections, ...options }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/** Starts a server process and waits for the address it prints. */
function listen(args, env = {}) {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`${args[0]} stopped (${code}): ${output}`)));
  });
  return url.then((address) => ({ url: address, stop: () => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM'))) }));
}

/**
 * The bare server's figure for an answer of this size and status, measured right after ours, so
 * that both meet the same machine: on a shared machine the ceiling itself moves from minute to minute.
 */
async function ceiling(bytes, status, method = 'GET') {
  const bare = await listen([ceilingServer, String(bytes), String(status)]);
  try {
    return await run({ url: bare.url, method, body: method === 'POST' ? postBody(0) : undefined });
  } finally {
    await bare.stop();
  }
}

const postBody = (n) =>
  JSON.stringify({ page, section: `posts-${n % 50}`, name: 'Bench Reader', email: 'bench@example.com', body: `Durable comment ${n}`, visibility: 'public' });

/** One line of the table: our figure beside the ceiling's for the same bytes. */
async function measure(database, name, options, sample) {
  const result = await run(options);
  const bare = await ceiling(sample.bytes, sample.status, options.method);
  return {
    database,
    benchmark: name,
    'requests/s': Math.round(result.requests.average),
    ceiling: Math.round(bare.requests.average),
    'of ceiling': `${Math.round((100 * result.requests.average) / bare.requests.average)}%`,
    'p99 ms': result.latency.p99,
    'ceiling p99 ms': bare.latency.p99,
    'body bytes': sample.bytes,
    errors: result.errors + result.non2xx - (sample.status === 304 ? result['3xx'] ?? 0 : 0),
  };
}

async function sampleOf(url, init) {
  const response = await fetch(url, init);
  return { bytes: (await response.arrayBuffer()).byteLength, status: response.status, etag: response.headers.get('ETag') };
}

async function bench(database, databaseUrl, prepare) {
  await prepare?.();
  const { url, stop } = await listen([server, '--port', '0', '--db', databaseUrl], {
    MODERATION: 'post',
    RATE_LIMIT: '0',
    MODERATOR_TOKEN: 'bench-moderator-token-0123456789',
  });
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
    let n = 0;
    const answer = await sampleOf(`${url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `sample-${process.pid}` },
      body: postBody(0),
    });
    const posts = {
      url: `${url}/api/v1/comments`,
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      requests: [
        {
          setupRequest: (request) => ({
            ...request,
            headers: { ...request.headers, 'Idempotency-Key': `bench-${process.pid}-${n++}` },
            body: postBody(n),
          }),
        },
      ],
    };
    results.push(await measure(database, 'durable posts', posts, answer));
    return results;
  } finally {
    await stop();
  }
}

const results = [];
const folder = mkdtempSync(join(tmpdir(), 'civic-comments-bench-'));
try {
  results.push(...(await bench('SQLite', join(folder, 'bench.db'))));
  const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (postgresUrl) {
    const { default: postgres } = await import('postgres');
    const empty = async () => {
      const sql = postgres(postgresUrl, { onnotice: () => {} });
      await sql.unsafe('DROP TABLE IF EXISTS comments, idempotency_keys, rate_limits, server_secrets, page_versions, schema_migrations');
      await sql.end();
    };
    results.push(...(await bench('PostgreSQL', postgresUrl, empty)));
  } else {
    console.log('PostgreSQL skipped: set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a postgres:// URL.');
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
console.log(`\n${duration} s each, ${connections} connections, on ${(await import('node:os')).cpus().length} cores:`);
console.table(results);
