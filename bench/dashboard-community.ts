/**
 * A synthetic community for the dashboard bench, the same on every run (seeded): members who
 * joined over the months of its coffee rounds, most of them with a network map of 10–40 people
 * (some grew it since), asks, events and reconnects, and one coffee per round they took part in;
 * the community record holds the roster (group and coffee name per member) and 12–26 rounds.
 */
import { memberKey } from '../src/core/types.js';
import type { Coffee, Commitment } from '../src/engine/records.js';
import { type ExerciseId, migrateState, type State } from '../src/engine/state.js';
import { newState } from '../src/engine/step.js';
import { mapMetrics } from '../src/network/metrics.js';
import { CONTACTS, type Person, RECALL_DOMAINS, RINGS } from '../src/network/model.js';
import {
  type Community,
  type CommunityRef,
  CommunitySchema,
  communityKey,
  newCommunity,
  type Round,
} from '../src/pairing/community.js';
import { pairKey } from '../src/pairing/match.js';
import { mulberry32, type Random, randomInt, shuffle } from '../src/pairing/random.js';
import type { Store } from '../src/store/open.js';

export const BENCH_REF: CommunityRef = { platform: 'slack', space: 'T-BENCH' };
export const BENCH_NOW = new Date('2026-12-09T12:00:00Z');

const DAY = 86_400_000;
const GROUPS = ['Sales', 'Support', 'Engineering', 'Design', 'Finance', 'People', 'Marketing', 'Legal'];

export interface BenchCommunity {
  members: State[];
  community: Community;
}

const pick = <T>(random: Random, items: readonly T[]): T => items[randomInt(random, items.length)] as T;
const chance = (random: Random, p: number) => random() < p;
const between = (random: Random, from: number, to: number) => from + randomInt(random, to - from + 1);
const iso = (t: number) => new Date(t).toISOString();
const day = (t: number) => iso(t).slice(0, 10);

/** Rounds for a community of `members`: a small one has run for a year, a large one for half a year. */
export const roundsFor = (members: number): number => (members <= 100 ? 26 : members <= 1000 ? 20 : 12);

