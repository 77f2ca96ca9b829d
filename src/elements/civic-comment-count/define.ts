import { CivicCommentCount } from './civic-comment-count.js';

declare global {
  interface HTMLElementTagNameMap {
    'civic-comment-count': CivicCommentCount;
  }
}

if (!customElements.get('civic-comment-count')) customElements.define('civic-comment-count', CivicCommentCount);
