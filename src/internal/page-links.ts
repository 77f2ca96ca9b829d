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
 * `#comment-<id>` the thread holding that comment. The code that finds them is fetched only by
 * pages opened or moved to such a link.
 */
export async function followFragment(): Promise<void> {
  const target = fragment();
  // Each thread redraws its highlight for the new fragment.
  for (const thread of threads) thread.requestUpdate();
  if (target.startsWith('comment')) await (await import('./follow-link.js')).followLink(target, [...threads]);
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
