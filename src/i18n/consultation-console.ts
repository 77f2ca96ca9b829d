import type { ConsultationState } from '../contract/public.js';
import { calendar as enCalendar } from './en.js';
import { writeDateTime, type ClockWords } from './london-time.js';
import { cyCalendar } from './moderation.js';

/** Which of a consultation's two dates a message is about. */
export type DateField = 'opens' | 'closes';

/** The strings of the console's consultations view, in one language. */
export interface ConsultationConsoleStrings {
  /** How times are written, in the form and in the list. */
  clock: ClockWords;
  formatDateTime: (moment: string) => string;
  viewsLabel: string;
  commentsView: string;
  consultationsView: string;
  heading: string;
  intro: string;
  loading: string;
  loadFailed: string;
  none: string;
  create: string;
  states: Record<ConsultationState, string>;
  opensLabel: string;
  closesLabel: string;
  opensAtOnce: string;
  neverCloses: string;
  departmentLabel: string;
  departmentNone: string;
  organisationLabel: string;
  yes: string;
  no: string;
  contactLabel: string;
  notGiven: string;
  responsesLabel: string;
  /** Responses by status, such as "12 published, 3 pending". */
  responses: (counts: [status: string, count: number][]) => string;
  responsesNone: string;
  change: string;
  extend: string;
  showComments: string;
  createHeading: string;
  changeHeading: (title: string) => string;
  extendHeading: (title: string) => string;
  extendHint: string;
  pageLabel: string;
  pageHint: string;
  titleLabel: string;
  dateLegend: Record<DateField, string>;
  dateHint: Record<DateField, string>;
  day: string;
  month: string;
  year: string;
  time: string;
  departmentHint: string;
  askOrganisationLabel: string;
  askOrganisationHint: string;
  contactEmailLabel: string;
  contactHint: string;
  save: string;
  saved: (title: string) => string;
  pageMissing: string;
  pageTooLong: (max: number) => string;
  titleMissing: string;
  tooLong: (label: string, max: number) => string;
  dateMissing: (field: DateField) => string;
  dateIncomplete: (field: DateField, part: 'day' | 'month' | 'year') => string;
  dateNotReal: (field: DateField) => string;
  yearDigits: string;
  timeInvalid: (field: DateField) => string;
  closesBeforeOpens: string;
  contactInvalid: string;
  refused: string;
  saveFailed: string;
}

const enNumber = (n: number) => n.toLocaleString('en-GB');
const enStatus: Record<string, string> = {
  pending: 'pending',
  published: 'published',
  rejected: 'rejected',
  spam: 'spam',
  received: 'received privately',
};

