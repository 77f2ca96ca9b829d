// Bundles the server's TypeScript, with the widget's contract inside, into dist/; packages stay imports.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunks are named by their content: clear out the last build's so none is left behind.
rmSync(new URL('dist', import.meta.url), { recursive: true, force: true });

await build({
  entryPoints: ['src/cli.ts', 'src/index.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: import.meta.dirname,
});
