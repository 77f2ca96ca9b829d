/** The strings of the console's editor of a consultation's sections and their questions, in one language. */
export interface SectionsConsoleStrings {
  heading: string;
  hint: string;
  legend: (n: number) => string;
  idLabel: string;
  idHint: string;
  titleLabel: string;
  remove: string;
  add: string;
  none: string;
  asksQuestion: string;
  questionLabel: string;
  typeLegend: string;
  single: string;
  multiple: string;
  optionsLegend: string;
  optionLabel: (n: number) => string;
  removeOption: (n: number) => string;
  addOption: string;
  requiredLabel: string;
  freeTextLegend: string;
  freeTextRequired: string;
  freeTextOptional: string;
  freeTextNone: string;
  errorMessageLabel: string;
  errorMessageHint: string;
  showAnswerCountsLabel: string;
  showAnswerCountsHint: string;
  idMissing: string;
  idDuplicate: string;
  titleMissing: string;
  questionMissing: string;
  optionsTooFew: string;
  optionsTooMany: string;
  optionsDuplicate: string;
  tooLong: (what: string, max: number) => string;
  /** An option responses chose was taken away: the server refused the change. */
  optionInUse: (option: string) => string;
  /** A section whose question has answers was taken away. */
  sectionInUse: string;
  /** The section's earlier headings or ids, which keep its thread when the page changes. */
  aliasesLabel: string;
  aliasesHint: string;
  /** An earlier heading given that already names another section. */
  aliasTaken: (alias: string) => string;
  aliasesTooMany: (max: number) => string;
  /** The section's published wording, kept version by version. */
  wordingLabel: string;
  wordingHint: string;
  /** What changed in the wording, for the public change log. */
  noteLabel: string;
  noteHint: string;
}
