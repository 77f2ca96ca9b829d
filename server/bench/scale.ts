// The console at scale, measured: for each size (10,000, 100,000 and 1,000,000 responses by
// default) seeds one consultation of realistic responses (see seed.ts: two in five campaign copies)
// with an audit log of half as many decisions, starts the server on it, then asks for every view of
// the console again and again, one request at a time, and prints each view's median and 99th
// percentile, then how long the CSV and Consult exports take and how much the server's resident
// memory grows while each is written. SQLite by default; PostgreSQL with --postgres
// (TEST_DATABASE_URL, which it empties).
//   npm run bench:scale -- [--sizes 10000,100000,1000000] [--postgres]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchPage as page, referenceOf, seedPostgres, seedSqlite } from './seed.js';

const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '10000,100000,1000000' }, postgres: { type: 'boolean' } },
});
const sizes = values.sizes.split(',').map(Number);
const token = 'bench-moderator-token-0123456789';
const database = values.postgres ? 'PostgreSQL' : 'SQLite';
/** Requests per view: fewer when a view is slow, so that a run ends. */
const samples = 100;
const secondsPerView = 20;

const encoded = encodeURIComponent(page);
/** Every view of the console, as the console asks for it. */
const views = (size: number): [string, string | (() => Promise<string>)][] => [
  ['Queue, first page', `comments?page=${encoded}&limit=50`],
  ['Queue, tenth page', '' /* filled in below, from the cursors */],
  ['Queue, pending', `comments?page=${encoded}&status=pending&limit=50`],
  ['Queue, one section', `comments?page=${encoded}&section=section-3&limit=50`],
  ['Queue, one section, pending', `comments?page=${encoded}&section=section-3&status=pending&limit=50`],
  ['Queue, one campaign', `comments?page=${encoded}&campaign=campaign-3&limit=50`],
  ['Queue, by reference', `comments?page=${encoded}&reference=${referenceOf(Math.floor(size / 2))}&limit=50`],
  ['Queue, by email', `comments?page=${encoded}&email=respondent${Math.floor(size / 3)}%40example.com&limit=50`],
  ['Overview', `overview?page=${encoded}`],
  ['Audit log, first page', `audit?page=${encoded}&limit=50`],
  ['Audit log, one moderator', `audit?moderator=Moderator%203&limit=50`],
];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const residentOf = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;

async function measure(base: string, path: string): Promise<{ p50: number; p99: number; n: number }> {
  const get = async () => {
    const started = performance.now();
    const response = await fetch(`${base}/api/v1/moderation/${path}`, { headers: { Authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    await response.arrayBuffer();
    return performance.now() - started;
  };
  for (let i = 0; i < 3; i++) await get();
  const times: number[] = [];
  const until = performance.now() + secondsPerView * 1000;
  while (times.length < samples && (times.length < 5 || performance.now() < until)) times.push(await get());
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), n: times.length };
}

/** Downloads an export, answering how long it took and how much the server grew meanwhile. */
async function exportOf(base: string, pid: number, format: string) {
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const before = residentOf(pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, residentOf(pid))), 20);
  const started = performance.now();
  const response = await fetch(`${base}/api/v1/moderation/export?page=${encoded}&format=${format}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  const reader = response.body!.getReader();
  let bytes = 0;
  for (let part = await reader.read(); !part.done; part = await reader.read()) bytes += part.value.byteLength;
  clearInterval(sampler);
  return { seconds: (performance.now() - started) / 1000, bytes, growth: Math.max(peak, residentOf(pid)) - before };
}

async function run(size: number) {
  const folder = mkdtempSync(join(tmpdir(), 'civic-scale-bench-'));
  const url = values.postgres ? process.env.TEST_DATABASE_URL : join(folder, 'bench.db');
  if (!url) throw new Error('--postgres needs TEST_DATABASE_URL');
  const seeding = performance.now();
  await (values.postgres ? seedPostgres(url, size, { audit: true }) : seedSqlite(url, size, { audit: true }));
  console.error(
    `# ${size.toLocaleString('en-GB')} responses on ${database}, seeded in ${((performance.now() - seeding) / 1000).toFixed(1)} s`,
  );
  const port = 8700 + Math.floor(Math.random() * 200);
  const server = spawn(process.execPath, ['server/bin/civic-comments-server.js', '--port', String(port), '--db', url], {
    env: { ...process.env, MODERATOR_TOKEN: token, RATE_LIMIT: '0' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    for (let tries = 0; ; tries++) {
      try {
        if ((await fetch(`${base}/api/v1/counts?page=${encoded}`)).ok) break;
      } catch (error) {
        if (tries > 300) throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // The tenth page's cursor, followed as the console follows it.
    let path = `comments?page=${encoded}&limit=50`;
    for (let n = 1; n < 10; n++) {
      const listed = (await (
        await fetch(`${base}/api/v1/moderation/${path}`, { headers: { Authorization: `Bearer ${token}` } })
      ).json()) as { nextCursor: string | null };
      path = `comments?page=${encoded}&limit=50&cursor=${encodeURIComponent(listed.nextCursor!)}`;
    }
    const results = new Map<string, string>();
    for (const [name, view] of views(size)) {
      const measured = await measure(base, name === 'Queue, tenth page' ? path : (view as string));
      results.set(name, `${measured.p50.toFixed(1)} / ${measured.p99.toFixed(1)}`);
      console.error(`  ${name}: p50 ${measured.p50.toFixed(1)} ms, p99 ${measured.p99.toFixed(1)} ms (${measured.n} requests)`);
    }
    for (const format of ['csv', 'consult']) {
      const { seconds, bytes, growth } = await exportOf(base, server.pid!, format);
      const label = format === 'csv' ? 'CSV export' : 'Consult export';
      results.set(label, `${seconds.toFixed(1)} s, +${(growth / 1e6).toFixed(0)} MB`);
      console.error(`  ${label}: ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s, server grew ${(growth / 1e6).toFixed(1)} MB`);
    }
    return results;
  } finally {
    server.kill();
    await new Promise((resolve) => server.once('exit', resolve));
    rmSync(folder, { recursive: true, force: true });
  }
}

const columns: Map<string, string>[] = [];
for (const size of sizes) columns.push(await run(size));
console.log(
  `\n${database}: each view's median / 99th percentile in ms, one request at a time; each export's time and the server's growth while writing it.\n`,
);
console.log(`| View | ${sizes.map((size) => `${size.toLocaleString('en-GB')} responses`).join(' | ')} |`);
console.log(`| --- | ${sizes.map(() => '---:').join(' | ')} |`);
for (const name of columns[0]!.keys()) console.log(`| ${name} | ${columns.map((column) => column.get(name)).join(' | ')} |`);
