import { clockTime, fromLondonTime, londonTime, type ClockWords } from '../../i18n/london-time.js';

/** What a moderator typed into a GOV.UK date input and the time beside it. */
export interface DateTimeParts {
  day: string;
  month: string;
  year: string;
  time: string;
}

export type DatePart = keyof DateTimeParts;

/** Why the typed date cannot be read: each becomes a message in the GOV.UK pattern. */
export type DateTimeProblem =
  | { kind: 'missing' }
  | { kind: 'incomplete'; missing: 'day' | 'month' | 'year' }
  | { kind: 'not-real' }
  | { kind: 'year-digits' }
  | { kind: 'time' };

export type DateTimeReading = { ok: true; value: string | null } | { ok: false; problem: DateTimeProblem; parts: DatePart[] };

const whole = /^\d{1,2}$/;
// "9am", "9:30pm", "9.30 pm", "14:30", "1430"; Welsh "yb" (y bore) and "yh" (yr hwyr) as well.
const clock = /^(\d{1,2})(?:[:.]?(\d{2}))?\s*(am|a\.m\.|yb|pm|p\.m\.|yh)?$/;
const named: Record<string, [number, number]> = {
  midnight: [0, 0],
  'hanner nos': [0, 0],
  midday: [12, 0],
  noon: [12, 0],
  'hanner dydd': [12, 0],
  'canol dydd': [12, 0],
};

/** Reads a time of day as people write it; undefined when it is not one. */
export function readClock(typed: string): { hour: number; minute: number } | undefined {
  const text = typed.trim().toLowerCase();
  if (named[text]) return { hour: named[text][0], minute: named[text][1] };
  const match = clock.exec(text);
  if (!match) return undefined;
  let hour = Number(match[1]);
  const minute = Number(match[2] ?? 0);
  const suffix = match[3]?.replace(/\./g, '');
  if (minute > 59) return undefined;
  if (suffix) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (suffix === 'pm' || suffix === 'yh' ? 12 : 0);
  } else if (hour > 23) {
    return undefined;
  }
  return { hour, minute };
}

/**
 * Reads a date and time typed in UK time into the ISO moment the server keeps. Everything empty
 * means no date (`value` null); an empty time means `defaultTime`, such as 11:59pm for a closing
 * date. Follows the GOV.UK date input's rules for what to say when a part is wrong.
 */
export function readDateTime(parts: DateTimeParts, defaultTime: { hour: number; minute: number }): DateTimeReading {
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  const time = parts.time.trim();
  if (!day && !month && !year) {
    return time ? { ok: false, problem: { kind: 'missing' }, parts: ['day', 'month', 'year'] } : { ok: true, value: null };
  }
  const missing = (['day', 'month', 'year'] as const).filter((part) => !{ day, month, year }[part]);
  if (missing.length) return { ok: false, problem: { kind: 'incomplete', missing: missing[0]! }, parts: missing };
  if (!/^\d{4}$/.test(year)) return { ok: false, problem: { kind: 'year-digits' }, parts: ['year'] };
  const wanted = { year: Number(year), month: Number(month), day: Number(day) };
  const calendar = new Date(Date.UTC(wanted.year, wanted.month - 1, wanted.day));
  const real =
    whole.test(day) &&
    whole.test(month) &&
    calendar.getUTCFullYear() === wanted.year &&
    calendar.getUTCMonth() === wanted.month - 1 &&
    calendar.getUTCDate() === wanted.day;
  if (!real) return { ok: false, problem: { kind: 'not-real' }, parts: ['day', 'month', 'year'] };
  const at = time ? readClock(time) : defaultTime;
  if (!at) return { ok: false, problem: { kind: 'time' }, parts: ['time'] };
  return { ok: true, value: fromLondonTime({ ...wanted, ...at }).toISOString() };
}

/** A stored moment as the date input shows it, in UK time, with the time in `words`' style. */
export function dateTimeParts(moment: string | null, words: ClockWords): DateTimeParts {
  if (!moment) return { day: '', month: '', year: '', time: '' };
  const time = londonTime(moment);
  return { day: String(time.day), month: String(time.month), year: String(time.year), time: clockTime(time, words) };
}
