import type { ConsultationState } from '../../contract/public.js';
import type { ClockWords } from '../london-time.js';

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
  /** Threads stored under a heading the consultation does not name, and moving one into a section. */
  orphansHeading: string;
  orphansHint: string;
  orphanSummary: (section: string, count: number, newest: string) => string;
  moveTo: string;
  move: string;
  moved: (count: number, from: string, to: string) => string;
  moveFailed: string;
}
