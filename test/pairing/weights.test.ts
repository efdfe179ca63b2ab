import { describe, expect, it } from 'vitest';
import { type Candidate, pairKey, pairWeight } from '../../src/pairing/match.js';
import { hoursOverlap, STALE_ROUNDS } from '../../src/pairing/weights.js';

const ROUND = 50;

/** A member; `group` and `hours` only when given (absent means unknown). */
const member = (id: string, over: Partial<Candidate> = {}): Candidate => ({
  id,
  trios: 0,
  blocks: [],
  ...over,
});

const NINE_TO_FIVE: [number, number] = [9 * 60, 17 * 60];
const EARLY: [number, number] = [6 * 60, 10 * 60]; // overlaps nine-to-five by 60 minutes
const NIGHT: [number, number] = [22 * 60, 6 * 60]; // no overlap with nine-to-five

interface Side {
  lastMet?: number;
  sameGroup?: boolean;
  hours?: 'full' | 'some' | 'none' | 'unknown';
}

/** The weight of a pair described by its history, groups and working hours. */
function weightOf(side: Side): number {
  const other = { full: NINE_TO_FIVE, some: EARLY, none: NIGHT, unknown: undefined }[side.hours ?? 'unknown'];
  const a = member('a', {
    group: 'g1',
    ...(side.hours && side.hours !== 'unknown' ? { hours: NINE_TO_FIVE } : {}),
  });
  const b = member('b', { group: side.sameGroup ? 'g1' : 'g2', ...(other ? { hours: other } : {}) });
  return pairWeight(a, b, side.lastMet, ROUND);
}

describe('pairWeight', () => {
  it.each<[string, Side, Side]>([
    // description, better, worse
    [
      'never met beats met long ago, whatever the bonuses',
      { sameGroup: true, hours: 'none' },
      { lastMet: 1, sameGroup: false, hours: 'full' },
    ],
    [
      'never met beats met before at the age cap',
      { sameGroup: true, hours: 'none' },
      { lastMet: ROUND - 5000, sameGroup: false, hours: 'full' },
    ],
    [
      'met long ago beats met recently, whatever the bonuses',
      { lastMet: ROUND - 10, sameGroup: true, hours: 'none' },
      { lastMet: ROUND - 2, sameGroup: false, hours: 'full' },
    ],
    ['met two rounds ago beats met last round', { lastMet: ROUND - 2 }, { lastMet: ROUND - 1 }],
    ['different group beats same group', { sameGroup: false }, { sameGroup: true }],
    [
      'different group beats same group even against working hours',
      { sameGroup: false, hours: 'none' },
      { sameGroup: true, hours: 'full' },
    ],
    ['overlapping hours beat none', { hours: 'some' }, { hours: 'none' }],
    ['more overlap beats less', { hours: 'full' }, { hours: 'some' }],
    ['unknown hours are neutral: below a full overlap', { hours: 'full' }, { hours: 'unknown' }],
    ['unknown hours are neutral: above no overlap', { hours: 'unknown' }, { hours: 'none' }],
  ])('%s', (_, better, worse) => {
    expect(weightOf(better)).toBeGreaterThan(weightOf(worse));
  });

  it('rates a pair with an unknown group between across and same group', () => {
    const across = pairWeight(member('a', { group: 'x' }), member('b', { group: 'y' }), undefined, 1);
    const unknown = pairWeight(member('a', { group: 'x' }), member('b'), undefined, 1);
    const same = pairWeight(member('a', { group: 'x' }), member('b', { group: 'x' }), undefined, 1);
    expect(across).toBeGreaterThan(unknown);
    expect(unknown).toBeGreaterThan(same);
  });

  it('is symmetric', () => {
    const a = member('a', { group: 'g1', hours: EARLY });
    const b = member('b', { group: 'g2', hours: NIGHT });
    expect(pairWeight(a, b, 3, 9)).toBe(pairWeight(b, a, 3, 9));
  });

  it('is -Infinity for a blocked pair, whichever member blocked the other', () => {
    const blocker = member('a', { blocks: ['b'] });
    const blocked = member('b');
    expect(pairWeight(blocker, blocked, undefined, 1)).toBe(Number.NEGATIVE_INFINITY);
    expect(pairWeight(blocked, blocker, undefined, 1)).toBe(Number.NEGATIVE_INFINITY);
  });
});

