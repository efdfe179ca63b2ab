/**
 * The trio of an odd round. It goes to the members with the fewest past trios: all three of them,
 * not only the third, so over many rounds nobody's trio count runs more than one ahead of anyone
 * else's. Among the fair choices we take the triangle the weights like best.
 */
import type { Pool } from './pool.js';

type Trio = [number, number, number];

/** Members looked at together when many are equally fair: enough for a good triangle, cheap at 10,000. */
const WINDOW = 24;
/** Widest window: every triangle of 96 members is ~150,000; beyond that we take the best one found. */
const WINDOW_MAX = 96;

/** The best allowed triangle among `members` (fewest trios in total first, then weight), if any. */
function bestTriangle(pool: Pool, members: readonly number[]): { trio: Trio; trios: number } | undefined {
  const size = members.length;
  const weight: number[] = new Array(size * size);
  for (let a = 0; a < size; a++)
    for (let b = a + 1; b < size; b++)
      weight[a * size + b] = pool.weight(members[a] as number, members[b] as number);
  let best: { trio: Trio; trios: number; weight: number } | undefined;
  for (let a = 0; a < size; a++) {
    for (let b = a + 1; b < size; b++) {
      const ab = weight[a * size + b] as number;
      if (ab === Number.NEGATIVE_INFINITY) continue;
      for (let c = b + 1; c < size; c++) {
        const ac = weight[a * size + c] as number;
        const bc = weight[b * size + c] as number;
        if (ac === Number.NEGATIVE_INFINITY || bc === Number.NEGATIVE_INFINITY) continue;
        const trio: Trio = [members[a] as number, members[b] as number, members[c] as number];
        const trios = pool.trios(trio[0]) + pool.trios(trio[1]) + pool.trios(trio[2]);
        const total = ab + ac + bc;
        if (!best || trios < best.trios || (trios === best.trios && total > best.weight))
          best = { trio, trios, weight: total };
      }
    }
  }
  return best;
}

/**
 * Three members of `available` to meet as the trio, or undefined when blocks leave no triangle.
 * Only members at the lowest trio counts are considered first; a level is added only when blocks
 * rule out every fair triangle.
 */
export function chooseTrio(pool: Pool, available: readonly number[]): Trio | undefined {
  if (available.length < 3) return undefined;
  // Fewest trios first; equal counts in seeded random order, so a window is a random sample.
  const order = available
    .map((i) => ({ i, trios: pool.trios(i), tie: pool.random() }))
    .sort((a, b) => a.trios - b.trios || a.tie - b.tie)
    .map((entry) => entry.i);
  let end = 3;
  for (;;) {
    // Take the whole level of the last member needed: any of them is as fair as another.
    const level = pool.trios(order[end - 1] as number);
    while (end < order.length && pool.trios(order[end] as number) === level) end++;
    const fair = order.slice(0, end);
    const fairest = fair.slice(0, 3).reduce((sum, i) => sum + pool.trios(i), 0);
    // The members below `level` must all be in the trio (there are at most two): they come first,
    // so every window holds them.
    for (let window = WINDOW; ; window *= 2) {
      const found = bestTriangle(pool, fair.slice(0, window));
      const whole = window >= fair.length || window >= WINDOW_MAX;
      // A less fair triangle in the window may be beaten by a fairer one outside it: look wider.
      if (found && (found.trios === fairest || whole)) return found.trio;
      if (whole) break;
    }
    if (end >= order.length) return undefined;
    end++;
  }
}

/**
 * The pair that leftover member u can join as a third without meeting anyone they blocked:
 * its index in `pairs`, or -1. Prefers the heaviest pair of new acquaintances for u.
 */
export function pairToJoin(pool: Pool, pairs: readonly (readonly [number, number])[], u: number): number {
  let best = -1;
  let bestWeight = Number.NEGATIVE_INFINITY;
  for (const [index, [a, b]] of pairs.entries()) {
    const total = pool.weight(u, a) + pool.weight(u, b);
    if (total > bestWeight) {
      best = index;
      bestWeight = total;
    }
  }
  return best;
}
