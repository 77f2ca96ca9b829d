/**
 * Why each field of a new comment was refused, as codes. The schemas report these codes and the
 * server turns them into the English messages below; a widget in another language translates the
 * same codes, and can recognise the server's English text to show its own.
 */
export interface ValidationCodes {
  name: 'missing' | 'tooLong';
  email: 'missing' | 'tooLong' | 'invalid';
  /** `duplicate`: the same comment was sent before (a backend that refuses repeats says so). */
  body: 'missing' | 'tooLong' | 'duplicate';
  visibility: 'missing';
  respondent: 'missing';
  organisation: 'missing' | 'tooLong';
  /** The answer to the section's question: `missing` when it is required, `invalid` for an option it does not offer. */
  answer: 'missing' | 'invalid';
  parentId: 'invalid';
}

/** A field of a new comment that a reader can get wrong. */
export type CommentField = keyof ValidationCodes;

/** One message per field and code: the shape every language's validation strings take. */
export type ValidationMessages = { [F in CommentField]: Record<ValidationCodes[F], string> };

/** Also what a body over the server's size limit is told: kept apart, so a client can use it without the rest. */
export const bodyTooLongMessage = 'Comment must be 5,000 characters or fewer';

/** The order in which fields appear in the form, and so in an error summary. */
export const commentFields: readonly CommentField[] = [
  'name',
  'email',
  'respondent',
  'organisation',
  'answer',
  'body',
  'visibility',
  'parentId',
];
