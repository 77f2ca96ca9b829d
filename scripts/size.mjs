// Prints the gzip size of everything a reader of an English page downloads, and fails above the budget.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const budget = 24_000;
const aim = 21_900;
const dist = 'dist';

const files = readdirSync(dist).filter((name) => name.endsWith('.js') || name.endsWith('.css'));
if (!files.includes('civic-comments.js')) {
  console.error('dist/civic-comments.js is missing: run `npm run build` first.');
  process.exit(1);
}
let total = 0;
for (const name of files) {
  const bytes = readFileSync(join(dist, name));
  const gzipped = gzipSync(bytes, { level: 9 }).length;
  total += gzipped;
  console.log(`${`dist/${name}`.padEnd(28)} ${String(bytes.length).padStart(7)} B  ${String(gzipped).padStart(6)} B gzip`);
}
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
console.log(`size: ${total} B gzip (${kb(total)}); budget ${kb(budget)}, aim ${kb(aim)}`);
if (total > budget) {
  console.error(`Over budget by ${total - budget} B gzip.`);
  process.exit(1);
}
