// Writes the reader's stylesheet as a plain CSS file, `dist/civic-comments.css`, from the element's
// own styles: the no-JavaScript pages of the server use it, so they look like the element without
// the server depending on Lit.
import { writeFileSync } from 'node:fs';
import { transform } from 'esbuild';
import { styles } from '../dist/module/elements/civic-comments/civic-comments.styles.js';

const { code } = await transform(styles.cssText, { loader: 'css', minify: true });
writeFileSync(new URL('../dist/civic-comments.css', import.meta.url), code);
