import { css } from 'lit';
import { styles as threadStyles } from '../civic-comments/civic-comments.styles.js';

/** The thread's look (font, colours, focus, narrow screens), with the count's own spacing. */
export const styles = [
  threadStyles,
  css`
    :host {
      margin-block: 0.5em 1em;
    }
    p {
      margin: 0;
    }
    a {
      color: var(--civic-color-link,#1d70b8);
    }
    a:hover {
      color: var(--civic-color-link-hover,#003078);
    }
    @media print {
      a {
        display: none;
      }
    }
  `,
];
