/**
 * Every string of the package in every language it speaks, whole: for the server's pages without
 * JavaScript, its receipts and its console page, and for anyone else who writes what a reader sees.
 * (The elements load a language's strings only on pages that speak it, through `loadStrings`.)
 */
export { en } from './en/reader.js';
export { cy } from './cy/reader.js';
export { questionEn } from './en/question.js';
export { questionCy } from './cy/question.js';
export { respondEn } from './en/respond.js';
export { respondCy } from './cy/respond.js';
export { receiptEn } from './en/receipt.js';
export { receiptCy } from './cy/receipt.js';
export { noticeEn } from './en/notice.js';
export { noticeCy } from './cy/notice.js';
export { noticeWords } from './notice.js';
export { moderationEn } from './en/moderation.js';
export { moderationCy } from './cy/moderation.js';
export { authorOf } from './author.js';
export { formatNumber } from './format.js';
export type { Strings } from './features/reader.js';
export type { QuestionStrings } from './features/question.js';
export type { NoticeStrings } from './features/notice.js';
export type { RespondStrings } from './features/respond.js';
export type { ReceiptWords } from './features/receipt.js';
