/** The part of the contract a reader's page needs: the public shapes, the limits and validation. */
export * from './schemas.js';
export * from './new-comment.js';
export * from './public-view.js';
export * from './limits.js';
export * from './messages.js';
// The English messages are a module of their own, so that a page fetches them with the form's checks.
export * from '../i18n/en/validation.js';
export * from './validate.js';