export const consultationConsoleEn: ConsultationConsoleStrings = {
  clock: enCalendar.clock,
  formatDateTime: (moment) => writeDateTime(moment, enCalendar),
  viewsLabel: 'Console',
  commentsView: 'Comments',
  consultationsView: 'Consultations',
  heading: 'Consultations',
  intro:
    'A consultation takes responses on its page between its opening and closing dates, by the server’s clock, in UK time. A page without one takes comments at any time.',
  loading: 'Loading consultations…',
  loadFailed: 'Consultations could not be loaded.',
  none: 'There are no consultations yet.',
  create: 'Create a consultation',
  states: { upcoming: 'Not open yet', open: 'Open', closed: 'Closed' },
  opensLabel: 'Opens',
  closesLabel: 'Closes',
  opensAtOnce: 'Open from the start',
  neverCloses: 'No closing date',
  departmentLabel: 'Department',
  departmentNone: 'None: official responses cannot be published',
  organisationLabel: 'Asks about organisations',
  yes: 'Yes',
  no: 'No',
  contactLabel: 'Contact',
  notGiven: 'Not given',
  responsesLabel: 'Responses',
  responses: (counts) => counts.map(([status, count]) => `${enNumber(count)} ${enStatus[status] ?? status}`).join(', '),
  responsesNone: 'None yet',
  change: 'Change',
  extend: 'Extend',
  showComments: 'Show its comments',
  createHeading: 'Create a consultation',
  changeHeading: (title) => `Change ${title}`,
  extendHeading: (title) => `Extend ${title}`,
  extendHint: 'Choose a later closing date. Responses are taken again as soon as you save.',
  pageLabel: 'Page',
  pageHint:
    'As the elements on the consultation’s page name it: their page attribute, or else the page’s path. For example, library-strategy or /consultations/library-strategy.',
  titleLabel: 'Title',
  dateLegend: { opens: 'Opening date', closes: 'Closing date' },
  dateHint: {
    opens: 'In UK time. For example, 1 3 2027 and 9am. Leave the time empty to open at midnight, or everything empty to open at once.',
    closes:
      'In UK time. For example, 31 3 2027 and 5pm. Leave the time empty to close at 11:59pm, or everything empty for no closing date.',
  },
  day: 'Day',
  month: 'Month',
  year: 'Year',
  time: 'Time',
  departmentHint: 'Official responses and outcomes are published in its name.',
  askOrganisationLabel: 'Ask respondents whether they respond for an organisation',
  askOrganisationHint: 'They can then name the organisation, and analysts can tell its responses apart.',
  contactEmailLabel: 'Contact email address (optional)',
  contactHint: 'Where respondents can write to change or withdraw a response. It is never shown on the page.',
  save: 'Save consultation',
  saved: (title) => `${title} has been saved.`,
  pageMissing: 'Enter the page',
  pageTooLong: (max) => `Page must be ${enNumber(max)} characters or fewer`,
  titleMissing: 'Enter a title',
  tooLong: (label, max) => `${label} must be ${enNumber(max)} characters or fewer`,
  dateMissing: (field) => `Enter the ${field === 'opens' ? 'opening' : 'closing'} date`,
  dateIncomplete: (field, part) => `${field === 'opens' ? 'Opening' : 'Closing'} date must include a ${part}`,
  dateNotReal: (field) => `${field === 'opens' ? 'Opening' : 'Closing'} date must be a real date`,
  yearDigits: 'Year must include 4 numbers',
  timeInvalid: (field) => `Enter the ${field === 'opens' ? 'opening' : 'closing'} time like 9am or 14:30`,
  closesBeforeOpens: 'Closing date must be after the opening date',
  contactInvalid: 'Enter an email address in the correct format, like name@example.gov.uk',
  refused: 'The server did not accept the consultation. Check the fields and save again.',
  saveFailed: 'The consultation could not be saved. Nothing you typed has been lost: try again.',
};

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
  departmentLabel: 'Adran',
  departmentNone: 'Dim: nid oes modd cyhoeddi ymatebion swyddogol',
  organisationLabel: 'Yn holi am sefydliadau',
  yes: 'Ydy',
  no: 'Nac ydy',
  contactLabel: 'Cyswllt',
  notGiven: 'Heb ei roi',
  responsesLabel: 'Ymatebion',
  responses: (counts) => counts.map(([status, count]) => `${enNumber(count)} ${cyStatus[status] ?? status}`).join(', '),
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
  departmentHint: 'Caiff ymatebion swyddogol a chanlyniadau eu cyhoeddi yn ei henw.',
  askOrganisationLabel: 'Gofyn i ymatebwyr a ydyn nhw’n ymateb ar ran sefydliad',
  askOrganisationHint: 'Gallant wedyn enwi’r sefydliad, a gall dadansoddwyr wahaniaethu rhwng ei ymatebion.',
  contactEmailLabel: 'Cyfeiriad e-bost cyswllt (dewisol)',
  contactHint: 'Lle gall ymatebwyr ysgrifennu i newid neu dynnu ymateb yn ôl. Nid yw byth yn cael ei ddangos ar y dudalen.',
  save: 'Cadw’r ymgynghoriad',
  saved: (title) => `Mae ${title} wedi’i gadw.`,
  pageMissing: 'Rhowch y dudalen',
  pageTooLong: (max) => `Rhaid i’r dudalen fod yn ${enNumber(max)} nod neu lai`,
  titleMissing: 'Rhowch deitl',
  tooLong: (label, max) => `Rhaid i’r maes ${label} fod yn ${enNumber(max)} nod neu lai`,
  dateMissing: (field) => `Rhowch y ${cyDate[field]}`,
  dateIncomplete: (field, part) => `Rhaid i’r ${cyDate[field]} gynnwys ${cyPart[part]}`,
  dateNotReal: (field) => `Rhaid i’r ${cyDate[field]} fod yn ddyddiad go iawn`,
  yearDigits: 'Rhaid i’r flwyddyn gynnwys 4 rhif',
  timeInvalid: (field) => `Rhowch yr amser ${field === 'opens' ? 'agor' : 'cau'} fel 9yb neu 14:30`,
  closesBeforeOpens: 'Rhaid i’r dyddiad cau fod ar ôl y dyddiad agor',
  contactInvalid: 'Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@enghraifft.llyw.cymru',
  refused: 'Ni dderbyniodd y gweinydd yr ymgynghoriad. Gwiriwch y meysydd a chadwch eto.',
  saveFailed: 'Nid oedd modd cadw’r ymgynghoriad. Nid oes dim a deipiwyd gennych wedi’i golli: rhowch gynnig arall arni.',
};
