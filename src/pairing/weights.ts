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

/**
 * The weight of a pair that is allowed to meet (blocks not checked: see pairWeight).
 * `lastMet` is the round they last met in, undefined when never; `gaps` adds the gap bonus.
 */
export function allowedPairWeight(
  a: Candidate,
  b: Candidate,
  lastMet: number | undefined,
  round: number,
  gaps = false,
): number {
  const history =
    lastMet === undefined ? NEVER_MET : AGE_STEP * Math.min(MET_MAX_AGE, Math.max(0, round - lastMet));
  return history + (gaps ? gapBonus(a, b) : 0) + groupBonus(a, b) + hoursBonus(a, b);
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
): number {
  return isBlocked(a, b) ? Number.NEGATIVE_INFINITY : allowedPairWeight(a, b, lastMet, round, gaps);
}
