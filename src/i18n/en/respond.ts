import type { RespondStrings } from '../features/respond.js';
import { en } from './reader.js';
import { sendingEn } from './sending.js';

export const respondEn: RespondStrings = {
  ...en,
  pageTitle: 'Comment on this section',
  sectionLabel: (section) => `Section: ${section}`,
  replyingTo: (name) => `You are replying to ${name}.`,
  sentTitle: 'Your comment has been sent',
  sentPending: 'It will be published once a moderator has approved it.',
  sentPublished: 'It has been published.',
  sentPrivate: 'It has been sent privately to the team. It will not be published.',
  backToSection: 'Back to the section',
  closePage: 'You can now close this page.',
  originRefused: 'This form cannot be sent from another website.',
  tooMany: sendingEn.rateLimited,
  linkBroken: 'The link to this form is missing its page or section. Go back and follow the link again.',
  tooLarge: 'What you sent is too long to be received. Go back, shorten your comment and send it again.',
  formUnavailable: 'The form cannot be shown just now. Try again in a few seconds.',
  sendUnavailable: 'Your comment could not be sent just now. Nothing you typed has been lost: send it again in a few seconds.',
  removed: 'This comment was received earlier and has since been removed by the moderators. It has not been sent again.',
  notSentHeading: 'Your comment has not been sent',
  notSentHint: 'This is what you typed, so that you can keep a copy.',
  organisationHint: 'Only if you are responding on behalf of an organisation.',
  readTitle: (section) => `Comments on ${section}`,
  readLink: 'Read the comments on this section',
  commentLink: 'Comment on this section',
  readShowing: (from, to, total) => `Comments ${from} to ${to} of ${total}`,
  readLinkBroken: 'The link to these comments is missing its page or section. Go back and follow the link again.',
  readUnavailable: 'The comments cannot be shown just now. Try again in a few seconds.',
};
