/**
 * One round's placement: pairs, plus one trio when the count is odd, never breaking a block.
 * Small pools get the exact blossom; large ones the candidate-graph heuristic.
 */
import { exactPairs, type Matching } from './exact.js';
import { heuristicPairs } from './heuristic.js';
import { lookAhead } from './lookahead.js';
import type { Pool } from './pool.js';
import { chooseTrio, pairToJoin } from './trio.js';

/**
 * Up to this many members the exact O(n³) blossom runs on every allowed pair. Measured on the
 * 2-core bench machine (median of 5 rounds of strangers, 5 groups): exact 100 → 38 ms,
 * 200 → 59 ms, 300 → 183 ms, 400 → 525 ms; the heuristic 300 → 11 ms, 1,000 → 25 ms,
 * 10,000 → ~300 ms. The exact matcher is worth its time in small communities with a long history
 * (150 members over 149 rounds: 6 repeats exact, 163 heuristic), so it runs while a round stays
 * under about 0.2 s.
 */
export const EXACT_LIMIT = 300;

/**
 * How much exact work the search for a feasible trio may do when blocks defeat the first choice,
 * in units of n³ (one blossom run on n members); about a second at worst.
 */
const SEARCH_BUDGET = 20_000_000;

interface Placement {
  /** Pool indices: pairs, and at most one trio. */
  groups: number[][];
  unplaced: number[];
}

const pairUp = (pool: Pool, members: readonly number[]): Matching =>
  members.length <= EXACT_LIMIT ? exactPairs(pool, members) : heuristicPairs(pool, members, EXACT_LIMIT);

export function place(pool: Pool): Placement {
  if (pool.size <= EXACT_LIMIT) pool.countStrangers();
  const everyone = Array.from({ length: pool.size }, (_, i) => i);
  if (pool.size % 2 === 0) {
    const matching = lookAhead(pool, everyone, [], pairUp(pool, everyone), (avoid) =>
      exactPairs(pool, everyone, avoid),
    );
    return withLeftovers(pool, matching);
  }

  const trio = chooseTrio(pool, everyone);
  if (trio) {
    const rest = everyone.filter((i) => !trio.includes(i));
    const matching = lookAhead(pool, everyone, [trio], pairUp(pool, rest), (avoid) =>
      exactPairs(pool, rest, avoid),
    );
    if (matching.single.length === 0) return { groups: [...matching.pairs, trio], unplaced: [] };
  }
  // Blocks defeated the fair trio: look harder for any full placement, then settle for the most.
  if (pool.size <= EXACT_LIMIT) {
    const found = searchPlacement(pool, everyone);
    if (found) return found;
  }
  return withLeftovers(pool, pairUp(pool, everyone));
}

/** The pairs, with one leftover joining a pair as a trio when it may; the others are unplaced. */
function withLeftovers(pool: Pool, matching: Matching): Placement {
  const groups: number[][] = matching.pairs.map((pair) => [...pair]);
  // Whoever waited last round joins the trio first.
  const unplaced = [...matching.single].sort(
    (a, b) => Number(pool.waited(b)) - Number(pool.waited(a)) || pool.trios(a) - pool.trios(b) || a - b,
  );
  for (const [index, u] of unplaced.entries()) {
    const k = pairToJoin(pool, matching.pairs, u);
    if (k === -1) continue;
    groups[k]?.push(u);
    unplaced.splice(index, 1);
    break; // at most one trio
  }
  return { groups, unplaced };
}

/**
 * A full placement of an odd pool, found by trying each member as the trio's anchor, or undefined
 * when none exists (or the budget ran out first). A trio {x, a, b} plus pairs covering the rest
 * exists exactly when, for some x, the others pair up perfectly with some pair inside x's allowed
 * partners; the first blossom run rules out hopeless pools at once.
 */
function searchPlacement(pool: Pool, everyone: readonly number[]): Placement | undefined {
  const whole = exactPairs(pool, everyone);
  // A placement contains a matching that leaves exactly one member out; the maximum leaves more.
  if (whole.single.length !== 1) return undefined;
  const joins = (matching: Matching, x: number): Placement | undefined => {
    const k = pairToJoin(pool, matching.pairs, x);
    if (k === -1) return undefined;
    const groups: number[][] = matching.pairs.map((pair) => [...pair]);
    groups[k]?.push(x);
    return { groups, unplaced: [] };
  };
  const direct = joins(whole, whole.single[0] as number);
  if (direct) return direct;

  const cost = everyone.length ** 3;
  let budget = SEARCH_BUDGET;
  const anchors = [...everyone].sort((a, b) => pool.trios(a) - pool.trios(b) || a - b);
  const tried = new Set<number>(); // every trio holding a tried anchor was ruled out already
  for (const x of anchors) {
    tried.add(x);
    budget -= cost;
    if (budget < 0) return undefined;
    const withoutX = exactPairs(
      pool,
      everyone.filter((i) => i !== x),
    );
    if (withoutX.single.length > 0) continue; // x can be in no trio: the others do not pair up
    const placed = joins(withoutX, x);
    if (placed) return placed;
    // x fits no pair of this matching; another perfect matching of the others may hold one.
    const friends = everyone.filter((i) => !tried.has(i) && !pool.blocked(i, x));
    for (const [k, a] of friends.entries()) {
      for (const b of friends.slice(k + 1)) {
        if (pool.blocked(a, b)) continue;
        budget -= cost;
        if (budget < 0) return undefined;
        const rest = exactPairs(
          pool,
          everyone.filter((i) => i !== x && i !== a && i !== b),
        );
        if (rest.single.length === 0) return { groups: [...rest.pairs, [x, a, b]], unplaced: [] };
      }
    }
  }
  return undefined;
}
