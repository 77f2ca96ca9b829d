// The real WordPress the tests run against, started by scripts/start-wordpress.sh, which prints
// TEST_WORDPRESS_URL: the site's address with the administrator's name and application password.
import assert from 'node:assert/strict';

const given = process.env.TEST_WORDPRESS_URL;

/** Why the WordPress tests cannot run here, if they cannot; in CI they must. */
export const skipWordPress = given
  ? false
  : 'TEST_WORDPRESS_URL is not set: run `export TEST_WORDPRESS_URL=$(bash scripts/start-wordpress.sh)`';
if (!given && process.env.CI) throw new Error(`The WordPress tests must run in CI: ${skipWordPress}`);

const url = new URL(given ?? 'http://127.0.0.1:8089');
/** The site, without its credentials, ending in `/`. */
export const site = `${url.origin}/`;
const authorization = `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`;

/** The administrator's password for wp-admin, set by wordpress/test-site/install.php. */
export const administratorPassword = 'civic-comments-test-site';

/** A request to the site's REST API as the administrator, with the application password. */
export async function asAdministrator(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${site}wp-json/${path}`, {
    ...init,
    headers: { Authorization: authorization, 'Content-Type': 'application/json', ...init.headers },
  });
}

/** A request to the site's REST API as anyone: no credentials. */
export function asPublic(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${site}wp-json/${path}`, { ...init, headers: { 'Content-Type': 'application/json', ...init.headers } });
}

export interface TestPost {
  id: number;
  slug: string;
  link: string;
}

/** A published post with two sections, taking consultation responses unless told otherwise. */
export async function consultationPost(title: string, meta: Record<string, string> = { civic_comments: '1' }): Promise<TestPost> {
  const response = await asAdministrator('wp/v2/posts', {
    method: 'POST',
    body: JSON.stringify({
      title: `${title} ${Math.random().toString(36).slice(2, 8)}`,
      status: 'publish',
      comment_status: 'open',
      content:
        '<!-- wp:heading --><h2 id="housing">Housing</h2><!-- /wp:heading -->' +
        '<!-- wp:paragraph --><p>We will build 2,000 homes near the new station.</p><!-- /wp:paragraph -->' +
        '<!-- wp:heading --><h2 id="transport">Transport</h2><!-- /wp:heading -->' +
        '<!-- wp:paragraph --><p>Buses will run every ten minutes.</p><!-- /wp:paragraph -->',
      meta,
    }),
  });
  assert.equal(response.status, 201, await response.clone().text());
  return (await response.json()) as TestPost;
}

/** Sets a comment's status in WordPress, as a moderator does in the Comments screen. */
export async function moderateInWordPress(id: string | number, status: 'approved' | 'hold' | 'spam' | 'trash'): Promise<void> {
  const response = await asAdministrator(`wp/v2/comments/${id}`, { method: 'POST', body: JSON.stringify({ status }) });
  assert.equal(response.status, 200, await response.clone().text());
}
