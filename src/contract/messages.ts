/**
 * Why each field of a new comment was refused, as codes. The schemas report these codes and the
 * server turns them into the English messages below; a widget in another language translates the
 * same codes, and can recognise the server's English text to show its own.
 */
export interface ValidationCodes {
  name: 'missing' | 'tooLong';
  email: 'missing' | 'tooLong' | 'invalid';
  body: 'missing' | 'tooLong';
  visibility: 'missing';
  respondent: 'missing';
  organisation: 'missing' | 'tooLong';
  parentId: 'invalid';
}

/** A field of a new comment that a reader can get wrong. */
export type CommentField = keyof ValidationCodes;

/** One message per field and code: the shape every language's validation strings take. */
export type ValidationMessages = { [F in CommentField]: Record<ValidationCodes[F], string> };

/** English validation messages, in the GOV.UK style: say what to do, not what went wrong. */
export const validationMessages: ValidationMessages = {
  name: {
    missing: 'Enter your name',
    tooLong: 'Name must be 100 characters or fewer',
  },
  email: {
    missing: 'Enter your email address',
    tooLong: 'Email address must be 254 characters or fewer',
    invalid: 'Enter an email address in the correct format, like name@example.com',
  },
  body: {
    missing: 'Enter your comment',
    tooLong: 'Comment must be 5,000 characters or fewer',
  },
  visibility: {
    missing: 'Select whether to publish your comment, publish it without your name, or send it privately',
  },
  respondent: {
    missing: 'Select whether you are responding as an individual or on behalf of an organisation',
  },
  organisation: {
    missing: 'Enter the name of your organisation',
    tooLong: 'Organisation name must be 200 characters or fewer',
  },
  parentId: {
    invalid: 'The comment you are replying to is no longer available',
  },
};

/** The order in which fields appear in the form, and so in an error summary. */
export const commentFields: readonly CommentField[] = ['name', 'email', 'respondent', 'organisation', 'body', 'visibility', 'parentId'];
