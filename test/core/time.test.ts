import { describe, expect, it } from 'vitest';
import { addDays, formatDay, isTimeZone, localDate, zonedInstant } from '../../src/core/time.js';

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
    ['2026-12-04', 'en', '2026-11-30', 'Friday 4 December'],
    ['2026-12-04', 'nl', '2026-11-30', 'vrijdag 4 december'],
    ['2027-01-31', 'en', '2026-11-30', 'Sunday 31 January 2027'],
    ['2027-01-31', 'nl', '2026-11-30', 'zondag 31 januari 2027'],
    ['2027-01-31', 'nl', '2027-01-02', 'zondag 31 januari'],
  ] as const)('says %s in %s (today %s) as %j', (date, lang, today, said) => {
    expect(formatDay(date, lang, today)).toBe(said);
  });

  it('recognises time zones', () => {
    expect(isTimeZone('Europe/Amsterdam')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('CET; DROP TABLE')).toBe(false);
  });
});
