/** Times that fit everyone: slots inside every member's working hours across three time zones. */
import { describe, expect, it } from 'vitest';
import { commonPick } from '../../src/pairing/group-slots.js';
import { slotForGroup, slotIn, zoneCity } from '../../src/pairing/slot-text.js';
import { localClock, proposeSlots, SLOT_MINUTES, type SlotMember } from '../../src/pairing/slots.js';

const hours = (start: number, end: number) => ({ start: start * 60, end: end * 60 });

// The round's week: Monday 7 December 2026, 9:00 UTC, for seven days (winter time everywhere:
// Amsterdam UTC+1, New York UTC-5, Kolkata UTC+5:30).
const FROM = new Date('2026-12-07T09:00:00Z');
const UNTIL = new Date('2026-12-14T09:00:00Z');

/** Hours that meet: together they work 13:00-15:30 UTC on weekdays. */
const MEETING: SlotMember[] = [
  { id: 'anna', zone: 'Europe/Amsterdam', hours: hours(9, 17) }, // 8:00-16:00 UTC
  { id: 'bob', zone: 'America/New_York', hours: hours(8, 17) }, // 13:00-22:00 UTC
  { id: 'priya', zone: 'Asia/Kolkata', hours: hours(12, 21) }, // 6:30-15:30 UTC
];

/** A slot fits a member when it starts and ends inside their hours on one of their weekdays. */
function fitsLocally(t: Date, m: SlotMember): boolean {
  const { weekday, minute } = localClock(t, m.zone);
  return weekday <= 5 && minute >= m.hours.start && minute + SLOT_MINUTES <= m.hours.end;
}

describe('proposeSlots', () => {
  it('gives three slots inside everyone’s working hours, on three different days', () => {
    const result = proposeSlots(MEETING, FROM, UNTIL);
    if (result.kind !== 'slots') throw new Error('expected slots');
    expect(result.slots).toHaveLength(3);
    for (const t of result.slots)
      for (const m of MEETING) expect(fitsLocally(t, m), `${m.id} ${t.toISOString()}`).toBe(true);
    const days = new Set(result.slots.map((t) => localClock(t, 'Europe/Amsterdam').date));
    expect(days.size).toBe(3);
    // Spread over the week (Monday, Wednesday, Friday), each in the middle of the shared stretch.
    expect(result.slots.map((t) => t.toISOString())).toEqual([
      '2026-12-07T14:00:00.000Z',
      '2026-12-09T14:00:00.000Z',
      '2026-12-11T14:00:00.000Z',
    ]);
  });

  it('shows each slot at its local time for every member', () => {
    const result = proposeSlots(MEETING, FROM, UNTIL);
    if (result.kind !== 'slots') throw new Error('expected slots');
    const [first] = result.slots;
    if (!first) throw new Error('expected a first slot');
    expect(localClock(first, 'Europe/Amsterdam').minute).toBe(15 * 60);
    expect(localClock(first, 'America/New_York').minute).toBe(9 * 60);
    expect(localClock(first, 'Asia/Kolkata').minute).toBe(19 * 60 + 30);
  });

  it('never proposes a weekend or a time before the round starts', () => {
    const saturday = new Date('2026-12-12T00:00:00Z');
    const result = proposeSlots(MEETING, saturday, new Date('2026-12-14T00:00:00Z'));
    expect(result.kind).toBe('none');
    // From Wednesday 15:15 UTC no whole slot is left that day: Thursday and Friday remain.
    const late = proposeSlots(MEETING, new Date('2026-12-09T15:15:00Z'), UNTIL);
    if (late.kind !== 'slots') throw new Error('expected slots');
    expect(late.slots.map((t) => t.toISOString())).toEqual([
      '2026-12-10T13:00:00.000Z',
      '2026-12-10T14:00:00.000Z',
      '2026-12-11T14:00:00.000Z',
    ]);
  });

  it('takes further slots from the same day, an hour apart, when the week has fewer days', () => {
    const oneDay = proposeSlots(MEETING, new Date('2026-12-08T00:00:00Z'), new Date('2026-12-09T00:00:00Z'));
    if (oneDay.kind !== 'slots') throw new Error('expected slots');
    expect(oneDay.slots).toHaveLength(3);
    const times = oneDay.slots.map((t) => t.getTime());
    for (let i = 1; i < times.length; i++)
      expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThanOrEqual(60 * 60_000);
    for (const t of oneDay.slots) for (const m of MEETING) expect(fitsLocally(t, m)).toBe(true);
  });

  it('says there is no common time and gives the closest edges', () => {
    const nineToFive: SlotMember[] = MEETING.map((m) => ({ ...m, hours: hours(9, 17) }));
    const result = proposeSlots(nineToFive, FROM, UNTIL);
    if (result.kind !== 'none') throw new Error('expected no common time');
    // New York starts at 14:00 UTC and Kolkata ends at 11:30 UTC: meeting halfway stretches each by 90 minutes.
    expect(result.closest.toISOString()).toBe('2026-12-07T12:30:00.000Z');
    expect(result.stretches).toEqual([
      { id: 'anna', before: 0, after: 0 },
      { id: 'bob', before: 90, after: 0 },
      { id: 'priya', before: 0, after: 90 },
    ]);
  });
});

describe('slot texts', () => {
  const t = new Date('2026-12-09T14:00:00Z');
  const now = new Date('2026-12-07T09:00:00Z');

  it('shows a slot in the reader’s own zone and language', () => {
    expect(slotIn(t, 'Europe/Amsterdam', 'en', now)).toBe('Wednesday 9 December 15:00');
    expect(slotIn(t, 'America/New_York', 'en', now)).toBe('Wednesday 9 December 9:00');
    expect(slotIn(t, 'Asia/Kolkata', 'nl', now)).toBe('woensdag 9 december 19:30');
  });

  it('shows a slot for the whole group in every zone, naming another local day', () => {
    const zones = ['Europe/Amsterdam', 'America/New_York', 'Asia/Kolkata'];
    expect(slotForGroup(t, zones, 'en', now)).toBe(
      'Wednesday 9 December: 15:00 Amsterdam, 9:00 New York, 19:30 Kolkata',
    );
    const late = new Date('2026-12-09T20:00:00Z');
    expect(slotForGroup(late, zones, 'nl', now)).toBe(
      'woensdag 9 december: 21:00 Amsterdam, 15:00 New York, donderdag 1:30 Kolkata',
    );
    expect(zoneCity('UTC')).toBe('UTC');
  });
});

describe('commonPick', () => {
  const [a, b, c] = ['2026-12-07T14:00:00.000Z', '2026-12-09T14:00:00.000Z', '2026-12-11T14:00:00.000Z'];
  it('waits until every member answered, then takes the first time all share', () => {
    expect(commonPick(['x', 'y'], { x: [a, b] })).toBeUndefined();
    expect(commonPick(['x', 'y', 'z'], { x: [c, b, a], y: [b, c], z: [c, b] })).toBe(b);
  });
  it('finds none when nothing is shared or someone picked none', () => {
    expect(commonPick(['x', 'y'], { x: [a], y: [b] })).toBeUndefined();
    expect(commonPick(['x', 'y'], { x: [a], y: [] })).toBeUndefined();
  });
});
