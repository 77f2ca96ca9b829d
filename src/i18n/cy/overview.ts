import type { OverviewConsoleStrings } from '../features/overview.js';
import { formatNumber as number } from '../format.js';
import { dayIn } from '../london-time.js';
import { calendar } from './calendar.js';

export const overviewConsoleCy: OverviewConsoleStrings = {
  view: 'Trosolwg',
  heading: 'Trosolwg',
  intro:
    'Ymatebion ymgynghoriad ar yr olwg gyntaf: fesul adran, fesul diwrnod (amser y DU), yn ôl pwy a ymatebodd ac yn ôl iaith. Nid yw ymatebion a nodwyd yn sbam nac ymatebion y corff cyhoeddus ei hun yn cael eu cyfrif.',
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
  formatDay: dayIn(calendar),
};
