/** Where the browser tests' reference server listens, and how to moderate on it. */
export interface ReferenceServer {
  url: string;
  /** The administrator's, `MODERATOR_TOKEN`. */
  moderatorToken: string;
  /** A moderator added by name with `civic-comments-server moderators add`. */
  named: { name: string; token: string };
  /** A real WordPress site with the companion plugin, with the administrator's application password in it, when one runs. */
  wordpress: string | null;
}

let server: Promise<ReferenceServer> | undefined;

export function referenceServer(): Promise<ReferenceServer> {
  return (server ??= fetch('/__reference-server.json').then((response) => response.json() as Promise<ReferenceServer>));
}

/** Calls a moderation route of the reference server, as a moderator would. */
export async function moderate(path: string, init: RequestInit = {}): Promise<Response> {
  const { url, moderatorToken } = await referenceServer();
  return fetch(`${url}/api/v1/moderation/${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${moderatorToken}`, 'Content-Type': 'application/json', ...init.headers },
  });
}

/** A page id no other test uses, so that tests sharing the server do not see each other's comments. */
export const uniquePage = (name: string) => `/browser-tests/${name}/${Math.random().toString(36).slice(2)}`;
