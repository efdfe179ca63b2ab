import { describe, expect, it } from 'vitest';
import { blauIndex, crossesWorkPrivateLine, mapMetrics } from '../../src/network/metrics.js';
import type { Network, Person } from '../../src/network/model.js';

const person = (over: Partial<Person>): Person => ({
  id: over.name ?? 'x',
  name: 'x',
  domain: 'work',
  ring: 'outer',
  contact: 'yearly',
  named: [],
  addedAt: '2026-01-01T00:00:00.000Z',
  ...over,
});

describe('blauIndex', () => {
  it.each([
    // counts, K, blau, normalised (hand-computed)
    [[], 10, 0, 0],
    [[4], 10, 0, 0],
    [[1, 1], 2, 0.5, 1],
    [[2, 1, 1], 10, 1 - (0.25 + 0.0625 + 0.0625), (1 - 0.375) / 0.9],
    [[1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 10, 0.9, 1],
    [[3, 0, 0, 1], 4, 1 - (0.5625 + 0.0625), 0.375 / 0.75],
  ])('counts %j over %i categories', (counts, k, blau, normalised) => {
    const result = blauIndex(counts, k);
    expect(result.blau).toBeCloseTo(blau, 10);
    expect(result.normalised).toBeCloseTo(normalised, 10);
  });
});

describe('crossesWorkPrivateLine', () => {
  it.each([
    [{ domain: 'work', ring: 'inner' }, true],
    [{ domain: 'former', ring: 'inner' }, true],
    [{ domain: 'work', ring: 'outer', named: ['career'] }, false],
    [{ domain: 'family', ring: 'inner' }, false],
    [{ domain: 'family', named: ['jobChange'] }, true],
    [{ domain: 'neighbourhood', named: ['discuss'] }, true],
    [{ domain: null, named: ['discuss'] }, false],
  ] as [Partial<Person>, boolean][])('%j → %s', (over, expected) => {
    expect(crossesWorkPrivateLine(person(over))).toBe(expected);
  });
});

describe('mapMetrics', () => {
  it('is all zeros for an empty map', () => {
    const m = mapMetrics({ people: [], resources: {} });
    expect(m).toMatchObject({
      size: 0,
      strong: 0,
      weak: 0,
      weakShare: 0,
      blau: 0,
      dormant: 0,
      crossovers: 0,
    });
    expect(m.resources).toEqual({ reachable: [], weakOnly: [], myself: [], gaps: [] });
  });

  it('computes every figure of a small map by hand', () => {
    const network: Network = {
      people: [
        person({ name: 'A', domain: 'work', ring: 'inner', contact: 'weekly' }),
        person({ name: 'B', domain: 'work', ring: 'outer', contact: 'monthly' }),
        person({ name: 'C', domain: 'family', ring: 'inner', contact: 'weekly', named: ['career'] }),
        person({ name: 'D', domain: 'study', ring: 'middle', contact: 'dormant' }),
        person({ name: 'E', domain: 'study', ring: 'outer', contact: 'dormant' }),
        person({ name: 'F', domain: null, ring: null, contact: null }),
      ],
      resources: {
        cv: 'friend',
        press: 'acquaintance',
        legal: 'nobody',
        hires: 'myself',
        board: 'acquaintance',
      },
    };
    const m = mapMetrics(network);
    expect(m.size).toBe(6);
    expect(m.perDomain).toMatchObject({ work: 2, family: 1, study: 2, school: 0 });
    expect([m.strong, m.middle, m.weak]).toEqual([2, 1, 2]);
    expect(m.strongShare).toBeCloseTo(2 / 5);
    expect(m.weakShare).toBeCloseTo(2 / 5);
    // domains known: work 2, family 1, study 2 → p = .4, .2, .4 → 1 - (.16 + .04 + .16) = .64
    expect(m.blau).toBeCloseTo(0.64);
    expect(m.blauNormalised).toBeCloseTo(0.64 / (1 - 1 / 11)); // 11 domains, events included
    expect(m.domainsUsed).toBe(3);
    expect(m.crossovers).toBe(2); // A: work and inner; C: family and named
    expect(m.dormant).toBe(2);
    expect(m.resources.reachable).toEqual(['board', 'press', 'hires', 'cv']);
    expect(m.resources.weakOnly).toEqual(['board', 'press']);
    expect(m.resources.myself).toEqual(['hires']);
    expect(m.resources.gaps).toEqual(['legal']);
  });
});
