/**
 * Groups of three to six: the same rules as pairs, for every pair inside a group. A round is cut
 * into groups of the chosen size (some one larger when the count does not divide), seeded
 * greedily by pair weight, then improved by swapping members between groups while the sum of the
 * pair weights inside groups grows (local search). Every step is bounded by counts, never by the
 * clock, so the same pool and seed always give the same groups.
 *
 * In `gaps` mode a member's need met inside their group counts once, however many offer it
 * (gap-cover.ts): the gap is taken out of the pair weights and added per member served.
 *
 * Fair spread: the places in the larger groups go to the members who were in a larger group
 * least often; a swap moves someone into a larger group only in exchange for a member with the
 * same count, so the local search never trades fairness for weight.
 */
import { type CandidateGraph, candidateGraph } from './candidates.js';
import { type GapCover, gapCover, MEMBER_GAP, pairGap } from './gap-cover.js';
import type { Pool } from './pool.js';
import { shuffle } from './random.js';
import { SETTLED_PAIR } from './weights.js';

export const MIN_GROUP_SIZE = 2;
export const MAX_GROUP_SIZE = 6;

/** Up to this many members every pair's weight is computed once and kept (n² numbers). */
const MATRIX_LIMIT = 600;
/** Members looked at for each open place while seeding groups (the best of them joins). */
const SEED_SAMPLE = 12;
/** Members looked at, in multiples of the pool, by the swaps in small pools and large ones. */
const SMALL_PASSES = 60;
const LARGE_PASSES = 3;
/**
 * Swap evaluations the small-pool search may spend in all (a member looked at costs n): about
 * a hundred kicks at 80 members, none at 600.
 */
const KICK_BUDGET = 400_000;
/** Members kicked into other groups at once before searching again. */
const KICKS = 3;
/** Partners from the candidate graph whose groups a member tries to swap into, in large pools. */
const SWAP_PARTNERS = 6;

interface Placement {
  groups: number[][];
  unplaced: number[];
}

/**
 * The sizes of the groups of a round of `n` members at size `k`, larger ones first: groups of k,
 * and one more in as many groups as the remainder needs. When there are too few groups to take
 * the remainder (7 members at size 4), one more group is made and the sizes differ by at most
 * one (4 and 3); a group of one never appears.
 */
export function groupSizes(n: number, k: number): number[] {
  if (n < 2) return [];
  const groups = Math.floor(n / k);
  const rest = n - groups * k;
  if (rest <= groups) return Array.from({ length: groups }, (_, i) => (i < rest ? k + 1 : k));
  const count = groups + 1;
  const base = Math.floor(n / count);
  const extra = n - base * count;
  return Array.from({ length: count }, (_, i) => (i < extra ? base + 1 : base));
}

/**
 * Pair weights, from a kept matrix for small pools or asked of the pool each time; with a gap
 * cover, without the gap part (it is counted per member served instead).
 */
function weigher(pool: Pool, cover: GapCover | undefined): (i: number, j: number) => number {
  const n = pool.size;
  const pair = cover
    ? (i: number, j: number) => pool.weight(i, j) - pairGap(cover, i, j)
    : pool.weight.bind(pool);
  if (n > MATRIX_LIMIT) return pair;
  const matrix = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const w = pair(i, j);
      matrix[i * n + j] = w;
      matrix[j * n + i] = w;
    }
  return (i, j) => matrix[i * n + j] as number;
}

/** One round in groups of `size` (3..6); pairs go through place.ts. */
export function placeGroups(pool: Pool, size: number): Placement {
  const n = pool.size;
  const sizes = groupSizes(n, size);
  if (sizes.length === 0) return { groups: [], unplaced: Array.from({ length: n }, (_, i) => i) };
  if (n <= MATRIX_LIMIT) pool.countStrangers();
  const cover = gapCover(pool, MATRIX_LIMIT);
  const weight = weigher(pool, cover);
  const large = Math.max(...sizes);
  const hasLarger = large > Math.min(...sizes) && large > size;

  // Who takes the places in the larger groups: fewest larger groups so far, the seed between equals.
  const order = Array.from({ length: n }, (_, i) => ({ i, trios: pool.trios(i), tie: pool.random() }))
    .sort((a, b) => a.trios - b.trios || a.tie - b.tie)
    .map((entry) => entry.i);
  const largeSeats = hasLarger ? sizes.filter((s) => s === large).length * large : 0;
  const inLarge = new Uint8Array(n);
  for (const i of order.slice(0, largeSeats)) inLarge[i] = 1;

  const everyone = Array.from({ length: n }, (_, i) => i);
  const graph = n > MATRIX_LIMIT ? candidateGraph(pool, everyone) : undefined;
  const groups = seedGroups(pool, sizes, hasLarger ? large : -1, inLarge, weight, graph, cover);
  const unplaced = repairLeftovers(pool, groups.groups, groups.left, sizes, weight);
  improve(pool, groups.groups, hasLarger ? large : -1, weight, graph, cover);
  return { groups: groups.groups.filter((g) => g.length > 0), unplaced };
}

