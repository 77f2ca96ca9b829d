import type { OverviewConsoleStrings } from '../features/overview.js';
import { formatNumber as number } from '../format.js';
import { dayIn } from '../london-time.js';
import { calendar } from './calendar.js';

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
  formatDay: dayIn(calendar),
};
