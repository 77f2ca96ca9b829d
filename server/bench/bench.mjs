// Measures the reference server on this machine: listing a section of 100 comments, reading the
// counts of a page, and durable posts, on SQLite and (when BENCH_DATABASE_URL or TEST_DATABASE_URL
// names one) on PostgreSQL. The server runs in its own process; autocannon loads it over loopback.
// Usage: npm run bench:server [-- --seconds 10]
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '16' } } });
const duration = Number(values.seconds);
const connections = Number(values.connections);
const server = new URL('../bin/civic-comments-server.js', import.meta.url).pathname;
const page = 'bench-page';
const section = 'bench-section';

async function start(databaseUrl) {
  const child = spawn(process.execPath, [server, '--port', '0', '--db', databaseUrl], {
    env: { ...process.env, MODERATION: 'post', RATE_LIMIT: '0', MODERATOR_TOKEN: 'bench-moderator-token-0123456789' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`the server stopped (${code}): ${output}`)));
  });
  return { url, stop: () => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM'))) };
}

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

const row = (database, name, result) => ({
  database,
  benchmark: name,
  'requests/s': Math.round(result.requests.average),
  'p50 ms': result.latency.p50,
  'p99 ms': result.latency.p99,
  errors: result.errors + result.non2xx,
});

async function bench(database, databaseUrl, prepare) {
  await prepare?.();
  const { url, stop } = await start(databaseUrl);
  try {
    for (let i = 0; i < 100; i++) {
      const response = await post(url, `Seed comment ${i} with a sentence or two of text, as readers write them.`, `seed-${i}`);
      if (response.status !== 201) throw new Error(`seeding failed: ${response.status}`);
    }
    const results = [];
    const list = await run({ url: `${url}/api/v1/comments?page=${page}&section=${section}&limit=100` });
    results.push(row(database, 'list 100 comments', list));
    results.push(row(database, 'counts of a page', await run({ url: `${url}/api/v1/counts?page=${page}` })));
    let n = 0;
    const posts = await run({
      url: `${url}/api/v1/comments`,
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      requests: [
        {
          setupRequest: (request) => ({
            ...request,
            headers: { ...request.headers, 'Idempotency-Key': `bench-${process.pid}-${n++}` },
            body: JSON.stringify({ page, section: `posts-${n % 50}`, name: 'Bench Reader', email: 'bench@example.com', body: `Durable comment ${n}`, visibility: 'public' }),
          }),
        },
      ],
    });
    results.push(row(database, 'durable posts', posts));
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
      await sql.unsafe('DROP TABLE IF EXISTS comments, idempotency_keys, schema_migrations');
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
