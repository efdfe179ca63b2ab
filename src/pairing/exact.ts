/**
 * The exact pairing of a small pool: every allowed pair is an edge, and the blossom algorithm
 * finds the matching with the most pairs and, among those, the highest total weight.
 * O(n³): see EXACT_LIMIT in place.ts for where this stops being fast enough.
 */
import { maxWeightMatching } from './blossom.js';
import type { Pool } from './pool.js';
import { NEVER_MET } from './weights.js';

export type Pair = [number, number];

/** A set of pairs of pool indices, and who is left over. */
export interface Matching {
  pairs: Pair[];
  /** Members left without a partner (blocks made a full pairing impossible). */
  single: number[];
}

/** The key of pair (a, b) of pool indices in an `avoid` set. */
export const avoidKey = (pool: Pool, a: number, b: number): number =>
  Math.min(a, b) * pool.size + Math.max(a, b);

/**
 * Pairs `members` (pool indices) as well as possible. Pairs in `avoid` (see avoidKey) weigh less
 * than any repeat: taken only when nothing else places as many members.
 */
export function exactPairs(pool: Pool, members: readonly number[], avoid?: ReadonlySet<number>): Matching {
  const from: number[] = [];
  const to: number[] = [];
  const weight: number[] = [];
  for (let a = 0; a < members.length; a++) {
    for (let b = a + 1; b < members.length; b++) {
      const w = pool.weight(members[a] as number, members[b] as number);
      if (w === Number.NEGATIVE_INFINITY) continue; // blocked: not an edge at all
      from.push(a);
      to.push(b);
      weight.push(avoid?.has(avoidKey(pool, members[a] as number, members[b] as number)) ? w - NEVER_MET : w);
    }
  }
  const mate = maxWeightMatching(members.length, { from, to, weight }, true);
  const pairs: Pair[] = [];
  const single: number[] = [];
  for (let a = 0; a < members.length; a++) {
    const b = mate[a] as number;
    if (b < 0) single.push(members[a] as number);
    else if (a < b) pairs.push([members[a] as number, members[b] as number]);
  }
  return { pairs, single };
}
