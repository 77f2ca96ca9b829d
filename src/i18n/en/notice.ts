import type { NoticeStrings } from '../features/notice.js';

export const noticeEn: NoticeStrings = {
  closed: (when) => `This consultation closed on ${when}.`,
  closedHint: 'You can still read the comments.',
  upcoming: (when) => `This consultation opens on ${when}.`,
  closesOn: (when) => `This consultation closes on ${when}.`,
  notSent: 'Your comment has not been sent. What you typed is below, so that you can keep a copy.',
};
