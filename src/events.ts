import type { Comment } from './contract/public.js';

/** What `civic-comment-submitted` carries: the comment as stored, never the reader's email. */
export interface CommentSubmittedDetail {
  comment: Comment;
}

/** What went wrong and during which operation, for `civic-error`. */
export interface CivicErrorDetail {
  error: Error;
  operation: 'configure' | 'load' | 'submit' | 'report';
}

export type CivicCommentSubmittedEvent = CustomEvent<CommentSubmittedDetail>;
export type CivicErrorEvent = CustomEvent<CivicErrorDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'civic-comment-submitted': CivicCommentSubmittedEvent;
    'civic-error': CivicErrorEvent;
  }
}

/** Sends an event that bubbles out of shadow roots, as every event of these elements does. */
export function emit<K extends 'civic-comment-submitted' | 'civic-error'>(
  target: EventTarget,
  type: K,
  detail: GlobalEventHandlersEventMap[K]['detail'],
): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}
