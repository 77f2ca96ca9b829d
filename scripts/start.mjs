/**
 * `npm start`: builds what changed since the last start, then runs the demonstration consultation
 * against the reference server on SQLite. The reader's and the console's scripts are built again
 * only when their sources or build settings changed, and the server only when its own did (or the
 * contract and words it takes from the package); what each was built from is kept, as a hash of its
 * inputs, beside what was built. Arguments after `--` go to the server:
 *
 *   npm start                    the demonstration, seeded, on http://localhost:8787
 *   npm start -- --port 9000     on another port
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

/** Every file under the paths given, tests and stories left out, in a fixed order. */
function filesOf(paths) {
  const found = [];
  const visit = (path) => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path).sort()) visit(join(path, entry));
    } else if (!/\.(test|stories)\.ts$/.test(path)) found.push(path);
  };
  for (const path of paths) visit(join(root, path));
  return found;
}

/** One hash of the files' names and contents: it changes when any of them does. */
function hashOf(paths) {
  const hash = createHash('sha256');
  for (const file of filesOf(paths)) hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

const shared = ['package.json', 'package-lock.json', 'tsconfig.json'];
const parts = [
  {
    name: "the reader's and the console's scripts",
    inputs: [...shared, 'src', 'rollup.config.mjs', 'scripts/write-css.mjs'],
    outputs: ['dist/civic-comments.js', 'dist/civic-moderation.js', 'dist/civic-comments.css'],
    stamp: 'dist/.built-from',
    build: [
      ['npx', ['rollup', '-c']],
      ['node', ['scripts/write-css.mjs']],
    ],
  },
  {
    name: 'the reference server',
    inputs: [...shared, 'server/src', 'server/build.mjs', 'server/package.json', 'server/tsconfig.json', 'src/contract', 'src/i18n'],
    outputs: ['server/dist/cli.js'],
    stamp: 'server/dist/.built-from',
    build: [['npm', ['run', 'build', '--silent', '-w', 'civic-comments-server']]],
  },
];

const run = (command, args) => {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

for (const part of parts) {
  const hash = hashOf(part.inputs);
  const stampPath = join(root, part.stamp);
  const built = part.outputs.every((output) => existsSync(join(root, output)));
  if (built && existsSync(stampPath) && readFileSync(stampPath, 'utf8') === hash) {
    console.log(`Up to date: ${part.name}.`);
    continue;
  }
  const started = Date.now();
  console.log(`Building ${part.name}…`);
  for (const [command, args] of part.build) run(command, args);
  writeFileSync(stampPath, hash);
  console.log(`Built ${part.name} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

const server = spawn(process.execPath, ['server/bin/civic-comments-server.js', '--demo', '--seed', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
// Ctrl-C reaches the server from the terminal itself, and it finishes what it was doing before it
// stops; a SIGTERM sent to this script alone is passed on. Either way this script ends with it.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => server.kill('SIGTERM'));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
