import type { Visibility } from '../../contract/public.js';

/** The words of the emailed receipt of a response, in one language. */
export interface ReceiptWords {
  subject: (title: string, reference: string) => string;
  thanks: (title: string) => string;
  reference: (reference: string) => string;
  keep: string;
  section: string;
  received: string;
  sentFor: string;
  individual: string;
  organisation: (name: string) => string;
  visibility: Record<Visibility, string>;
  pending: string;
  sent: string;
  withdraw: (contact: string | null) => string;
  formatDateTime: (moment: string) => string;
}
