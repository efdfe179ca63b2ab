/** Seeded communities for the dashboard's tests: valid member records and a coffee record, in a memory store. */
import type { Lang, MemberRef } from '../../src/core/types.js';
import { memberKey } from '../../src/core/types.js';
import type { PageContext } from '../../src/dashboard/content.js';
import type { Commitment } from '../../src/engine/records.js';
import { migrateState, type State } from '../../src/engine/state.js';
import { newState } from '../../src/engine/step.js';
import { silentLogger } from '../../src/log.js';
import { mapMetrics } from '../../src/network/metrics.js';
import type { Person, Ring } from '../../src/network/model.js';
import {
  type Community,
  type CommunityRef,
  CommunitySchema,
  communityKey,
  newCommunity,
} from '../../src/pairing/community.js';
import { openStore, type Store } from '../../src/store/open.js';
import { texts } from '../helpers/engine.js';

export const REF: CommunityRef = { platform: 'slack', space: 'T-DASH' };
export const NOW = new Date('2026-12-09T12:00:00Z');
/** The chart pages' tables, in page order: their ids are the CSV names and must stay stable. */
export const TABLE_IDS = [
  'overview-members',
  'overview-exercises',
  'overview-completions',
  'overview-asks',
  'overview-events',
  'overview-coffee',
  'growth-sizes',
  'growth-weak',
  'growth-added',
  'web-figures',
  'web-never-met',
];

/** Planted names: a test fails when any of them shows up on a page or in a table. */
export const PLANTED = ['Zyxwanda', 'Qorvath', 'Mirelbug', 'Xantippo'];

export const memberOf = (user: string, ref: CommunityRef = REF): MemberRef => ({ ...ref, user });

let personIds = 0;
export function person(
  name: string,
  ring: Ring | null,
  addedAt: string,
  contact: Person['contact'] = 'monthly',
): Person {
  return { id: `p${++personIds}`, name, domain: 'work', ring, contact, named: [], addedAt };
}

/** A member record begun on `created`, changed by `over`, checked as the engine would read it. */
export function state(
  user: string,
  created: string,
  over: Partial<State> = {},
  ref: CommunityRef = REF,
): State {
  return migrateState({ ...newState(memberOf(user, ref), 'en', new Date(created)), ...over });
}

/** The member finished the network map at `at` with these people: the metrics the exercise keeps. */
export function mapped(s: State, people: Person[], at: string): State {
  const network = { people, resources: {} };
  return {
    ...s,
    network,
    completed: [...s.completed, { exercise: 'awareness', at, metrics: { ...mapMetrics(network), at } }],
  };
}

export function commitment(over: Partial<Commitment> & Pick<Commitment, 'kind' | 'date'>): Commitment {
  return {
    id: `c${++personIds}`,
    title: 'planned',
    jobId: `j${personIds}`,
    status: 'open',
    createdAt: `${over.date}T08:00:00.000Z`,
    ...over,
  };
}

export type RoundInput = {
  n: number;
  at: string;
  groups: string[][];
  outcomes?: Record<string, 'met' | 'later' | 'missed'>;
  participants?: number;
  pairs?: number;
  crossGroup?: number;
  dryRun?: boolean;
  /** Indices of the groups that set a time for their coffee (given a setAt). */
  timeSet?: number[];
  /** A `gaps` round: indices of the groups where a need met an offer (the rest did not). */
  needMet?: number[];
};

/** A community record with a roster (group and coffee name per user) and rounds. */
export function community(
  roster: Record<string, { group?: string; name?: string; joined?: boolean }>,
  rounds: RoundInput[],
  ref: CommunityRef = REF,
): Community {
  const base = newCommunity(ref, 'en');
  return CommunitySchema.parse({
    ...base,
    roster: Object.fromEntries(Object.entries(roster).map(([u, prefs]) => [u, { prefs }])),
    rounds: rounds.map((r) => ({
      n: r.n,
      at: r.at,
      seed: r.n,
      groups: r.groups.map((users, i) => ({
        users,
        organiser: users[0],
        ...(r.timeSet?.includes(i) ? { setAt: r.at } : {}),
        ...(r.needMet ? { needMet: r.needMet.includes(i) } : {}),
      })),
      absent: [],
      nudgeAt: r.at,
      checkinAt: r.at,
      outcomes: r.outcomes ?? {},
      participants: r.participants ?? r.groups.flat().length,
      pairs: r.pairs ?? r.groups.length,
      crossGroup: r.crossGroup ?? 0,
      ...(r.dryRun ? { dryRun: true } : {}),
    })),
  });
}

export async function seededStore(states: State[], c?: Community): Promise<Store> {
  return seedInto(await openStore('memory://', silentLogger), states, c);
}

/** Writes member records and a coffee record into a store that is already open (a harness's). */
export async function seedInto(store: Store, states: State[], c?: Community): Promise<Store> {
  for (const s of states) await store.spaces.member.set(memberKey(s.member), s);
  if (c) await store.spaces.community.set(communityKey(c.ref), c);
  return store;
}

