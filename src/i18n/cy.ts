import { writeDateTime, type Calendar } from './london-time.js';
import type { Strings } from './strings.js';

const number = new Intl.NumberFormat('cy');
// Welsh keeps the noun singular after a numeral: "1 sylw", "12 sylw", "5,000 nod".
const n = (count: number) => number.format(count);
// Browsers do not all carry Welsh date names, so the months are spelt out here.
const months = 'Ionawr Chwefror Mawrth Ebrill Mai Mehefin Gorffennaf Awst Medi Hydref Tachwedd Rhagfyr'.split(' ');
// "yb" (y bore) and "yh" (yr hwyr), as Welsh public bodies write times.
const calendar: Calendar = { months, at: 'am', clock: { am: 'yb', pm: 'yh', midday: 'hanner dydd', midnight: 'hanner nos' } };

/** Cymraeg (Welsh). */
export const cy: Strings = {
  locale: 'cy',
  formatDate: (d) => `${d.getDate()} ${months[d.getMonth()]} ${d.getFullYear()}`,
  formatDateTime: (moment) => writeDateTime(moment, calendar),
  consultationClosed: (when) => `Daeth yr ymgynghoriad hwn i ben ar ${when}.`,
  consultationClosedHint: 'Gallwch ddal i ddarllen y sylwadau.',
  consultationUpcoming: (when) => `Bydd yr ymgynghoriad hwn yn agor ar ${when}.`,
  consultationClosesOn: (when) => `Bydd yr ymgynghoriad hwn yn cau ar ${when}.`,
  consultationNotSent: 'Nid yw eich sylw wedi’i anfon. Mae’r hyn wnaethoch chi ei deipio isod, er mwyn i chi allu cadw copi.',
  officialBadge: 'Ymateb swyddogol',
  anonymous: 'Ymatebydd dienw',
  onBehalfOf: (name, organisation) => `${name}, ar ran ${organisation}`,
  outcomeHeading: 'Beth wnaethon ni gyda’ch sylwadau',
  commentsHeading: 'Sylwadau',
  threadHeading: (count) => (count === 0 ? 'Dim sylwadau eto' : `${n(count)} sylw`),
  loading: 'Wrthi’n llwytho sylwadau…',
  loadFailed: 'Nid oedd modd llwytho’r sylwadau',
  loadFailedHint: 'Gallwch anfon sylw o hyd.',
  tryAgain: 'Rhowch gynnig arall arni',
  showMore: 'Dangos rhagor o sylwadau',
  reply: 'Ymateb',
  report: 'Rhoi gwybod am y sylw hwn',
  replyToSuffix: (name) => ` i ${name}`,
  inReplyTo: (name) => `Mewn ymateb i ${name}`,
  formHeading: 'Rhowch sylw ar yr adran hon',
  replyHeading: (name) => `Ymateb i ${name}`,
  nameLabel: 'Enw',
  emailLabel: 'E-bost',
  emailHint: 'Ni fyddwn yn cyhoeddi eich cyfeiriad e-bost',
  bodyLabel: 'Sylw',
  bodyLimitHint: (max) => `Gallwch roi hyd at ${n(max)} nod`,
  charactersRemaining: (count) => `Mae gennych ${n(count)} nod yn weddill`,
  charactersTooMany: (count) => `Mae gennych ${n(count)} nod yn ormod`,
  visibilityLegend: 'Pwy all weld eich sylw?',
  visibilityPublic: 'Cyhoeddi fy sylw',
  visibilityAnonymous: 'Cyhoeddi fy sylw heb fy enw',
  visibilityPrivate: 'Ei anfon yn breifat at y tîm (ni fydd yn cael ei gyhoeddi)',
  respondentLegend: 'Ydych chi’n ymateb fel unigolyn neu ar ran sefydliad?',
  respondentIndividual: 'Fel unigolyn',
  respondentOrganisation: 'Ar ran sefydliad',
  organisationLabel: 'Enw’r sefydliad',
  referenceIs: (reference) => `Eich cyfeirnod yw ${reference}`,
  referenceHint: 'Cadwch ef i’w ddyfynnu os byddwch yn ysgrifennu atom am eich sylw.',
  remember: 'Cofio fy enw a’m cyfeiriad e-bost ar y ddyfais hon',
  moderationNotice:
    'Mae sylwadau’n gyhoeddus oni bai eich bod yn eu hanfon yn breifat. Efallai y byddwn yn cymedroli sylwadau cyn eu cyhoeddi.',
  submit: 'Anfon sylw',
  submitting: 'Wrthi’n anfon eich sylw…',
  cancel: 'Canslo',
  errorSummaryTitle: 'Mae problem wedi codi',
  errorPrefix: 'Gwall:',
  submitFailed: 'Nid oedd modd anfon eich sylw. Nid ydych wedi colli dim o’r hyn a deipiwyd gennych. Rhowch gynnig arall arni mewn munud.',
  rateLimited: 'Rydych wedi anfon sawl sylw mewn amser byr. Arhoswch funud, yna rhowch gynnig arall arni.',
  statusPending: 'Yn aros i gael ei gymedroli',
  statusPrivate: 'Wedi’i anfon yn breifat',
  announcePending: 'Mae eich sylw wedi’i anfon. Bydd yn cael ei gyhoeddi ar ôl i gymedrolwr ei gymeradwyo.',
  announcePublished: 'Mae eich sylw wedi’i gyhoeddi.',
  announcePrivate: 'Mae eich sylw wedi’i anfon yn breifat at y tîm. Ni fydd yn cael ei gyhoeddi.',
  sectionCount: (count) => (count === 0 ? 'Hyd yma, does dim sylwadau ar yr adran hon.' : `${n(count)} sylw ar yr adran hon`),
  jumpToComments: 'Neidio i’r sylwadau',
  printSection: 'Argraffu’r adran hon',
  validation: {
    name: {
      missing: 'Rhowch eich enw',
      tooLong: 'Rhaid i’r enw fod yn 100 nod neu lai',
    },
    email: {
      missing: 'Rhowch eich cyfeiriad e-bost',
      tooLong: 'Rhaid i’r cyfeiriad e-bost fod yn 254 nod neu lai',
      invalid: 'Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@enghraifft.com',
    },
    body: {
      missing: 'Rhowch eich sylw',
      tooLong: 'Rhaid i’r sylw fod yn 5,000 nod neu lai',
      duplicate: 'Rydych chi eisoes wedi anfon y sylw hwn',
    },
    visibility: {
      missing: 'Dewiswch a ydych am gyhoeddi eich sylw, ei gyhoeddi heb eich enw, neu ei anfon yn breifat',
    },
    respondent: {
      missing: 'Dewiswch a ydych yn ymateb fel unigolyn neu ar ran sefydliad',
    },
    organisation: {
      missing: 'Rhowch enw eich sefydliad',
      tooLong: 'Rhaid i enw’r sefydliad fod yn 200 nod neu lai',
    },
    answer: {
      missing: 'Dewiswch ateb',
      invalid: 'Dewiswch un o’r atebion a roddwyd',
    },
    parentId: {
      invalid: 'Nid yw’r sylw rydych yn ymateb iddo ar gael mwyach',
    },
  },
};
