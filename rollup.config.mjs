import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { transform } from 'esbuild';
import MagicString from 'magic-string';
import esbuild from 'rollup-plugin-esbuild';

const target = 'es2022';

/** Minifies the CSS inside Lit's css`` templates, which a JavaScript minifier leaves alone. */
function minifyLitCss() {
  return {
    name: 'minify-lit-css',
    async transform(code, id) {
      if (!id.endsWith('.styles.ts')) return null;
      let result = code;
      for (const [whole, body] of code.matchAll(/css`([^`]*)`/g)) {
        if (body.includes('${')) continue;
        const { code: minified } = await transform(body, { loader: 'css', minify: true });
        result = result.replace(whole, `css\`${minified.trim()}\``);
      }
      return { code: result, map: null };
    },
  };
}

/**
 * After minifying, the only line breaks left are inside template literals: the indentation of
 * Lit's html`` templates. One space renders the same.
 */
function collapseTemplateWhitespace() {
  return {
    name: 'collapse-template-whitespace',
    renderChunk(code) {
      // Through magic-string, so that the source map still says which module each byte came from.
      const collapsed = new MagicString(code);
      for (const match of code.matchAll(/\n\s*/g)) collapsed.overwrite(match.index, match.index + match[0].length, ' ');
      return { code: collapsed.toString(), map: collapsed.generateMap({ hires: true }) };
    },
  };
}

/**
 * A chunk's file name: a language's strings are named by their language ("cy") and, beyond the
 * reader's own, their feature ("cy-report"); an element defined when first used by its element; the rest by their module, so that `npm run size` and a network panel say what each chunk holds.
 */
const chunkNamed =
  (prefix) =>
  ({ facadeModuleId }) => {
    const strings = /\/i18n\/([a-z]{2})\/([a-z-]+)\.ts$/.exec(facadeModuleId ?? '');
    // An element defined when first used is named by its element: `civic-change-log`.
    const element = /\/elements\/([a-z-]+)\/define\.ts$/.exec(facadeModuleId ?? '');
    const name = strings ? (strings[2] === 'reader' ? strings[1] : `${strings[1]}-${strings[2]}`) : (element?.[1] ?? '[name]');
    return `chunks/${prefix}${name}-[hash].js`;
  };

/**
 * Warnings about the packages' own code that say nothing about ours are left out, so that a build's
 * output is read for what matters: comments zod places where Rollup cannot use them as annotations,
 * and a cycle inside zod. Every other warning is printed.
 */
function onwarn(warning, warn) {
  const inPackages = (warning.id ?? warning.ids?.[0] ?? '').includes('/node_modules/');
  if (inPackages && (warning.code === 'INVALID_ANNOTATION' || warning.code === 'CIRCULAR_DEPENDENCY')) return;
  warn(warning);
}

export default [
  // One minified file for a <script type="module"> tag, with everything an English page on a
  // server needs; what only some pages need (Welsh, the in-page backend) is in chunks it fetches.
  {
    input: 'src/civic-comments.ts',
    onwarn,
    // The contract's modules only define schemas and functions: a page that uses none of a module's
    // exports need not run it (Rollup cannot tell, as zod's schemas are built by method calls).
    treeshake: { moduleSideEffects: (id) => !/\/src\/contract\//.test(id) },
    // Lets the entry export what its chunks import from it, rather than moving it all to a chunk of its own.
    preserveEntrySignatures: 'allow-extension',
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: 'civic-comments.js',
      chunkFileNames: chunkNamed(''),
      // The words and the rule of a page's updates, which the change log, the earlier-wording marker and
      // printing share, in one chunk rather than one per module.
      manualChunks: (id) => (/\/src\/(internal\/updates|i18n\/versions|i18n\/(en|cy)\/versions)\.ts$/.test(id) ? 'versions' : undefined),
      // Not linked from the files; read by `npm run size` to weigh Lit, zod, ky and our code apart.
      sourcemap: 'hidden',
      plugins: [
        terser({
          ecma: 2022,
          module: true,
          // `unsafe` rewrites built-ins' calls (`String(x)` as `""+x`, …) on the understanding that no page
          // replaces them, as none should; it saves some 60 bytes of the reader's budget.
          compress: { passes: 3, unsafe: true, unsafe_arrows: true, unsafe_methods: true },
          format: { comments: false },
        }),
        collapseTemplateWhitespace(),
      ],
    },
    plugins: [nodeResolve({ exportConditions: ['production'] }), minifyLitCss(), esbuild({ target, tsconfig: 'tsconfig.json' })],
  },
  // The moderators' console, in a file of its own so that readers never download it.
  {
    input: 'src/civic-moderation.ts',
    onwarn,
    preserveEntrySignatures: 'allow-extension',
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: 'civic-moderation.js',
      // The in-page backends, for demonstrations, are fetched only by a console that names one.
      chunkFileNames: chunkNamed('console-'),
      sourcemap: 'hidden',
      plugins: [
        terser({
          ecma: 2022,
          module: true,
          // `unsafe` rewrites built-ins' calls (`String(x)` as `""+x`, …) on the understanding that no page
          // replaces them, as none should; it saves some 60 bytes of the reader's budget.
          compress: { passes: 3, unsafe: true, unsafe_arrows: true, unsafe_methods: true },
          format: { comments: false },
        }),
        collapseTemplateWhitespace(),
      ],
    },
    plugins: [nodeResolve({ exportConditions: ['production'] }), minifyLitCss(), esbuild({ target, tsconfig: 'tsconfig.json' })],
  },
  // Modules for npm users, whose bundler brings lit (and @lit/task), zod and ky; `tsc` adds the type declarations.
  {
    input: ['src/index.ts', 'src/define.ts', 'src/contract/index.ts', 'src/moderation.ts'],
    external: [/^lit(\/|$)/, /^@lit\/task(\/|$)/, /^zod(\/|$)/, /^ky(\/|$)/, /^diff(\/|$)/],
    output: { dir: 'dist/module', format: 'es', preserveModules: true, preserveModulesRoot: 'src' },
    plugins: [esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' })],
  },
];
