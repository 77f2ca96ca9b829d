import type { Context } from 'hono';
import type { AppOptions } from '../context.js';

/**
 * The server's own origin: `PUBLIC_URL`'s when it is set, since behind a proxy that ends HTTPS the
 * request reaches the server as `http://host` while browsers send `Origin: https://host`; else the
 * request's own.
 */
export const ownOrigin = (c: Context, options: Pick<AppOptions, 'publicOrigin'>): string =>
  options.publicOrigin ?? new URL(c.req.url).origin;

/** Whether an origin may write: the server's own, or one that `ALLOWED_ORIGINS` names or allows with `*`. */
export const originAllowed = (c: Context, options: Pick<AppOptions, 'publicOrigin' | 'allowedOrigins'>, origin: string): boolean =>
  origin === ownOrigin(c, options) || options.allowedOrigins.includes('*') || options.allowedOrigins.includes(origin);

/**
 * A return address as a link the server may give: on the server or an allowed origin, http or https,
 * made absolute against the address readers see; '' for anything else, so that a page of the server
 * never sends readers to another site.
 */
export function safeReturn(c: Context, options: Pick<AppOptions, 'publicOrigin' | 'allowedOrigins'>, value: string): string {
  if (!value) return '';
  try {
    const url = new URL(value, new URL(new URL(c.req.url).pathname, ownOrigin(c, options)));
    return (url.protocol === 'https:' || url.protocol === 'http:') && originAllowed(c, options, url.origin) ? url.href : '';
  } catch {
    return '';
  }
}

/**
 * Whether an origin was chosen by the department, not merely let in by `*`: the server's own, or one
 * `ALLOWED_ORIGINS` names. What a browser does on any page of the web must not count as readers'
 * judgement, so only these count towards hiding a reported comment.
 */
export const originNamed = (c: Context, options: Pick<AppOptions, 'publicOrigin' | 'allowedOrigins'>, origin: string): boolean =>
  origin === ownOrigin(c, options) || options.allowedOrigins.includes(origin);
