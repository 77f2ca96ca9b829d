import type { ReceiptWords } from '../features/receipt.js';
import { cy } from './reader.js';

export const receiptCy: ReceiptWords = {
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
};
