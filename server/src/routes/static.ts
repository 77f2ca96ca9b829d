import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { Context, Hono } from 'hono';
import { moderationCy, moderationEn } from 'civic-comments/i18n';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** The policy pages are served under: scripts and styles from this server only, Trusted Types on. */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

/**
 * Serves the widget's files from the repository's `root`, so a department can host everything on
 * its own domain: `/civic-comments.js` (the script tag's address) and its `/chunks/`, the
 * moderators' page at `/moderate` with `/civic-moderation.js`, and, with `demo`, the demonstration
 * (`/demo/`, and `/dist/` for its offline version).
 */
export function staticRoutes(app: Hono, root: string, demo: boolean): void {
  const folders = demo ? ['dist', 'server/public', 'demo'] : ['dist', 'server/public'];
  const send = async (path: string, cacheControl: string) => {
    const file = normalize(join(root, path));
    const inside = folders.some((folder) => file.startsWith(`${join(root, folder)}/`));
    if (!inside) return undefined;
    try {
      const bytes = await readFile(file);
      const type = types[extname(file)] ?? 'application/octet-stream';
      const headers: Record<string, string> = {
        'Content-Type': type,
        'Cache-Control': cacheControl,
        'X-Content-Type-Options': 'nosniff',
      };
      if (type.startsWith('text/html')) headers['Content-Security-Policy'] = contentSecurityPolicy;
      // Module scripts loaded from another origin need CORS: a department's page may load them from here.
      else headers['Access-Control-Allow-Origin'] = '*';
      return new Response(bytes, { headers });
    } catch {
      return undefined;
    }
  };
  const file = (path: string, cacheControl: string) => async (c: Context) => (await send(path, cacheControl)) ?? c.notFound();
  app.get('/civic-comments.js', file('dist/civic-comments.js', 'public, max-age=300'));
  app.get('/civic-moderation.js', file('dist/civic-moderation.js', 'public, max-age=300'));
  // The console in the moderator's language: `?lang=cy` or `?lang=en` chooses, and a cookie keeps the
  // choice for this browser; the page says so in its own `lang`, which the console speaks.
  app.get('/moderate', async (c) => {
    const asked = c.req.query('lang');
    const kept = /(?:^|;\s*)moderate_lang=(en|cy)(?:;|$)/.exec(c.req.header('Cookie') ?? '')?.[1];
    const lang = asked === 'cy' || asked === 'en' ? asked : (kept ?? 'en');
    const page = await send('server/public/moderate.html', 'no-store');
    if (!page) return c.notFound();
    if (asked === 'cy' || asked === 'en') {
      const secure = new URL(c.req.url).protocol === 'https:' || c.req.header('X-Forwarded-Proto') === 'https' ? '; Secure' : '';
      c.header('Set-Cookie', `moderate_lang=${lang}; Path=/moderate; Max-Age=31536000; SameSite=Lax; HttpOnly${secure}`);
    }
    for (const [name, value] of page.headers) c.header(name, value);
    const other = lang === 'cy' ? { lang: 'en', label: 'English' } : { lang: 'cy', label: 'Cymraeg' };
    const html = (await page.text())
      .replace('<html lang="en">', `<html lang="${lang}">`)
      .replace(
        '<title>Moderate comments – civic-comments</title>',
        `<title>${(lang === 'cy' ? moderationCy : moderationEn).heading} – civic-comments</title>`,
      )
      .replace(
        '<!-- language -->',
        `<p class="language"><a href="/moderate?lang=${other.lang}" hreflang="${other.lang}" lang="${other.lang}">${other.label}</a></p>`,
      );
    return c.html(html);
  });
  app.get('/moderate.css', file('server/public/moderate.css', 'public, max-age=300'));
  // The form for readers without JavaScript wears the widget's own styles, and the page's few rules.
  app.get('/respond.css', async (c) => {
    const [widget, page] = await Promise.all([
      send('dist/civic-comments.css', 'public, max-age=300'),
      send('server/public/respond.css', 'public, max-age=300'),
    ]);
    if (!widget || !page) return c.notFound();
    c.header('Cache-Control', 'public, max-age=300');
    c.header('Content-Type', 'text/css; charset=utf-8');
    return c.body(`${await widget.text()}\n${await page.text()}`);
  });
  // The bundle's chunks carry a hash of their content in their names, so they can be kept for a year.
  app.get(
    '/chunks/*',
    async (c) => (await send(`dist${decodeURIComponent(c.req.path)}`, 'public, max-age=31536000, immutable')) ?? c.notFound(),
  );
  if (!demo) return;
  app.get('/', (c) => c.redirect('/demo/'));
  app.get('/demo/*', async (c) => {
    const path = c.req.path.endsWith('/') ? `${c.req.path}index.html` : c.req.path;
    return (await send(decodeURIComponent(path), 'no-cache')) ?? c.notFound();
  });
  app.get('/dist/*', async (c) => (await send(decodeURIComponent(c.req.path), 'public, max-age=300')) ?? c.notFound());
}
