import type { QuestionStrings } from '../features/question.js';

export const questionCy: QuestionStrings = {
  selectAll: 'Dewiswch bob un sy’n berthnasol.',
  optional: '(dewisol)',
  answer: (options) => `${options.length > 1 ? 'Atebion' : 'Ateb'}: ${options.join(', ')}`,
  countsCaption: (question) => `Sut atebodd pobl: ${question}`,
  optionHeading: 'Ateb',
  countHeading: 'Ymatebion',
};
