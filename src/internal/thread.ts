import type { Comment } from '../contract/public.js';

/** How deep replies nest on screen; deeper replies are shown at this depth, saying whom they answer. */
export const maxDepth = 3;

/** One comment placed in the thread, with what it answers when that is no longer shown by nesting. */
export interface ThreadNode {
  comment: Comment;
  /** The comment it replies to, when it is shown beside rather than under it. */
  inReplyTo?: Comment;
  replies: ThreadNode[];
}

/**
 * Arranges comments, oldest first, into nested replies at most `maxDepth` deep. A reply whose
 * parent is not among the comments is shown at the top level rather than lost.
 */
export function buildThread(comments: readonly Comment[]): ThreadNode[] {
  const byId = new Map(comments.map((c) => [c.id, c]));
  const children = new Map<string | null, Comment[]>();
  for (const c of comments) {
    const parent = c.parentId && byId.has(c.parentId) && c.parentId !== c.id ? c.parentId : null;
    const list = children.get(parent) ?? children.set(parent, []).get(parent)!;
    list.push(c);
  }

  const descendants = (id: string, seen: Set<string>): Comment[] =>
    (children.get(id) ?? []).flatMap((c) => {
      if (seen.has(c.id)) return [];
      seen.add(c.id);
      return [c, ...descendants(c.id, seen)];
    });

  const place = (comment: Comment, depth: number): ThreadNode[] => {
    if (depth < maxDepth) {
      return [{ comment, replies: (children.get(comment.id) ?? []).flatMap((c) => place(c, depth + 1)) }];
    }
    // At the deepest level, a comment's whole sub-thread follows it as siblings, in time order.
    const later = descendants(comment.id, new Set([comment.id])).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    return [{ comment, replies: [] }, ...later.map((c) => ({ comment: c, inReplyTo: byId.get(c.parentId!)!, replies: [] }))];
  };

  return (children.get(null) ?? []).flatMap((c) => place(c, 1));
}
