/* The words around a section's closed question, whose own words are the department's. */

/** The words of a closed question, in one language. */
export interface QuestionStrings {
  /** Hint under a multiple choice question. */
  selectAll: string;
  /** Said of the comment box when the question makes it optional. */
  optional: string;
  /** Beside a published response: "Answer: Agree". */
  answer: (options: string[]) => string;
  /** Caption of the table of answers after the close. */
  countsCaption: (question: string) => string;
  optionHeading: string;
  countHeading: string;
}
