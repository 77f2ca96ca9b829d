import type { Calendar } from '../london-time.js';

/**
 * Welsh months and clock words, for dates in UK time: spelt out here because browsers do not all
 * carry Welsh date names; "yb" (y bore) and "yh" (yr hwyr), as Welsh public bodies write times.
 */
export const calendar: Calendar = {
  months: 'Ionawr Chwefror Mawrth Ebrill Mai Mehefin Gorffennaf Awst Medi Hydref Tachwedd Rhagfyr'.split(' '),
  at: 'am',
  clock: { am: 'yb', pm: 'yh', midday: 'hanner dydd', midnight: 'hanner nos' },
};
