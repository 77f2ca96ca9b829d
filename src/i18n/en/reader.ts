import type { Strings } from '../features/reader.js';
import { countOf, formatNumber } from '../format.js';
import { writeDateTime } from '../london-time.js';
import { calendar } from './calendar.js';

const date = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
const characters = (n: number) => countOf(n, 'character', 'characters');

/** English, in the GOV.UK style. */
export const en: Strings = {
  locale: 'en-GB',
  formatDate: (d) => date.format(d),
  formatDateTime: (moment) => writeDateTime(moment, calendar),
  officialBadge: 'Official response',
  anonymous: 'Anonymous respondent',
  onBehalfOf: (name, organisation) => `${name}, on behalf of ${organisation}`,
  outcomeHeading: 'What we did with your comments',
  commentsHeading: 'Comments',
  threadHeading: (n) => (n === 0 ? 'No comments yet' : n === 1 ? '1 comment' : `${formatNumber(n)} comments`),
  loading: 'Loading comments…',
  loadFailed: 'Comments could not be loaded',
  loadFailedHint: 'You can still send a comment.',
  tryAgain: 'Try again',
  showMore: 'Show more comments',
  reply: 'Reply',
  report: 'Report this comment',
  replyToSuffix: (name) => ` to ${name}`,
  inReplyTo: (name) => `In reply to ${name}`,
  formHeading: 'Comment on this section',
  replyHeading: (name) => `Reply to ${name}`,
  nameLabel: 'Name',
  emailLabel: 'Email',
  emailHint: 'We will not publish your email address',
  bodyLabel: 'Comment',
  bodyLimitHint: (max) => `You can enter up to ${characters(max)}`,
  charactersRemaining: (n) => `You have ${characters(n)} remaining`,
  charactersTooMany: (n) => `You have ${characters(n)} too many`,
  visibilityLegend: 'Who can see your comment?',
  visibilityPublic: 'Publish my comment',
  visibilityAnonymous: 'Publish my comment without my name',
  visibilityPrivate: 'Send it privately to the team (it will not be published)',
  respondentLegend: 'Are you responding as an individual or on behalf of an organisation?',
  respondentIndividual: 'As an individual',
  respondentOrganisation: 'On behalf of an organisation',
  organisationLabel: 'Organisation name',
  referenceIs: (reference) => `Your reference is ${reference}`,
  referenceHint: 'Keep it to quote if you write to us about your comment.',
  remember: 'Remember my name and email on this device',
  moderationNotice: 'Comments are public unless you send them privately. We may moderate comments before they are published.',
  submit: 'Submit comment',
  submitting: 'Sending your comment…',
  cancel: 'Cancel',
  errorSummaryTitle: 'There is a problem',
  errorPrefix: 'Error:',
  submitFailed: 'Your comment could not be sent. Nothing you typed has been lost. Try again in a moment.',
  statusPending: 'Awaiting moderation',
  statusPrivate: 'Sent privately',
  sectionCount: (n) =>
    n === 0 ? 'So far, there are no comments on this section.' : `${n === 1 ? '1 comment' : `${formatNumber(n)} comments`} on this section`,
  jumpToComments: 'Jump to comments',
  printSection: 'Print this section',
};
