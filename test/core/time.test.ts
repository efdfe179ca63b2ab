import { describe, expect, it } from 'vitest';
import { addDays, isTimeZone, localDate, parseDate, zonedInstant } from '../../src/core/time.js';

describe('dates in the member’s zone', () => {
  it.each([
    // date, hour, zone → instant (winter and summer time)
    ['2026-12-04', 9, 'Europe/Amsterdam', '2026-12-04T08:00:00.000Z'],
    ['2027-07-01', 9, 'Europe/Amsterdam', '2027-07-01T07:00:00.000Z'],
    ['2027-03-28', 9, 'Europe/Amsterdam', '2027-03-28T07:00:00.000Z'],
    ['2026-12-04', 19, 'America/New_York', '2026-12-05T00:00:00.000Z'],
    ['2026-12-04', 12, 'UTC', '2026-12-04T12:00:00.000Z'],
    ['2026-12-04', 9, 'Asia/Kolkata', '2026-12-04T03:30:00.000Z'],
  ])('%s %i:00 in %s', (date, hour, zone, instant) => {
    expect(zonedInstant(date, hour, zone).toISOString()).toBe(instant);
  });

  it('knows the local date', () => {
    expect(localDate(new Date('2026-12-04T23:30:00Z'), 'Europe/Amsterdam')).toBe('2026-12-05');
    expect(localDate(new Date('2026-12-04T23:30:00Z'), 'America/New_York')).toBe('2026-12-04');
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
  });

  it.each([
    ['2027-03-12', '2027-03-12'],
    ['12-3', '2027-03-12'],
    ['4/12', '2026-12-04'],
    ['1-1', '2027-01-01'],
    ['31-12-2026', '2026-12-31'],
    ['30-2', undefined],
    ['next week', undefined],
    ['', undefined],
  ])('typed %j → %s (today 2026-11-27)', (text, date) => {
    expect(parseDate(text, '2026-11-27')).toBe(date);
  });

  it('recognises time zones', () => {
    expect(isTimeZone('Europe/Amsterdam')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('CET; DROP TABLE')).toBe(false);
  });
});
