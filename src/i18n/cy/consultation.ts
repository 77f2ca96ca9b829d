import type { ConsultationConsoleStrings } from '../features/consultation.js';
import { formatNumber } from '../format.js';
import { writeDateTime } from '../london-time.js';
import { calendar as cyCalendar } from './calendar.js';

const cyStatus: Record<string, string> = {
  pending: 'yn aros',
  published: 'wedi’u cyhoeddi',
  rejected: 'wedi’u gwrthod',
  spam: 'sbam',
  received: 'wedi’u derbyn yn breifat',
};
const cyDate = { opens: 'dyddiad agor', closes: 'dyddiad cau' };
const cyPart = { day: 'diwrnod', month: 'mis', year: 'blwyddyn' };

export const consultationConsoleCy: ConsultationConsoleStrings = {
  clock: cyCalendar.clock,
  formatDateTime: (moment) => writeDateTime(moment, cyCalendar),
  viewsLabel: 'Consol',
  commentsView: 'Sylwadau',
  consultationsView: 'Ymgynghoriadau',
  heading: 'Ymgynghoriadau',
  intro:
    'Mae ymgynghoriad yn derbyn ymatebion ar ei dudalen rhwng ei ddyddiadau agor a chau, yn ôl cloc y gweinydd, yn amser y DU. Mae tudalen heb ymgynghoriad yn derbyn sylwadau unrhyw bryd.',
  loading: 'Wrthi’n llwytho ymgynghoriadau…',
  loadFailed: 'Nid oedd modd llwytho’r ymgynghoriadau.',
  none: 'Nid oes ymgynghoriadau eto.',
  create: 'Creu ymgynghoriad',
  states: { upcoming: 'Heb agor eto', open: 'Ar agor', closed: 'Wedi cau' },
  opensLabel: 'Yn agor',
  closesLabel: 'Yn cau',
  opensAtOnce: 'Ar agor o’r dechrau',
  neverCloses: 'Dim dyddiad cau',
  departmentLabel: 'Corff cyhoeddus',
  departmentNone: 'Dim: nid oes modd cyhoeddi ymatebion swyddogol',
  organisationLabel: 'Yn holi am sefydliadau',
  yes: 'Ydy',
  no: 'Nac ydy',
  contactLabel: 'Cyswllt',
  notGiven: 'Heb ei roi',
  responsesLabel: 'Ymatebion',
  responses: (counts) => counts.map(([status, count]) => `${formatNumber(count)} ${cyStatus[status] ?? status}`).join(', '),
  responsesNone: 'Dim eto',
  change: 'Newid',
  extend: 'Ymestyn',
  showComments: 'Dangos ei sylwadau',
  createHeading: 'Creu ymgynghoriad',
  changeHeading: (title) => `Newid ${title}`,
  extendHeading: (title) => `Ymestyn ${title}`,
  extendHint: 'Dewiswch ddyddiad cau diweddarach. Caiff ymatebion eu derbyn eto cyn gynted ag y byddwch yn cadw.',
  pageLabel: 'Tudalen',
  pageHint:
    'Fel y mae’r elfennau ar dudalen yr ymgynghoriad yn ei henwi: eu priodoledd page, neu fel arall llwybr y dudalen. Er enghraifft, library-strategy neu /consultations/library-strategy.',
  titleLabel: 'Teitl',
  dateLegend: { opens: 'Dyddiad agor', closes: 'Dyddiad cau' },
  dateHint: {
    opens:
      'Yn amser y DU. Er enghraifft, 1 3 2027 a 9yb. Gadewch yr amser yn wag i agor am hanner nos, neu’r cyfan yn wag i agor ar unwaith.',
    closes:
      'Yn amser y DU. Er enghraifft, 31 3 2027 a 5yh. Gadewch yr amser yn wag i gau am 11:59yh, neu’r cyfan yn wag am ddim dyddiad cau.',
  },
  day: 'Diwrnod',
  month: 'Mis',
  year: 'Blwyddyn',
  time: 'Amser',
  departmentHint: 'Caiff ymatebion swyddogol a chanlyniadau eu cyhoeddi yn ei enw.',
  askOrganisationLabel: 'Gofyn i ymatebwyr a ydyn nhw’n ymateb ar ran sefydliad',
  askOrganisationHint: 'Gallant wedyn enwi’r sefydliad, a gall dadansoddwyr wahaniaethu rhwng ei ymatebion.',
  contactEmailLabel: 'Cyfeiriad e-bost cyswllt (dewisol)',
  contactHint: 'Lle gall ymatebwyr ysgrifennu i newid neu dynnu ymateb yn ôl. Nid yw byth yn cael ei ddangos ar y dudalen.',
  save: 'Cadw’r ymgynghoriad',
  saved: (title) => `Mae ${title} wedi’i gadw.`,
  pageMissing: 'Rhowch y dudalen',
  pageTooLong: (max) => `Rhaid i’r dudalen fod yn ${formatNumber(max)} nod neu lai`,
  titleMissing: 'Rhowch deitl',
  tooLong: (label, max) => `Rhaid i’r maes ${label} fod yn ${formatNumber(max)} nod neu lai`,
  dateMissing: (field) => `Rhowch y ${cyDate[field]}`,
  dateIncomplete: (field, part) => `Rhaid i’r ${cyDate[field]} gynnwys ${cyPart[part]}`,
  dateNotReal: (field) => `Rhaid i’r ${cyDate[field]} fod yn ddyddiad go iawn`,
  yearDigits: 'Rhaid i’r flwyddyn gynnwys 4 rhif',
  timeInvalid: (field) => `Rhowch yr amser ${field === 'opens' ? 'agor' : 'cau'} fel 9yb neu 14:30`,
  closesBeforeOpens: 'Rhaid i’r dyddiad cau fod ar ôl y dyddiad agor',
  contactInvalid: 'Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@enghraifft.llyw.cymru',
  refused: 'Ni dderbyniodd y gweinydd yr ymgynghoriad. Gwiriwch y meysydd a chadwch eto.',
  saveFailed: 'Nid oedd modd cadw’r ymgynghoriad. Nid oes dim a deipiwyd gennych wedi’i golli: rhowch gynnig arall arni.',
  orphansHeading: 'Ymatebion o dan bennawd nad yw’r ymgynghoriad hwn yn ei enwi',
  orphansHint:
    'Dangosodd y dudalen yr adrannau hyn o dan benawdau nad oedd yr ymgynghoriad yn eu hadnabod. Symudwch bob edefyn i’w adran: mae pob ymateb yn cadw ei gyfeirnod. I’w atal rhag digwydd eto, rhowch y pennawd fel pennawd cynharach i’r adran.',
  orphanSummary: (section, count, newest) => `${section}: ${formatNumber(count)} ymateb, y diweddaraf ar ${newest}`,
  moveTo: 'Symud i adran',
  move: 'Symud',
  moved: (count, from, to) => `Wedi symud ${formatNumber(count)} ymateb o ${from} i ${to}.`,
  moveFailed: 'Nid oedd modd symud yr edefyn. Rhowch gynnig arall arni.',
};
