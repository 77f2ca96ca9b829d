import type { Consultation } from '../contract/public.js';

/** How long before a consultation closes the form starts saying when. */
export const closingSoon = 7 * 24 * 3_600_000;

/** Whether a thread says anything of its consultation's dates now: it is closed, yet to open, or in its last days. */
export const hasNotice = (consultation: Consultation | null): boolean =>
  !!consultation &&
  (consultation.state !== 'open' || (!!consultation.closesAt && Date.parse(consultation.closesAt) - Date.now() <= closingSoon));
