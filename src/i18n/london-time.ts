/**
 * Consultation dates are shown in UK time whatever the reader's clock says, as GOV.UK writes them.
 * Only the time zone comes from the platform (every browser and Node.js carry its rules); the words
 * come from each language's strings, since browsers do not all carry Welsh month names.
 */
const parts = /* @__PURE__ */ new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
});

/** A moment as a clock in London shows it; `month` counts from 1. */
export interface LondonTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export function londonTime(moment: string | Date): LondonTime {
  const fields: Record<string, number> = {};
  for (const { type, value } of parts.formatToParts(new Date(moment))) fields[type] = Number(value);
  return { year: fields.year!, month: fields.month!, day: fields.day!, hour: fields.hour!, minute: fields.minute! };
}

/** A language's words for writing times of day. */
export interface ClockWords {
  am: string;
  pm: string;
  midday: string;
  midnight: string;
}

/** How a language writes a date and time: its months, the word before the time, its clock words. */
export interface Calendar {
  months: readonly string[];
  at: string;
  clock: ClockWords;
}

/** A moment in UK time as GOV.UK writes it: "31 March 2027 at 11:59pm". */
export function writeDateTime(moment: string | Date, { months, at, clock }: Calendar): string {
  const time = londonTime(moment);
  return `${time.day} ${months[time.month - 1]} ${time.year} ${at} ${clockTime(time, clock)}`;
}

/**
 * A time of day in the GOV.UK style: "9am", "11:59pm", "midday", "midnight", with each language's
 * words for the suffixes and the two special hours.
 */
export function clockTime({ hour, minute }: LondonTime, words: ClockWords): string {
  if (minute === 0 && hour === 0) return words.midnight;
  if (minute === 0 && hour === 12) return words.midday;
  const twelve = hour % 12 || 12;
  return `${twelve}${minute ? `:${String(minute).padStart(2, '0')}` : ''}${hour < 12 ? words.am : words.pm}`;
}

/**
 * The moment at which a clock in London shows `time`: the inverse of `londonTime`, for dates typed
 * in UK time. Of the hour that repeats in October it takes the first (still summer time); a time in
 * the hour skipped in March is taken as GMT, an hour later by the clock.
 */
export function fromLondonTime(time: LondonTime): Date {
  const asIfGmt = Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute);
  for (const offset of [3_600_000, 0]) {
    const moment = new Date(asIfGmt - offset);
    const shown = londonTime(moment);
    if (shown.day === time.day && shown.hour === time.hour && shown.minute === time.minute) return moment;
  }
  return new Date(asIfGmt);
}

/** "2026-12-04" as GOV.UK writes a date: "4 December 2026". */
export const dayIn =
  ({ months }: Calendar) =>
  (date: string) => {
    const [year, month, day] = date.split('-').map(Number);
    return `${day} ${months[month! - 1]} ${year}`;
  };
