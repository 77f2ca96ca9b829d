/** The words of the form that reports a comment to the moderators, in one language. */
export interface ReportStrings {
  reasonLabel: string;
  reasonHint: string;
  send: string;
  cancel: string;
  sending: string;
  thanks: string;
  tooLong: string;
  failed: string;
  tooMany: string;
  errorPrefix: string;
}
