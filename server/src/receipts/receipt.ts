import { receiptCy, receiptEn } from 'civic-comments/i18n';
import { sectionTitleOf } from '../consultations.js';
import type { ConsultationRecord, StoredComment } from '../storage/storage.js';

/** A receipt ready to send: plain text, and a simple HTML part holding the same words. */
export interface ReceiptMessage {
  subject: string;
  text: string;
  html: string;
}

/** Text made safe to stand in HTML: nothing a respondent wrote is ever read as markup. */
const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]!);

/**
 * The receipt of a stored response, in the language it was written in: the consultation, the
 * reference, the section, when it was received (UK time), whom it was sent for, who can see it,
 * the text itself, and how to withdraw it.
 */
export function receiptMessage(comment: StoredComment, consultation: ConsultationRecord): ReceiptMessage {
  const w = comment.lang === 'cy' ? receiptCy : receiptEn;
  const title = consultation.title;
  const reference = comment.reference ?? '';
  const section = sectionTitleOf(consultation, comment.section);
  const visibility = w.visibility[comment.visibility] + (comment.status === 'pending' ? ` ${w.pending}` : '');
  const details: [string, string][] = [
    [w.section, section],
    [w.received, w.formatDateTime(comment.createdAt)],
    ...(comment.respondent
      ? [[w.sentFor, comment.organisation ? w.organisation(comment.organisation) : w.individual] as [string, string]]
      : []),
  ];
  const withdraw = w.withdraw(consultation.contactEmail ?? null);
  const text = [
    w.thanks(title),
    `${w.reference(reference)} ${w.keep}`,
    details.map(([label, value]) => `${label}: ${value}`).join('\n'),
    visibility,
    `${w.sent}:\n\n${comment.body}`,
    withdraw,
  ].join('\n\n');
  const paragraphs = (body: string) => body.split('\n').map(escapeHtml).join('<br>');
  const html = [
    `<p>${escapeHtml(w.thanks(title))}</p>`,
    `<p><strong>${escapeHtml(w.reference(reference))}</strong> ${escapeHtml(w.keep)}</p>`,
    `<p>${details.map(([label, value]) => `${escapeHtml(label)}: ${escapeHtml(value)}`).join('<br>')}</p>`,
    `<p>${escapeHtml(visibility)}</p>`,
    `<p>${escapeHtml(w.sent)}:</p>`,
    `<blockquote>${paragraphs(comment.body)}</blockquote>`,
    `<p>${escapeHtml(withdraw)}</p>`,
  ].join('\n');
  return {
    subject: w.subject(title, reference),
    text,
    html: `<!doctype html><html lang="${comment.lang === 'cy' ? 'cy' : 'en-GB'}"><body>\n${html}\n</body></html>`,
  };
}
