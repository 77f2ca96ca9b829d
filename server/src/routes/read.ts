import { createHash } from 'node:crypto';
import type { Hono } from 'hono';
import { html } from 'hono/html';
import { limits, pageId, publicComment, sectionId, sectionNamed, type Comment, isPublic } from 'civic-comments/contract';
import { authorOf } from 'civic-comments/i18n';
import { refusal, refusalMessage, sectionTitleOf } from '../consultations.js';
import type { AppOptions } from '../context.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { safeReturn } from '../http/origins.js';
import { pageHtml, stringsFor } from './respond.js';
import { contentSecurityPolicy } from './static.js';

/** Comments a page of the reading view shows: as many as a list of the API may. */
const perPage = limits.listLimitMax;

/**
 * The reading view for readers without JavaScript: `GET /read?page=P&section=S[&lang=cy][&return=URL]`,
 * a section's published comments oldest first, the department's outcome above them, and a link to
 * the form to respond (or the consultation's state, once it is not open). Plain HTML in the GOV.UK
 * style, with no script, cacheable as the public API is, so that a CDN can serve it.
 */
export function readRoutes(app: Hono, options: AppOptions): void {
  const { storage } = options;
  app.get('/read', async (c) => {
    const query = c.req.query();
    const page = query.page ?? '';
    const asked = query.section ?? '';
    const lang = query.lang ?? '';
    const strings = stringsFor(lang);
    c.header('Content-Security-Policy', contentSecurityPolicy);
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    if (!pageId.safeParse(page).success || !sectionId.safeParse(asked).success || (query.cursor && !after)) {
      c.header('Cache-Control', 'no-store');
      return c.html(
        pageHtml(strings, html`<h1>${strings.commentsHeading}</h1><p>${strings.readLinkBroken}</p>`, strings.commentsHeading),
        400,
      );
    }
    // A link made when the section had an earlier heading reads the section's one thread.
    let section = asked;
    const read = await storage
      .getConsultation(page)
      .then((consultation) => {
        section = sectionNamed(consultation?.sections, asked)?.id ?? asked;
        return Promise.all([consultation, storage.listPublished(page, section, perPage, after), storage.getOutcome(page, section)]);
      })
      .catch((error: unknown) => {
        if (!storage.isUnavailable(error)) throw error;
        return undefined;
      });
    if (!read) {
      c.header('Cache-Control', 'no-store');
      c.header('Retry-After', '5');
      return c.html(
        pageHtml(strings, html`<h1>${strings.commentsHeading}</h1><p>${strings.readUnavailable}</p>`, strings.commentsHeading),
        503,
      );
    }
    const [consultation, list, outcome] = read;
    const returnTo = safeReturn(c, options, query.return ?? '');
    const sectionTitle = sectionTitleOf(consultation, section);
    const title = strings.readTitle(sectionTitle);
    const link = (path: string, extra: Record<string, string> = {}) =>
      `${path}?${new URLSearchParams({ page, section, ...(lang && { lang }), ...(returnTo && { return: returnTo }), ...extra })}`;
    const closed = refusal(consultation);
    // Whom each reply answers: on this page, or (a reply to a comment on an earlier page) looked up.
    const names = new Map<string, Comment>(list.items.map((comment) => [comment.id, comment]));
    const missing = [
      ...new Set(list.items.flatMap((comment) => (comment.parentId && !names.has(comment.parentId) ? [comment.parentId] : []))),
    ];
    for (const found of await Promise.all(missing.map((id) => storage.find(id)))) {
      if (found && isPublic(found)) names.set(found.id, publicComment(found));
    }
    const author = (comment: Comment) => authorOf(comment, strings);
    const content = html`
      ${consultation ? html`<p class="caption">${consultation.title}</p>` : ''}
      <h1>${title}</h1>
      ${
        closed
          ? html`<div class="notice"><p>${refusalMessage(closed, strings)}</p></div>`
          : html`<p><a href="${link('/respond')}">${strings.commentLink}</a></p>`
      }
      ${outcome ? html`<h2>${strings.outcomeHeading}</h2><p class="outcome">${outcome.body}</p>` : ''}
      <h2>${strings.threadHeading(list.total)}</h2>
      ${!after && list.total > list.items.length ? html`<p class="hint">${strings.readShowing(1, list.items.length, list.total)}</p>` : ''}
      <ol class="read-thread">
        ${list.items.map((comment) => {
          const parent = comment.parentId ? names.get(comment.parentId) : undefined;
          return html`<li id="comment-${comment.id}">
            <article>
              <p class="meta">
                <strong>${author(comment)}</strong>
                ${comment.role === 'official' ? html`<strong class="tag">${strings.officialBadge}</strong>` : ''}
                <time datetime="${comment.createdAt}">${strings.formatDateTime(comment.createdAt)}</time>
              </p>
              ${comment.parentId ? html`<p class="hint">${strings.inReplyTo(parent ? author(parent) : strings.anonymous)}</p>` : ''}
              <p class="read-body">${comment.body}</p>
            </article>
          </li>`;
        })}
      </ol>
      ${list.next ? html`<p><a href="${link('/read', { cursor: encodeCursor(list.next)! })}">${strings.showMore}</a></p>` : ''}
      ${returnTo ? html`<p><a href="${returnTo}">${strings.backToSection}</a></p>` : ''}
    `;
    const body = String(await pageHtml(strings, content, title));
    // Cacheable as the public API's answers are: a CDN may keep it a few seconds, and a browser asks again with its tag.
    const etag = `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', 'public, max-age=10, stale-while-revalidate=60');
    // Public, as the API's lists are: any page may fetch it, and a shared cache may give any copy to anyone.
    c.header('Access-Control-Allow-Origin', '*');
    if (c.req.header('If-None-Match') === etag) return c.body(null, 304);
    return c.html(body);
  });
}
