// Bundles the server's TypeScript, with the widget's contract inside, into dist/; packages stay imports.
import { build } from 'esbuild';

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
