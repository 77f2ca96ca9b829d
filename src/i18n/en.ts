import { writeDateTime, type Calendar } from './london-time.js';
import type { Strings } from './strings.js';

const number = new Intl.NumberFormat('en-GB');
const date = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
/** English months and clock words, for dates written in UK time. */
export const calendar: Calendar = {
  months: 'January February March April May June July August September October November December'.split(' '),
  at: 'at',
  clock: { am: 'am', pm: 'pm', midday: 'midday', midnight: 'midnight' },
};
const characters = (n: number) => `${number.format(n)} character${n === 1 ? '' : 's'}`;

/** English, in the GOV.UK style. */
export const en: Strings = {
  locale: 'en-GB',
  formatDate: (d) => date.format(d),
  formatDateTime: (moment) => writeDateTime(moment, calendar),
  consultationClosed: (when) => `This consultation closed on ${when}.`,
  consultationClosedHint: 'You can still read the comments.',
  consultationUpcoming: (when) => `This consultation opens on ${when}.`,
  consultationClosesOn: (when) => `This consultation closes on ${when}.`,
  consultationNotSent: 'Your comment has not been sent. What you typed is below, so that you can keep a copy.',
  officialBadge: 'Official response',
  anonymous: 'Anonymous respondent',
  onBehalfOf: (name, organisation) => `${name}, on behalf of ${organisation}`,
  outcomeHeading: 'What we did with your comments',
  commentsHeading: 'Comments',
  threadHeading: (n) => (n === 0 ? 'No comments yet' : n === 1 ? '1 comment' : `${number.format(n)} comments`),
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
  rateLimited: 'You have sent several comments in a short time. Wait a minute, then try again.',
  statusPending: 'Awaiting moderation',
  statusPrivate: 'Sent privately',
  announcePending: 'Your comment has been sent. It will be published once a moderator has approved it.',
  announcePublished: 'Your comment has been published.',
  announcePrivate: 'Your comment has been sent privately to the team. It will not be published.',
  sectionCount: (n) =>
    n === 0
      ? 'So far, there are no comments on this section.'
      : `${n === 1 ? '1 comment' : `${number.format(n)} comments`} on this section`,
  jumpToComments: 'Jump to comments',
  printSection: 'Print this section',
};
