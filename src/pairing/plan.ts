import { createHash } from 'node:crypto';
import { localDate, zonedInstant } from '../core/time.js';
import {
  type Community,
  communityKey,
  defaultPrefs,
  type Group,
  type RosterEntry,
  RosterEntrySchema,
  type Round,
} from './community.js';
import { type Candidate, pairKey, pairRound } from './match.js';
import { checkinAt, nudgeAt } from './schedule.js';
import { needMet } from './weights.js';

/** Rounds whose groups are kept in full; older ones keep only their counts. */
const KEPT_ROUNDS = 26;
/** Intros ignored in a row before a member is asked to stay, pause or leave. */
const GHOST_LIMIT = 3;

export interface Plan {
  community: Community;
  round: Round;
  /** Members who ignored GHOST_LIMIT intros in a row: asked instead of paired. */
  ask: string[];
}

/** The same community and round always give the same seed; it is logged with the round. */
export const roundSeed = (community: Community, n: number) =>
  createHash('sha256')
    .update(`${communityKey(community.ref)}#${n}`)
    .digest()
    .readUInt32BE(0);

const minuteOfDay = (t: Date) => t.getUTCHours() * 60 + t.getUTCMinutes();

/** A local minute of a day (0-1440) as the UTC minute of that day. */
const utcMinute = (day: string, minute: number, zone: string) =>
  (minuteOfDay(zonedInstant(day, Math.floor(minute / 60) % 24, zone)) + (minute % 60)) % 1440;

/**
 * A member's working hours as UTC minutes of the round's day, or undefined when unknown. Hours
 * given without a known time zone are taken in the community's zone.
 */
export function utcHours(
  entry: RosterEntry,
  roundAt: Date,
  communityZone: string,
): [number, number] | undefined {
  const { hours } = entry.prefs;
  const timezone = entry.prefs.timezone ?? communityZone;
  if (!hours) return undefined;
  const day = localDate(roundAt, timezone);
  return [utcMinute(day, hours.start, timezone), utcMinute(day, hours.end, timezone)];
}

/** Who takes part in round n, and why the others do not. */
function isPresent(
  entry: RosterEntry,
  inPool: boolean,
  n: number,
  roundAt: Date,
  previousAt: string | undefined,
  timezone: string,
): boolean {
  const { prefs } = entry;
  if (!(prefs.joined ?? inPool) || entry.asked) return false;
  if (prefs.snoozeUntil && prefs.snoozeUntil > localDate(roundAt, timezone)) return false;
  if (prefs.skipFrom && (!previousAt || prefs.skipFrom > previousAt)) return false;
  if (prefs.every === 2 && entry.lastRound !== undefined && n - entry.lastRound < 2) return false;
  return true;
}

/**
 * Who the round at `roundAt` will count on as things stand: the members the heads-up goes to.
 * Members asked whether to stay are left out; they get that question instead.
 */
export function expectedIn(community: Community, roundAt: Date, pool?: readonly string[]): string[] {
  const n = (community.rounds.at(-1)?.n ?? 0) + 1;
  const poolSet = new Set(pool ?? []);
  const previousAt = community.rounds.findLast((r) => !r.dryRun)?.at;
  const users = new Set([...Object.keys(community.roster), ...poolSet]);
  return [...users].filter((user) => {
    const entry = community.roster[user] ?? RosterEntrySchema.parse({ prefs: defaultPrefs() });
    return isPresent(entry, poolSet.has(user), n, roundAt, previousAt, community.settings.timezone);
  });
}

/**
 * Why a member was left without a group: someone on their own "don't pair me with" list is among
 * today's members, or otherwise no group had room. Being blocked by others reads as the latter:
 * blocks are private and a member never learns someone blocked them.
 */
export function unplacedReason(round: Round, blocks: readonly string[]): 'blocks' | 'odd' {
  const present = new Set([...round.groups.flatMap((g) => g.users), ...round.unplaced]);
  return blocks.some((u) => present.has(u)) ? 'blocks' : 'odd';
}

/** Counts intros answered or not in the last round: three ignored in a row and the member is asked. */
function countGhosts(community: Community): { roster: Community['roster']; ask: string[] } {
  const last = community.rounds.findLast((r) => !r.dryRun);
  const roster = { ...community.roster };
  const ask: string[] = [];
  if (!last) return { roster, ask };
  for (const user of last.groups.flatMap((g) => (g.users.length > 1 ? g.users : []))) {
    const entry = roster[user];
    if (!entry) continue;
    const ghosts = last.outcomes[user] ? 0 : entry.ghosts + 1;
    const asked = entry.asked || ghosts >= GHOST_LIMIT;
    if (asked && !entry.asked) ask.push(user);
    roster[user] = { ...entry, ghosts, asked };
  }
  return { roster, ask };
}

