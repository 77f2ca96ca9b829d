import { html, nothing, type TemplateResult } from 'lit';
import type { Consultation } from '../../contract/public.js';
import type { Strings } from '../../i18n/features/reader.js';
import { noticeWords } from '../../i18n/notice.js';
import { closingSoon } from '../../internal/closing-soon.js';

/*
 * What a thread says of its consultation's dates: in its last days, when it closes, above the form;
 * before it opens and after it closes, in the form's place. Fetched only by threads whose
 * consultation is not plainly open, so that most pages never download it.
 */

/** In the last days of an open consultation, said above the form. */
export function closingSoonNotice(consultation: Consultation | null, strings: Strings): TemplateResult | typeof nothing {
  const closesAt = consultation?.closesAt;
  if (!closesAt || Date.parse(closesAt) - Date.now() > closingSoon) return nothing;
  return html`<p class="notice" part="closing-notice">${noticeWords(strings).closesOn(strings.formatDateTime(closesAt))}</p>`;
}

/**
 * In place of the form while the consultation takes no responses; threads stay readable. `typed` is
 * what the reader had typed when it closed under them: it is shown back, and the notice is an alert.
 */
export function consultationNotice(consultation: Consultation, strings: Strings, typed: string, alert: boolean): TemplateResult {
  const words = noticeWords(strings);
  const closed = consultation.state === 'closed';
  const date = closed ? consultation.closesAt : consultation.opensAt;
  const when = date ? strings.formatDateTime(date) : '';
  return html`
    <div class="consultation-notice" part="consultation-notice" id="consultation-notice" tabindex="-1" role=${alert ? 'alert' : nothing}>
      ${when ? html`<p class="notice-title">${closed ? words.closed(when) : words.upcoming(when)}</p>` : nothing}
      ${closed ? html`<p>${words.closedHint}</p>` : nothing}
      ${typed ? html`<p>${words.notSent}</p>` : nothing}
    </div>
    ${typed ? html`<p class="kept-comment" part="kept-comment">${typed}</p>` : nothing}
  `;
}
