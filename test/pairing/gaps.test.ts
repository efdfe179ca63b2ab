import { describe, expect, it } from 'vitest';
import { type Candidate, pairRound } from '../../src/pairing/match.js';

const member = (id: string, over: Partial<Candidate> = {}): Candidate => ({
  id,
  trios: 0,
  blocks: [],
  ...over,
});

/** Whether `a` and `b` ended up in the same group. */
const together = (groups: string[][], a: string, b: string) =>
  groups.some((group) => group.includes(a) && group.includes(b));

describe('pairRound in gaps mode', () => {
  // m1 looks for "health it", which only m6 offers; m6 looks for "python", which only m1 offers.
  const members = [
    member('m1', { group: 'g1', needs: ['health it'], offers: ['python'] }),
    member('m2', { group: 'g2' }),
    member('m3', { group: 'g1' }),
    member('m4', { group: 'g2' }),
    member('m5', { group: 'g2' }),
    member('m6', { group: 'g1', needs: ['python'], offers: ['health it'] }),
  ];
  const seeds = Array.from({ length: 20 }, (_, i) => i + 1);

  it('puts the member whose need another offers with them, above across groups, in pairs and groups', () => {
    for (const size of [2, 3])
      for (const seed of seeds) {
        const { groups } = pairRound({ members, lastMet: new Map(), round: 1, seed, size, mode: 'gaps' });
        expect(together(groups, 'm1', 'm6')).toBe(true);
      }
  });

  it('leaves needs and offers aside in new mode (across groups wins)', () => {
    for (const seed of seeds) {
      const { groups } = pairRound({ members, lastMet: new Map(), round: 1, seed, mode: 'new' });
      expect(together(groups, 'm1', 'm6')).toBe(false);
    }
  });

  it('never repeats a pair for a gap while strangers are left', () => {
    const lastMet = new Map([['m1|m6', 1]]);
    for (const seed of seeds) {
      const { groups } = pairRound({ members, lastMet, round: 2, seed, mode: 'gaps' });
      expect(together(groups, 'm1', 'm6')).toBe(false);
    }
  });
});
