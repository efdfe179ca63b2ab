import type { Job } from '../core/types.js';
import {
  type CoffeeChange,
  type Community,
  communityKey,
  defaultPrefs,
  RosterEntrySchema,
  type Round,
} from './community.js';

/** The community after what a member's turn told it: new choices, a check-in answer, or "I'll stay". */
export function applyChange(c: Community, user: string, change: CoffeeChange): Community {
  const entry = c.roster[user] ?? RosterEntrySchema.parse({ prefs: defaultPrefs() });
  let next = change.prefs ? { ...entry, prefs: change.prefs } : entry;
  if (change.stayed) next = { ...next, asked: false, ghosts: 0 };
  let rounds = c.rounds;
  if (change.outcome) {
    const { round: n, outcome } = change.outcome;
    rounds = rounds.map((r) => (r.n === n ? { ...r, outcomes: { ...r.outcomes, [user]: outcome } } : r));
    next = { ...next, ghosts: 0 };
  }
  if (change.times) {
    const { round: n, picks } = change.times;
    rounds = rounds.map((r) =>
      r.n === n
        ? {
            ...r,
            groups: r.groups.map((g) =>
              g.users.includes(user) && !g.setAt ? { ...g, picks: { ...g.picks, [user]: picks } } : g,
            ),
          }
        : r,
    );
  }
  return { ...c, roster: { ...c.roster, [user]: next }, rounds };
}

const roundsOf = (c: Community, user: string): Round[] =>
  c.rounds.filter((r) => r.groups.some((g) => g.users.includes(user)));

/** The jobs a round schedules for its members (the coffee exercise handles them). */
const COFFEE_JOB_KINDS = [
  'coffee.intro',
  'coffee.checkin',
  'coffee.stay',
  'coffee.headsup',
  'coffee.reminder',
] as const;

/** A coffee job's id: one per member, round and kind, so scheduling it twice keeps one. */
export const coffeeJobId = (c: Community['ref'], user: string, round: number, kind: Job['kind'] | 'again') =>
  `coffee:${communityKey(c)}:${user}:${round}:${kind}`;

/** Every coffee job id a member may still have waiting. */
export function coffeeJobIds(c: Community, user: string): string[] {
  const last = c.rounds.at(-1);
  // The round to come too: its heads-up may be waiting.
  const rounds = new Set([
    ...roundsOf(c, user).map((r) => r.n),
    ...(last ? [last.n] : []),
    (last?.n ?? 0) + 1,
  ]);
  const kinds = [...COFFEE_JOB_KINDS, 'again' as const];
  return [...rounds].flatMap((n) => kinds.map((kind) => coffeeJobId(c.ref, user, n, kind)));
}

/** What the community keeps of one member, for their export. */
export function memberExport(c: Community, user: string) {
  const entry = c.roster[user];
  return entry ? { roster: entry, rounds: roundsOf(c, user).map((r) => r.n) } : undefined;
}

/** The community without a member: no roster entry, no meetings, no place in past rounds. */
export function withoutMember(c: Community, user: string): Community {
  const { [user]: _gone, ...roster } = c.roster;
  const lastMet = Object.fromEntries(Object.entries(c.lastMet).filter(([k]) => !k.split('|').includes(user)));
  const rounds = c.rounds.map((r) => {
    const { [user]: _outcome, ...outcomes } = r.outcomes;
    const groups = r.groups
      .map((g) => {
        const users = g.users.filter((u) => u !== user);
        return { ...g, users, organiser: g.organiser === user ? (users[0] ?? g.organiser) : g.organiser };
      })
      .filter((g) => g.users.length > 0);
    const drop = (list: string[]) => list.filter((u) => u !== user);
    return { ...r, groups, absent: drop(r.absent), unplaced: drop(r.unplaced), outcomes };
  });
  return { ...c, roster, lastMet, rounds };
}
