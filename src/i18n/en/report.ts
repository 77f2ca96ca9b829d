import { limits } from '../../contract/limits.js';
import type { ReportStrings } from '../features/report.js';

export const reportEn: ReportStrings = {
  reasonLabel: 'Why are you reporting this comment? (optional)',
  reasonHint:
    'For example, it is abusive, it shares someone’s personal details, or it is advertising. Do not include your own personal details.',
  send: 'Send report',
  cancel: 'Cancel',
  sending: 'Sending your report…',
  thanks: 'Thank you. Your report has been sent to the moderators, who will decide whether the comment stays.',
  tooLong: `Reason must be ${limits.reportReasonMax} characters or fewer`,
  failed: 'Your report could not be sent. Nothing you typed has been lost. Try again in a moment.',
  tooMany: 'You have sent too many reports in a short time. Try again in a few minutes.',
  errorPrefix: 'Error:',
};