export function benchCommunity(size: number, seed = 1): BenchCommunity {
  const random = mulberry32(seed);
  const roundCount = roundsFor(size);
  const firstRound = BENCH_NOW.getTime() - roundCount * 14 * DAY;
  const users = Array.from({ length: size }, (_, i) => `U${String(i).padStart(6, '0')}`);
  const joined = new Map(
    users.map((u) => [u, firstRound - 21 * DAY + random() * (BENCH_NOW.getTime() - firstRound)]),
  );
  const groupOf = new Map(
    users.map((u) => [
      u,
      chance(random, 0.9) ? GROUPS[Math.min(7, Math.floor(random() ** 1.5 * 8))] : undefined,
    ]),
  );
  const nameOf = (u: string) => `Coffee${u}`;
  const coffees = new Map<string, Coffee[]>(users.map((u) => [u, []]));

  const rounds: Round[] = [];
  const lastMet: Record<string, number> = {};
  for (let n = 1; n <= roundCount; n++) {
    const at = firstRound + (n - 1) * 14 * DAY;
    const pool = users.filter((u) => (joined.get(u) as number) < at);
    const absent = pool.filter(() => chance(random, 0.15));
    const gone = new Set(absent);
    const present = shuffle(
      pool.filter((u) => !gone.has(u)),
      random,
    );
    const groups: string[][] = [];
    for (let i = 0; i + 1 < present.length; i += 2)
      groups.push([present[i] as string, present[i + 1] as string]);
    if (present.length % 2 === 1 && groups.length > 0)
      groups[groups.length - 1]?.push(present.at(-1) as string);
    const outcomes: Record<string, 'met' | 'later' | 'missed'> = {};
    let crossGroup = 0;
    let pairs = 0;
    for (const group of groups) {
      const roll = random();
      for (const u of group) {
        // A group met (most), moved it, missed it, or nobody answered; some members never answer.
        if (roll < 0.62) {
          if (chance(random, 0.85)) outcomes[u] = 'met';
        } else if (roll < 0.7) outcomes[u] = 'later';
        else if (roll < 0.8) outcomes[u] = 'missed';
      }
      for (const [k, a] of group.entries())
        for (const b of group.slice(k + 1)) {
          pairs += 1;
          if (groupOf.get(a) !== groupOf.get(b)) crossGroup += 1;
          lastMet[pairKey(a, b)] = n;
        }
      for (const u of group)
        coffees.get(u)?.push({
          round: n,
          at: iso(at),
          partners: group.filter((p) => p !== u).map((p) => ({ user: p, name: nameOf(p) })),
          organiser: u === group[0],
          ...(outcomes[u] ? { outcome: outcomes[u] } : {}),
          ...(outcomes[u] === 'met' && chance(random, 0.5)
            ? { enjoyedSelf: between(random, 2, 5), enjoyedThem: between(random, 2, 5), learned: 'something' }
            : {}),
        });
    }
    rounds.push({
      n,
      at: iso(at),
      seed: n,
      groups: groups.map((g) => ({ users: g, organiser: g[0] as string, nudged: false })),
      absent,
      unplaced: [],
      nudgeAt: iso(at + 2 * DAY),
      checkinAt: iso(at + 4 * DAY),
      outcomes,
      participants: present.length,
      pairs,
      crossGroup,
      repeats: 0,
    });
  }

  const base = newCommunity(BENCH_REF, 'en');
  const community = CommunitySchema.parse({
    ...base,
    settings: { ...base.settings, active: true, channel: 'C-COFFEE' },
    nextRoundAt: iso(firstRound + roundCount * 14 * DAY),
    roster: Object.fromEntries(
      users.map((u) => [
        u,
        {
          prefs: { name: nameOf(u), ...(groupOf.get(u) ? { group: groupOf.get(u) } : {}) },
          lastRound: roundCount,
        },
      ]),
    ),
    lastMet,
    rounds,
  });

  let ids = 0;
  const members = users.map((user) => {
    const created = joined.get(user) as number;
    const s = newState({ ...BENCH_REF, user }, 'en', new Date(created));
    const commitments: Commitment[] = [];
    const commit = (over: Partial<Commitment> & Pick<Commitment, 'kind' | 'date'>) =>
      commitments.push({
        id: `c${++ids}`,
        title: 'a step',
        jobId: `j${ids}`,
        status: 'open',
        createdAt: iso(created),
        ...over,
      });
    const completed: State['completed'] = [];
    const complete = (exercise: ExerciseId, at: number, metrics: Record<string, unknown> = {}) =>
      completed.push({ exercise, at: iso(at), metrics });
    const later = () => created + random() * (BENCH_NOW.getTime() - created);
    let people: Person[] = [];
    if (chance(random, 0.75)) {
      const mappedAt = created + random() * 3 * DAY;
      const person = (i: number, addedAt: number): Person => ({
        id: `p${i}`,
        name: `Friend ${user} ${i}`,
        domain: pick(random, RECALL_DOMAINS),
        ring: pick(random, RINGS),
        contact: pick(random, CONTACTS),
        named: [],
        addedAt: iso(addedAt),
      });
      people = Array.from({ length: between(random, 10, 40) }, (_, i) => person(i + 1, mappedAt));
      complete('awareness', mappedAt, { ...mapMetrics({ people, resources: {} }), at: iso(mappedAt) });
      if (chance(random, 0.35)) {
        const grewAt = Math.min(BENCH_NOW.getTime() - DAY, mappedAt + random() * 60 * DAY);
        const more = between(random, 1, 8);
        people = [
          ...people,
          ...Array.from({ length: more }, (_, i) => person(people.length + i + 1, grewAt)),
        ];
      }
      for (let i = between(random, 0, 2); i > 0; i--)
        commit({
          kind: 'reconnect',
          date: day(later()),
          person: `p${between(random, 1, 10)}`,
          status: chance(random, 0.5) ? 'done' : 'open',
        });
    }
    for (let i = between(random, 0, 4); i > 0; i--) {
      const answered = chance(random, 0.6);
      commit({
        kind: 'ask',
        date: day(later()),
        status: answered ? 'done' : pick(random, ['open', 'cancelled'] as const),
        predicted: between(random, 0, 5),
        ...(answered ? { outcome: chance(random, 0.55) ? 'yes' : 'no' } : {}),
      });
    }
    if (commitments.some((c) => c.kind === 'ask' && c.status === 'done')) complete('ask-for-help', later());
    for (let i = between(random, 0, 2); i > 0; i--) {
      const done = chance(random, 0.5);
      commit({
        kind: 'event',
        date: day(later()),
        status: done ? 'done' : 'open',
        ...(done ? { met: 2 } : {}),
      });
    }
    if (commitments.some((c) => c.kind === 'event')) complete('hook', later());
    const mine = coffees.get(user) ?? [];
    for (const c of mine.filter((c) => c.learned)) complete('coffee', Date.parse(c.at) + 3 * DAY);
    if (mine.length > 0 && chance(random, 0.3))
      commit({ kind: 'coffee', date: day(later()), person: 'p1', status: 'open' });
    // The engine's own parse: a record the bench made wrong fails here, not quietly on a page.
    return migrateState({
      ...s,
      flow: { at: 'menu' },
      network: { people, resources: {} },
      nextPersonId: people.length + 1,
      completed: completed.sort((a, b) => (a.at < b.at ? -1 : 1)),
      commitments,
      coffee: {
        ...s.coffee,
        prefs: community.roster[user]?.prefs ?? s.coffee.prefs,
        coffees: mine.slice(-200),
      },
    });
  });
  return { members, community };
}

/** Writes the community into the store, a hundred records at a time. */
export async function storeCommunity(store: Store, { members, community }: BenchCommunity): Promise<void> {
  for (let i = 0; i < members.length; i += 100)
    await Promise.all(members.slice(i, i + 100).map((s) => store.spaces.member.set(memberKey(s.member), s)));
  await store.spaces.community.set(communityKey(community.ref), community);
}
