/**
 * Writes the WordPress plugin's Welsh (the `CIVIC_WELSH` array of civic-comments.php) from
 * `src/i18n/cy/wordpress.ts`, so that the plugin's gettext and the package speak the same Welsh.
 * `--check` writes nothing and fails if the plugin's array is out of date, or if a text the plugin
 * passes to gettext has no Welsh.
 *
 *   node --import tsx scripts/wordpress-strings.mjs [--check]
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { wordpressCy } from '../src/i18n/cy/wordpress.ts';

const pluginPath = new URL('../wordpress/civic-comments/civic-comments.php', import.meta.url);
const plugin = readFileSync(pluginPath, 'utf8');
const start = 'const CIVIC_WELSH = array(\n';
const end = '\n);\n';
const from = plugin.indexOf(start);
const to = plugin.indexOf(end, from);
if (from < 0 || to < 0) throw new Error('civic-comments.php has no CIVIC_WELSH array to write.');

const php = (text) => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
const width = Math.max(...Object.keys(wordpressCy).map((english) => php(english).length));
const entries = Object.entries(wordpressCy)
  .map(([english, welsh]) => `\t${php(english).padEnd(width)} => ${php(welsh)},`)
  .join('\n');
const written = plugin.slice(0, from + start.length) + entries + plugin.slice(to);

// Every text the plugin translates in its own text domain, in any of its files, as PHP writes it in single quotes.
const includes = new URL('../wordpress/civic-comments/includes/', import.meta.url);
const sources = [plugin, ...readdirSync(includes).map((file) => readFileSync(new URL(file, includes), 'utf8'))].join('\n');
const translated = [...sources.matchAll(/(?:__|esc_html__|esc_attr__|_e)\(\s*'((?:[^'\\]|\\.)*)',\s*'civic-comments'\s*\)/g)].map((match) =>
  match[1].replaceAll("\\'", "'").replaceAll('\\\\', '\\'),
);
const untranslated = [...new Set(translated)].filter((english) => !(english in wordpressCy));
const unused = Object.keys(wordpressCy).filter((english) => !translated.includes(english));

const problems = [
  ...untranslated.map((english) => `The plugin translates "${english}", which has no Welsh in src/i18n/cy/wordpress.ts.`),
  ...unused.map((english) => `src/i18n/cy/wordpress.ts has Welsh for "${english}", which the plugin never translates.`),
];
if (process.argv.includes('--check')) {
  if (written !== plugin) problems.push("The plugin's CIVIC_WELSH is out of date: run `npm run strings`.");
} else if (written !== plugin) {
  writeFileSync(pluginPath, written);
  console.log('Wrote the Welsh of wordpress/civic-comments/civic-comments.php.');
}
if (problems.length) {
  for (const problem of problems) console.error(problem);
  process.exit(1);
}
console.log(`All ${new Set(translated).size} texts the plugin translates have Welsh.`);
