/* What a thread says of its consultation's dates, in place of the form or above it. */

/** The words of a consultation's dates, in one language; each date as the reader strings' `formatDateTime` writes it. */
export interface NoticeStrings {
  /** Said in place of the form once the consultation has closed. */
  closed: (when: string) => string;
  closedHint: string;
  /** Said in place of the form before the consultation opens. */
  upcoming: (when: string) => string;
  /** Said above the form in the last days of a consultation. */
  closesOn: (when: string) => string;
  /** Said when the consultation closed while the reader was typing; what they typed is shown after it. */
  notSent: string;
}
