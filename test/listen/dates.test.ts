import { describe, expect, it } from 'vitest';
import { dayFirst, parseDate } from '../../src/core/dates.js';
import { clockAt, clockTime, zonedInstant } from '../../src/core/time.js';
import { parseHours } from '../../src/exercises/coffee/choices.js';
import { momentText } from '../../src/pairing/admin.js';

/** Monday 30 November 2026, the member's own day. */
const TODAY = '2026-11-30';

describe('dates in plain English (day first, as in Britain)', () => {
  it.each([
    ['friday', '2026-12-04'],
    ['Friday', '2026-12-04'],
    ['on friday', '2026-12-04'],
    ['this friday', '2026-12-04'],
    ['I think friday', '2026-12-04'],
    ['friday at 7pm', '2026-12-04'],
    ['next Tuesday', '2026-12-08'],
    ['tuesday next week', '2026-12-08'],
    ['next week', '2026-12-07'],
    ['today', '2026-11-30'],
    ['tomorrow', '2026-12-01'],
    ['the day after tomorrow', '2026-12-02'],
    ['in three days', '2026-12-03'],
    ['in two weeks', '2026-12-14'],
    ['in 2 weeks', '2026-12-14'],
    ['10 december', '2026-12-10'],
    ['December 10', '2026-12-10'],
    ['the 10th of December', '2026-12-10'],
    ['dec 10th', '2026-12-10'],
    ['1 jan', '2027-01-01'],
    ['the first of january', '2027-01-01'],
    ['end of January', '2027-01-31'],
    ['beginning of March', '2027-03-01'],
    ['mid January', '2027-01-15'],
    ['late February', '2027-02-28'],
    ['end of the month', '2026-11-30'],
    ['2026-12-04', '2026-12-04'],
    ['3/12', '2026-12-03'],
    ['12-3', '2027-03-12'],
    ['12.3', '2027-03-12'],
    ['12/3/2027', '2027-03-12'],
    ['friday or saturday', undefined],
    ['7pm', undefined],
    ['blah', undefined],
    ['no idea', undefined],
    ['soon', undefined],
    ['next month', undefined],
    ['january', undefined],
    ['30 february', undefined],
    ['31/11', undefined],
    ['', undefined],
  ])('%j → %s', (text, date) => {
    expect(parseDate(text, TODAY, { lang: 'en', dayFirst: true })).toBe(date);
  });
});

describe('numbers month first for a member whose platform says en-US', () => {
  it.each([
    ['3/12', '2027-03-12'],
    ['12-3', '2026-12-03'],
    ['12/3/2027', '2027-12-03'],
    ['December 10', '2026-12-10'],
    ['10 December', '2026-12-10'],
    ['friday', '2026-12-04'],
  ])('%j → %s', (text, date) => {
    expect(parseDate(text, TODAY, { lang: 'en', dayFirst: false })).toBe(date);
  });

  it('puts the day first unless the platform says en-US', () => {
    expect(dayFirst('en', 'en-US')).toBe(false);
    expect(dayFirst('en', 'en_US')).toBe(false);
    expect(dayFirst('en', 'en-GB')).toBe(true);
    expect(dayFirst('en', undefined)).toBe(true);
    expect(dayFirst('nl', 'en-US')).toBe(true);
  });
});

describe('datums in gewoon Nederlands', () => {
  it.each([
    ['vrijdag', '2026-12-04'],
    ['Vrijdag', '2026-12-04'],
    ['op vrijdag', '2026-12-04'],
    ['deze vrijdag', '2026-12-04'],
    ['komende vrijdag', '2026-12-04'],
    ['aanstaande vrijdag', '2026-12-04'],
    ['vrijdag om 15:00', '2026-12-04'],
    ['volgende week dinsdag', '2026-12-08'],
    ['dinsdag volgende week', '2026-12-08'],
    ['volgende week', '2026-12-07'],
    ['vandaag', '2026-11-30'],
    ['morgen', '2026-12-01'],
    ['morgen om 10 uur', '2026-12-01'],
    ['overmorgen', '2026-12-02'],
    ['over drie dagen', '2026-12-03'],
    ['over een week', '2026-12-07'],
    ['over twee weken', '2026-12-14'],
    ['over 2 weken', '2026-12-14'],
    ['over 14 dagen', '2026-12-14'],
    ['10 december', '2026-12-10'],
    ['10 dec', '2026-12-10'],
    ['zaterdag 5 december', '2026-12-05'],
    ['1 januari 2027', '2027-01-01'],
    ['eind januari', '2027-01-31'],
    ['begin maart', '2027-03-01'],
    ['half januari', '2027-01-15'],
    ['medio februari', '2027-02-15'],
    ['eind deze maand', '2026-11-30'],
    ['2026-12-04', '2026-12-04'],
    ['3/12', '2026-12-03'],
    ['12-3', '2027-03-12'],
    ['12.3', '2027-03-12'],
    ['12-3-2027', '2027-03-12'],
    ['woensdag of donderdag', undefined],
    ['ooit', undefined],
    ['weet ik niet', undefined],
    ['binnenkort', undefined],
    ['11 uur', undefined],
    ['30 februari', undefined],
    ['volgende maand', undefined],
    ['januari', undefined],
    ['', undefined],
  ])('%j → %s', (text, date) => {
    expect(parseDate(text, TODAY, { lang: 'nl', dayFirst: true })).toBe(date);
  });
});

it('refuses a long text at once, even with a day in it', () => {
  expect(
    parseDate(`friday ${'and so on '.repeat(30)}`, TODAY, { lang: 'en', dayFirst: true }),
  ).toBeUndefined();
});

it('reads from the member’s own day: "friday" on a Saturday is the next week’s', () => {
  expect(parseDate('friday', '2026-12-05', { lang: 'en', dayFirst: true })).toBe('2026-12-11');
  expect(parseDate('10 november', '2026-11-30', { lang: 'en', dayFirst: true })).toBe('2027-11-10');
});

describe('times keep their minutes', () => {
  it.each([
    ['9-17', { start: 540, end: 1020 }],
    ['7:00-15:30', { start: 420, end: 930 }],
    ['08.15 - 16.45', { start: 495, end: 1005 }],
    ['9 tot 17:30', { start: 540, end: 1050 }],
    ['8:30 to 12', { start: 510, end: 720 }],
    ['9-5', undefined],
    ['9:75-17', undefined],
    ['25-30', undefined],
  ])('working hours %j → %j', (text, hours) => {
    expect(parseHours(text)).toEqual(hours);
  });

  it('says them as a clock does, and schedules at the half hour', () => {
    expect([7, 15.5, 8.25, 24].map(clockTime)).toEqual(['7:00', '15:30', '8:15', '24:00']);
    expect(zonedInstant('2026-12-04', 15.5, 'Europe/Amsterdam').toISOString()).toBe(
      '2026-12-04T14:30:00.000Z',
    );
  });
});

describe('instants an admin hears', () => {
  it('says the next round with its day and local time in the community zone', () => {
    const now = new Date('2026-11-30T12:00:00Z');
    expect(momentText('2026-12-07T08:00:00.000Z', 'Europe/Amsterdam', 'en', now)).toBe(
      'Monday 7 December, 9:00 (Europe/Amsterdam)',
    );
    expect(momentText('2027-01-04T08:30:00.000Z', 'Europe/Amsterdam', 'nl', now)).toBe(
      'maandag 4 januari 2027, 9:30 (Europe/Amsterdam)',
    );
    expect(clockAt(new Date('2026-12-07T23:45:00Z'), 'Asia/Kolkata')).toBe('5:15');
  });
});
