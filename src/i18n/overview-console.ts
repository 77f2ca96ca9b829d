import { calendar as enCalendar } from './en.js';
import type { Calendar } from './london-time.js';
import { cyCalendar } from './moderation.js';

/** The strings of the console's overview, in one language. */
export interface OverviewConsoleStrings {
  view: string;
  heading: string;
  intro: string;
  consultationLabel: string;
  show: string;
  none: string;
  loading: string;
  loadFailed: string;
  totalLabel: string;
  sectionsHeading: string;
  sectionsDescription: (busiest: string, count: number) => string;
  series: { public: string; anonymous: string; private: string; pending: string };
  sectionColumn: string;
  daysHeading: string;
  /** Under the table of days: why some days are not in it. */
  daysTableNote: string;
  daysDescription: (first: string, last: string, busiest: string, count: number) => string;
  dateColumn: string;
  responsesColumn: string;
  respondentsHeading: string;
  respondents: { individual: string; organisation: string; notAsked: string };
  respondentColumn: string;
  languagesHeading: string;
  languages: { en: string; cy: string; unknown: string };
  languageColumn: string;
  /** A chart's description when it has nothing to show. */
  nothingYet: string;
  /** Above each question's chart: which section asks it. */
  questionIn: (section: string) => string;
  /** A question's chart, described: the option most chose, and how many answered. */
  questionDescription: (option: string, count: number, answered: number) => string;
  answerColumn: string;
  /** The description of a chart of parts of a whole: "Individuals 12, organisations 3." */
  parts: (parts: [label: string, count: number][]) => string;
  formatDay: (date: string) => string;
}

const number = (n: number) => n.toLocaleString('en-GB');

/** "2026-12-04" as GOV.UK writes a date: "4 December 2026". */
const dayIn =
  ({ months }: Calendar) =>
  (date: string) => {
    const [year, month, day] = date.split('-').map(Number);
    return `${day} ${months[month! - 1]} ${year}`;
  };

export const overviewConsoleEn: OverviewConsoleStrings = {
  view: 'Overview',
  heading: 'Overview',
  intro:
    'A consultation’s responses at a glance: by section, by day (UK time), by who responded and by language. Responses marked as spam and the department’s own are not counted.',
  consultationLabel: 'Consultation',
  show: 'Show',
  none: 'There are no consultations yet.',
  loading: 'Loading the overview…',
  loadFailed: 'The overview could not be loaded.',
  totalLabel: 'Responses',
  sectionsHeading: 'Responses by section',
  sectionsDescription: (busiest, count) => `The section with the most responses is ${busiest}, with ${number(count)}.`,
  series: { public: 'Published', anonymous: 'Published without a name', private: 'Private', pending: 'Waiting for a moderator' },
  sectionColumn: 'Section',
  daysHeading: 'Responses each day',
  daysTableNote: 'Days with no responses are left out of the table.',
  daysDescription: (first, last, busiest, count) => `From ${first} to ${last}. The busiest day was ${busiest}, with ${number(count)}.`,
  dateColumn: 'Date',
  responsesColumn: 'Responses',
  respondentsHeading: 'Who responded',
  respondents: { individual: 'Individuals', organisation: 'Organisations', notAsked: 'Not asked' },
  respondentColumn: 'Responding as',
  languagesHeading: 'Languages',
  languages: { en: 'English', cy: 'Welsh', unknown: 'Not recorded' },
  languageColumn: 'Language',
  nothingYet: 'No responses yet.',
  questionIn: (section) => `Asked in ${section}`,
  questionDescription: (option, count, answered) =>
    `The answer chosen most is “${option}”: ${number(count)} of the ${number(answered)} responses that answered.`,
  answerColumn: 'Answer',
  parts: (parts) => `${parts.map(([label, count]) => `${label}: ${number(count)}`).join(', ')}.`,
  formatDay: dayIn(enCalendar),
};

export const overviewConsoleCy: OverviewConsoleStrings = {
  view: 'Trosolwg',
  heading: 'Trosolwg',
  intro:
    'Ymatebion ymgynghoriad ar yr olwg gyntaf: fesul adran, fesul diwrnod (amser y DU), yn ôl pwy a ymatebodd ac yn ôl iaith. Nid yw ymatebion a nodwyd yn sbam nac ymatebion yr adran ei hun yn cael eu cyfrif.',
  consultationLabel: 'Ymgynghoriad',
  show: 'Dangos',
  none: 'Nid oes ymgynghoriadau eto.',
  loading: 'Wrthi’n llwytho’r trosolwg…',
  loadFailed: 'Nid oedd modd llwytho’r trosolwg.',
  totalLabel: 'Ymatebion',
  sectionsHeading: 'Ymatebion fesul adran',
  sectionsDescription: (busiest, count) => `Yr adran â’r nifer mwyaf o ymatebion yw ${busiest}, gyda ${number(count)}.`,
  series: { public: 'Wedi’u cyhoeddi', anonymous: 'Wedi’u cyhoeddi heb enw', private: 'Preifat', pending: 'Yn aros am gymedrolwr' },
  sectionColumn: 'Adran',
  daysHeading: 'Ymatebion bob dydd',
  daysTableNote: 'Nid yw’r dyddiau heb ymatebion yn y tabl.',
  daysDescription: (first, last, busiest, count) => `O ${first} hyd ${last}. Y diwrnod prysuraf oedd ${busiest}, gyda ${number(count)}.`,
  dateColumn: 'Dyddiad',
  responsesColumn: 'Ymatebion',
  respondentsHeading: 'Pwy a ymatebodd',
  respondents: { individual: 'Unigolion', organisation: 'Sefydliadau', notAsked: 'Heb ofyn' },
  respondentColumn: 'Yn ymateb fel',
  languagesHeading: 'Ieithoedd',
  languages: { en: 'Saesneg', cy: 'Cymraeg', unknown: 'Heb ei chofnodi' },
  languageColumn: 'Iaith',
  nothingYet: 'Dim ymatebion eto.',
  questionIn: (section) => `Gofynnwyd yn ${section}`,
  questionDescription: (option, count, answered) =>
    `Yr ateb a ddewiswyd amlaf yw “${option}”: ${number(count)} o’r ${number(answered)} ymateb a atebodd.`,
  answerColumn: 'Ateb',
  parts: (parts) => `${parts.map(([label, count]) => `${label}: ${number(count)}`).join(', ')}.`,
  formatDay: dayIn(cyCalendar),
};
