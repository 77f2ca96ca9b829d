// React 19 recipe: civic-comments in a React component. React 19 sets the `backend` object as a
// property (not an attribute) and listens to custom events through `on<event-name>` props.
import { useState } from 'react';
import type { CivicCommentSubmittedEvent, CommentsBackend } from 'civic-comments';
import 'civic-comments/define';

// Tells TypeScript which props the element takes in JSX.
declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'civic-comments': {
        section: string;
        page?: string;
        endpoint?: string;
        lang?: string;
        backend?: CommentsBackend;
        'oncivic-comment-submitted'?: (event: CivicCommentSubmittedEvent) => void;
      };
    }
  }
}

export function CommentsSection({ section, backend }: { section: string; backend: CommentsBackend }) {
  const [sent, setSent] = useState<string | null>(null);
  return (
    <section>
      <civic-comments
        section={section}
        page="/react-recipe"
        backend={backend}
        oncivic-comment-submitted={(event) => setSent(event.detail.comment.status)}
      />
      {sent && <p role="status">Thank you: your comment is {sent}.</p>}
    </section>
  );
}
