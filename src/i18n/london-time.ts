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

/**
 * A time of day in the GOV.UK style: "9am", "11:59pm", "midday", "midnight", with each language's
 * words for the suffixes and the two special hours.
 */
export function clockTime(
  { hour, minute }: LondonTime,
  words: { am: string; pm: string; midday: string; midnight: string },
): string {
  if (minute === 0 && hour === 0) return words.midnight;
  if (minute === 0 && hour === 12) return words.midday;
  const twelve = hour % 12 || 12;
  return `${twelve}${minute ? `:${String(minute).padStart(2, '0')}` : ''}${hour < 12 ? words.am : words.pm}`;
}
