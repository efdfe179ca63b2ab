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
};

/** A community record with a roster (group and coffee name per user) and rounds. */
export function community(
  roster: Record<string, { group?: string; name?: string }>,
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
      groups: r.groups.map((users) => ({ users, organiser: users[0] })),
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
  const store = await openStore('memory://', silentLogger);
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
