import { diffWords } from 'diff';
import { html, type TemplateResult } from 'lit';
import type { VersionStrings } from '../../i18n/features/versions.js';

/*
 * What changed between two wordings of a section, word by word: fetched only when a reader asks.
 * Words taken out are struck through and words added underlined, and each is introduced in words
 * for screen readers, which do not announce <del> and <ins> on their own.
 */

/** The difference from one wording to the next, with a line that says how it is marked. */
export function difference(before: string, after: string, words: VersionStrings): TemplateResult {
  const parts = diffWords(before, after);
  if (!parts.some((part) => (part.added || part.removed) && part.value.trim())) return html`<p>${words.noWordsChanged}</p>`;
  return html`
    <p class="hint">${words.differenceLegend}</p>
    <p class="difference" part="difference">${parts.map((part) =>
      part.removed
        ? html`<del><span class="visually-hidden">${words.removed} </span>${part.value}</del>`
        : part.added
          ? html`<ins><span class="visually-hidden">${words.added} </span>${part.value}</ins>`
          : part.value,
    )}</p>
  `;
}
