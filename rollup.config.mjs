import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

const target = 'es2021';

export default [
  // One minified file with everything inside, for a <script type="module"> tag.
  {
    input: 'src/civic-comments.ts',
    output: { file: 'dist/civic-comments.js', format: 'es', inlineDynamicImports: true },
    plugins: [
      nodeResolve({ exportConditions: ['production'] }),
      esbuild({ target, tsconfig: 'tsconfig.json' }),
      terser({ ecma: 2021, module: true, compress: { passes: 2 }, format: { comments: false } }),
    ],
  },
  // Modules for npm users, who bring their own lit and zod; `tsc` adds the type declarations.
  {
    input: ['src/index.ts', 'src/define.ts', 'src/contract/index.ts'],
    external: [/^lit(\/|$)/, /^zod(\/|$)/],
    output: { dir: 'dist/module', format: 'es', preserveModules: true, preserveModulesRoot: 'src' },
    plugins: [esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' })],
  },
];
