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
