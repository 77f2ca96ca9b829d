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

  .tag.campaign-tag {
    color: #3d2375;
    background: #dbd5e9;
  }
  .campaign .actions {
    margin-top: 0.25em;
  }
  .reasons {
    margin: 0 0 0.5em;
    padding-left: 1.25em;
  }
  .signed-in {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    align-items: baseline;
  }
  .signed-in .hint {
    margin: 0;
  }

  /* The audit log, as a GOV.UK table that scrolls sideways on its own where the screen is narrow. */
  .table-scroll {
    overflow-x: auto;
    margin-bottom: 1em;
  }
  .audit-table {
    width: 100%;
    min-width: 44em;
    border-collapse: collapse;
  }
  .audit-table th,
  .audit-table td {
    padding: 0.6em 1em 0.6em 0;
    border-bottom: 1px solid var(--civic-color-border,#b1b4b6);
    text-align: left;
    vertical-align: top;
  }
  .audit-table td.change {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  /* The overview's charts: each drawing beside its table, one above the other where narrow. */
  .chart {
    margin: 0 0 2em;
  }
  .chart-body {
    display: flex;
    flex-wrap: wrap;
    gap: 1em 2em;
    align-items: flex-start;
  }
  .chart-drawing {
    flex: 1 1 100%;
    max-width: 40em;
    overflow: visible;
  }
  .chart-body .table-scroll {
    flex: 1 1 100%;
    max-width: 40em;
  }
  .chart-table {
    min-width: 0;
  }
  .chart-table caption {
    text-align: left;
    font-weight: 700;
    padding-bottom: 0.25em;
  }
  .chart-table .caption-note {
    display: block;
    font-weight: 400;
    color: #505a5f;
  }
  .chart-table .number {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  .chart-label,
  .chart-value {
    font-size: 14px;
    fill: #0b0c0c;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
    flex-basis: 100%;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .legend svg {
    margin-right: 0.35em;
  }
  .changes {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  /* The views, as GOV.UK service navigation. */
  .views ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1.5em;
    margin: 0 0 1.5em;
    padding: 0;
    border-bottom: 1px solid var(--civic-color-border,#b1b4b6);
    list-style: none;
  }
  .views li {
    padding: 0.5em 0;
    border-bottom: 4px solid transparent;
  }
  .views .current {
    border-bottom-color: var(--civic-color-link,#1d70b8);
  }
  .views .current .link-button {
    font-weight: 700;
    text-decoration: none;
  }

  /* A consultation, as a GOV.UK summary card. */
  .consultation-list {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .card {
    margin-bottom: 1.5em;
    border: 1px solid var(--civic-color-border,#b1b4b6);
  }
  .card-head {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    justify-content: space-between;
    align-items: baseline;
    padding: 0.75em;
    background: #f3f2f1;
  }
  .card-title {
    margin: 0;
    font-size: 1.1em;
  }
  .card .summary,
  .card .actions {
    margin: 0;
    padding: 0.75em;
  }
  .summary > div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1em;
    padding: 0.4em 0;
    border-bottom: 1px solid var(--civic-color-border,#b1b4b6);
  }
  .summary dt {
    flex: 0 0 12em;
    font-weight: 700;
  }
  .summary dd {
    flex: 1 1 14em;
    margin: 0;
    overflow-wrap: anywhere;
  }
  .tag.open {
    color: #005a30;
    background: #cce2d8;
  }
  .tag.upcoming {
    color: #0c2d4a;
    background: #bbd4ea;
  }
  .tag.closed {
    color: #383f43;
    background: #e5e6e7;
  }

  /* The GOV.UK date input, with the time beside it. */
  .date-input {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em 1.25em;
  }
  .date-item label {
    margin-bottom: 0.25em;
  }
  .date-item .input {
    width: 3em;
  }
  .date-item.year .input {
    width: 4.5em;
  }
  .date-item.time .input {
    width: 6.5em;
  }
  .has-error .date-input .input:not(.part-error) {
    border-color: currentColor;
  }
  .has-error .date-input .input.part-error {
    border-color: var(--civic-color-error,#d4351c);
  }
  [part=consultations] > .bar {
    margin-bottom: 0.75em;
  }
  .choice-hint {
    padding-left: 2em;
  }
  .orphans {
    margin-top: 2em;
    padding-top: 1em;
    border-top: 1px solid #b1b4b6;
  }
  .orphan-list {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .orphan {
    margin-bottom: 1.5em;
  }
`;
