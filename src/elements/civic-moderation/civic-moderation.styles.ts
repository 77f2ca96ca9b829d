import { css } from 'lit';

/** What the console adds to the GOV.UK look it shares with `<civic-comments>`. */
export const styles = css`
  .bar,
  .bulk,
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em 1em;
    align-items: flex-end;
  }
  .bar {
    justify-content: space-between;
    align-items: baseline;
  }
  .filters .field {
    flex: 1 1 12em;
    margin: 0;
  }
  .filters,
  .bulk,
  .panel,
  .confirm {
    margin-bottom: 1.5em;
  }
  select.input {
    padding-inline: 0.25em;
  }
  .counts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1.5em;
    margin: 0 0 1em;
    padding: 0;
    list-style: none;
  }
  .queue > li {
    border-top: 1px solid var(--civic-color-border,#b1b4b6);
  }
  .item {
    display: flex;
    gap: 0.75em;
    padding: 0.75em 0;
  }
  .item.private {
    padding-left: 0.75em;
    border-left: 5px solid #1d70b8;
  }
  .content {
    flex: 1;
    min-width: 0;
  }
  .email {
    overflow-wrap: anywhere;
  }
  .private .tag.private,
  .tag.private {
    color: #0c2d4a;
    background: #bbd4ea;
  }
  .tag.published {
    color: #005a30;
    background: #cce2d8;
  }
  .tag.rejected,
  .tag.spam {
    color: #2a0b06;
    background: #f4cdc6;
  }
  .actions .link-button {
    margin-right: 0.5em;
  }
  .official-form {
    margin-top: 0.75em;
    padding-left: 0.75em;
    border-left: 5px solid var(--civic-color-link,#1d70b8);
  }
  .confirm {
    padding: 0.75em;
    border: 5px solid var(--civic-color-error,#d4351c);
  }
  .warning {
    background: var(--civic-color-error,#d4351c);
    box-shadow: 0 2px #55150b;
  }
  .panel {
    padding-top: 1em;
    border-top: 2px solid var(--civic-color-border,#b1b4b6);
  }
  .done {
    color: #005a30;
    font-weight: 700;
  }
  .notice-area {
    min-height: 1.5em;
  }
`;
