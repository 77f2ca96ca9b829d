import type { Comment } from '../contract/public.js';
import type { Strings } from './features/reader.js';

/** Who wrote a comment, as readers see it: the name, for whom, or that it was sent without one. */
export function authorOf(comment: Comment, strings: Strings): string {
  if (!comment.name) return strings.anonymous;
  return comment.organisation ? strings.onBehalfOf(comment.name, comment.organisation) : comment.name;
}
