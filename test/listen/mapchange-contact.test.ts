/** The map's side of a real contact: the bucket a date falls in, the more recent of two, one ring in. */
import { describe, expect, it } from 'vitest';
import { canMoveCloser, closerRing, contactOn, moreRecent } from '../../src/network/contact.js';

describe('what a contact on a date means for the map', () => {
  it.each([
    ['2026-03-11', 'weekly'],
    ['2026-03-20', 'weekly'], // a date still ahead counts as today
    ['2026-03-05', 'weekly'],
    ['2026-03-04', 'monthly'],
    ['2026-02-09', 'monthly'],
    ['2026-02-08', 'yearly'],
    ['2023-03-13', 'yearly'],
    ['2023-03-12', 'dormant'],
  ] as const)('a contact on %s, seen from 12 March 2026, is %s', (date, bucket) => {
    expect(contactOn(date, '2026-03-12')).toBe(bucket);
  });

  it('never makes a last contact older, and fills an unknown one', () => {
    expect(moreRecent('weekly', 'yearly')).toBe('weekly');
    expect(moreRecent('dormant', 'weekly')).toBe('weekly');
    expect(moreRecent(null, 'monthly')).toBe('monthly');
  });

  it('moves one ring in; the inner ring stays; only the outer and middle rings can move', () => {
    expect(closerRing('outer')).toBe('middle');
    expect(closerRing('middle')).toBe('inner');
    expect(closerRing('inner')).toBe('inner');
    expect(closerRing(null)).toBe('outer');
    expect([
      canMoveCloser({ ring: 'outer' }),
      canMoveCloser({ ring: 'inner' }),
      canMoveCloser({ ring: null }),
    ]).toEqual([true, false, false]);
  });
});
