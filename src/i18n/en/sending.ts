import type { SendingStrings } from '../features/sending.js';

export const sendingEn: SendingStrings = {
  rateLimited: 'You have sent several comments in a short time. Wait a minute, then try again.',
  announcePending: 'Your comment has been sent. It will be published once a moderator has approved it.',
  announcePublished: 'Your comment has been published.',
  announcePrivate: 'Your comment has been sent privately to the team. It will not be published.',
};
