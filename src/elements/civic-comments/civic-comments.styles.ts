import { css } from 'lit';

/**
 * The GOV.UK Design System's look, drawn with custom properties so that a department can bring
 * its own colours and font without touching the markup.
 */
export const styles = css`
  :host {
    --_text: var(--civic-color-text, #0b0c0c);
    --_secondary: var(--civic-color-secondary-text, #505a5f);
    --_background: var(--civic-color-background, #ffffff);
    --_link: var(--civic-color-link, #1d70b8);
    --_link-hover: var(--civic-color-link-hover, #003078);
    --_focus: var(--civic-color-focus, #ffdd00);
    --_error: var(--civic-color-error, #d4351c);
    --_button: var(--civic-color-button, #00703c);
    --_button-shadow: var(--civic-color-button-shadow, #002d18);
    --_border: var(--civic-color-border, #b1b4b6);
    display: block;
    max-width: 100%;
    margin-block: 1.5em;
    font-family: var(--civic-font-family, 'GDS Transport', arial, sans-serif);
    font-size: var(--civic-font-size, 1.1875rem);
    line-height: 1.3;
    color: var(--_text);
    -webkit-font-smoothing: antialiased;
  }
  @media (max-width: 40.0625em) {
    :host {
      font-size: var(--civic-font-size, 1rem);
    }
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  p {
    margin: 0 0 1em;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: 0 !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip-path: inset(50%) !important;
    border: 0 !important;
    white-space: nowrap !important;
  }

  .heading,
  .form-heading {
    margin: 0 0 0.75em;
    font-size: 1.2em;
    font-weight: 700;
    line-height: 1.2;
  }
  .form-heading {
    font-size: 1.1em;
  }
  .heading:focus,
  .comment:focus,
  .error-text:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  .status-box {
    min-height: var(--civic-status-min-height, 5rem);
    margin-bottom: 1.5em;
  }
  .status-title {
    margin-bottom: 0.25em;
    font-weight: 700;
  }
  .hint {
    margin-bottom: 0.75em;
    color: var(--_secondary);
  }

  .comments,
  .replies {
    margin: 0 0 1.5em;
    padding: 0;
    list-style: none;
  }
  .replies {
    margin: 0 0 0 0.5em;
    padding-left: clamp(0.5em, 3vw, 1em);
    border-left: 4px solid var(--_border);
  }
  .comment {
    padding-block: 0.75em 0.5em;
    border-top: 1px solid var(--_border);
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.75em;
    align-items: baseline;
    margin-bottom: 0.25em;
  }
  .author {
    font-weight: 700;
    overflow-wrap: anywhere;
  }
  time,
  .in-reply-to {
    color: var(--_secondary);
    font-size: 0.875em;
  }
  .in-reply-to {
    margin-bottom: 0.25em;
  }
  .body {
    margin-bottom: 0.5em;
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .tag {
    display: inline-block;
    padding: 0.125em 0.5em;
    font-size: 0.875em;
    font-weight: 700;
    color: #594d00;
    background: #fff7bf;
  }
  .tag.received {
    color: #0c2d4a;
    background: #bbd4ea;
  }

  .link-button {
    min-height: 24px;
    padding: 0;
    border: 0;
    background: none;
    font: inherit;
    color: var(--_link);
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
  }
  .link-button:hover {
    color: var(--_link-hover);
    text-decoration-thickness: max(3px, 0.12em);
  }
  .link-button:focus-visible,
  a:focus-visible {
    outline: 3px solid transparent;
    color: #0b0c0c;
    background-color: var(--_focus);
    box-shadow: 0 -2px var(--_focus), 0 4px #0b0c0c;
    text-decoration: none;
  }

  .form {
    max-width: 40em;
  }
  .reply-form {
    margin: 0.75em 0 0.5em;
    padding: 0.75em 0 0 clamp(0.5em, 3vw, 1em);
    border-left: 4px solid var(--_link);
  }
  .field {
    margin-bottom: 1.25em;
  }
  .field.has-error {
    padding-left: 0.75em;
    border-left: 5px solid var(--_error);
  }
  label,
  legend {
    display: block;
    margin-bottom: 0.25em;
  }
  legend {
    padding: 0;
    font-weight: 700;
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
    border: 2px solid var(--_text);
    border-radius: 0;
    background: var(--_background);
    color: var(--_text);
    font: inherit;
  }
  .textarea {
    min-height: 8em;
    resize: vertical;
  }
  .has-error .input,
  .input.over-limit {
    border-color: var(--_error);
  }
  .input:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px var(--_text);
  }
  .character-count {
    margin-top: 0.25em;
    color: var(--_secondary);
  }
  .character-count.over-limit,
  .error-message,
  .error-text {
    color: var(--_error);
    font-weight: 700;
  }
  .error-message {
    margin-bottom: 0.5em;
  }

  .choice {
    display: flex;
    align-items: flex-start;
    gap: 0.5em;
    margin-bottom: 0.5em;
  }
  .choice label {
    margin: 0;
    padding-top: 0.1em;
  }
  .choice input {
    flex: none;
    width: 1.5em;
    height: 1.5em;
    min-width: 24px;
    min-height: 24px;
    margin: 0;
    accent-color: var(--_text);
  }
  .choice input:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 1px;
    box-shadow: 0 0 0 4px var(--_text);
  }
  .choice + .notice,
  fieldset + .choice {
    margin-top: 1em;
  }

  .notice {
    margin: 1.25em 0;
    padding: 0.5em 0 0.5em 0.75em;
    border-left: 8px solid var(--_border);
  }

  .error-summary {
    margin-bottom: 1.5em;
    padding: 0.75em;
    border: 5px solid var(--_error);
  }
  .error-summary:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
  }
  .error-summary-title {
    margin-bottom: 0.5em;
    font-size: 1.15em;
    font-weight: 700;
  }
  .error-summary ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .error-summary li {
    margin-bottom: 0.25em;
  }
  .error-summary a {
    color: var(--_error);
    font-weight: 700;
    text-decoration: underline;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em 1em;
    align-items: center;
  }
  .button {
    min-height: 2.5em;
    padding: 0.45em 0.6em 0.4em;
    border: 2px solid transparent;
    border-radius: 0;
    background: var(--_button);
    box-shadow: 0 2px 0 var(--_button-shadow);
    color: #ffffff;
    font: inherit;
    line-height: 1.2;
    cursor: pointer;
  }
  .button:hover {
    filter: brightness(0.85);
  }
  .button.secondary {
    background: #f3f2f1;
    box-shadow: 0 2px 0 #929191;
    color: #0b0c0c;
  }
  .button:focus-visible {
    outline: 3px solid transparent;
    border-color: var(--_focus);
    background: var(--_focus);
    box-shadow: inset 0 0 0 1px var(--_focus), 0 2px 0 #0b0c0c;
    color: #0b0c0c;
    filter: none;
  }
  .button[aria-disabled='true'] {
    opacity: 0.5;
    cursor: progress;
  }
  .submit-status {
    min-height: 1.5em;
    margin-top: 0.75em;
  }
  .submit-status.failed {
    color: var(--_error);
    font-weight: 700;
  }

  @media (forced-colors: active) {
    .button,
    .tag {
      border: 2px solid ButtonText;
    }
    .field.has-error,
    .error-summary {
      border-color: CanvasText;
    }
  }
  @media print {
    .form,
    .reply,
    .more,
    .status-box button {
      display: none;
    }
  }
`;
