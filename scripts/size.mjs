// Prints the gzip size of everything a reader of an English page downloads: the script tag's file
// and any chunk it imports statically. Chunks fetched only by some pages (Welsh strings, the in-page
// memory backend) are listed apart. Fails above the budget.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const budget = 30_000;
const aim = 27_000;
const entry = 'dist/civic-comments.js';

if (!existsSync(entry)) {
  console.error(`${entry} is missing: run \`npm run build\` first.`);
  process.exit(1);
}
const gzipped = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;

// Static imports are `import … from "./chunks/…"` or `import "./chunks/…"`; dynamic ones are `import("…")`.
const downloaded = new Set([entry]);
for (const file of downloaded) {
  const code = readFileSync(file, 'utf8');
  for (const [, path] of code.matchAll(/(?:^|[;}\s])import\s*(?:[^("'`]*?from\s*)?["'](\.\/[^"']+)["']/g)) {
    downloaded.add(join(file, '..', path));
  }
}
let total = 0;
for (const file of downloaded) {
  const size = gzipped(file);
  total += size;
  console.log(`${file.padEnd(44)} ${String(size).padStart(6)} B gzip`);
}
const chunks = existsSync('dist/chunks') ? readdirSync('dist/chunks').map((name) => join('dist/chunks', name)) : [];
for (const file of chunks.filter((file) => !downloaded.has(file))) {
  console.log(`${file.padEnd(44)} ${String(gzipped(file)).padStart(6)} B gzip, only on pages that use it`);
}
if (existsSync('dist/civic-moderation.js')) {
  console.log(`${'dist/civic-moderation.js'.padEnd(44)} ${String(gzipped('dist/civic-moderation.js')).padStart(6)} B gzip, moderators only`);
}
console.log(`size: ${total} B gzip (${kb(total)}) for an English page; budget ${kb(budget)}, aim ${kb(aim)}`);
if (total > budget) {
  console.error(`Over budget by ${total - budget} B gzip.`);
  process.exit(1);
}
