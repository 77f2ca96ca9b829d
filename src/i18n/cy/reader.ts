import type { Strings } from '../features/reader.js';
import { formatNumber as n } from '../format.js';
import { writeDateTime } from '../london-time.js';
import { calendar } from './calendar.js';
import { validation } from './validation.js';

// Welsh keeps the noun singular after a numeral: "1 sylw", "12 sylw", "5,000 nod".

/** Cymraeg (Welsh). */
export const cy: Strings = {
  locale: 'cy',
  formatDate: (d) => `${d.getDate()} ${calendar.months[d.getMonth()]} ${d.getFullYear()}`,
  formatDateTime: (moment) => writeDateTime(moment, calendar),
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
  statusPending: 'Yn aros i gael ei gymedroli',
  statusPrivate: 'Wedi’i anfon yn breifat',
  sectionCount: (count) => (count === 0 ? 'Hyd yma, does dim sylwadau ar yr adran hon.' : `${n(count)} sylw ar yr adran hon`),
  jumpToComments: 'Neidio i’r sylwadau',
  printSection: 'Argraffu’r adran hon',
  validation,
};