describe('hoursOverlap', () => {
  it.each<[[number, number], [number, number], number]>([
    [NINE_TO_FIVE, NINE_TO_FIVE, 480],
    [NINE_TO_FIVE, EARLY, 60],
    [NINE_TO_FIVE, NIGHT, 0],
    [NIGHT, [0, 60], 60], // wraps past midnight
    [NIGHT, [21 * 60, 23 * 60], 60],
    [NIGHT, [23 * 60, 1 * 60], 120], // both wrap
    [NINE_TO_FIVE, [17 * 60, 18 * 60], 0], // [start, end): touching is no overlap
    [NINE_TO_FIVE, [600, 600], 0], // start == end: an empty span
  ])('%j and %j overlap %i minutes', (a, b, minutes) => {
    expect(hoursOverlap(a, b)).toBe(minutes);
    expect(hoursOverlap(b, a)).toBe(minutes);
  });
});

describe('pairKey', () => {
  it('does not depend on the order', () => {
    expect(pairKey('m2', 'm10')).toBe('m10|m2');
    expect(pairKey('m10', 'm2')).toBe('m10|m2');
  });
});

describe('pairWeight in gaps mode', () => {
  /** a needs "health it", which b offers (one side); both sides when b's need is a's offer too. */
  const gapPair = (side: Side & { gap?: 'none' | 'one' | 'both' }, gaps = true): number => {
    const other = { full: NINE_TO_FIVE, some: EARLY, none: NIGHT, unknown: undefined }[
      side.hours ?? 'unknown'
    ];
    const a = member('a', {
      group: 'g1',
      needs: ['health it'],
      offers: ['python'],
      ...(side.hours && side.hours !== 'unknown' ? { hours: NINE_TO_FIVE } : {}),
    });
    const b = member('b', {
      group: side.sameGroup ? 'g1' : 'g2',
      needs: side.gap === 'both' ? ['python'] : ['design'],
      offers: side.gap === 'none' || side.gap === undefined ? ['law'] : ['health it', 'law'],
      ...(other ? { hours: other } : {}),
    });
    return pairWeight(a, b, side.lastMet, ROUND, gaps);
  };

  it.each<[string, Side & { gap?: 'none' | 'one' | 'both' }, Side & { gap?: 'none' | 'one' | 'both' }]>([
    [
      'a need met beats across groups and full hours',
      { gap: 'one', sameGroup: true, hours: 'none' },
      { gap: 'none', sameGroup: false, hours: 'full' },
    ],
    ['needs met on both sides beat one side', { gap: 'both' }, { gap: 'one' }],
    [
      'never met beats a need met on both sides with every bonus',
      { gap: 'none', sameGroup: true, hours: 'none' },
      { gap: 'both', lastMet: 1, sameGroup: false, hours: 'full' },
    ],
    [
      'met long ago beats met recently, even when recent fills both gaps',
      { gap: 'none', lastMet: ROUND - 3, sameGroup: true, hours: 'none' },
      { gap: 'both', lastMet: ROUND - 2, sameGroup: false, hours: 'full' },
    ],
  ])('%s', (_, better, worse) => {
    expect(gapPair(better)).toBeGreaterThan(gapPair(worse));
  });

  it('ignores needs and offers in new mode', () => {
    expect(gapPair({ gap: 'both' }, false)).toBe(gapPair({ gap: 'none' }, false));
  });

  it('keeps a blocked pair at -Infinity', () => {
    const a = member('a', { needs: ['x'], blocks: ['b'] });
    const b = member('b', { offers: ['x'] });
    expect(pairWeight(a, b, undefined, 1, true)).toBe(Number.NEGATIVE_INFINITY);
  });

  it('is symmetric', () => {
    const a = member('a', { needs: ['x'], offers: ['y'] });
    const b = member('b', { needs: ['z'], offers: ['x'] });
    expect(pairWeight(a, b, undefined, 1, true)).toBe(pairWeight(b, a, undefined, 1, true));
  });
});

