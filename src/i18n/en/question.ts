import type { QuestionStrings } from '../features/question.js';

export const questionEn: QuestionStrings = {
  selectAll: 'Select all that apply.',
  optional: '(optional)',
  answer: (options) => `${options.length > 1 ? 'Answers' : 'Answer'}: ${options.join(', ')}`,
  countsCaption: (question) => `How people answered: ${question}`,
  optionHeading: 'Answer',
  countHeading: 'Responses',
};
