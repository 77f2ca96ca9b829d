import type { CommentsBackend } from '../backends/backend.js';

/** A thread as links see it. */
export interface LinkedThread extends HTMLElement {
  section: string;
  readonly pageId: string;
  /** Loads the thread and moves focus to its heading, or to one of its comments. */
  reveal(commentId?: string): Promise<void>;
  /** Whether the thread shows this comment already. */
  shows(commentId: string): boolean;
  resolveBackend(): Promise<CommentsBackend | undefined>;
  requestUpdate(): void;
}

const threads = new Set<LinkedThread>();
let openingFollowed = false;

/** The page's fragment, decoded; the comment it names is highlighted, as `:target` would. */
export function fragment(): string {
  try {
    return decodeURIComponent(location.hash.slice(1));
  } catch {
    return '';
  }
}

/**
 * Follows the page's fragment: `#comments-<section>` reveals that section's thread,
 * `#comment-<id>` the thread holding that comment, found through the backend when no thread
 * on the page shows it yet.
 */
export async function followFragment(): Promise<void> {
  const target = fragment();
  // Each thread redraws its highlight for the new fragment.
  for (const thread of threads) thread.requestUpdate();
  if (target.startsWith('comments-')) {
    const thread = document.getElementById(target) as LinkedThread | null;
    if (thread && threads.has(thread)) await thread.reveal();
  } else if (target.startsWith('comment-')) {
    const id = target.slice('comment-'.length);
    const all = [...threads];
    let holder = all.find((thread) => thread.shows(id));
    if (!holder) {
      for (const backend of new Set(await Promise.all(all.map((thread) => thread.resolveBackend())))) {
        const comment = await backend?.getComment?.(id).catch(() => undefined);
        holder = comment && all.find((thread) => thread.section === comment.section && thread.pageId === comment.page);
        if (holder) break;
      }
    }
    await holder?.reveal(id);
  }
}

/** Threads on the page follow links to them while they are connected. */
export function linkThread(thread: LinkedThread): void {
  if (!threads.size) addEventListener('hashchange', followFragment);
  threads.add(thread);
  // The fragment a page opened with is followed once, when its threads are in place.
  if (!openingFollowed) {
    openingFollowed = true;
    setTimeout(followFragment);
  }
}

export function unlinkThread(thread: LinkedThread): void {
  threads.delete(thread);
  if (!threads.size) removeEventListener('hashchange', followFragment);
}
