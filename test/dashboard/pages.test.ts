import { describe, expect, it, vi } from 'vitest';
import { forceLayout } from '../../src/dashboard/charts/force.js';
import { CHART_PAGES } from '../../src/dashboard/content.js';
import { growthOf } from '../../src/dashboard/data/growth.js';
import { overviewOf, startedExercises } from '../../src/dashboard/data/overview.js';
import { readMembers } from '../../src/dashboard/data/read.js';
import { webOf, withinTwoSteps } from '../../src/dashboard/data/web.js';
import { MAX_WEEKS, perWeek, weekOf, weekRange } from '../../src/dashboard/data/weeks.js';
import { allTables, chartPage } from '../../src/dashboard/pages.js';
import {
  commitment,
  community,
  context,
  count,
  mapped,
  NOW,
  PLANTED,
  person,
  REF,
  type RoundInput,
  seededStore,
  state,
  svgProblems,
  TABLE_IDS,
} from './seed.js';

const FIRST = '2026-11-02T10:00:00.000Z';
const LATER = '2026-11-20T10:00:00.000Z';

/** Six members who mapped (one of them added people since and revived a dormant tie), two who did not. */
function members() {
  const map = (user: string, outer: number, inner: number) =>
    mapped(
      state(user, '2026-11-01T09:00:00Z'),
      [
        ...Array.from({ length: outer }, (_, i) => person(`${PLANTED[i % 4]}${i}`, 'outer', FIRST)),
        ...Array.from({ length: inner }, (_, i) => person(`Inner${user}${i}`, 'inner', FIRST)),
      ],
      FIRST,
    );
  const grower = map('u1', 2, 2);
  const u1 = {
    ...grower,
    network: {
      ...grower.network,
      people: [
        ...grower.network.people,
        person('Zyxwanda Later', 'outer', LATER),
        person('Qorvath Too', 'middle', LATER),
      ],
    },
    commitments: [
      commitment({ kind: 'reconnect', date: '2026-11-21', status: 'done', person: 'Zyxwanda0' }),
      commitment({ kind: 'ask', date: '2026-11-24', status: 'done', predicted: 2, outcome: 'yes' }),
      commitment({ kind: 'ask', date: '2026-11-25', status: 'done', predicted: 3, outcome: 'no' }),
      commitment({ kind: 'ask', date: '2026-11-26', status: 'open', predicted: 1 }),
      commitment({ kind: 'event', date: '2026-11-17', status: 'done' }),
      commitment({ kind: 'event', date: '2026-12-08', status: 'open' }),
      commitment({ kind: 'event', date: '2026-12-08', status: 'cancelled' }),
    ],
  };
  return [
    u1,
    map('u2', 1, 9),
    map('u3', 5, 5),
    map('u4', 12, 0),
    map('u5', 0, 3),
    map('u6', 20, 25),
    state('u7', '2026-12-01T09:00:00Z', { flow: { at: 'hook.event' } }),
    state('u8', '2026-12-08T09:00:00Z', { parked: { 'ask-for-help': { at: 'ask-for-help.need' } } }),
  ];
}

const roster = {
  a: { group: 'Sales', name: 'Zyxwanda' },
  b: { group: 'sales ', name: 'Qorvath' },
  c: { group: 'Sales', name: 'Mirelbug' },
  d: { group: 'Ops', name: 'Xantippo' },
  e: { group: 'Ops' },
  f: { group: 'Ops' },
  g: { group: 'Legal' },
  h: { group: 'Legal' },
  i: { group: 'Legal' },
  j: { group: 'Solo' },
  k: {},
};
const rounds: RoundInput[] = [
  // a–d met (across), b–e said later only: not met; c–f never answered.
  {
    n: 1,
    at: '2026-11-16T10:00:00.000Z',
    groups: [
      ['a', 'd'],
      ['b', 'e'],
      ['c', 'f'],
    ],
    outcomes: { a: 'met', d: 'met', b: 'later' },
    pairs: 3,
    crossGroup: 3,
  },
  // d–e met (same group), a–b met, a trio g–h–j met.
  {
    n: 2,
    at: '2026-11-30T10:00:00.000Z',
    groups: [
      ['d', 'e'],
      ['a', 'b'],
      ['g', 'h', 'j'],
    ],
    outcomes: { d: 'met', b: 'met', g: 'met', h: 'met' },
    pairs: 4,
    crossGroup: 2,
  },
  // A preview never counts.
  {
    n: 3,
    at: '2026-12-14T10:00:00.000Z',
    groups: [['c', 'i']],
    outcomes: { c: 'met' },
    dryRun: true,
  },
];

