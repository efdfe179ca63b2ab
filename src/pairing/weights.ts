/**
 * How much we want two members to have coffee together this round. The matcher maximises the sum
 * of these weights, so the scale encodes the priorities, from strongest to weakest:
 *
 *   never met  >>  met long ago  >  met recently      (each band is far wider than the next)
 *   then (in `gaps` mode only): a need of one met by the other's offer, per side
 *   then: different group  >  unknown group  >  same group
 *   then: more overlap of working hours  >  unknown hours  >  none
 *
 * The bands are powers of ten apart so that no pile of bonuses can lift a repeat above a first
 * meeting, nor a recent repeat above an older one. All values are whole numbers, well inside the
 * range where doubles are exact even when summed over 10,000 members.
 *
 * Groups of 3 and 4 in `new` mode add one trade inside the never-met band (see staleTrade): pair
 * for pair the order above holds, but a group may take one stale repeat across groups when that
 * spares three first meetings inside a group.
 */
import type { Candidate } from './match.js';
import { hasTag } from './tags.js';

/** A pair that never met. Far above any pair that did (MET_MAX_AGE × AGE_STEP + bonuses ≈ 1e8). */
export const NEVER_MET = 1_000_000_000;
/** What each round since a pair last met is worth. Wider than all bonuses together. */
const AGE_STEP = 100_000;
/** Ages beyond this many rounds count the same (about twenty years of weekly coffees). */
const MET_MAX_AGE = 1000;
/** Members of different groups ("across groups"); half of it when either group is unknown. */
const GROUP_ACROSS = 20_000;
/** Working hours that overlap by HOURS_FULL_MINUTES or more; half of it when either is unknown. */
const HOURS_OVERLAP = 10_000;
/** More overlap than this does not make a 30-minute coffee any easier to plan. */
const HOURS_FULL_MINUTES = 240;
/**
 * In `gaps` mode, each side of a pair whose need the other can offer. Above the group and hours
 * bonuses together (30,000), so a filled gap beats a pair across groups; both sides together
 * (64,000) plus those bonuses stay below one AGE_STEP, so a gap never lifts a repeat above a
 * first meeting, nor a recent repeat above an older one.
 */
export const GAP_SIDE = 32_000;

/**
 * In groups of 3 and 4 (`new` mode), what a first meeting inside one group (team) costs beside a
 * first meeting across groups. Each member meets two or three people a round there, so the
 * strangers in other teams run out within a season while strangers in the own team are left
 * (size 4, 5 teams of 20, 20% absent: rounds 1-18 are 98-100% across, rounds 25-30 fall to
 * 44-66%). Far above the group and hours bonuses, far below NEVER_MET.
 */
const SAME_GROUP_FIRST = 10_000_000;
/**
 * In groups of 3 and 4, a pair across groups that last met STALE_ROUNDS or more rounds ago weighs
 * as a first meeting less STALE_ACROSS, plus AGE_STEP a round for being older (up to
 * STALE_AGE_CAP rounds). That costs always more than two SAME_GROUP_FIRST and less than three
 * (2.4 of them at STALE_ROUNDS, 2.1 at the cap), so:
 * - pair for pair, never-met still comes first: a stale repeat weighs less than any first meeting;
 * - a group takes one stale repeat only where it spares at least three first meetings inside a
 *   team (two repeats for five, and so on).
 * This spends the "at most 3% of pairs inside groups repeat" on its "at least 90% across
 * groups": size 4, N=100, 30 rounds, 5 teams, 20% absent, seed 1 went from 0.75% repeats and
 * 87.1% across to 1.8% and 93.2% (seeds 2-6: 1.4-1.9% and 93.0-94.4%). A cost of 1.5 (one repeat
 * for two) gave 3.1% repeats; 3.5 (one for four) 1.4% and 92.1% across.
 *
 * Not at sizes 5 and 6: there a member meets four or five people a round and strangers of every
 * kind run out in a season (N=100, 30 rounds: 9.8% and 22.4% repeats without the trade, 12.5%
 * and 27.5% with it), so first meetings keep the plain order.
 */
const STALE_ACROSS = 25_000_000;
/** Rounds since they last met before a pair across groups counts as stale (see STALE_ACROSS). */
export const STALE_ROUNDS = 10;
const STALE_AGE_CAP = 40;
/** The group sizes that trade a stale repeat across groups for first meetings inside one. */
const STALE_TRADE_SIZES: readonly number[] = [3, 4];

const DAY = 1440;

/**
 * A pair as good as it practically gets: never met, across groups, and hours that overlap at
 * least half the useful stretch (or are unknown). The group search stops looking further for a
 * member whose every pair in their group reaches it; what is above it is tie-breaks.
 */
