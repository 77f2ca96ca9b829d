import type { NoticeStrings } from '../features/notice.js';

export const noticeCy: NoticeStrings = {
  closed: (when) => `Daeth yr ymgynghoriad hwn i ben ar ${when}.`,
  closedHint: 'Gallwch ddal i ddarllen y sylwadau.',
  upcoming: (when) => `Bydd yr ymgynghoriad hwn yn agor ar ${when}.`,
  closesOn: (when) => `Bydd yr ymgynghoriad hwn yn cau ar ${when}.`,
  notSent: 'Nid yw eich sylw wedi’i anfon. Mae’r hyn wnaethoch chi ei deipio isod, er mwyn i chi allu cadw copi.',
};