/**
 * Greedy seeding: each group starts from the next member in a seeded order (who waited last round
 * first, then most blocks first, so the hardest to place find room), and each open place takes the best allowed member of a small
 * sample: the candidate-graph partners of the group and the next members in order.
 */
function seedGroups(
  pool: Pool,
  sizes: readonly number[],
  largeSize: number,
  inLarge: Uint8Array,
  weight: (i: number, j: number) => number,
  graph: CandidateGraph | undefined,
  cover: GapCover | undefined,
): { groups: number[][]; left: number[] } {
  const n = pool.size;
  const taken = new Uint8Array(n);
  const byClass = [0, 1].map((c) =>
    shuffle(
      Array.from({ length: n }, (_, i) => i).filter((i) => inLarge[i] === c),
      pool.random,
    ).sort(
      (a, b) => Number(pool.waited(b)) - Number(pool.waited(a)) || pool.blockCount(b) - pool.blockCount(a),
    ),
  );
  const cursor = [0, 0];
  const nextFree = (c: number): number => {
    const list = byClass[c] as number[];
    while ((cursor[c] as number) < list.length && taken[list[cursor[c] as number] as number])
      cursor[c] = (cursor[c] as number) + 1;
    return (cursor[c] as number) < list.length ? (list[cursor[c] as number] as number) : -1;
  };
  const groups: number[][] = [];
  for (const target of sizes) {
    const c = target === largeSize ? 1 : 0;
    const first = nextFree(c);
    if (first === -1) {
      groups.push([]);
      continue;
    }
    taken[first] = 1;
    const group = [first];
    while (group.length < target) {
      const sample = new Set<number>();
      if (graph)
        for (const m of group) for (const p of graph.partners[m] as Int32Array) if (!taken[p]) sample.add(p);
      const list = byClass[c] as number[];
      for (let k = cursor[c] as number, seen = 0; k < list.length && seen < SEED_SAMPLE; k++) {
        const p = list[k] as number;
        if (taken[p]) continue;
        sample.add(p);
        seen++;
      }
      let best = -1;
      let bestWeight = Number.NEGATIVE_INFINITY;
      // Gaps mode: members of the group whose need nobody in it meets yet.
      const open = cover
        ? group.filter((m) => cover.coverable(m) && !group.some((o) => o !== m && cover.meets(m, o)))
        : [];
      const consider = (p: number) => {
        if (inLarge[p] !== c || taken[p]) return;
        let total = 0;
        for (const m of group) total += weight(p, m);
        if (cover) total += MEMBER_GAP * servedBy(cover, group, open, p);
        if (total > bestWeight) {
          best = p;
          bestWeight = total;
        }
      };
      for (const p of sample) consider(p);
      if (best === -1) for (const p of list) consider(p); // blocks ruled out the sample: look at everyone
      if (best === -1) break;
      taken[best] = 1;
      group.push(best);
    }
    groups.push(group);
  }
  const left = Array.from({ length: n }, (_, i) => i).filter((i) => !taken[i]);
  return { groups, left };
}

/** Members newly served when p joins a group: p by anyone in it, and the `open` ones by p. */
function servedBy(cover: GapCover, group: readonly number[], open: readonly number[], p: number): number {
  let served = group.some((m) => cover.meets(p, m)) ? 1 : 0;
  for (const m of open) if (cover.meets(m, p)) served++;
  return served;
}

const fits = (pool: Pool, u: number, group: readonly number[], except = -1) =>
  group.every((m) => m === except || !pool.blocked(u, m));

/**
 * Members seeding left out (blocks): each takes an open place where they may, or a place freed by
 * moving someone else into an open place; then no group of one stays. Whoever is still left is
 * unplaced.
 */
