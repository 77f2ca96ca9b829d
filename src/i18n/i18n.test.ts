import { expect } from '@open-wc/testing';
import { auditConsoleCy } from './cy/audit.js';
import { consultationConsoleCy } from './cy/consultation.js';
import { moderationCy } from './cy/moderation.js';
import { noticeCy } from './cy/notice.js';
import { overviewConsoleCy } from './cy/overview.js';
import { printCy } from './cy/print.js';
import { questionCy } from './cy/question.js';
import { cy } from './cy/reader.js';
import { receiptCy } from './cy/receipt.js';
import { reportCy } from './cy/report.js';
import { respondCy } from './cy/respond.js';
import { sectionsConsoleCy } from './cy/sections.js';
import { sendingCy } from './cy/sending.js';
import { validation as validationCy } from './cy/validation.js';
import { versionsCy } from './cy/versions.js';
import { auditConsoleEn } from './en/audit.js';
import { consultationConsoleEn } from './en/consultation.js';
import { moderationEn } from './en/moderation.js';
import { noticeEn } from './en/notice.js';
import { overviewConsoleEn } from './en/overview.js';
import { printEn } from './en/print.js';
import { questionEn } from './en/question.js';
import { en } from './en/reader.js';
import { receiptEn } from './en/receipt.js';
import { reportEn } from './en/report.js';
import { respondEn } from './en/respond.js';
import { sectionsConsoleEn } from './en/sections.js';
import { sendingEn } from './en/sending.js';
import { validationMessages as validationEn } from './en/validation.js';
import { versionsEn } from './en/versions.js';

/** Every feature's words, English beside Welsh. */
const features: [name: string, english: object, welsh: object][] = [
  ['reader', en, cy],
  ['question', questionEn, questionCy],
  ['report', reportEn, reportCy],
  ['sending', sendingEn, sendingCy],
  ['print', printEn, printCy],
  ['validation', validationEn, validationCy],
  ['respond', respondEn, respondCy],
  ['receipt', receiptEn, receiptCy],
  ['moderation', moderationEn, moderationCy],
  ['consultation', consultationConsoleEn, consultationConsoleCy],
  ['sections', sectionsConsoleEn, sectionsConsoleCy],
  ['overview', overviewConsoleEn, overviewConsoleCy],
  ['audit', auditConsoleEn, auditConsoleCy],
  ['versions', versionsEn, versionsCy],
  ['notice', noticeEn, noticeCy],
];

/** Words that are the same in both languages: the names of formats and of a product. */
const same = new Set(['CSV', 'JSON', 'Consult']);
/**
 * Ways to call a string's function: with words, counts, pairs, a day, a name, a list of words or a
 * date. A function is translated if, for some of them, the two languages write different things.
 */
const argumentSets = (arity: number): unknown[][] =>
  [
    ['approve', 3, { name: 'Ada', excerpt: 'Lifts' }],
    [[['published', 3]]],
    ['2026-12-04'],
    ['Demonstration seed'],
    [3, 14, 20],
    [['Agree', 'Disagree']],
    [new Date('2027-03-31T22:59:00Z')],
  ].map((set) => Array.from({ length: arity }, (_, i) => set[Math.min(i, set.length - 1)]));
/** Functions that only put translated words together, the same in both languages. */
const languageNeutral = new Set(['overview.parts']);
function written(fn: (...args: unknown[]) => unknown, args: unknown[]): string | undefined {
  try {
    return String(fn(...args));
  } catch {
    return undefined;
  }
}

/**
 * Each string of a feature, by its path. The reader's Welsh carries the form's messages, which
 * English keeps with the checking code: they are compared as the validation feature.
 */
function leaves(words: object, path = ''): Map<string, unknown> {
  const found = new Map<string, unknown>();
  for (const [key, value] of Object.entries(words)) {
    const at = path ? `${path}.${key}` : key;
    if (at === 'validation') continue;
    if (value && typeof value === 'object' && !Array.isArray(value)) for (const [p, v] of leaves(value, at)) found.set(p, v);
    else found.set(at, value);
  }
  return found;
}

describe('every string in English and Welsh', () => {
  for (const [name, english, welsh] of features) {
    it(`${name}: the Welsh has every string the English has, and nothing else`, () => {
      expect([...leaves(welsh).keys()].sort()).to.deep.equal([...leaves(english).keys()].sort());
    });

    it(`${name}: no Welsh string is the English left untranslated`, () => {
      const englishLeaves = leaves(english);
      const untranslated = [...leaves(welsh)].filter(([path, value]) => {
        const other = englishLeaves.get(path);
        if (typeof value === 'string') return value === other && !same.has(value) && !/^[\d\s,.:%–-]*$/.test(value);
        if (typeof value === 'function' && typeof other === 'function') {
          if (languageNeutral.has(`${name}.${path}`)) return false;
          const fn = value as (...args: unknown[]) => unknown;
          const outputs = argumentSets(fn.length)
            .map((args) => [written(fn, args), written(other as (...args: unknown[]) => unknown, args)])
            .filter(([welshWords]) => welshWords !== undefined);
          return outputs.every(([welshWords, englishWords]) => welshWords === englishWords);
        }
        return false;
      });
      expect(untranslated.map(([path]) => path)).to.deep.equal([]);
    });
  }

  it('never uses one Welsh word for a section and for the department that runs the consultation', () => {
    const sectionWords = new Set([moderationCy.sectionLabel, overviewConsoleCy.sectionColumn, receiptCy.section]);
    for (const department of [consultationConsoleCy.departmentLabel, auditConsoleCy.fields.department]) {
      expect(sectionWords.has(department), department).to.equal(false);
      expect(department.toLowerCase()).not.to.contain('adran');
    }
    expect(moderationCy.replyAsDepartment).not.to.contain('adran');
    expect(moderationCy.officialHeading).not.to.contain('adran');
  });
});
