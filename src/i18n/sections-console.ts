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
}

export const sectionsConsoleEn: SectionsConsoleStrings = {
  heading: 'Sections',
  hint: 'Each part of the page that takes comments: its id, as the page gives it, and the title readers know it by.',
  legend: (n) => `Section ${n}`,
  idLabel: 'Section id',
  idHint: 'The id of the section’s heading on the page, such as “fees”. It cannot be changed once saved.',
  titleLabel: 'Title',
  remove: 'Remove this section',
  add: 'Add another section',
  none: 'No sections yet. Without them, each section is known by its id.',
  asksQuestion: 'Ask a closed question in this section',
  questionLabel: 'Question',
  typeLegend: 'How many answers can a respondent choose?',
  single: 'One',
  multiple: 'Any number',
  optionsLegend: 'Answers to choose from',
  optionLabel: (n) => `Answer ${n}`,
  removeOption: (n) => `Remove answer ${n}`,
  addOption: 'Add another answer',
  requiredLabel: 'Respondents must answer the question',
  freeTextLegend: 'The comment box beside the question',
  freeTextRequired: 'Respondents must also write a comment',
  freeTextOptional: 'Respondents may also write a comment',
  freeTextNone: 'No comment box',
  errorMessageLabel: 'Error message when the question is not answered (optional)',
  errorMessageHint:
    'For example, “Select whether you agree with charging for visitor permits”. Without one, readers are told “Select an answer”.',
  showAnswerCountsLabel: 'After it closes, show how many chose each answer',
  showAnswerCountsHint: 'Shown under each section with a question, counting responses sent privately too (never showing them).',
  idMissing: 'Enter the section’s id',
  idDuplicate: 'Each section needs a different id',
  titleMissing: 'Enter the section’s title',
  questionMissing: 'Enter the question',
  optionsTooFew: 'Enter at least 2 answers',
  optionsTooMany: 'Enter at most 20 answers',
  optionsDuplicate: 'Each answer must be different',
  tooLong: (what, max) => `${what} must be ${max} characters or fewer`,
  optionInUse: (option) => `“${option}” has responses, so it cannot be removed or changed. Put it back, or add a new answer.`,
  sectionInUse: 'A section whose question has responses cannot be removed. Put it back.',
};

export const sectionsConsoleCy: SectionsConsoleStrings = {
  heading: 'Adrannau',
  hint: 'Pob rhan o’r dudalen sy’n derbyn sylwadau: ei dynodydd, fel y mae’r dudalen yn ei roi, a’r teitl y mae darllenwyr yn ei adnabod.',
  legend: (n) => `Adran ${n}`,
  idLabel: 'Dynodydd yr adran',
  idHint: 'Dynodydd pennawd yr adran ar y dudalen, fel “ffioedd”. Ni ellir ei newid ar ôl ei gadw.',
  titleLabel: 'Teitl',
  remove: 'Tynnu’r adran hon',
  add: 'Ychwanegu adran arall',
  none: 'Dim adrannau eto. Hebddynt, mae pob adran yn cael ei hadnabod wrth ei dynodydd.',
  asksQuestion: 'Gofyn cwestiwn caeedig yn yr adran hon',
  questionLabel: 'Cwestiwn',
  typeLegend: 'Faint o atebion y gall ymatebydd eu dewis?',
  single: 'Un',
  multiple: 'Unrhyw nifer',
  optionsLegend: 'Atebion i ddewis ohonynt',
  optionLabel: (n) => `Ateb ${n}`,
  removeOption: (n) => `Tynnu ateb ${n}`,
  addOption: 'Ychwanegu ateb arall',
  requiredLabel: 'Rhaid i ymatebwyr ateb y cwestiwn',
  freeTextLegend: 'Y blwch sylwadau wrth ymyl y cwestiwn',
  freeTextRequired: 'Rhaid i ymatebwyr ysgrifennu sylw hefyd',
  freeTextOptional: 'Caiff ymatebwyr ysgrifennu sylw hefyd',
  freeTextNone: 'Dim blwch sylwadau',
  errorMessageLabel: 'Neges gwall pan na fydd y cwestiwn wedi’i ateb (dewisol)',
  errorMessageHint:
    'Er enghraifft, “Dewiswch a ydych yn cytuno â chodi tâl am drwyddedau ymwelwyr”. Heb un, dywedir wrth ddarllenwyr “Dewiswch ateb”.',
  showAnswerCountsLabel: 'Ar ôl iddo gau, dangos faint ddewisodd bob ateb',
  showAnswerCountsHint:
    'Yn cael ei ddangos o dan bob adran â chwestiwn, gan gyfrif ymatebion a anfonwyd yn breifat hefyd (heb eu dangos byth).',
  idMissing: 'Rhowch ddynodydd yr adran',
  idDuplicate: 'Mae angen dynodydd gwahanol ar bob adran',
  titleMissing: 'Rhowch deitl yr adran',
  questionMissing: 'Rhowch y cwestiwn',
  optionsTooFew: 'Rhowch o leiaf 2 ateb',
  optionsTooMany: 'Rhowch 20 ateb ar y mwyaf',
  optionsDuplicate: 'Rhaid i bob ateb fod yn wahanol',
  tooLong: (what, max) => `Rhaid i ${what} fod yn ${max} nod neu lai`,
  optionInUse: (option) =>
    `Mae ymatebion wedi dewis “${option}”, felly ni ellir ei dynnu na’i newid. Rhowch ef yn ôl, neu ychwanegwch ateb newydd.`,
  sectionInUse: 'Ni ellir tynnu adran y mae ymatebion wedi ateb ei chwestiwn. Rhowch hi’n ôl.',
};
