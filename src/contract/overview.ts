import { londonTime } from '../i18n/london-time.js';
import type { CommentStatus, Respondent, ResponseLanguage, Visibility } from './schemas.js';
import type { SectionQuestion } from './questions.js';
import type { Overview, QuestionFigures, SectionFigures } from './server.js';

/** Responses to a section that chose one combination of options, by whom, as a store counts them. */
export interface OverviewAnswer {
  section: string;
  options: string[];
  respondent: Respondent | null;
  n: number;
}

/** One group of a page's responses, as a store counts them for the overview. */
export interface OverviewCount {
  section: string;
  visibility: Visibility;
  status: CommentStatus;
  respondent: Respondent | null;
  lang: ResponseLanguage | null;
  /** The hour they arrived, in UTC: `2026-12-04T17`. */
  hour: string;
  n: number;
}

const dayMs = 86_400_000;
const two = (n: number) => String(n).padStart(2, '0');

/** The UK date of an hour in UTC (`2027-03-28T23`): the date a clock in London showed then. */
function ukDate(hour: string): string {
  const time = londonTime(`${hour}:00:00Z`);
  return `${time.year}-${two(time.month)}-${two(time.day)}`;
}

/** Every date from one to another, both included. */
function datesBetween(first: string, last: string): string[] {
  const dates: string[] = [];
  for (let at = Date.parse(`${first}T12:00:00Z`); at <= Date.parse(`${last}T12:00:00Z`); at += dayMs)
    dates.push(new Date(at).toISOString().slice(0, 10));
  return dates;
}

/**
 * A consultation's figures from its counted responses: by section (the consultation's, in its
 * order, then any other), by UK day with none left out, by respondent type and by language.
 */
export function overviewFigures(
  counts: OverviewCount[],
  listed: { id: string; title: string; question?: SectionQuestion | null }[],
  answers: OverviewAnswer[] = [],
): Omit<Overview, 'page' | 'consultation'> {
  const titles = new Map(listed.map((section) => [section.id, section.title]));
  const sections = new Map<string, SectionFigures>();
  const figuresOf = (section: string) => {
    let figures = sections.get(section);
    if (!figures)
      sections.set(
        section,
        (figures = { section, title: titles.get(section) ?? section, public: 0, anonymous: 0, private: 0, pending: 0 }),
      );
    return figures;
  };
  for (const id of titles.keys()) figuresOf(id);
  const perDay = new Map<string, number>();
  const respondents = { individual: 0, organisation: 0, notAsked: 0 };
  const languages = { en: 0, cy: 0, unknown: 0 };
  let total = 0;
  for (const count of counts) {
    total += count.n;
    const figures = figuresOf(count.section);
    if (count.status === 'pending') figures.pending += count.n;
    else if (count.visibility === 'private') figures.private += count.n;
    else if (count.status === 'published') figures[count.visibility] += count.n;
    const day = ukDate(count.hour);
    perDay.set(day, (perDay.get(day) ?? 0) + count.n);
    respondents[count.respondent ?? 'notAsked'] += count.n;
    languages[count.lang ?? 'unknown'] += count.n;
  }
  const days = [...perDay.keys()].sort();
  return {
    total,
    sections: [...sections.values()],
    perDay: days.length ? datesBetween(days[0]!, days.at(-1)!).map((date) => ({ date, count: perDay.get(date) ?? 0 })) : [],
    respondents,
    languages,
    questions: listed.flatMap((section) => (section.question ? [questionFigures(section, section.question, answers)] : [])),
  };
}

/** A question's answers, option by option in its order, each split by whom it came from. */
function questionFigures(section: { id: string; title: string }, question: SectionQuestion, answers: OverviewAnswer[]): QuestionFigures {
  const mine = answers.filter((answer) => answer.section === section.id);
  return {
    section: section.id,
    title: section.title,
    text: question.text,
    type: question.type,
    answered: mine.reduce((sum, answer) => sum + answer.n, 0),
    options: question.options.map((option) => {
      const who = { individual: 0, organisation: 0, notAsked: 0 };
      for (const answer of mine) if (answer.options.includes(option)) who[answer.respondent ?? 'notAsked'] += answer.n;
      return { option, ...who };
    }),
  };
}
