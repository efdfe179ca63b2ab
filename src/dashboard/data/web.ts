import type { Community } from '../../pairing/community.js';
import { shareOf } from '../format.js';

/** A group (team) is named on the page only with at least this many members; smaller ones stay "other". */
export const MIN_GROUP_SHOWN = 3;

export interface WebNode {
  /** Anonymous: the node's index, in the order of the members' ids. */
  index: number;
  /** Index into `groups`, or null: no group given, or a group too small to name. */
  group: number | null;
  /** Members met so far. */
  degree: number;
}

export interface Web {
  nodes: WebNode[];
  /** Who met whom, by node index (a < b), with how many coffees they had together. */
  links: { a: number; b: number; times: number }[];
  /** The groups named on the page, largest first, with their members. */
  groups: { name: string; members: number }[];
  /** Share of all member pairs at most two coffees apart (met, or met someone in common). */
  withinTwoSteps: number | null;
  /** Of the meetings between members who both gave a group, the share across groups. */
  acrossGroups: number | null;
  meetings: number;
  /** Members in the roster who have met no one yet. */
  metNoOne: number;
  /** Pairs of named groups none of whose members ever met. */
  neverMet: [string, string][];
}

/** A group as members give it, compared without case or surrounding spaces ("Sales " is "sales"). */
const groupKey = (group: string | undefined) => group?.trim().toLowerCase() || undefined;

/**
 * Who met whom, from the community's real rounds (dry runs are previews): a group met when at
 * least one of its members answered the check-in "met", as the coffee stats count it
 * (src/pairing/stats.ts), and then every two members of it met.
 */
export function webOf(community: Community | undefined): Web {
  const users = new Set<string>(Object.keys(community?.roster ?? {}));
  const rounds = (community?.rounds ?? []).filter((r) => !r.dryRun);
  for (const r of rounds) for (const g of r.groups) for (const u of g.users) users.add(u);
  const ids = [...users].sort();
  const indexOf = new Map(ids.map((u, i) => [u, i]));
  const keyOf = ids.map((u) => groupKey(community?.roster[u]?.prefs.group));

  // Groups: named by the spelling most of their members use, named only when large enough.
  const spellings = new Map<string, Map<string, number>>();
  ids.forEach((u, i) => {
    const key = keyOf[i];
    const raw = community?.roster[u]?.prefs.group?.trim();
    if (!key || !raw) return;
    const forms = spellings.get(key) ?? new Map<string, number>();
    forms.set(raw, (forms.get(raw) ?? 0) + 1);
    spellings.set(key, forms);
  });
  const named = [...spellings.entries()]
    .map(([key, forms]) => {
      const members = [...forms.values()].reduce((a, b) => a + b, 0);
      const name = [...forms.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]?.[0] ?? key;
      return { key, name, members };
    })
    .filter((g) => g.members >= MIN_GROUP_SHOWN)
    .sort((x, y) => y.members - x.members || (x.key < y.key ? -1 : 1));
  const groupIndex = new Map(named.map((g, i) => [g.key, i]));

  const times = new Map<string, number>();
  let meetings = 0;
  let across = 0;
  let bothGrouped = 0;
  for (const r of rounds)
    for (const g of r.groups) {
      if (g.users.length < 2 || !g.users.some((u) => r.outcomes[u] === 'met')) continue;
      const members = g.users.map((u) => indexOf.get(u) as number).sort((x, y) => x - y);
      for (let i = 0; i < members.length; i++)
        for (let j = i + 1; j < members.length; j++) {
          const a = members[i] as number;
          const b = members[j] as number;
          const k = `${a}|${b}`;
          times.set(k, (times.get(k) ?? 0) + 1);
          meetings += 1;
          const ga = keyOf[a];
          const gb = keyOf[b];
          if (ga && gb) {
            bothGrouped += 1;
            if (ga !== gb) across += 1;
          }
        }
    }
  const links = [...times.entries()].map(([k, n]) => {
    const [a, b] = k.split('|').map(Number) as [number, number];
    return { a, b, times: n };
  });
  const neighbours = ids.map(() => new Set<number>());
  for (const { a, b } of links) {
    neighbours[a]?.add(b);
    neighbours[b]?.add(a);
  }
  const nodes = ids.map((_, i) => ({
    index: i,
    group: groupIndex.get(keyOf[i] ?? '') ?? null,
    degree: neighbours[i]?.size ?? 0,
  }));
  return {
    nodes,
    links,
    groups: named.map(({ name, members }) => ({ name, members })),
    withinTwoSteps: withinTwoSteps(neighbours),
    acrossGroups: shareOf(across, bothGrouped),
    meetings,
    metNoOne: ids.filter((u, i) => community?.roster[u] !== undefined && nodes[i]?.degree === 0).length,
    neverMet: neverMet(named.length, links, nodes).map(([x, y]) => [
      named[x]?.name ?? '',
      named[y]?.name ?? '',
    ]),
  };
}

/** The share of unordered member pairs joined by a path of one or two meetings. */
export function withinTwoSteps(neighbours: Set<number>[]): number | null {
  const n = neighbours.length;
  if (n < 2) return null;
  let close = 0;
  for (let i = 0; i < n; i++) {
    const reach = new Set<number>(neighbours[i]);
    for (const j of neighbours[i] ?? []) for (const k of neighbours[j] ?? []) reach.add(k);
    reach.delete(i);
    close += reach.size;
  }
  return close / 2 / ((n * (n - 1)) / 2);
}

/** Pairs of named groups (by index, x < y) with no meeting between any of their members. */
function neverMet(count: number, links: Web['links'], nodes: WebNode[]): [number, number][] {
  const met = new Set<string>();
  for (const { a, b } of links) {
    const ga = nodes[a]?.group;
    const gb = nodes[b]?.group;
    if (ga === null || gb === null || ga === undefined || gb === undefined || ga === gb) continue;
    met.add(`${Math.min(ga, gb)}|${Math.max(ga, gb)}`);
  }
  const pairs: [number, number][] = [];
  for (let x = 0; x < count; x++)
    for (let y = x + 1; y < count; y++) if (!met.has(`${x}|${y}`)) pairs.push([x, y]);
  return pairs;
}
