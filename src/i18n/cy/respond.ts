import type { RespondStrings } from '../features/respond.js';
import { cy } from './reader.js';
import { sendingCy } from './sending.js';

export const respondCy: RespondStrings = {
  ...cy,
  pageTitle: 'Rhowch sylw ar yr adran hon',
  sectionLabel: (section) => `Adran: ${section}`,
  replyingTo: (name) => `Rydych yn ymateb i ${name}.`,
  sentTitle: 'Mae eich sylw wedi’i anfon',
  sentPending: 'Bydd yn cael ei gyhoeddi ar ôl i gymedrolwr ei gymeradwyo.',
  sentPublished: 'Mae wedi’i gyhoeddi.',
  sentPrivate: 'Mae wedi’i anfon yn breifat at y tîm. Ni fydd yn cael ei gyhoeddi.',
  backToSection: 'Yn ôl i’r adran',
  closePage: 'Gallwch gau’r dudalen hon nawr.',
  originRefused: 'Nid oes modd anfon y ffurflen hon o wefan arall.',
  tooMany: sendingCy.rateLimited,
  linkBroken: 'Nid oes tudalen nac adran yn y ddolen i’r ffurflen hon. Ewch yn ôl a dilyn y ddolen eto.',
  tooLarge: 'Mae’r hyn a anfonoch yn rhy hir i’w dderbyn. Ewch yn ôl, byrhewch eich sylw a’i anfon eto.',
  formUnavailable: 'Nid oes modd dangos y ffurflen ar hyn o bryd. Rhowch gynnig arall arni ymhen ychydig eiliadau.',
  sendUnavailable:
    'Nid oedd modd anfon eich sylw ar hyn o bryd. Nid oes dim a deipioch wedi’i golli: anfonwch ef eto ymhen ychydig eiliadau.',
  removed: 'Cafodd y sylw hwn ei dderbyn yn gynharach ac mae’r cymedrolwyr wedi’i ddileu ers hynny. Nid yw wedi’i anfon eto.',
  notSentHeading: 'Nid yw eich sylw wedi’i anfon',
  notSentHint: 'Dyma beth wnaethoch chi ei deipio, er mwyn i chi allu cadw copi.',
  organisationHint: 'Dim ond os ydych yn ymateb ar ran sefydliad.',
  readTitle: (section) => `Sylwadau ar ${section}`,
  readLink: 'Darllen y sylwadau ar yr adran hon',
  commentLink: 'Rhowch sylw ar yr adran hon',
  readShowing: (from, to, total) => `Sylwadau ${from} i ${to} o ${total}`,
  readLinkBroken: 'Nid oes tudalen nac adran yn y ddolen i’r sylwadau hyn. Ewch yn ôl a dilyn y ddolen eto.',
  readUnavailable: 'Nid oes modd dangos y sylwadau ar hyn o bryd. Rhowch gynnig arall arni ymhen ychydig eiliadau.',
};