describe('pairWeight in groups of 3 and 4 (new mode)', () => {
  const inGroups = (side: Side & { unknownGroup?: boolean }, gaps = false, size = 4) => {
    const a = member('a', side.unknownGroup ? {} : { group: 'g1' });
    const b = member('b', side.unknownGroup ? {} : { group: side.sameGroup ? 'g1' : 'g2' });
    return pairWeight(a, b, side.lastMet, ROUND, gaps, size);
  };
  /** The same pair without a group size: the plain bands, as pairs (size 2) weigh. */
  const plain = (side: Side & { unknownGroup?: boolean }, gaps = false) => {
    const a = member('a', side.unknownGroup ? {} : { group: 'g1' });
    const b = member('b', side.unknownGroup ? {} : { group: side.sameGroup ? 'g1' : 'g2' });
    return pairWeight(a, b, side.lastMet, ROUND, gaps);
  };
  const stale = { lastMet: ROUND - STALE_ROUNDS };
  const firstInTeam = inGroups({ sameGroup: true });
  const firstAcross = inGroups({});

  it('keeps never-met first pair for pair: a stale repeat across teams is below a first meeting in a team', () => {
    expect(firstAcross).toBeGreaterThan(firstInTeam);
    expect(firstInTeam).toBeGreaterThan(inGroups(stale));
    expect(firstInTeam).toBeGreaterThan(inGroups({ lastMet: ROUND - 5000 }));
  });

  it('lets one stale repeat across teams spare three first meetings in a team, not two', () => {
    for (const lastMet of [ROUND - STALE_ROUNDS, ROUND - 40, ROUND - 5000]) {
      const oneRepeat = inGroups({ lastMet }) + 2 * firstAcross; // three pairs: one repeat, two across
      expect(oneRepeat, `met in ${lastMet}`).toBeGreaterThan(3 * firstInTeam);
      expect(inGroups({ lastMet }) + firstAcross, `met in ${lastMet}`).toBeLessThan(2 * firstInTeam);
    }
  });

  it('ranks older stale repeats above newer ones, and stale ones above every other repeat', () => {
    expect(inGroups({ lastMet: ROUND - 30 })).toBeGreaterThan(inGroups(stale));
    expect(inGroups(stale)).toBeGreaterThan(inGroups({ lastMet: ROUND - STALE_ROUNDS + 1 }));
    expect(inGroups(stale)).toBeGreaterThan(inGroups({ lastMet: 1, sameGroup: true }));
  });

  it('keeps the plain bands for recent repeats, repeats in a team, unknown groups, and gaps mode', () => {
    for (const side of [{ lastMet: ROUND - 3 }, { lastMet: 1, sameGroup: true }, { unknownGroup: true }])
      expect(inGroups(side)).toBe(plain(side));
    expect(inGroups({ unknownGroup: true, ...stale })).toBe(plain({ unknownGroup: true, ...stale }));
    for (const side of [{ sameGroup: true }, stale]) expect(inGroups(side, true)).toBe(plain(side, true));
  });

  it('trades at sizes 3 and 4 only: pairs and groups of 5 and 6 keep the plain bands', () => {
    expect(inGroups(stale, false, 3)).toBe(inGroups(stale));
    expect(inGroups(stale)).not.toBe(inGroups(stale, false, 2));
    for (const size of [2, 5, 6])
      for (const side of [stale, { sameGroup: true }]) expect(inGroups(side, false, size)).toBe(plain(side));
  });
});
