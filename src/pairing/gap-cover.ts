/**
 * `gaps` mode in groups of 3..6: what a member cares about is whether someone in their group
 * offers what they look for, not how many do. Summed pair by pair (weights.ts gives GAP_SIDE per
 * side of each pair), a group where three members are served by two offerers weighs far more
 * than two groups with one served each, so the search piles matched pairs together and leaves
 * other groups without any. Here the gap is taken out of the pair weight and counted per member
 * instead: GAP_SIDE once for each member whose need someone in their group meets (diminishing
 * returns: a second offerer of the same need adds nothing). In a pair both counts agree.
 */
import type { Pool } from './pool.js';
import { GAP_SIDE } from './weights.js';

/** What a member whose need is met inside their group adds to the group's weight. */
export const MEMBER_GAP = GAP_SIDE;

export interface GapCover {
  /** Whether j offers one of i's needs. */
  meets(i: number, j: number): boolean;
  /** Whether anyone in the pool offers one of i's needs (else i's need cannot count). */
  coverable(i: number): boolean;
}

/**
 * The needs and offers of a `gaps` round, or undefined when they cannot count (`new` mode, or
 * nobody both looks for and offers something): then groups weigh pairs alone, as before.
 * Up to `matrixLimit` members every answer is computed once and kept (n² bytes).
 */
export function gapCover(pool: Pool, matrixLimit: number): GapCover | undefined {
  if (!pool.gaps) return undefined;
  const n = pool.size;
  const needs = pool.members.some((m) => (m.needs?.length ?? 0) > 0);
  const offers = pool.members.some((m) => (m.offers?.length ?? 0) > 0);
  if (!needs || !offers) return undefined;
  const hasNeed = Uint8Array.from(pool.members, (m) => ((m.needs?.length ?? 0) > 0 ? 1 : 0));
  const meets = (i: number, j: number) => hasNeed[i] === 1 && pool.meets(i, j);
  if (n > matrixLimit) return { meets, coverable: (i) => hasNeed[i] === 1 };
  const matrix = new Uint8Array(n * n);
  const coverable = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (!hasNeed[i]) continue;
    for (let j = 0; j < n; j++)
      if (j !== i && meets(i, j)) {
        matrix[i * n + j] = 1;
        coverable[i] = 1;
      }
  }
  return { meets: (i, j) => matrix[i * n + j] === 1, coverable: (i) => coverable[i] === 1 };
}

/** The gap part of a pair's weight in `gaps` mode: GAP_SIDE per side whose need the other meets. */
export const pairGap = (cover: GapCover, i: number, j: number): number =>
  ((cover.meets(i, j) ? 1 : 0) + (cover.meets(j, i) ? 1 : 0)) * GAP_SIDE;
