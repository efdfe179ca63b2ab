/**
 * One round's best pairs can leave the next round without any way to give everyone a stranger:
 * with six members of whom two blocked each other, pairing well three times in a row can leave
 * both of them needing the same last stranger in round four. For small pools, where such dead
 * ends happen, we check the rounds after this one (everyone present again, pairs of strangers
 * only) and, when they run dry early, try this round again with one of its pairs set aside.
 */
import { maxWeightMatching } from './blossom.js';
import { avoidKey, type Matching } from './exact.js';
import type { Pool } from './pool.js';

/** Pools up to this size look ahead; beyond it a cycle of strangers takes too many rounds to matter. */
const LOOKAHEAD_LIMIT = 64;
/**
 * Rounds looked ahead. Measured: six members with one block over four rounds repeated someone
 * for 188 of 200 seeds without looking ahead, for none with it; 20 seeds of 30 members in 3
 * groups over 29 rounds: 18 repeats without, 4 with. Looking 3 rounds ahead found nothing more.
 */
const DEPTH = 2;

/** Pairs of members inside each group. */
function* pairsIn(groups: readonly (readonly number[])[]): Generator<[number, number]> {
  for (const group of groups)
    for (const [k, a] of group.entries()) for (const b of group.slice(k + 1)) yield [a, b];
}

/**
 * How many of the next DEPTH rounds could pair `members` (all but one when odd) with strangers
 * only, if this round's groups are `groups`. Greedy over rounds: each takes its heaviest full
 * pairing of strangers and leaves the rest to the next.
 */
function roundsOfStrangers(
  pool: Pool,
  members: readonly number[],
  groups: readonly (readonly number[])[],
): number {
  const used = new Set<number>();
  for (const [a, b] of pairsIn(groups)) used.add(avoidKey(pool, a, b));
  for (let depth = 0; depth < DEPTH; depth++) {
    const from: number[] = [];
    const to: number[] = [];
    const weight: number[] = [];
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const a = members[x] as number;
        const b = members[y] as number;
        if (pool.blocked(a, b) || pool.met(a, b) || used.has(avoidKey(pool, a, b))) continue;
        from.push(x);
        to.push(y);
        weight.push(pool.weight(a, b));
      }
    }
    const mate = maxWeightMatching(members.length, { from, to, weight }, true);
    let pairs = 0;
    for (let x = 0; x < members.length; x++) {
      const y = mate[x] as number;
      if (y > x) {
        pairs++;
        used.add(avoidKey(pool, members[x] as number, members[y] as number));
      }
    }
    if (pairs < Math.floor(members.length / 2)) return depth;
  }
  return DEPTH;
}

/**
 * `first` (the pairs of this round, beside the `fixed` trio if any), or an equally new pairing of
 * the same members that keeps more of the next rounds open. `again` re-pairs with some pairs
 * avoided. Leaves `first` alone when it already repeats someone: then the cycle is over anyway.
 */
export function lookAhead(
  pool: Pool,
  everyone: readonly number[],
  fixed: readonly (readonly number[])[],
  first: Matching,
  again: (avoid: ReadonlySet<number>) => Matching,
): Matching {
  const allNew = (matching: Matching) =>
    matching.single.length === 0 && matching.pairs.every(([a, b]) => !pool.met(a, b));
  if (everyone.length > LOOKAHEAD_LIMIT || !allNew(first)) return first;
  let best = first;
  let open = roundsOfStrangers(pool, everyone, [...fixed, ...first.pairs]);
  for (const [a, b] of first.pairs) {
    if (open === DEPTH) break;
    const other = again(new Set([avoidKey(pool, a, b)]));
    if (!allNew(other)) continue;
    const otherOpen = roundsOfStrangers(pool, everyone, [...fixed, ...other.pairs]);
    if (otherOpen > open) {
      best = other;
      open = otherOpen;
    }
  }
  return best;
}