function repairLeftovers(
  pool: Pool,
  groups: number[][],
  left: readonly number[],
  sizes: readonly number[],
  weight: (i: number, j: number) => number,
): number[] {
  const unplaced: number[] = [];
  const open = () => groups.flatMap((g, k) => (g.length < (sizes[k] as number) ? [k] : []));
  // Whoever waited last round takes an open place first.
  const inLine = [...left].sort((a, b) => Number(pool.waited(b)) - Number(pool.waited(a)));
  for (const u of inLine) {
    const direct = open().find((k) => fits(pool, u, groups[k] as number[]));
    if (direct !== undefined) {
      (groups[direct] as number[]).push(u);
      continue;
    }
    let moved = false;
    for (const [a, group] of groups.entries()) {
      if (moved) break;
      for (const y of group) {
        if (!fits(pool, u, group, y)) continue;
        const target = open().find((k) => k !== a && fits(pool, y, groups[k] as number[]));
        if (target === undefined) continue;
        (groups[target] as number[]).push(y);
        group[group.indexOf(y)] = u;
        moved = true;
        break;
      }
    }
    if (!moved) unplaced.push(u);
  }
  // A group of one joins the group that wants them most, or is told no place was found.
  for (const group of groups) {
    if (group.length !== 1) continue;
    const u = group[0] as number;
    let best = -1;
    let bestWeight = Number.NEGATIVE_INFINITY;
    for (const [k, other] of groups.entries()) {
      if (other.length < 2 || !fits(pool, u, other)) continue;
      const total = other.reduce((sum, m) => sum + weight(u, m), 0) / other.length;
      if (total > bestWeight) {
        best = k;
        bestWeight = total;
      }
    }
    group.length = 0;
    if (best === -1) unplaced.push(u);
    else (groups[best] as number[]).push(u);
  }
  return unplaced;
}

/**
 * Local search: member x of group A and y of group B change places when that raises the sum of
 * pair weights inside groups and breaks no block. Small pools try every pair of members, then
 * kick a few unsettled members into other groups and search again, keeping the best groups found
 * (iterated local search, within a budget of swap evaluations). Large pools try the groups of x's
 * best candidate partners, and skip members whose group is already as good as it gets. With a
 * gap cover the sum also holds MEMBER_GAP per member whose need is met in their group.
 */