export const context = (store: Store, lang: Lang = 'en', ref: CommunityRef = REF): PageContext => ({
  store,
  community: ref,
  lang,
  say: texts.forLang(lang),
  now: NOW,
});

/** Well-formed XML with one root <svg>: tags balance, attributes are quoted, entities known. */
export function svgProblems(svg: string): string[] {
  const problems: string[] = [];
  if (!svg.startsWith('<svg ') || !svg.endsWith('</svg>')) problems.push('not one <svg> root');
  const stack: string[] = [];
  let roots = 0;
  const tag = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|<|&(?!(?:amp|lt|gt|quot|apos);)/g;
  let last = 0;
  for (const m of svg.matchAll(tag)) {
    const between = svg.slice(last, m.index);
    if (/[<>]/.test(between)) problems.push(`stray bracket near ${m.index}`);
    last = (m.index ?? 0) + m[0].length;
    if (m[0] === '<' || m[0] === '&') {
      problems.push(`bad markup at ${m.index}: ${svg.slice(m.index, (m.index ?? 0) + 20)}`);
      continue;
    }
    const [, closing, name, , selfClosing] = m;
    if (closing) {
      if (stack.pop() !== name) problems.push(`unbalanced </${name}>`);
    } else if (!selfClosing) {
      if (stack.length === 0) roots += 1;
      stack.push(name as string);
    } else if (stack.length === 0) roots += 1;
  }
  if (stack.length > 0) problems.push(`unclosed ${stack.join(',')}`);
  if (roots !== 1) problems.push(`${roots} roots`);
  return problems;
}

export const count = (svg: string | undefined, cls: string) =>
  (svg?.match(new RegExp(`class="${cls}"`, 'g')) ?? []).length;

/** A small seeded generator (mulberry32): the same community on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
/** NOW minus `days`, at 09:00 UTC, as an instant. */
const daysAgo = (days: number, hour = 9) =>
  new Date(Date.UTC(2026, 11, 9, hour) - days * DAY).toISOString().replace(/\.\d{3}Z$/, '.000Z');

export interface Populated {
  states: State[];
  community: Community;
  /** Every name planted in the community: coffee names, members' display names, names on maps. */
  names: string[];
}

/** Members of the populated community who joined the coffee rounds (the first ones; the rest left). */
export const JOINED = 32;

/** Teams and how many members each has; the last two members give none. */
export const TEAMS: [string, number][] = [
  ['Engineering', 10],
  ['Sales', 8],
  ['Operations', 7],
  ['Design', 5],
  ['Legal', 4],
];

/**
 * A lively community of 36 members over ten weeks before NOW: 24 of them mapped their network
 * (some added people and revived a dormant tie since), asks with a guess and an answer, events
 * prepared and debriefed, and seven coffee rounds in teams, with met, later and missed answers
 * and groups that set a time. Every name in it is planted (PLANTED plus a number) so a test can
 * look for them on every page and in every file.
 */
