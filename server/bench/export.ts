// Exports, measured: seeds a consultation of realistic responses (about 60 words each, two in five
// a copy of one of ten 40-word campaign letters), starts the server on it, then downloads the CSV
// the JSON and the Consult export and prints, for each, the file's size, the time to its first byte and to its
// end, and how much the server's resident memory grew while it was written. SQLite by default;
// PostgreSQL with --postgres (TEST_DATABASE_URL, which it empties).
//   npm run bench:export -- [--responses 100000] [--postgres]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchPage as page, random, seedPostgres, seedSqlite } from './seed.js';

const { values } = parseArgs({ options: { responses: { type: 'string', default: '100000' }, postgres: { type: 'boolean' } } });
const count = Number(values.responses);
const token = 'bench-moderator-token-0123456789';

/** The server's resident memory, in bytes, from /proc. */
const residentOf = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'civic-export-bench-'));
  const database = values.postgres ? process.env.TEST_DATABASE_URL : join(folder, 'bench.db');
  if (!database) throw new Error('--postgres needs TEST_DATABASE_URL');
  const seeding = Date.now();
  await (values.postgres ? seedPostgres(database, count) : seedSqlite(database, count));
  console.log(
    `# ${count.toLocaleString('en-GB')} responses on ${values.postgres ? 'PostgreSQL' : 'SQLite'}, seeded in ${((Date.now() - seeding) / 1000).toFixed(1)} s`,
  );

  const port = 8700 + Math.floor(random() * 200);
  const server = spawn(process.execPath, ['server/bin/civic-comments-server.js', '--port', String(port), '--db', database], {
    env: { ...process.env, MODERATOR_TOKEN: token },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    for (let tries = 0; ; tries++) {
      try {
        if ((await fetch(`${base}/api/v1/counts?page=${encodeURIComponent(page)}`)).ok) break;
      } catch (error) {
        if (tries > 100) throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    console.log('| export | file | first byte | whole file | server memory before | peak growth while writing |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const format of ['csv', 'json', 'consult']) {
      // Settled, as the server's own start-up allocations are not the export's.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const before = residentOf(server.pid!);
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, residentOf(server.pid!))), 20);
      const started = performance.now();
      const response = await fetch(`${base}/api/v1/moderation/export?page=${encodeURIComponent(page)}&format=${format}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      const reader = response.body!.getReader();
      let bytes = 0;
      let firstByte = 0;
      for (let part = await reader.read(); !part.done; part = await reader.read()) {
        if (!bytes) firstByte = performance.now() - started;
        bytes += part.value.byteLength;
      }
      const whole = performance.now() - started;
      clearInterval(sampler);
      peak = Math.max(peak, residentOf(server.pid!));
      const mb = (n: number) => `${(n / 1_000_000).toFixed(1)} MB`;
      console.log(
        `| ${format} | ${mb(bytes)} | ${firstByte.toFixed(0)} ms | ${(whole / 1000).toFixed(1)} s | ${mb(before)} | ${mb(peak - before)} |`,
      );
    }
  } finally {
    server.kill();
    rmSync(folder, { recursive: true, force: true });
  }
}

await main();
