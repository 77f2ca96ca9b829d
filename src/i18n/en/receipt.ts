import type { ReceiptWords } from '../features/receipt.js';
import { en } from './reader.js';

export const receiptEn: ReceiptWords = {
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
};
