/**
 * One round's members as numbers 0..n-1, with the questions every matcher asks about a pair:
 * may they meet (blocks), and how much do we want them to (weight plus a seeded tie-break).
 * Members are sorted by id first, so the order the caller lists them in does not change the result.
 */
import type { Candidate, MatchInput } from './match.js';
import { pairKey } from './pair-key.js';
import { hash3, mulberry32, type Random } from './random.js';
import { meetsById, type TagIds, tagIds } from './tag-ids.js';
import { allowedPairWeight, GAP_SIDE, NEVER_MET, needMet } from './weights.js';

/**
 * Spread among pairs that the weights rate the same (a round of strangers), so the choice among
 * them is random per seed rather than always the same neighbours in id order.
 *
 * The three nudges below (tie-break, rotation, scarcity) add up to at most 4,000: below every
 * history and group step of weights.ts (10,000 and more), worth at most ~100 minutes of
 * working-hours overlap.
 */
const TIE_BREAK = 1000;

/**
 * Bonus for the pair that a round-robin schedule (the circle method) would seat together this
 * round. Among equally good strangers, following one fixed schedule lets a community that is
 * present every round meet everyone once before anyone meets twice; picking freely can strand a
 * few members in the last rounds of a cycle with only people they already met (20 seeds of 30
 * members over 29 rounds: 0 repeats with it, up to 4 per run without).
 */
const ROTATION = TIE_BREAK;

/**
 * Bonus for a first meeting of members with few strangers left among today's members (times
 * 1/(1 + strangers) of each). It only matters in rounds where not everyone can meet a stranger
 * (in a full pairing every member gets it once): then the strangers go to those who have fewest.
 * Measured over 20 seeds of 40 members, 40 rounds, 20% absent: 47 repeats without, 41 at 2000
 * (8000: 47, 19000: 55, where it starts to fight the round-robin). Below the group bonus.
 */
const SCARCITY = 2000;

/**
 * Bonus for every pair holding a member left without a group last round, at size 2. In an even
 * pool every member is paired, so it changes nothing; when blocks leave someone over, it is worth
 * more than any first meeting, so whoever waited last time is placed first. Groups of 3..6 seat
 * who waited first instead (groups.ts): a bonus there would pull them into the larger groups.
 */
const FIRST_IN_LINE = NEVER_MET;

