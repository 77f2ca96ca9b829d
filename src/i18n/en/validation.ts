import { bodyTooLongMessage, type ValidationMessages } from '../../contract/messages.js';

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
    tooLong: bodyTooLongMessage,
    duplicate: 'You have already sent this comment',
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
  answer: {
    missing: 'Select an answer',
    invalid: 'Select one of the answers given',
  },
  parentId: {
    invalid: 'The comment you are replying to is no longer available',
  },
};
