/**
 * Virtual-coffee matching: splits one round's present members into pairs (one trio when the count
 * is odd), never placing two members together when either blocked the other, and otherwise
 * maximising the total pair weight (see weights.ts). Pure: no I/O, no clock, no Math.random; the
 * same input and seed always give the same groups.
 *
 * Snoozed members and members who left are the caller's to remove before calling pairRound.
 */
import { placeGroups } from './groups.js';
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
  /** Larger groups (one above the round's size: trios at size 2) this member has been in so far. */
  trios: number;
  /** Ids this member never wants to meet (applies both directions). */
  blocks: readonly string[];
  /** Left without a group last round: first in line this round. */
  waited?: boolean;
  /** What this member looks for, as short tags (used in `gaps` mode). */
  needs?: readonly string[];
  /** What this member can offer, as short tags (used in `gaps` mode). */
  offers?: readonly string[];
}

/** `new`: first meetings and across groups (the default); `gaps`: also needs met by offers. */
export const PAIRING_MODES = ['new', 'gaps'] as const;
export type PairingMode = (typeof PAIRING_MODES)[number];

export interface MatchInput {
  /** Present members only (an id listed twice counts once). */
  members: readonly Candidate[];
  /** pairKey(a, b) → the round number they last met in. */
  lastMet: ReadonlyMap<string, number>;
  /** This round's number (1-based). */
  round: number;
  seed: number;
  /** People per group, 2..6 (default 2: pairs and one trio when odd). See groups.ts for 3..6. */
  size?: number;
  /** Default `new`. In `gaps`, a pair where one's need meets the other's offer weighs more. */
  mode?: PairingMode;
}

export interface MatchResult {
  /**
   * Groups, ids sorted in each. At size 2: pairs, and at most one trio (only when an odd number
   * is placed); at size k: groups of k, some of k + 1 when the count does not divide.
   */
  groups: string[][];
  /** Members blocks left no place for (empty whenever a full placement exists); the caller tells them. */
  unplaced: string[];
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** One round of virtual coffees. */
export function pairRound(input: MatchInput): MatchResult {
  const pool = new Pool(input);
  const size = input.size ?? 2;
  const placement = size <= 2 ? place(pool) : placeGroups(pool, size);
  const groups = placement.groups
    .map((group) => group.map((i) => pool.id(i)).sort(byId))
    .sort((a, b) => byId(a[0] as string, b[0] as string));
  const unplaced = placement.unplaced.map((i) => pool.id(i)).sort(byId);
  return { groups, unplaced };
}
