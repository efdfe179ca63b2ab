/**
 * Virtual-coffee matching: splits one round's present members into pairs (one trio when the count
 * is odd), never placing two members together when either blocked the other, and otherwise
 * maximising the total pair weight (see weights.ts). Pure: no I/O, no clock, no Math.random; the
 * same input and seed always give the same groups.
 *
 * Snoozed members and members who left are the caller's to remove before calling pairRound.
 */
import { place } from './place.js';
import { Pool } from './pool.js';

export { pairKey } from './pair-key.js';
export { pairWeight } from './weights.js';

export interface Candidate {
  id: string;
  /** Value of the community's "across groups" attribute. */
  group?: string;
  /** Working hours as UTC minutes of day [start, end); start > end wraps past midnight. */
  hours?: readonly [number, number];
  /** Trios this member has been in so far. */
  trios: number;
  /** Ids this member never wants to meet (applies both directions). */
  blocks: readonly string[];
}

export interface MatchInput {
  /** Present members only (an id listed twice counts once). */
  members: readonly Candidate[];
  /** pairKey(a, b) → the round number they last met in. */
  lastMet: ReadonlyMap<string, number>;
  /** This round's number (1-based). */
  round: number;
  seed: number;
}

export interface MatchResult {
  /** Pairs, and at most one trio (only when an odd number of members is placed); ids sorted in each. */
  groups: string[][];
  /** Members blocks left no place for (empty whenever a full placement exists); the caller tells them. */
  unplaced: string[];
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** One round of virtual coffees. */
export function pairRound(input: MatchInput): MatchResult {
  const pool = new Pool(input);
  const placement = place(pool);
  const groups = placement.groups
    .map((group) => group.map((i) => pool.id(i)).sort(byId))
    .sort((a, b) => byId(a[0] as string, b[0] as string));
  const unplaced = placement.unplaced.map((i) => pool.id(i)).sort(byId);
  return { groups, unplaced };
}