describe('the dashboard figures', () => {
  it("reads only the community's readable records", async () => {
    const other = state('x', '2026-11-01T09:00:00Z', {}, { platform: 'discord', space: 'G1' });
    const store = await seededStore([...members(), other]);
    await store.spaces.member.set('slack:T-DASH:broken', {
      v: 2,
      member: { ...REF, user: 'broken' },
      lang: 'xx',
    });
    // A record of version 1 is read as the engine reads it: migrated.
    const old = { ...state('u9', '2026-11-01T09:00:00Z'), v: 1, drafts: { help: {} } };
    await store.spaces.member.set('slack:T-DASH:u9', old);
    const read = await readMembers(store, REF);
    expect(read.map((s) => s.member.user)).toEqual(['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9']);
    expect(read.at(-1)?.v).toBe(2);
  });

  it('counts exercises started from completions, drafts, parked places and the current flow', () => {
    const all = members();
    expect([...startedExercises(all[6] as never)]).toEqual(['hook']);
    expect([...startedExercises(all[7] as never)]).toEqual(['ask-for-help']);
    const o = overviewOf(all, undefined, NOW);
    expect(o.members).toBe(8);
    expect(o.exercises.find((e) => e.exercise === 'awareness')).toEqual({
      exercise: 'awareness',
      started: 6,
      completed: 6,
      completions: 6,
    });
    expect(o.exercises.find((e) => e.exercise === 'hook')).toMatchObject({ started: 1, completed: 0 });
    expect(o.exercises.find((e) => e.exercise === 'ask-for-help')).toMatchObject({
      started: 1,
      completed: 0,
    });
  });

  it('runs the weekly series from the first week to now, members cumulative', () => {
    const o = overviewOf(members(), undefined, NOW);
    expect(o.weeks).toEqual([
      '2026-10-26',
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
      '2026-11-23',
      '2026-11-30',
      '2026-12-07',
    ]);
    expect(o.membersByWeek).toEqual([6, 6, 6, 6, 6, 7, 8]);
    expect(o.completionsByWeek.awareness).toEqual([0, 6, 0, 0, 0, 0, 0]);
  });

  it('sets the expected yeses beside the real ones, and counts events', () => {
    const o = overviewOf(members(), undefined, NOW);
    expect(o.asks).toMatchObject({ made: 3, answered: 2, yes: 1, yesRate: 0.5 });
    expect(o.asks.predictedRate).toBeCloseTo(0.5); // (2/5 + 3/5) / 2
    const w = o.weeks.indexOf('2026-11-23');
    expect(o.asks.byWeek.made[w]).toBe(3);
    expect(o.asks.byWeek.yesRate[w]).toBe(0.5);
    expect(o.asks.byWeek.yesRate[0]).toBeNull();
    expect(o.events).toMatchObject({ prepared: 2, debriefed: 1 });
    expect(o.events.byWeek.prepared[o.weeks.indexOf('2026-12-07')]).toBe(1);
    expect(o.events.byWeek.debriefed[o.weeks.indexOf('2026-11-16')]).toBe(1);
  });

  it('takes the coffee rounds from the community stats, without the preview', () => {
    const o = overviewOf([], community(roster, rounds), NOW);
    expect(o.coffee.rounds).toBe(2);
    expect(o.rounds.map((r) => r.round)).toEqual([1, 2]);
    expect(o.rounds[0]).toMatchObject({
      participants: 6,
      metRate: 2 / 3,
      crossGroupRate: 1,
      noAnswerRate: 0.5,
    });
  });

  it('shows growth: map sizes and weak shares at first and now, people added, dormant ties revived', () => {
    const g = growthOf(members());
    expect(g).toMatchObject({ mapped: 6, shown: true, added: 2, membersAdding: 1, revived: 1 });
    // First sizes 4, 10, 10, 12, 3, 45; now u1 has 6.
    expect(g.sizes.first).toEqual([2, 0, 3, 0, 0, 0, 1]);
    expect(g.sizes.now).toEqual([1, 1, 3, 0, 0, 0, 1]);
    // First weak shares 0.5, 0.1, 0.5, 1, 0, 20/45; now u1 3/6 = 0.5 still.
    expect(g.weakShares.first).toEqual([2, 0, 3, 0, 1]);
    expect(g.weakShares.now).toEqual(g.weakShares.first);
  });

  it('shows no growth below five members who mapped', async () => {
    const few = members().slice(1, 5);
    expect(growthOf(few)).toMatchObject({ mapped: 4, shown: false, sizes: { first: [] } });
    const page = await chartPage('growth', context(await seededStore(few)));
    expect(page.intro).toMatch(/^Fewer than five members .*\(4\)/);
    for (const s of page.sections) {
      expect(s.svg).toBeUndefined();
      expect(s.table?.rows).toEqual([]);
      expect(s.lead).toMatch(/at least five members/);
    }
  });

  it('draws the web of coffees from groups that met', () => {
    const w = webOf(community(roster, rounds));
    expect(w.nodes).toHaveLength(11);
    // a-d, d-e, a-b, g-h, g-j, h-j
    expect(w.links).toHaveLength(6);
    expect(w.meetings).toBe(6);
    // across: a-d, d-e? no (Ops/Ops); a-b no (sales); g-h no; g-j yes; h-j yes → 3 of 6
    expect(w.acrossGroups).toBe(0.5);
    // c, f, i, k met no one
    expect(w.metNoOne).toBe(4);
    expect(w.groups).toEqual([
      { name: 'Legal', members: 3 },
      { name: 'Ops', members: 3 },
      { name: 'Sales', members: 3 },
    ]);
    // Legal met neither Ops nor Sales; Sales met Ops.
    expect(w.neverMet).toEqual([
      ['Legal', 'Ops'],
      ['Legal', 'Sales'],
    ]);
  });

  it('counts by weeks from Monday, half a year at most', () => {
    expect(weekOf('2026-12-06T23:59:00Z')).toBe('2026-11-30'); // a Sunday
    expect(weekOf('2026-12-07')).toBe('2026-12-07');
    expect(weekOf('not a date')).toBeUndefined();
    const range = weekRange(['2025-01-06'], NOW);
    expect(range).toHaveLength(MAX_WEEKS);
    expect(range.at(-1)).toBe('2026-12-07');
    expect(perWeek(range, ['2026-12-08', '2025-01-07', 'x'], (d) => d).at(-1)).toBe(1);
    expect(perWeek(range, ['2026-12-08', '2025-01-07', 'x'], (d) => d).reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('counts pairs within two steps', () => {
    // A path 0-1-2-3: pairs 01 12 23 at one step, 02 13 at two; 03 is three away. 5 of 6.
    const path = [new Set([1]), new Set([0, 2]), new Set([1, 3]), new Set([2])];
    expect(withinTwoSteps(path)).toBeCloseTo(5 / 6);
    expect(withinTwoSteps([new Set()])).toBeNull();
  });
});

describe('the chart pages', () => {
  it('render well-formed SVG with a point per week, a bar per value and a dot per member', async () => {
    const store = await seededStore(members(), community(roster, rounds));
    const overview = await chartPage('overview', context(store));
    const [membersSection, exercises, completions, asks, , coffee] = overview.sections;
    for (const s of overview.sections) expect(svgProblems(s.svg ?? '')).toEqual([]);
    expect(count(membersSection?.svg, 'point')).toBe(7);
    expect(count(exercises?.svg, 'bar')).toBe(8);
    expect(count(completions?.svg, 'point')).toBe(4 * 7);
    // Only weeks with an answered ask have a dot: one week, two series.
    expect(count(asks?.svg, 'point')).toBe(2);
    // Four series (time set, met, across groups, no answer), two rounds.
    expect(count(coffee?.svg, 'point')).toBe(4 * 2);
    expect(membersSection?.svg).toMatch(/role="img" aria-label="[^"]+"/);
    expect(membersSection?.svg).toContain('<title>');
    expect(membersSection?.svg).toContain('width="100%"');
    expect(overview.sections.map((s) => s.svg ?? '').join('')).not.toMatch(/style=|<script/);

    const growth = await chartPage('growth', context(store));
    expect(count(growth.sections[0]?.svg, 'bar')).toBe(2 * 7);
    expect(count(growth.sections[1]?.svg, 'bar')).toBe(2 * 5);
    const web = await chartPage('web', context(store));
    expect(svgProblems(web.sections[0]?.svg ?? '')).toEqual([]);
    expect(count(web.sections[0]?.svg, 'node') + count(web.sections[0]?.svg, 'node alone')).toBe(11);
    expect((web.sections[0]?.svg?.match(/<line x1=/g) ?? []).length).toBeGreaterThanOrEqual(6);
  });

  it('give tables of the same numbers with stable, URL-safe ids', async () => {
    const store = await seededStore(members(), community(roster, rounds));
    const tables = await allTables(context(store));
    expect(tables.map((t) => t.id)).toEqual(TABLE_IDS);
    for (const t of tables) {
      expect(t.id).toMatch(/^[a-z0-9-]+$/);
      for (const row of t.rows) expect(row).toHaveLength(t.columns.length);
    }
    const byId = Object.fromEntries(tables.map((t) => [t.id, t]));
    expect(byId['overview-coffee']?.rows[0]).toEqual([1, '2026-11-16', 6, 0, 67, 100, 50, null]);
    expect(byId['growth-added']?.rows.map((r) => r[1])).toEqual([2, 1, 1]);
    expect(byId['web-figures']?.rows.map((r) => r[1])).toEqual([11, 6, expect.any(Number), 50, 4, 2]);
    // Each page reads only what it draws, and the export draws nothing: the same tables all the same.
    const pages = await Promise.all(CHART_PAGES.map((p) => chartPage(p, context(store))));
    expect(pages.flatMap((p) => p.sections.flatMap((s) => (s.table ? [s.table] : [])))).toEqual(tables);
  });

  it("never show a member's name, a coffee name or a name from a map", async () => {
    const store = await seededStore(members(), community(roster, rounds));
    for (const lang of ['en', 'nl'] as const) {
      const pages = await Promise.all(CHART_PAGES.map((p) => chartPage(p, context(store, lang))));
      const text = JSON.stringify([pages, await allTables(context(store, lang))]);
      for (const name of [...PLANTED, 'Inneru1']) expect(text).not.toContain(name);
      // Nor the platform's user ids.
      expect(text).not.toMatch(/"u[1-8]"|\bu[1-8]\b/);
    }
  });

  it('say numbers and days the Dutch way in Dutch', async () => {
    const store = await seededStore(members(), community(roster, rounds));
    const nl = await chartPage('overview', context(store, 'nl'));
    expect(nl.title).toBe('Overzicht');
    expect(nl.sections[0]?.svg).toMatch(/>7 dec\.?</);
    // Six of the seven who answered met: 86%.
    expect(nl.sections[5]?.lead).toContain('heeft 86% de anderen echt gesproken');
    const en = await chartPage('overview', context(store, 'en'));
    expect(en.sections[0]?.svg).toMatch(/>7 Dec</);
  });

  it('lay the web out the same way every time', async () => {
    const store = await seededStore([], community(roster, rounds));
    const first = (await chartPage('web', context(store))).sections[0]?.svg;
    const second = (await chartPage('web', context(store))).sections[0]?.svg;
    expect(first).toBeDefined();
    expect(second).toBe(first);
  });

  it('stay calm for an empty community', async () => {
    const store = await seededStore([]);
    for (const page of CHART_PAGES) {
      const content = await chartPage(page, context(store));
      for (const s of content.sections) if (s.svg) expect(svgProblems(s.svg)).toEqual([]);
    }
    const web = await chartPage('web', context(store));
    expect(web.sections[0]?.svg).toBeUndefined();
  });

  it('lay out without Math.random, the same positions on every run', () => {
    const random = vi.spyOn(Math, 'random');
    const links = [
      { a: 0, b: 1 },
      { a: 1, b: 2 },
      { a: 3, b: 4 },
    ];
    const first = forceLayout(6, links);
    expect(forceLayout(6, links)).toEqual(first);
    expect(random).not.toHaveBeenCalled();
    random.mockRestore();
    // Members who met sit closer than members who never did.
    const gap = (i: number, j: number) =>
      Math.hypot((first[i]?.x ?? 0) - (first[j]?.x ?? 0), (first[i]?.y ?? 0) - (first[j]?.y ?? 0));
    expect(gap(0, 1)).toBeLessThan(gap(0, 5));
  });

  it("escape group names in the graph's legend and the tables", async () => {
    const odd = {
      x1: { group: 'R&D <core>' },
      x2: { group: 'R&D <core>' },
      x3: { group: 'R&D <core>' },
      x4: {},
    };
    const store = await seededStore(
      [],
      community(odd, [
        { n: 1, at: '2026-11-16T10:00:00.000Z', groups: [['x1', 'x4']], outcomes: { x1: 'met' } },
      ]),
    );
    const svg = (await chartPage('web', context(store))).sections[0]?.svg ?? '';
    expect(svgProblems(svg)).toEqual([]);
    expect(svg).toContain('R&amp;D &lt;core&gt;');
    // Two of them met, two met no one yet (drawn as rings).
    expect([count(svg, 'node'), count(svg, 'node alone')]).toEqual([2, 2]);
  });
});
