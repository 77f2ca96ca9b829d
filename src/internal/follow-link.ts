import type { LinkedThread } from './page-links.js';

/**
 * Reveals what a link names: `comments-<section>` that section's thread, `comment-<id>` the thread
 * holding that comment, found through the backend when no thread on the page shows it yet.
 */
export async function followLink(target: string, threads: LinkedThread[]): Promise<void> {
  if (target.startsWith('comments-')) {
    const thread = document.getElementById(target) as LinkedThread | null;
    if (thread && threads.includes(thread)) await thread.reveal();
  } else if (target.startsWith('comment-')) {
    const id = target.slice('comment-'.length);
    let holder = threads.find((thread) => thread.shows(id));
    if (!holder) {
      for (const backend of new Set(await Promise.all(threads.map((thread) => thread.resolveBackend())))) {
        const comment = await backend?.getComment?.(id).catch(() => undefined);
        holder = comment && threads.find((thread) => thread.section === comment.section && thread.pageId === comment.page);
        if (holder) break;
      }
    }
    await holder?.reveal(id);
  }
}
