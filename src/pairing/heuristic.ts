/**
 * Pairing for pools too large for the exact blossom: greedy on the candidate graph, short
 * augmenting paths for the members it left single, the few still single paired exactly among
 * themselves, then 2-opt swaps between pairs.
 * Every step is bounded by counts (never by the clock), so the result depends on the seed only.
 */
import { candidateGraph } from './candidates.js';
import { exactPairs, type Matching, type Pair } from './exact.js';
import type { Pool } from './pool.js';
import { shuffle } from './random.js';

/** Full passes of 2-opt over the candidate graph; later passes find almost nothing more. */
const IMPROVEMENT_PASSES = 3;

/** Pairs `members` (pool indices, an even count) with the candidate-graph heuristic. */
export function heuristicPairs(pool: Pool, members: readonly number[], exactLimit: number): Matching {
  const size = members.length;
  const graph = candidateGraph(pool, members);
  const mate = new Int32Array(size).fill(-1);
  /** pairWeight[a]: the weight of a's current pair. */
  const pairWeight = new Float64Array(size);
  const weight = (a: number, b: number) => pool.weight(members[a] as number, members[b] as number);
  const join = (a: number, b: number, w: number) => {
    mate[a] = b;
    mate[b] = a;
    pairWeight[a] = w;
    pairWeight[b] = w;
  };

  // 1. Greedy: the heaviest candidate pairs first.
  const from: number[] = [];
  const to: number[] = [];
  const edgeWeight: number[] = [];
  for (let a = 0; a < size; a++) {
    const partners = graph.partners[a] as Int32Array;
    const weights = graph.weights[a] as Float64Array;
    for (let k = 0; k < partners.length; k++) {
      from.push(a);
      to.push(partners[k] as number);
      edgeWeight.push(weights[k] as number);
    }
  }
  const order = Uint32Array.from(from.keys()).sort(
    (x, y) => (edgeWeight[y] as number) - (edgeWeight[x] as number),
  );
  for (const e of order) {
    const a = from[e] as number;
    const b = to[e] as number;
    if (mate[a] === -1 && mate[b] === -1) join(a, b, edgeWeight[e] as number);
  }

  // 2. A member left single takes a candidate v from v's partner w, who moves on to a single
  //    candidate of their own: paths of length three, which greedy cannot see, place most of them.
  for (let u = 0; u < size; u++) {
    if (mate[u] !== -1) continue;
    const partners = graph.partners[u] as Int32Array;
    for (let k = 0; k < partners.length && mate[u] === -1; k++) {
      const v = partners[k] as number;
      const w = mate[v] as number;
      if (w === -1) {
        join(u, v, (graph.weights[u] as Float64Array)[k] as number); // cannot happen after greedy; harmless
        break;
      }
      const others = graph.partners[w] as Int32Array;
      for (let j = 0; j < others.length; j++) {
        const x = others[j] as number;
        if (mate[x] !== -1 || x === u) continue;
        join(w, x, (graph.weights[w] as Float64Array)[j] as number);
        join(u, v, (graph.weights[u] as Float64Array)[k] as number);
        break;
      }
    }
  }

  // 3. The leftovers (every path was taken): paired among themselves, exactly when few.
  let single: number[] = [];
  for (let a = 0; a < size; a++) if (mate[a] === -1) single.push(a);
  if (single.length > 0) {
    const leftover = single.map((a) => members[a] as number);
    const rest =
      single.length <= exactLimit
        ? exactPairs(pool, leftover)
        : single.length < size
          ? heuristicPairs(pool, leftover, exactLimit) // fewer each time: this ends
          : firstAllowedPairs(pool, leftover); // nobody had a candidate: blocks everywhere
    const local = new Map(single.map((a) => [members[a] as number, a]));
    for (const [x, y] of rest.pairs) {
      const a = local.get(x) as number;
      const b = local.get(y) as number;
      join(a, b, weight(a, b));
    }
    single = rest.single.map((x) => local.get(x) as number);
  }

  // 4. Leftovers blocked with each other: swap them into two existing pairs.
  single = repair(single, mate, size, weight, join);

  // 5. 2-opt: pairs (a,b) and (c,d) become (a,c) and (b,d) when that is heavier.
  const visit = shuffle(
    Array.from({ length: size }, (_, a) => a),
    pool.random,
  );
  for (let pass = 0; pass < IMPROVEMENT_PASSES; pass++) {
    let improved = false;
    for (const a of visit) {
      const partners = graph.partners[a] as Int32Array;
      const weights = graph.weights[a] as Float64Array;
      for (let k = 0; k < partners.length; k++) {
        const c = partners[k] as number;
        const b = mate[a] as number;
        const d = mate[c] as number;
        if (b === -1 || d === -1 || c === b) continue;
        const ac = weights[k] as number;
        if (ac <= (pairWeight[a] as number)) continue; // (a,c) alone is no better than (a,b): rarely worth the lookup
        const bd = weight(b, d);
        if (ac + bd > (pairWeight[a] as number) + (pairWeight[c] as number)) {
          join(a, c, ac);
          join(b, d, bd);
          improved = true;
        }
      }
    }
    if (!improved) break;
  }

  const pairs: Pair[] = [];
  for (let a = 0; a < size; a++) {
    const b = mate[a] as number;
    if (b > a) pairs.push([members[a] as number, members[b] as number]);
  }
  return { pairs, single: single.map((a) => members[a] as number) };
}

/**
 * Places leftover members u, v (who may not meet each other) by breaking a pair (a, b) into
 * (u, a) and (v, b). Returns whoever is still single after trying every pair.
 */
function repair(
  single: number[],
  mate: Int32Array,
  size: number,
  weight: (a: number, b: number) => number,
  join: (a: number, b: number, w: number) => void,
): number[] {
  const stuck: number[] = [];
  const open = [...single];
  while (open.length >= 2) {
    const u = open.shift() as number;
    let placed = false;
    for (let i = 0; i < open.length && !placed; i++) {
      const v = open[i] as number;
      for (let a = 0; a < size && !placed; a++) {
        const b = mate[a] as number;
        if (b === -1) continue;
        const ua = weight(u, a);
        const vb = weight(v, b);
        if (ua === Number.NEGATIVE_INFINITY || vb === Number.NEGATIVE_INFINITY) continue;
        join(u, a, ua);
        join(v, b, vb);
        open.splice(i, 1);
        placed = true;
      }
    }
    if (!placed) stuck.push(u);
  }
  return [...stuck, ...open];
}

/** The plainest pairing: each member with the first later member they may meet. O(n²), for dire cases. */
function firstAllowedPairs(pool: Pool, members: readonly number[]): Matching {
  const taken = new Uint8Array(members.length);
  const pairs: Pair[] = [];
  const single: number[] = [];
  for (let a = 0; a < members.length; a++) {
    if (taken[a]) continue;
    taken[a] = 1;
    let partner = -1;
    for (let b = a + 1; b < members.length && partner === -1; b++)
      if (!taken[b] && !pool.blocked(members[a] as number, members[b] as number)) partner = b;
    if (partner === -1) single.push(members[a] as number);
    else {
      taken[partner] = 1;
      pairs.push([members[a] as number, members[partner] as number]);
    }
  }
  return { pairs, single };
}