function improve(
  pool: Pool,
  groups: number[][],
  largeSize: number,
  weight: (i: number, j: number) => number,
  graph: CandidateGraph | undefined,
  cover: GapCover | undefined,
) {
  const n = pool.size;
  const groupOf = new Int32Array(n).fill(-1);
  for (const [k, group] of groups.entries()) for (const m of group) groupOf[m] = k;
  /** attach[x]: the sum of x's pair weights inside x's group. */
  const attach = new Float64Array(n);
  /** served[x]: the members of x's group who meet x's need (gaps mode). */
  const served = new Int32Array(n);
  const recompute = (k: number) => {
    const group = groups[k] as number[];
    for (const x of group) {
      let total = 0;
      for (const m of group) if (m !== x) total += weight(x, m);
      attach[x] = total;
      if (cover) served[x] = group.reduce((count, m) => count + (m !== x && cover.meets(x, m) ? 1 : 0), 0);
    }
  };
  for (let k = 0; k < groups.length; k++) recompute(k);
  const settled = (x: number) =>
    (attach[x] as number) >= ((groups[groupOf[x] as number] as number[]).length - 1) * SETTLED_PAIR &&
    (!cover || served[x] !== 0 || !cover.coverable(x));
  /**
   * Gaps mode: the change in members served when `out` leaves group g and `into` takes their
   * place (each member once, however many in the group meet their need).
   */
  const servedChange = (g: number, out: number, into: number): number => {
    if (!cover) return 0;
    let change = served[out] !== 0 ? -1 : 0;
    let intoServed = false;
    for (const m of groups[g] as number[]) {
      if (m === out) continue;
      if (!intoServed && cover.meets(into, m)) intoServed = true;
      const before = served[m] as number;
      const after = before - (cover.meets(m, out) ? 1 : 0) + (cover.meets(m, into) ? 1 : 0);
      change += (after !== 0 ? 1 : 0) - (before !== 0 ? 1 : 0);
    }
    return intoServed ? change + 1 : change;
  };
  const mayTrade = (x: number, y: number, a: number, b: number) =>
    largeSize === -1 ||
    ((groups[a] as number[]).length === largeSize) === ((groups[b] as number[]).length === largeSize) ||
    pool.trios(x) === pool.trios(y);

  let evaluations = 0;
  /** The gain of swapping x (in a) and y (in b); -Infinity when it would break a block. */
  const gain = (x: number, y: number, a: number, b: number): number => {
    evaluations++;
    let into = 0;
    for (const m of groups[a] as number[]) {
      if (m === x) continue;
      const w = weight(y, m);
      if (w === Number.NEGATIVE_INFINITY) return w;
      into += w;
    }
    for (const m of groups[b] as number[]) {
      if (m === y) continue;
      const w = weight(x, m);
      if (w === Number.NEGATIVE_INFINITY) return w;
      into += w;
    }
    const pairs = into - (attach[x] as number) - (attach[y] as number);
    return cover ? pairs + MEMBER_GAP * (servedChange(a, x, y) + servedChange(b, y, x)) : pairs;
  };
  const swap = (x: number, y: number, a: number, b: number) => {
    const ga = groups[a] as number[];
    const gb = groups[b] as number[];
    ga[ga.indexOf(x)] = y;
    gb[gb.indexOf(y)] = x;
    groupOf[x] = b;
    groupOf[y] = a;
    recompute(a);
    recompute(b);
  };

  const placed = Array.from({ length: n }, (_, i) => i).filter((i) => groupOf[i] !== -1);
  const queued = new Uint8Array(n);
  /**
   * Best-improvement swaps, member by member from a work list: whoever's group changed is looked
   * at again, until no swap helps or `visits` members were looked at.
   */
  const descend = (start: readonly number[], visits: number) => {
    const queue = [...start];
    for (const x of queue) queued[x] = 1;
    let head = 0;
    for (; head < queue.length && head < visits; head++) {
      const x = queue[head] as number;
      queued[x] = 0;
      if (graph && settled(x)) continue;
      const a = groupOf[x] as number;
      let bestY = -1;
      let bestGain = 0;
      const tryY = (y: number) => {
        const b = groupOf[y] as number;
        if (b === -1 || b === a || !mayTrade(x, y, a, b)) return;
        const g = gain(x, y, a, b);
        if (g > bestGain) {
          bestGain = g;
          bestY = y;
        }
      };
      if (graph) {
        const partners = graph.partners[x] as Int32Array;
        for (let k = 0; k < Math.min(SWAP_PARTNERS, partners.length); k++) {
          const b = groupOf[partners[k] as number] as number;
          if (b !== -1 && b !== a) for (const y of groups[b] as number[]) tryY(y);
        }
      } else {
        for (const y of placed) tryY(y);
      }
      if (bestY === -1) continue;
      const b = groupOf[bestY] as number;
      swap(x, bestY, a, b);
      for (const m of [...(groups[a] as number[]), ...(groups[b] as number[])])
        if (!queued[m]) {
          queued[m] = 1;
          queue.push(m);
        }
    }
    for (; head < queue.length; head++) queued[queue[head] as number] = 0;
  };

  const visit = shuffle([...placed], pool.random);
  if (graph) {
    descend(visit, LARGE_PASSES * visit.length);
    return;
  }
  descend(visit, SMALL_PASSES * visit.length);
  if (groups.length < 2) return;
  // attach counts each pair twice, so a member served counts twice too.
  const total = () =>
    placed.reduce(
      (sum, x) => sum + (attach[x] as number) + (cover && served[x] !== 0 ? 2 * MEMBER_GAP : 0),
      0,
    );
  let best = total();
  let bestGroups = groups.map((g) => [...g]);
  while (evaluations < KICK_BUDGET) {
    const unsettled = placed.filter((x) => !settled(x));
    if (unsettled.length === 0) break; // every pair is as good as it gets
    const touched: number[] = [];
    for (let kick = 0; kick < KICKS; kick++) {
      evaluations++; // a kick that finds no partner still counts, so the loop always ends
      const x = unsettled[Math.floor(pool.random() * unsettled.length)] as number;
      const y = placed[Math.floor(pool.random() * placed.length)] as number;
      const a = groupOf[x] as number;
      const b = groupOf[y] as number;
      if (a === b || !mayTrade(x, y, a, b) || gain(x, y, a, b) === Number.NEGATIVE_INFINITY) continue;
      swap(x, y, a, b);
      touched.push(...(groups[a] as number[]), ...(groups[b] as number[]));
    }
    descend(touched, SMALL_PASSES * visit.length);
    const now = total();
    if (now > best) {
      best = now;
      bestGroups = groups.map((g) => [...g]);
    } else {
      // Back to the best groups found.
      for (const [k, g] of bestGroups.entries()) {
        groups[k] = [...g];
        for (const m of g) groupOf[m] = k;
      }
      for (let k = 0; k < groups.length; k++) recompute(k);
    }
  }
}
