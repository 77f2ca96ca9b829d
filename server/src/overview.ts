import type { Overview, SectionFigures } from '../../src/contract/index.js';
import { londonTime } from '../../src/i18n/london-time.js';
import { moderationConsultation } from './consultations.js';
import type { ConsultationRecord, OverviewCount } from './storage/storage.js';

const dayMs = 86_400_000;
const two = (n: number) => String(n).padStart(2, '0');

/** The UK date of an hour in UTC (`2026-03-29T00`): the date a clock in London showed then. */
function ukDate(hour: string): string {
  const time = londonTime(`${hour}:00:00Z`);
  return `${time.year}-${two(time.month)}-${two(time.day)}`;
}

/** Every date from one to another, both included. */
function datesBetween(first: string, last: string): string[] {
  const dates: string[] = [];
  for (let at = Date.parse(`${first}T12:00:00Z`); at <= Date.parse(`${last}T12:00:00Z`); at += dayMs) dates.push(new Date(at).toISOString().slice(0, 10));
  return dates;
}

/** A consultation's shape from its counted responses: by section, by day, by respondent and by language. */
export function overviewOf(page: string, record: ConsultationRecord | undefined, counts: OverviewCount[], statusCounts: Record<string, number> = {}): Overview {
  const titles = new Map((record?.sections ?? []).map((section) => [section.id, section.title]));
  const sections = new Map<string, SectionFigures>();
  const figuresOf = (section: string) => {
    let figures = sections.get(section);
    if (!figures) sections.set(section, (figures = { section, title: titles.get(section) ?? section, public: 0, anonymous: 0, private: 0, pending: 0 }));
    return figures;
  };
  // The consultation's sections all show, in its order, even those nobody has answered yet.
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
    page,
    consultation: record ? moderationConsultation({ ...record, statusCounts }) : null,
    total,
    sections: [...sections.values()],
    perDay: days.length ? datesBetween(days[0]!, days.at(-1)!).map((date) => ({ date, count: perDay.get(date) ?? 0 })) : [],
    respondents,
    languages,
  };
}
