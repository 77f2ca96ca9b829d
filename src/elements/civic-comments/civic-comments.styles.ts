import { css } from 'lit';

/**
 * The GOV.UK Design System's look, drawn with custom properties so that a department can bring
 * its own colours and font without touching the markup. (Fallbacks are written without spaces:
 * the minifier keeps whatever is inside `var()`.)
 */
export const styles = css`
  :host {
    display: block;
    margin-block: 1.5em;
    font: var(--civic-font-size,1.1875rem) / 1.3 var(--civic-font-family,'GDS Transport',arial,sans-serif);
    color: var(--civic-color-text,#0b0c0c);
  }
  @media (max-width: 40em) {
    :host {
      font-size: var(--civic-font-size,1rem);
    }
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  p {
    margin: 0 0 1em;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .heading,
  .form-heading {
    margin: 0 0 0.75em;
    font-size: 1.2em;
    font-weight: 700;
  }
  :focus {
    outline: 3px solid var(--civic-color-focus,#fd0);
  }
  .comment:focus,
  .heading:focus {
    outline-offset: 2px;
  }

  .status-box {
    min-height: var(--civic-status-min-height,5rem);
  }
  .hint,
  time,
  .in-reply-to,
  .character-count {
    color: var(--civic-color-secondary-text,#505a5f);
  }

  ol {
    margin: 0 0 1.5em;
    padding: 0;
    list-style: none;
  }
  .replies {
    margin: 0 0 0 0.5em;
    padding-left: clamp(0.5em, 3vw, 1em);
    border-left: 4px solid var(--civic-color-border,#b1b4b6);
  }
  .comment {
    padding-block: 0.75em 0.5em;
    border-top: 1px solid var(--civic-color-border,#b1b4b6);
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.75em;
    align-items: baseline;
    margin-bottom: 0.25em;
  }
  .author,
  .status-title,
  .notice-title,
  legend,
  .tag,
  .error-message,
  .error-text,
  .over-limit {
    font-weight: 700;
  }
  .author,
  .body {
    overflow-wrap: anywhere;
  }
  time,
  .in-reply-to,
  .tag {
    font-size: 0.875em;
  }
  .in-reply-to,
  .body {
    margin-bottom: 0.25em;
  }
  .body,
  .outcome-body,
  .kept-comment {
    white-space: pre-line;
  }
  .tag {
    padding: 0 0.5em;
    color: #594d00;
    background: #fff7bf;
  }
  .received {
    color: #0c2d4a;
    background: #bbd4ea;
  }
  .official {
    color: #ffffff;
    background: #1d70b8;
  }
  .outcome,
  .kept-comment {
    margin: 1em 0 1.5em;
    padding-left: 0.75em;
    border-left: 8px solid var(--civic-color-link,#1d70b8);
  }
  .kept-comment {
    border-left-color: var(--civic-color-border,#b1b4b6);
  }
  .consultation-notice {
    margin: 1.5em 0;
    padding: 0.75em 1em;
    border: 5px solid var(--civic-color-link,#1d70b8);
  }
  .consultation-notice p {
    margin: 0 0 0.25em;
  }

  .link-button {
    min-height: 24px;
    padding: 0;
    border: 0;
    background: none;
    font: inherit;
    color: var(--civic-color-link,#1d70b8);
    text-decoration: underline;
    cursor: pointer;
  }
  [part='reply-button'] {
    margin-right: 1.5em;
  }
  .link-button:hover {
    color: var(--civic-color-link-hover,#003078);
  }
  .link-button:focus-visible,
  a:focus-visible {
    outline: 0;
    color: #0b0c0c;
    background: var(--civic-color-focus,#fd0);
    box-shadow: 0 -2px var(--civic-color-focus,#fd0), 0 4px #0b0c0c;
    text-decoration: none;
  }

  .form {
    max-width: 40em;
  }
  .reply-form,
  .report-form {
    margin: 0.75em 0;
    padding-left: 0.75em;
    border-left: 4px solid var(--civic-color-link,#1d70b8);
  }
  .field {
    margin-bottom: 1.25em;
  }
  .has-error {
    padding-left: 0.75em;
    border-left: 5px solid var(--civic-color-error,#d4351c);
  }
  label,
  legend {
    display: block;
    margin-bottom: 0.25em;
    padding: 0;
  }
  fieldset {
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  .input {
    display: block;
    width: 100%;
    min-height: 2.5em;
    padding: 0.25em;
    border: 2px solid;
    border-radius: 0;
    background: var(--civic-color-background,#fff);
    color: inherit;
    font: inherit;
  }
  .textarea {
    min-height: 8em;
    resize: vertical;
  }
  .has-error .input,
  .input.over-limit {
    border-color: var(--civic-color-error,#d4351c);
  }
  .input:focus {
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px;
  }
  .over-limit,
  .error-message,
  .error-text,
  .failed {
    color: var(--civic-color-error,#d4351c);
  }

  .conditional {
    margin: 0 0 0.5em 0.7em;
    padding-left: 1.3em;
    border-left: 4px solid var(--civic-color-border,#b1b4b6);
  }
  .reference,
  .report-done {
    margin-top: 0.5em;
    padding-left: 0.75em;
    border-left: 5px solid var(--civic-color-link,#1d70b8);
  }
  .choice {
    display: flex;
    gap: 0.5em;
    margin: 0.5em 0;
  }
  .choice input {
    flex: none;
    width: 1.5em;
    height: 1.5em;
    min-width: 24px;
    min-height: 24px;
    margin: 0;
    accent-color: var(--civic-color-text,#0b0c0c);
  }
  .choice input:focus {
    box-shadow: 0 0 0 3px var(--civic-color-text,#0b0c0c);
  }

  .notice {
    margin: 1.25em 0;
    padding-left: 0.75em;
    border-left: 8px solid var(--civic-color-border,#b1b4b6);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 1em;
  }
  .button {
    min-height: 2.5em;
    padding: 0.4em 0.6em;
    border: 2px solid transparent;
    background: var(--civic-color-button,#00703c);
    box-shadow: 0 2px var(--civic-color-button-shadow,#002d18);
    color: #fff;
    font: inherit;
    cursor: pointer;
  }
  .button:hover {
    filter: brightness(0.85);
  }
  .secondary {
    background: #f3f2f1;
    box-shadow: 0 2px #929191;
    color: #0b0c0c;
  }
  .button:focus-visible {
    outline: 0;
    border-color: var(--civic-color-focus,#fd0);
    background: var(--civic-color-focus,#fd0);
    box-shadow: 0 2px #0b0c0c;
    color: #0b0c0c;
    filter: none;
  }
  [aria-disabled='true'] {
    opacity: 0.5;
    cursor: progress;
  }
  .submit-status {
    min-height: 1.5em;
    margin-top: 0.75em;
  }

  @media (forced-colors: active) {
    .button,
    .tag {
      border: 2px solid;
    }
  }
  .comment.highlighted {
    background: var(--civic-color-highlight,#fff7bf);
    box-shadow: -0.5em 0 var(--civic-color-highlight,#fff7bf);
  }
  .meta a {
    color: inherit;
  }
  .print-link {
    margin-bottom: 0.5em;
  }

  @media print {
    form,
    button,
    .print-link,
    .status-box,
    .consultation-notice,
    .own {
      display: none;
    }
    .meta a {
      text-decoration: none;
    }
  }
`;
