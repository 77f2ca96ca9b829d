import { html, type TemplateResult } from 'lit';
import type { SectionChange } from '../../contract/versions.js';
import type { Strings } from '../../i18n/features/reader.js';
import { versionWords } from '../../i18n/versions.js';
import { updatesOf } from '../../internal/updates.js';

/*
 * How the change log is drawn, fetched only by pages whose sections have changed since first
 * published: GOV.UK's "Last updated … — see all updates", with the list behind a disclosure.
 */

/** What the log is drawn on: the element, with its words and heading level. */
interface ChangeLogHost extends HTMLElement {
  readonly strings: Strings;
  headingLevel: number;
  requestUpdate(): void;
}

/** The hosts whose list of updates the reader has opened. */
const opened = new WeakSet<ChangeLogHost>();

function toggle(host: ChangeLogHost): void {
  if (!opened.delete(host)) opened.add(host);
  host.requestUpdate();
}

export function changeLog(host: ChangeLogHost, changes: readonly SectionChange[]): TemplateResult {
  const { strings } = host;
  const words = versionWords(strings);
  const { updates, firstPublished } = updatesOf(changes);
  const open = opened.has(host);
  const level = Math.min(6, Math.max(2, Math.round(host.headingLevel) || 2));
  const date = (at: string) => html`<time datetime=${at}>${strings.formatDate(new Date(at))}</time>`;
  return html`<div part="change-log" lang=${strings.locale}>
    <p class="last-updated" part="last-updated">
      ${words.lastUpdated(strings.formatDate(new Date(updates[0]!.at)))} —
      <button
        type="button"
        class="link-button"
        part="updates-button"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls="updates"
        @click=${() => toggle(host)}
      >
        ${words.seeAllUpdates}
      </button>
    </p>
    <div class="updates" part="updates" id="updates" ?hidden=${!open}>
      <div class="heading" role="heading" aria-level=${level}>${words.updatesHeading}</div>
      <ol>
        ${updates.map(
          (update) => html`<li>
            ${date(update.at)}
            <p>${update.title}: ${update.note ?? words.wordingChanged}</p>
          </li>`,
        )}
        ${
          firstPublished
            ? html`<li>
              ${date(firstPublished)}
              <p>${words.firstPublished}</p>
            </li>`
            : ''
        }
      </ol>
    </div>
  </div>`;
}
