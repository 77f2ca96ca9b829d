/** The part of the contract a reader's page needs: the public shapes, the limits and validation. */
export * from './schemas.js';
export * from './public-view.js';
export * from './limits.js';
export * from './messages.js';
export * from './validate.js';
