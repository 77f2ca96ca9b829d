import { html, nothing, type TemplateResult } from 'lit';
import type { Comment, Outcome } from '../../contract/public.js';
import type { Strings } from '../../i18n/index.js';
import { buildThread, type ThreadNode } from '../../internal/thread.js';
import { authorOf } from '../../i18n/author.js';

export { authorOf };

/** A section's closed question: its code, fetched only by pages whose sections ask one. */
export let questionPart: typeof import('./question-field.js') | undefined;
export const fetchQuestionPart = async () => (questionPart ??= await import('./question-field.js'));

/** What the thread's list is drawn from: the element's state, and what its buttons do. */
export interface ThreadView {
  strings: Strings;
  comments: Comment[];
  /** The reader's own comments sent from this element that the public list does not show yet. */
  own: Comment[];
  /** The references given for the comments the reader sent from here, shown under them. */
  references: ReadonlyMap<string, string>;
  /** What the department did with the section's comments, once it has said. */
  outcome: Outcome | null | undefined;
  /** Level of the thread's heading: the outcome's is one below. */
  level: number;
  nextCursor: string | null;
  moreState: 'idle' | 'loading' | 'failed';
  /** The page's fragment: the comment it names is highlighted. */
  fragment: string;
  /** The comment the form is open under. */
  replyTo: string | null;
  /** Whether comments can be answered: not while the consultation is closed. */
  canReply: boolean;
  loadMore: () => void;
  openReply: (comment: Comment) => void;
  /** The form, drawn under the comment it replies to. */
  replyForm: (parent: Comment) => TemplateResult;
  /** "Report this comment", or its form or thanks: where the backend takes reports. */
  report?: (comment: Comment) => TemplateResult;
  /** Under a response made on an earlier wording of the section, a marker that says so: once its code has come. */
  earlier?: (comment: Comment) => TemplateResult | typeof nothing;
}

/** The comments, oldest first, with replies nested under what they answer, and "Show more comments". */
export function renderComments(view: ThreadView): TemplateResult {
  const thread = buildThread([...view.comments, ...view.own]);
  const { strings, outcome } = view;
  return html`
    ${
      outcome
        ? // Not a landmark: every section's outcome has the same heading, and landmarks must differ.
          html`<div class="outcome" part="outcome">
          <div class="form-heading" role="heading" aria-level=${Math.min(6, view.level + 1)} id="outcome-heading">${strings.outcomeHeading}</div>
          <p class="outcome-body">${outcome.body}</p>
        </div>`
        : nothing
    }
    ${thread.length ? html`<ol part="comments">${thread.map((node) => renderNode(view, node))}</ol>` : nothing}
    ${
      view.nextCursor
        ? html`<p>
          <button
            type="button"
            class="link-button"
            part="show-more-button"
            aria-disabled=${view.moreState === 'loading' ? 'true' : 'false'}
            @click=${view.loadMore}
          >
            ${strings.showMore}
          </button>
          ${view.moreState === 'failed' ? html`<span class="error-text">${strings.loadFailed}</span>` : nothing}
        </p>`
        : nothing
    }
  `;
}

/** A comment's date, in the reader's language. */
const dateOf = (comment: Comment, date: Date, strings: Strings) =>
  html`<time part="comment-date" datetime=${comment.createdAt}>${Number.isNaN(date.getTime()) ? '' : strings.formatDate(date)}</time>`;

function renderNode(view: ThreadView, node: ThreadNode): TemplateResult {
  const { comment, inReplyTo } = node;
  const { strings } = view;
  const mine = view.own.includes(comment);
  const status = comment.status === 'received' ? strings.statusPrivate : comment.status === 'pending' ? strings.statusPending : '';
  const date = new Date(comment.createdAt);
  const official = comment.role === 'official';
  const author = authorOf(comment, strings);
  const reference = view.references.get(comment.id);
  return html`
    <li>
      <article
        class="comment ${mine ? 'own' : ''} ${view.fragment === `comment-${comment.id}` ? 'highlighted' : ''}"
        part="comment"
        id="comment-${comment.id}"
        tabindex="-1"
        aria-labelledby="author-${comment.id}${official ? ` badge-${comment.id}` : ''}"
      >
        <p class="meta">
          <span class="author" part="comment-author" id="author-${comment.id}">${author}</span>
          ${official ? html`<strong class="tag official" part="official-badge" id="badge-${comment.id}">${strings.officialBadge}</strong>` : nothing}
          ${
            comment.status === 'published'
              ? html`<a href="#comment-${comment.id}" part="comment-link">${dateOf(comment, date, strings)}</a>`
              : // A comment awaiting moderation, or sent privately, is the reader's alone: no link that nobody else could follow.
                dateOf(comment, date, strings)
          }
          ${status ? html`<strong class="tag ${comment.status}" part="comment-status">${status}</strong>` : nothing}
        </p>
        ${view.earlier?.(comment)}
        ${inReplyTo ? html`<p class="in-reply-to">${strings.inReplyTo(authorOf(inReplyTo, strings))}</p>` : nothing}
        ${questionPart?.answerOf(comment, strings)}
        <p class="body" part="comment-body">${comment.body}</p>
        ${
          reference
            ? html`<p class="reference" part="reference"><strong>${strings.referenceIs(reference)}</strong><br />${strings.referenceHint}</p>`
            : nothing
        }
        ${
          mine || comment.status !== 'published' || !view.canReply
            ? nothing
            : html`<button
              type="button"
              class="link-button"
              part="reply-button"
              data-reply-to=${comment.id}
              aria-expanded=${view.replyTo === comment.id ? 'true' : 'false'}
              @click=${() => view.openReply(comment)}
            >
              ${strings.reply}<span class="visually-hidden">${strings.replyToSuffix(author)}</span>
            </button>`
        }
        ${view.replyTo === comment.id ? view.replyForm(comment) : nothing}
        ${view.report && !mine && comment.status === 'published' && !official ? view.report(comment) : nothing}
      </article>
      ${node.replies.length ? html`<ol class="replies">${node.replies.map((reply) => renderNode(view, reply))}</ol>` : nothing}
    </li>
  `;
}
