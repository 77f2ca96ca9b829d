import { cy, en } from 'civic-comments/i18n';
import { sectionTitleOf } from '../consultations.js';
import type { ConsultationRecord, StoredComment } from '../storage/storage.js';

/** A receipt ready to send: plain text, and a simple HTML part holding the same words. */
export interface ReceiptMessage {
  subject: string;
  text: string;
  html: string;
}

interface ReceiptWords {
  subject: (title: string, reference: string) => string;
  thanks: (title: string) => string;
  reference: (reference: string) => string;
  keep: string;
  section: string;
  received: string;
  sentFor: string;
  individual: string;
  organisation: (name: string) => string;
  visibility: Record<StoredComment['visibility'], string>;
  pending: string;
  sent: string;
  withdraw: (contact: string | null) => string;
  formatDateTime: (moment: string) => string;
}

const words: Record<'en' | 'cy', ReceiptWords> = {
  en: {
    subject: (title, reference) => `Your response to ${title}: ${reference}`,
    thanks: (title) => `Thank you for your response to ${title}.`,
    reference: (reference) => `Your reference is ${reference}.`,
    keep: 'Keep it to quote if you write to us about your response.',
    section: 'Section',
    received: 'Received',
    sentFor: 'Sent',
    individual: 'As an individual',
    organisation: (name) => `On behalf of ${name}`,
    visibility: {
      public: 'Published with your name',
      anonymous: 'Published without your name',
      private: 'Sent privately to the team. It will not be published.',
    },
    pending: 'It will be published once a moderator has approved it.',
    sent: 'What you sent',
    withdraw: (contact) =>
      contact
        ? `To change or withdraw your response, write to ${contact} quoting your reference.`
        : 'To change or withdraw your response, reply to this email quoting your reference.',
    formatDateTime: en.formatDateTime,
  },
  cy: {
    subject: (title, reference) => `Eich ymateb i ${title}: ${reference}`,
    thanks: (title) => `Diolch am eich ymateb i ${title}.`,
    reference: (reference) => `Eich cyfeirnod yw ${reference}.`,
    keep: 'Cadwch ef i’w ddyfynnu os byddwch yn ysgrifennu atom am eich ymateb.',
    section: 'Adran',
    received: 'Wedi’i dderbyn',
    sentFor: 'Wedi’i anfon',
    individual: 'Fel unigolyn',
    organisation: (name) => `Ar ran ${name}`,
    visibility: {
      public: 'Wedi’i gyhoeddi gyda’ch enw',
      anonymous: 'Wedi’i gyhoeddi heb eich enw',
      private: 'Wedi’i anfon yn breifat at y tîm. Ni fydd yn cael ei gyhoeddi.',
    },
    pending: 'Bydd yn cael ei gyhoeddi ar ôl i gymedrolwr ei gymeradwyo.',
    sent: 'Beth anfonoch chi',
    withdraw: (contact) =>
      contact
        ? `I newid neu dynnu eich ymateb yn ôl, ysgrifennwch at ${contact} gan ddyfynnu eich cyfeirnod.`
        : 'I newid neu dynnu eich ymateb yn ôl, atebwch yr e-bost hwn gan ddyfynnu eich cyfeirnod.',
    formatDateTime: cy.formatDateTime,
  },
};

/** Text made safe to stand in HTML: nothing a respondent wrote is ever read as markup. */
const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]!);

/**
 * The receipt of a stored response, in the language it was written in: the consultation, the
 * reference, the section, when it was received (UK time), whom it was sent for, who can see it,
 * the text itself, and how to withdraw it.
 */
export function receiptMessage(comment: StoredComment, consultation: ConsultationRecord): ReceiptMessage {
  const w = words[comment.lang === 'cy' ? 'cy' : 'en'];
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
