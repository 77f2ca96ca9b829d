import { expect } from '@open-wc/testing';
import { dateTimeParts, readClock, readDateTime } from './date-time-field.js';

const startOfDay = { hour: 0, minute: 0 };
const endOfDay = { hour: 23, minute: 59 };
const words = { am: 'am', pm: 'pm', midday: 'midday', midnight: 'midnight' };
const parts = (day: string, month: string, year: string, time = '') => ({ day, month, year, time });

describe('dates typed into the console, in UK time', () => {
  it('reads a closing date in summer time as an hour before midnight GMT', () => {
    expect(readDateTime(parts('30', '6', '2027'), endOfDay)).to.deep.equal({ ok: true, value: '2027-06-30T22:59:00.000Z' });
  });

  it('reads a date in winter as GMT, with the time typed as people write it', () => {
    expect(readDateTime(parts('31', '03', '2027', '11:59pm'), startOfDay)).to.deep.equal({ ok: true, value: '2027-03-31T22:59:00.000Z' });
    expect(readDateTime(parts('1', '12', '2026', '9am'), endOfDay)).to.deep.equal({ ok: true, value: '2026-12-01T09:00:00.000Z' });
    expect(readDateTime(parts('1', '12', '2026', '14:30'), endOfDay)).to.deep.equal({ ok: true, value: '2026-12-01T14:30:00.000Z' });
    expect(readDateTime(parts('1', '12', '2026', '5.15 yh'), endOfDay)).to.deep.equal({ ok: true, value: '2026-12-01T17:15:00.000Z' });
  });

  it('takes an empty date as no date, and a time without a date as a missing date', () => {
    expect(readDateTime(parts('', '', ''), endOfDay)).to.deep.equal({ ok: true, value: null });
    expect(readDateTime(parts('', '', '', '9am'), endOfDay)).to.deep.include({ ok: false, problem: { kind: 'missing' } });
  });

  it('names the first missing part, and marks every missing part', () => {
    expect(readDateTime(parts('31', '', ''), endOfDay)).to.deep.equal({
      ok: false,
      problem: { kind: 'incomplete', missing: 'month' },
      parts: ['month', 'year'],
    });
  });

  it('refuses dates that do not exist, two-digit years and times that are not times', () => {
    expect(readDateTime(parts('31', '2', '2027'), endOfDay)).to.deep.include({ ok: false, problem: { kind: 'not-real' } });
    expect(readDateTime(parts('1', '13', '2027'), endOfDay)).to.deep.include({ ok: false, problem: { kind: 'not-real' } });
    expect(readDateTime(parts('x', '1', '2027'), endOfDay)).to.deep.include({ ok: false, problem: { kind: 'not-real' } });
    expect(readDateTime(parts('1', '1', '27'), endOfDay)).to.deep.equal({ ok: false, problem: { kind: 'year-digits' }, parts: ['year'] });
    expect(readDateTime(parts('1', '1', '2027', '25:00'), endOfDay)).to.deep.equal({
      ok: false,
      problem: { kind: 'time' },
      parts: ['time'],
    });
    expect(readDateTime(parts('1', '1', '2027', '13pm'), endOfDay)).to.deep.include({ ok: false });
  });

  it('reads the words for midday and midnight, in English and Welsh', () => {
    expect(readClock('midday')).to.deep.equal({ hour: 12, minute: 0 });
    expect(readClock('hanner nos')).to.deep.equal({ hour: 0, minute: 0 });
    expect(readClock('12am')).to.deep.equal({ hour: 0, minute: 0 });
    expect(readClock('12:30pm')).to.deep.equal({ hour: 12, minute: 30 });
  });

  it('shows a stored moment as it was typed, across the change to summer time', () => {
    expect(dateTimeParts('2027-03-31T22:59:00.000Z', words)).to.deep.equal(parts('31', '3', '2027', '11:59pm'));
    expect(dateTimeParts('2027-01-15T09:00:00.000Z', words)).to.deep.equal(parts('15', '1', '2027', '9am'));
    expect(dateTimeParts(null, words)).to.deep.equal(parts('', '', ''));
    for (const moment of ['2027-03-28T00:30:00.000Z', '2027-03-28T01:30:00.000Z', '2027-10-31T00:30:00.000Z', '2027-10-31T01:30:00.000Z']) {
      const shown = dateTimeParts(moment, words);
      const read = readDateTime(shown, startOfDay);
      // The hour repeated in October reads back as its first showing; every other moment reads back as itself.
      expect(read.ok && read.value, `${moment} shown as ${JSON.stringify(shown)}`).to.equal(
        moment === '2027-10-31T01:30:00.000Z' ? '2027-10-31T00:30:00.000Z' : moment,
      );
    }
  });
});
