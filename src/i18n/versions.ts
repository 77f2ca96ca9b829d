import { versionsCy } from './cy/versions.js';
import { versionsEn } from './en/versions.js';
import type { Strings } from './features/reader.js';
import type { VersionStrings } from './features/versions.js';

/** The words of sections that change in the reader's language: both languages come in the chunks that use them, as they are few. */
export const versionWords = (strings: Strings): VersionStrings => (strings.locale.startsWith('cy') ? versionsCy : versionsEn);
