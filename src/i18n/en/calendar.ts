import type { Calendar } from '../london-time.js';

/** English months and clock words, for dates written in UK time. */
export const calendar: Calendar = {
  months: 'January February March April May June July August September October November December'.split(' '),
  at: 'at',
  clock: { am: 'am', pm: 'pm', midday: 'midday', midnight: 'midnight' },
};