/**
 * Makes round n: who is present, the groups (of the community's size; pairs and one trio when odd at size 2), the organiser of each, and
 * the updated counts. Pure; `pool` is the platform's list (channel members), when there is one.
 */
export function planRound(community: Community, now: Date, pool?: readonly string[]): Plan {
  const { settings } = community;
  const n = (community.rounds.at(-1)?.n ?? 0) + 1;
  const seed = roundSeed(community, n);
  const poolSet = new Set(pool ?? []);
  const { roster, ask } = countGhosts(community);
  for (const user of poolSet) roster[user] ??= RosterEntrySchema.parse({ prefs: defaultPrefs() });
  const previousAt = community.rounds.findLast((r) => !r.dryRun)?.at;

  const waited = new Set(community.rounds.findLast((r) => !r.dryRun)?.unplaced ?? []);
  const present: Candidate[] = [];
  const absent: string[] = [];
  for (const [user, entry] of Object.entries(roster)) {
    const inPool = poolSet.has(user);
    if (!(entry.prefs.joined ?? inPool)) continue;
    if (!isPresent(entry, inPool, n, now, previousAt, settings.timezone)) {
      absent.push(user);
      continue;
    }
    const hours = utcHours(entry, now, settings.timezone);
    present.push({
      id: user,
      group: entry.prefs.group?.toLowerCase(),
      trios: entry.trios,
      blocks: entry.prefs.blocks,
      ...(hours ? { hours } : {}),
      ...(waited.has(user) ? { waited: true } : {}),
      ...(settings.mode === 'gaps' ? { needs: entry.prefs.needs, offers: entry.prefs.offers } : {}),
    });
  }
  const lastMet = new Map(Object.entries(community.lastMet));
  const matched = pairRound({
    members: present,
    lastMet,
    round: n,
    seed,
    size: settings.size,
    mode: settings.mode,
  });

  const groupOf = new Map(present.map((c) => [c.id, c.group]));
  const candidate = new Map(present.map((c) => [c.id, c]));
  const gapFilled = (users: string[]) =>
    pairsIn(users).some(([a, b]) => {
      const [ca, cb] = [candidate.get(a), candidate.get(b)];
      return ca !== undefined && cb !== undefined && (needMet(ca, cb) || needMet(cb, ca));
    });
  let pairs = 0;
  let crossGroup = 0;
  let repeats = 0;
  const met = { ...community.lastMet };
  const groups: Group[] = matched.groups.map((users, i) => {
    for (const [a, b] of pairsIn(users)) {
      pairs += 1;
      const key = pairKey(a, b);
      if (met[key] !== undefined) repeats += 1;
      const [ga, gb] = [groupOf.get(a), groupOf.get(b)];
      if (ga === undefined || gb === undefined || ga !== gb) crossGroup += 1;
      met[key] = n;
    }
    return {
      users,
      organiser: organiserOf(users, roster, seed + i),
      nudged: false,
      ...(settings.mode === 'gaps' ? { needMet: gapFilled(users) } : {}),
    };
  });
  for (const { users, organiser } of groups)
    for (const user of users) {
      const entry = roster[user];
      if (!entry) continue;
      const trios = entry.trios + (users.length > settings.size ? 1 : 0);
      const organised = entry.organised + (user === organiser ? 1 : 0);
      roster[user] = { ...entry, lastRound: n, trios, organised };
    }

  const checkin = checkinAt(settings, now);
  const round: Round = {
    n,
    at: now.toISOString(),
    seed,
    groups,
    absent,
    unplaced: matched.unplaced,
    nudgeAt: nudgeAt(now, checkin).toISOString(),
    checkinAt: checkin.toISOString(),
    outcomes: {},
    participants: present.length - matched.unplaced.length,
    pairs,
    crossGroup,
    repeats,
  };
  const rounds = [...community.rounds, round].map((r, i, all) =>
    i < all.length - KEPT_ROUNDS ? { ...r, groups: [] } : r,
  );
  return { community: { ...community, roster, lastMet: met, rounds }, round, ask };
}

/** Who proposes the time: the member who organised least, the seed deciding between equals. */
function organiserOf(users: string[], roster: Community['roster'], turn: number): string {
  const start = turn % Math.max(1, users.length);
  const inTurn = [...users.slice(start), ...users.slice(0, start)];
  const count = (u: string) => roster[u]?.organised ?? 0;
  return inTurn.reduce((best, u) => (count(u) < count(best) ? u : best), inTurn[0] ?? '');
}

/** Every two members who share a group. */
export function pairsIn(users: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < users.length; i++)
    for (let j = i + 1; j < users.length; j++) out.push([users[i] as string, users[j] as string]);
  return out;
}
