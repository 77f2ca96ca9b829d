import { noticeCy } from './cy/notice.js';
import { noticeEn } from './en/notice.js';
import type { Strings } from './features/reader.js';
import type { NoticeStrings } from './features/notice.js';

/** The words of a consultation's dates in the reader's language: both languages come with the code that says them, as they are few. */
export const noticeWords = (strings: Strings): NoticeStrings => (strings.locale.startsWith('cy') ? noticeCy : noticeEn);