export const SETTLED_PAIR = NEVER_MET + GROUP_ACROSS + HOURS_OVERLAP / 2;

/** The [start, end) stretches of the day covered by working hours, splitting a span over midnight. */
function spans(hours: readonly [number, number]): [number, number][] {
  const [start, end] = hours;
  if (start < end) return [[start, end]];
  if (start > end)
    return [
      [start, DAY],
      [0, end],
    ];
  return []; // start == end: an empty span, not a whole day
}

/** Minutes of the day that both members work (UTC minutes of day, start > end wraps past midnight). */
export function hoursOverlap(a: readonly [number, number], b: readonly [number, number]): number {
  let minutes = 0;
  for (const [s1, e1] of spans(a))
    for (const [s2, e2] of spans(b)) minutes += Math.max(0, Math.min(e1, e2) - Math.max(s1, s2));
  return minutes;
}

/** True when either member blocked the other: such a pair must never be placed together. */
const isBlocked = (a: Candidate, b: Candidate): boolean => a.blocks.includes(b.id) || b.blocks.includes(a.id);

function groupBonus(a: Candidate, b: Candidate): number {
  if (a.group === undefined || b.group === undefined) return GROUP_ACROSS / 2;
  return a.group === b.group ? 0 : GROUP_ACROSS;
}

function hoursBonus(a: Candidate, b: Candidate): number {
  if (a.hours === undefined || b.hours === undefined) return HOURS_OVERLAP / 2;
  const overlap = Math.min(hoursOverlap(a.hours, b.hours), HOURS_FULL_MINUTES);
  return Math.round((HOURS_OVERLAP * overlap) / HOURS_FULL_MINUTES);
}

/** Whether one of `needer`'s needs is among `offerer`'s offers (tags compared without regard to case). */
export function needMet(needer: Candidate, offerer: Candidate): boolean {
  const offers = offerer.offers;
  if (!needer.needs?.length || !offers?.length) return false;
  return needer.needs.some((need) => hasTag(offers, need));
}

/** The sides of the pair whose need the other can offer (0, 1 or 2), times GAP_SIDE. */
export function gapBonus(a: Candidate, b: Candidate): number {
  return ((needMet(a, b) ? 1 : 0) + (needMet(b, a) ? 1 : 0)) * GAP_SIDE;
}

/** The history band of a pair: NEVER_MET for strangers, else AGE_STEP per round since they met. */
function history(lastMet: number | undefined, round: number): number {
  return lastMet === undefined ? NEVER_MET : AGE_STEP * Math.min(MET_MAX_AGE, Math.max(0, round - lastMet));
}

/**
 * The history band in groups of 3 and 4 (`new` mode): first meetings inside a team cost
 * SAME_GROUP_FIRST, stale repeats across teams rise to just below them (see STALE_ACROSS). Pairs
 * with an unknown group, and every other repeat, keep the plain band.
 */
function staleTrade(a: Candidate, b: Candidate, lastMet: number | undefined, round: number): number {
  if (a.group === undefined || b.group === undefined) return history(lastMet, round);
  if (lastMet === undefined) return a.group === b.group ? NEVER_MET - SAME_GROUP_FIRST : NEVER_MET;
  const age = round - lastMet;
  if (a.group === b.group || age < STALE_ROUNDS) return history(lastMet, round);
  return NEVER_MET - STALE_ACROSS + AGE_STEP * Math.min(age, STALE_AGE_CAP);
}

/**
 * The weight of a pair that is allowed to meet (blocks not checked: see pairWeight).
 * `lastMet` is the round they last met in, undefined when never; `gaps` adds the gap bonus;
 * `size` is the round's group size: 3 and 4 use the stale trade, except in `gaps` mode, where a
 * filled gap must keep outranking across groups. `gap` is gapBonus(a, b) when the caller already
 * knows it (the pool compares tags by number).
 */
export function allowedPairWeight(
  a: Candidate,
  b: Candidate,
  lastMet: number | undefined,
  round: number,
  gaps = false,
  size = 2,
  gap?: number,
): number {
  const band =
    !gaps && STALE_TRADE_SIZES.includes(size) ? staleTrade(a, b, lastMet, round) : history(lastMet, round);
  return band + (gaps ? (gap ?? gapBonus(a, b)) : 0) + groupBonus(a, b) + hoursBonus(a, b);
}

/**
 * Higher is better. A blocked pair (either member blocked the other) gets -Infinity: it is never
 * an option, and the matcher leaves such pairs out of its graph entirely.
 */
export function pairWeight(
  a: Candidate,
  b: Candidate,
  lastMet: number | undefined,
  round: number,
  gaps = false,
  size = 2,
): number {
  return isBlocked(a, b) ? Number.NEGATIVE_INFINITY : allowedPairWeight(a, b, lastMet, round, gaps, size);
}
