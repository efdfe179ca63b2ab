/** "We agreed Thursday 10:00": the organiser's own words read as an instant in their zone. */
import { describe, expect, it } from 'vitest';
import { readAgreedTime, readClock } from '../../src/exercises/coffee/agreed.js';

// Tuesday 8 December 2026, 9:00 UTC.
const NOW = new Date('2026-12-08T09:00:00Z');

describe('readClock', () => {
  it('reads clocks as people type them', () => {
    expect(readClock('10:00')).toBe(600);
    expect(readClock('om 9.30')).toBe(570);
    expect(readClock('3pm')).toBe(900);
    expect(readClock('12am')).toBe(0);
    expect(readClock('15 uur')).toBe(900);
    expect(readClock('thursday')).toBeUndefined();
  });
});

describe('readAgreedTime', () => {
  it('reads the day and time in the member’s own zone', () => {
    expect(readAgreedTime('Thursday 10:00', 'Europe/Amsterdam', 'en', NOW)?.toISOString()).toBe(
      '2026-12-10T09:00:00.000Z',
    );
    expect(readAgreedTime('thursday 10:00', 'America/New_York', 'en', NOW)?.toISOString()).toBe(
      '2026-12-10T15:00:00.000Z',
    );
    expect(readAgreedTime('donderdag om 14.30', 'Asia/Kolkata', 'nl', NOW)?.toISOString()).toBe(
      '2026-12-10T09:00:00.000Z',
    );
    expect(readAgreedTime('10 december 3pm', 'Europe/Amsterdam', 'en', NOW)?.toISOString()).toBe(
      '2026-12-10T14:00:00.000Z',
    );
  });

  it('needs both a day and a time', () => {
    expect(readAgreedTime('Thursday', 'Europe/Amsterdam', 'en', NOW)).toBeUndefined();
    expect(readAgreedTime('10:00', 'Europe/Amsterdam', 'en', NOW)).toBeUndefined();
  });
});
