import type { LinkedThread } from './page-links.js';
import { sharedCounts } from './shared-counts.js';

/**
 * What a section id names on a thread's page: the section itself, or, for an earlier id (a page
 * still showing a section's earlier heading, or a link made under it), the section it now is.
 */
type Naming = (id: string) => string;

async function namingFor(thread: LinkedThread): Promise<Naming> {
  let aliases: Record<string, string> = {};
  try {
    const backend = await thread.resolveBackend();
    if (backend) aliases = (await sharedCounts(backend, thread.pageId)).aliases ?? {};
  } catch {
    // Without the aliases, a section is named by its own id alone.
  }
  return (id) => (Object.hasOwn(aliases, id) ? aliases[id]! : id);
}

/** The thread on the page whose section `section` names, on that thread's page; each page's aliases are asked for once. */
async function threadFor(threads: LinkedThread[], section: string, page?: string): Promise<LinkedThread | undefined> {
  const namings = new Map<string, Promise<Naming>>();
  for (const thread of threads) {
    if (page !== undefined && thread.pageId !== page) continue;
    if (!namings.has(thread.pageId)) namings.set(thread.pageId, namingFor(thread));
    const named = await namings.get(thread.pageId)!;
    if (named(thread.section) === named(section)) return thread;
  }
  return undefined;
}

/**
 * Reveals what a link names: `comments-<section>` that section's thread, `comment-<id>` the thread
 * holding that comment, found through the backend when no thread on the page shows it yet. A link
 * made under a section's earlier heading, or to a thread still shown under one, finds the section's thread.
 */
export async function followLink(target: string, threads: LinkedThread[]): Promise<void> {
  if (target.startsWith('comments-')) {
    const thread = document.getElementById(target) as LinkedThread | null;
    await (thread && threads.includes(thread) ? thread : await threadFor(threads, target.slice('comments-'.length)))?.reveal();
  } else if (target.startsWith('comment-')) {
    const id = target.slice('comment-'.length);
    let holder = threads.find((thread) => thread.shows(id));
    for (const backend of holder ? [] : new Set(await Promise.all(threads.map((thread) => thread.resolveBackend())))) {
      const comment = await backend?.getComment?.(id).catch(() => undefined);
      holder = comment && (await threadFor(threads, comment.section, comment.page));
      if (holder) break;
    }
    await holder?.reveal(id);
  }
}