/** FNV-1a of an id: a member's seat in the round-robin, stable whatever else changes. */
function idHash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export class Pool {
  readonly members: readonly Candidate[];
  readonly size: number;
  readonly random: Random;
  private readonly blockedWith: (Set<number> | undefined)[];
  private readonly input: MatchInput;
  /** scarcity[i]: 1 / (1 + strangers i may still meet today); all 0 until countStrangers runs. */
  private scarcity: Float64Array;
  /** Seat of each member in the round-robin; with an even count the last seat stays put. */
  private readonly seat: Int32Array;
  /** Seats that turn (odd): seat pairs (i, j) sum to this round's target modulo it. */
  private readonly turning: number;
  /** In `gaps` mode, needs and offers as numbers (undefined: compared as tags). */
  private readonly tags: TagIds | undefined;

  constructor(input: MatchInput) {
    this.input = input;
    const unique = new Map<string, Candidate>();
    for (const member of input.members) if (!unique.has(member.id)) unique.set(member.id, member);
    this.members = [...unique.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.size = this.members.length;
    this.random = mulberry32(input.seed);
    this.seat = new Int32Array(this.size);
    const seated = this.members
      .map((member, i) => ({ i, hash: idHash(member.id) }))
      .sort((a, b) => a.hash - b.hash || a.i - b.i);
    for (const [seat, { i }] of seated.entries()) this.seat[i] = seat;
    this.turning = this.size % 2 === 0 ? this.size - 1 : this.size;
    this.scarcity = new Float64Array(this.size);
    this.tags = input.mode === 'gaps' ? tagIds(this.members) : undefined;
    const index = new Map(this.members.map((m, i) => [m.id, i]));
    this.blockedWith = new Array(this.size).fill(undefined);
    for (const [i, member] of this.members.entries()) {
      for (const id of member.blocks) {
        const j = index.get(id);
        if (j === undefined || j === i) continue; // someone absent today: nothing to avoid
        this.addBlock(i, j);
        this.addBlock(j, i);
      }
    }
  }

  private addBlock(i: number, j: number): void {
    const set = this.blockedWith[i] ?? new Set<number>();
    set.add(j);
    this.blockedWith[i] = set;
  }

  id(i: number): string {
    return (this.members[i] as Candidate).id;
  }

  /** Whether i was left without a group last round (first in line now). */
  waited(i: number): boolean {
    return (this.members[i] as Candidate).waited === true;
  }

  trios(i: number): number {
    return (this.members[i] as Candidate).trios;
  }

  /** Either member blocked the other: a hard rule, never broken. */
  blocked(i: number, j: number): boolean {
    return this.blockedWith[i]?.has(j) ?? false;
  }

  /** How many of today's members i may not meet (for the repair of stuck placements). */
  blockCount(i: number): number {
    return this.blockedWith[i]?.size ?? 0;
  }

  /**
   * Counts, for each member, the present members they may meet and never met (O(n²): for the
   * exact path only). From then on first meetings of members with few strangers left weigh a
   * little more, so late in a cycle nobody is left with only people they already met.
   */
  countStrangers(): void {
    const strangers = new Int32Array(this.size);
    for (let i = 0; i < this.size; i++) {
      for (let j = i + 1; j < this.size; j++) {
        if (this.blocked(i, j) || this.met(i, j)) continue;
        strangers[i] = (strangers[i] as number) + 1;
        strangers[j] = (strangers[j] as number) + 1;
      }
    }
    this.scarcity = Float64Array.from(strangers, (count) => 1 / (1 + count));
  }

  /** Whether this round is made in `gaps` mode (a need met by an offer weighs more). */
  get gaps(): boolean {
    return this.input.mode === 'gaps';
  }

  /** Whether one of i's needs is among j's offers (whatever the mode). */
  meets(i: number, j: number): boolean {
    if (this.tags) return meetsById(this.tags, i, j);
    return needMet(this.members[i] as Candidate, this.members[j] as Candidate);
  }

  /** Whether i and j met in an earlier round. */
  met(i: number, j: number): boolean {
    return this.input.lastMet.has(pairKey(this.id(i), this.id(j)));
  }

  /** Whether the circle method seats i and j together in this round. */
  private scheduled(i: number, j: number): boolean {
    const m = this.turning;
    if (m < 1) return false;
    const target = (2 * (this.input.round % m)) % m;
    const si = this.seat[i] as number;
    const sj = this.seat[j] as number;
    if (si === m) return (2 * sj) % m === target; // i holds the fixed seat
    if (sj === m) return (2 * si) % m === target;
    return (si + sj) % m === target;
  }

  /** The weight of a pair that may meet, plus the tie-breaks; -Infinity when blocked. */
  weight(i: number, j: number): number {
    if (i === j || this.blocked(i, j)) return Number.NEGATIVE_INFINITY;
    const a = this.members[i] as Candidate;
    const b = this.members[j] as Candidate;
    const low = Math.min(i, j);
    const high = Math.max(i, j);
    const lastMet = this.input.lastMet.get(pairKey(a.id, b.id));
    const scarce =
      lastMet === undefined
        ? Math.round(SCARCITY * ((this.scarcity[i] as number) + (this.scarcity[j] as number)))
        : 0;
    return (
      allowedPairWeight(
        a,
        b,
        lastMet,
        this.input.round,
        this.input.mode === 'gaps',
        this.input.size ?? 2,
        this.tags ? ((this.meets(i, j) ? 1 : 0) + (this.meets(j, i) ? 1 : 0)) * GAP_SIDE : undefined,
      ) +
      (hash3(low, high, this.input.seed) % TIE_BREAK) +
      (this.scheduled(i, j) ? ROTATION : 0) +
      scarce +
      ((this.input.size ?? 2) <= 2 && (a.waited || b.waited) ? FIRST_IN_LINE : 0)
    );
  }
}
