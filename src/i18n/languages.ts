/**
 * The reader's words in every language the package speaks, whole: for the server's pages without
 * JavaScript and its receipts, and for anyone else who writes what a reader sees. (The elements
 * load a language's strings only on pages that speak it, through `loadStrings`.)
 */
export { en } from './en.js';
export { cy } from './cy.js';
export { authorOf } from './author.js';
export { questionCy, questionEn, type QuestionStrings } from './question.js';
export type { Strings } from './strings.js';