export function populatedCommunity(ref: CommunityRef = REF): Populated {
  const rand = random(17);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const int = (from: number, to: number) => from + Math.floor(rand() * (to - from + 1));
  const names: string[] = [];
  const planted = (kind: string, i: number) => {
    const name = `${PLANTED[i % PLANTED.length]}${kind}${i}`;
    names.push(name);
    return name;
  };
  const users = Array.from({ length: 36 }, (_, i) => `U${String(i + 1).padStart(3, '0')}`);
  const teamOf: (string | undefined)[] = [];
  for (const [team, size] of TEAMS) for (let i = 0; i < size; i++) teamOf.push(team);
  teamOf.push(undefined, undefined);

  const states = users.map((user, i) => {
    // Joined over ten weeks: many at the launch, then a steady trickle.
    const joinedDaysAgo = i < 12 ? 70 - i : Math.max(2, 66 - (i - 12) * 2.7);
    const created = daysAgo(Math.round(joinedDaysAgo));
    let s = state(user, created, {}, ref);
    const firstMapDaysAgo = Math.round(joinedDaysAgo) - int(1, 6);
    if (i % 3 !== 2 && firstMapDaysAgo > 1) {
      const firstAt = daysAgo(firstMapDaysAgo, 11);
      const rings: Ring[] = ['inner', 'middle', 'outer'];
      const size = int(4, 32);
      const first = Array.from({ length: size }, (_, k) =>
        person(
          planted('Map', i * 100 + k),
          k < 2 ? 'inner' : pick(rings),
          firstAt,
          k % 7 === 3 ? 'dormant' : 'monthly',
        ),
      );
      s = mapped(s, first, firstAt);
      if (i % 2 === 0 && firstMapDaysAgo > 8) {
        // Came back later: more acquaintances on the map, one dormant tie revived.
        const laterAt = daysAgo(int(1, firstMapDaysAgo - 2), 15);
        const later = Array.from({ length: int(2, 9) }, (_, k) =>
          person(planted('Later', i * 100 + k), k % 4 === 0 ? 'middle' : 'outer', laterAt),
        );
        s = { ...s, network: { ...s.network, people: [...s.network.people, ...later] } };
        const dormant = first.find((p) => p.contact === 'dormant');
        if (dormant)
          s = {
            ...s,
            commitments: [
              ...s.commitments,
              commitment({
                kind: 'reconnect',
                date: laterAt.slice(0, 10),
                status: 'done',
                person: dormant.name,
              }),
            ],
          };
      }
    }
    // Asks for help: a guess of five, and an answer for most.
    const asks = i % 4 === 0 ? 3 : i % 4 === 1 ? 1 : 0;
    for (let k = 0; k < asks; k++) {
      const date = daysAgo(int(0, Math.max(1, Math.round(joinedDaysAgo) - 1))).slice(0, 10);
      const answered = rand() < 0.75;
      s = {
        ...s,
        commitments: [
          ...s.commitments,
          commitment({
            kind: 'ask',
            date,
            status: answered ? 'done' : 'open',
            predicted: int(1, 4),
            ...(answered ? { outcome: rand() < 0.6 ? 'yes' : 'no' } : {}),
            person: planted('Asked', i * 10 + k),
          }),
        ],
        completed: answered
          ? [...s.completed, { exercise: 'ask-for-help', at: `${date}T16:00:00.000Z`, metrics: {} }]
          : s.completed,
      };
    }
    // Events prepared; most debriefed, one cancelled now and then.
    if (i % 3 === 1) {
      const date = daysAgo(int(0, Math.max(1, Math.round(joinedDaysAgo) - 1))).slice(0, 10);
      const status = date < '2026-12-07' ? (rand() < 0.7 ? 'done' : 'open') : 'open';
      s = {
        ...s,
        commitments: [
          ...s.commitments,
          commitment({ kind: 'event', date, status, title: planted('Event', i) }),
        ],
        completed: [...s.completed, { exercise: 'hook', at: `${date}T08:00:00.000Z`, metrics: {} }],
      };
    }
    if (i % 7 === 3)
      s = {
        ...s,
        commitments: [
          ...s.commitments,
          commitment({ kind: 'event', date: '2026-12-02', status: 'cancelled' }),
        ],
      };
    // A look back on a coffee, a while after joining.
    if (i % 4 === 2 && joinedDaysAgo > 20)
      s = {
        ...s,
        completed: [
          ...s.completed,
          { exercise: 'coffee', at: daysAgo(Math.round(joinedDaysAgo) - 18, 14), metrics: {} },
        ],
      };
    if (i % 5 === 4) s = { ...s, flow: { at: 'hook.event' } as State['flow'] };
    if (i % 6 === 5)
      s = { ...s, parked: { ...s.parked, 'ask-for-help': { at: 'ask-for-help.need' } as State['flow'] } };
    return migrateState(s);
  });

  // Seven coffee rounds, every ten days; members who joined by then take part, in pairs (a trio
  // when odd), shuffled; teams set most of the times, some groups never answer.
  const rounds: RoundInput[] = [];
  for (let n = 1; n <= 7; n++) {
    const at = daysAgo(63 - (n - 1) * 10, 8);
    const present = users.filter(
      (_u, i) => states[i]?.createdAt !== undefined && states[i].createdAt <= at && rand() > 0.12,
    );
    const shuffled = [...present];
    for (let k = shuffled.length - 1; k > 0; k--) {
      const j = Math.floor(rand() * (k + 1));
      [shuffled[k], shuffled[j]] = [shuffled[j] as string, shuffled[k] as string];
    }
    const groups: string[][] = [];
    for (let k = 0; k + 1 < shuffled.length; k += 2) groups.push(shuffled.slice(k, k + 2));
    if (shuffled.length % 2 === 1 && groups.length > 0) groups.at(-1)?.push(shuffled.at(-1) as string);
    const outcomes: Record<string, 'met' | 'later' | 'missed'> = {};
    const timeSet: number[] = [];
    groups.forEach((g, gi) => {
      const fate = rand();
      if (fate < 0.6) timeSet.push(gi);
      for (const u of g) {
        const answer = rand();
        if (fate < 0.55) {
          if (answer < 0.85) outcomes[u] = 'met';
        } else if (fate < 0.75) {
          if (answer < 0.6) outcomes[u] = answer < 0.3 ? 'later' : 'missed';
        }
      }
    });
    const teamKey = (u: string) => teamOf[users.indexOf(u)];
    const crossGroup = groups.filter(
      (g) => new Set(g.map(teamKey)).size > 1 && g.every((u) => teamKey(u)),
    ).length;
    // The last three rounds pair on gaps: about a third of their groups had a need met.
    const needMet = n >= 5 ? groups.flatMap((_g, gi) => (rand() < 0.35 ? [gi] : [])) : undefined;
    rounds.push({ n, at, groups, outcomes, timeSet, crossGroup, ...(needMet ? { needMet } : {}) });
  }
  const roster = Object.fromEntries(
    users.map((u, i) => [
      u,
      { ...(teamOf[i] ? { group: teamOf[i] } : {}), name: planted('Coffee', i), joined: i < JOINED },
    ]),
  );
  const c = community(roster, rounds, ref);
  return { states, community: { ...c, settings: { ...c.settings, active: true } }, names };
}
