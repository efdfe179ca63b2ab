/**
 * Every dashboard page of a lively seeded community in headless Chromium, in English and Dutch:
 * charts drawn with marks, each table's numbers counted again here from the seed's own records
 * (not through the dashboard's functions), each table's CSV equal to the table on the page, no
 * planted name anywhere, nothing wider than a phone, and screenshots of each page.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/types.js';
import type { State } from '../../src/engine/state.js';
import { planRound } from '../../src/pairing/plan.js';
import { say } from '../helpers/texts.js';
import { type DashboardHarness, launchBrowser, SHOTS, startDashboard } from './browser.js';
import {
  JOINED,
  NOW,
  PLANTED,
  type Populated,
  populatedCommunity,
  REF,
  seedInto,
  TABLE_IDS,
  TEAMS,
} from './seed.js';

const OUT = join(SHOTS, 'populated');
const PAGES = {
  overview: '/dashboard',
  growth: '/dashboard/growth',
  web: '/dashboard/web',
  settings: '/dashboard/settings',
  export: '/dashboard/export',
} as const;
type PageName = keyof typeof PAGES;

let browser: Browser;
let h: DashboardHarness;
let seed: Populated;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  browser = await launchBrowser();
  h = await startDashboard(NOW.toISOString());
  seed = populatedCommunity();
  await seedInto(h.app.store, seed.states, seed.community);
});
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

async function signedIn(lang: Lang, width = 1280): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(await h.link(lang, REF));
  expect(page.url()).toBe(`${h.base}/dashboard`);
  return { context, page };
}

// ---- The figures, counted here from the seed's records --------------------------------------

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
/** The Monday (UTC) of a date's week. */
const monday = (date: string) => {
  const t = Date.parse(date.length === 10 ? `${date}T00:00:00Z` : date);
  return iso(t - ((new Date(t).getUTCDay() + 6) % 7) * DAY);
};
const pct = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 100);
const live = (s: State, kind: 'ask' | 'event') =>
  s.commitments.filter((c) => c.kind === kind && c.status !== 'cancelled');

/** Every Monday from the seed's first dated thing to NOW's week. */
function weeks(states: State[]): string[] {
  const dates = states.flatMap((s) => [
    s.createdAt,
    ...s.completed.map((c) => c.at),
    ...live(s, 'ask').map((c) => c.date),
    ...live(s, 'event').map((c) => c.date),
  ]);
  const first = dates.map(monday).sort()[0] as string;
  const out: string[] = [];
  for (let t = Date.parse(first); iso(t) <= monday(NOW.toISOString()); t += 7 * DAY) out.push(iso(t));
  return out;
}

type Row = (string | number | null)[];

function overviewTables(states: State[]): Record<string, Row[]> {
  const ws = weeks(states);
  const inWeek = (date: string, w: string) => monday(date) === w;
  const exercises = ['awareness', 'ask-for-help', 'hook', 'coffee'] as const;
  const done = (s: State, e: string) => s.completed.filter((c) => c.exercise === e);
  const started = (s: State, e: string) =>
    done(s, e).length > 0 || e in s.drafts || e in s.parked || s.flow.at.startsWith(`${e}.`);
  const asksIn = (w: string) => states.flatMap((s) => live(s, 'ask')).filter((c) => inWeek(c.date, w));
  const rounds = seed.community.rounds;
  const team = (u: string) => seed.community.roster[u]?.prefs.group;
  return {
    'overview-members': ws.map((w) => [
      w,
      states.filter((s) => Date.parse(s.createdAt) < Date.parse(`${w}T00:00:00Z`) + 7 * DAY).length,
    ]),
    'overview-exercises': exercises.map((e) => [
      say('en', `charts.exercise.${e}`),
      states.filter((s) => started(s, e)).length,
      states.filter((s) => done(s, e).length > 0).length,
      states.reduce((n, s) => n + done(s, e).length, 0),
    ]),
    'overview-completions': ws.map((w) => [
      w,
      ...exercises.map((e) => states.flatMap((s) => done(s, e)).filter((c) => inWeek(c.at, w)).length),
    ]),
    'overview-asks': ws.map((w) => {
      const answered = asksIn(w).filter((c) => c.outcome !== undefined);
      const guessed = answered.filter((c) => c.predicted !== undefined);
      return [
        w,
        asksIn(w).length,
        guessed.length === 0
          ? null
          : Math.round((guessed.reduce((n, c) => n + (c.predicted ?? 0), 0) / 5 / guessed.length) * 100),
        pct(answered.filter((c) => c.outcome === 'yes').length, answered.length),
      ];
    }),
    'overview-events': ws.map((w) => {
      const events = states.flatMap((s) => live(s, 'event')).filter((c) => inWeek(c.date, w));
      return [w, events.length, events.filter((c) => c.status === 'done').length];
    }),
    'overview-coffee': rounds.map((r) => {
      const groups = r.groups.filter((g) => g.users.length > 1);
      const answers = Object.values(r.outcomes);
      const people = r.groups.flatMap((g) => g.users).length;
      return [
        r.n,
        r.at.slice(0, 10),
        people,
        pct(groups.filter((g) => g.setAt).length, groups.length),
        pct(answers.filter((a) => a === 'met').length, answers.length),
        pct(
          r.groups.filter((g) => g.users.every((u) => team(u)) && new Set(g.users.map(team)).size > 1).length,
          r.groups.length,
        ),
        pct(people - answers.length, people),
        groups.some((g) => g.needMet !== undefined)
          ? pct(groups.filter((g) => g.needMet).length, groups.filter((g) => g.needMet !== undefined).length)
          : null,
      ];
    }),
  };
}

function growthTables(states: State[], lang: Lang): Record<string, Row[]> {
  const maps = states.flatMap((s) => {
    const first = s.completed.find((c) => c.exercise === 'awareness');
    if (!first) return [];
    const then = s.network.people.filter((p) => p.addedAt <= first.at);
    const share = (people: typeof then) => {
      const rated = people.filter((p) => p.ring !== null).length;
      return rated === 0 ? 0 : people.filter((p) => p.ring === 'outer').length / rated;
    };
    return [
      {
        first: { size: then.length, weak: share(then) },
        now: { size: s.network.people.length, weak: share(s.network.people) },
        added: s.network.people.length - then.length,
        revived: s.commitments.filter((c) => c.kind === 'reconnect' && c.status === 'done').length,
      },
    ];
  });
  expect(maps.length).toBeGreaterThanOrEqual(5);
  const sizes = [0, 5, 10, 15, 20, 30, 40];
  const sizeRows = sizes.map((from, i) => {
    const to = sizes[i + 1];
    const inBin = (n: number) => n >= from && (to === undefined || n < to);
    const label = to === undefined ? `${from}+` : `${from}–${to - 1}`;
    return [
      label,
      maps.filter((m) => inBin(m.first.size)).length,
      maps.filter((m) => inBin(m.now.size)).length,
    ];
  });
  const fifth = (share: number) => Math.min(4, Math.floor(share * 5));
  const percent = (n: number) => `${n}%`;
  const weakRows = [0, 1, 2, 3, 4].map((b) => [
    `${percent(b * 20)}–${percent((b + 1) * 20)}`,
    maps.filter((m) => fifth(m.first.weak) === b).length,
    maps.filter((m) => fifth(m.now.weak) === b).length,
  ]);
  return {
    'growth-sizes': sizeRows,
    'growth-weak': weakRows,
    'growth-added': [
      [say(lang, 'charts.growth.added.people'), maps.reduce((n, m) => n + m.added, 0)],
      [say(lang, 'charts.growth.added.members'), maps.filter((m) => m.added > 0).length],
      [say(lang, 'charts.growth.added.revived'), maps.reduce((n, m) => n + m.revived, 0)],
    ],
  };
}

function webTables(lang: Lang): { tables: Record<string, Row[]>; links: number } {
  const c = seed.community;
  const users = Object.keys(c.roster);
  const team = (u: string) => c.roster[u]?.prefs.group;
  const met = new Map(users.map((u) => [u, new Set<string>()]));
  let meetings = 0;
  let across = 0;
  let bothTeamed = 0;
  for (const r of c.rounds)
    for (const g of r.groups) {
      if (!g.users.some((u) => r.outcomes[u] === 'met')) continue;
      for (const a of g.users)
        for (const b of g.users) {
          if (a >= b) continue;
          meetings += 1;
          met.get(a)?.add(b);
          met.get(b)?.add(a);
          if (team(a) && team(b)) {
            bothTeamed += 1;
            if (team(a) !== team(b)) across += 1;
          }
        }
    }
  let close = 0;
  for (const a of users)
    for (const b of users) {
      if (a >= b) continue;
      const direct = met.get(a)?.has(b);
      const common = [...(met.get(a) ?? [])].some((x) => met.get(b)?.has(x));
      if (direct || common) close += 1;
    }
  const pairs = (users.length * (users.length - 1)) / 2;
  const teams = TEAMS.map(([name]) => name);
  const never: Row[] = [];
  for (const [x, tx] of teams.entries())
    for (const ty of teams.slice(x + 1)) {
      const crossed = users.some(
        (a) => team(a) === tx && [...(met.get(a) ?? [])].some((b) => team(b) === ty),
      );
      if (!crossed) never.push([tx, ty]);
    }
  const links = [...met.values()].reduce((n, s) => n + s.size, 0) / 2;
  return {
    links,
    tables: {
      'web-figures': [
        [say(lang, 'charts.web.figures.members'), users.length],
        [say(lang, 'charts.web.figures.meetings'), meetings],
        [say(lang, 'charts.web.figures.twoSteps'), pct(close, pairs)],
        [say(lang, 'charts.web.figures.across'), pct(across, bothTeamed)],
        [say(lang, 'charts.web.figures.metNoOne'), users.filter((u) => met.get(u)?.size === 0).length],
        [say(lang, 'charts.web.figures.neverMet'), never.length],
      ],
      'web-never-met': never,
    },
  };
}

// ---- Reading the page and its CSV -----------------------------------------------------------

interface ShownTable {
  id: string;
  head: string[];
  rows: string[][];
}

const tablesOn = (page: Page): Promise<ShownTable[]> =>
  page.$$eval('table', (tables) =>
    tables.map((t) => ({
      id: t.id.replace(/^table-/, ''),
      head: [...t.querySelectorAll('thead th')].map((th) => th.textContent ?? ''),
      rows: [...t.querySelectorAll('tbody tr')].map((tr) =>
        [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
      ),
    })),
  );

/** RFC 4180 as the export writes it: CRLF rows, quoted fields with doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += ch;
  }
  expect(field).toBe('');
  return rows;
}

const LOCALE = { en: 'en-GB', nl: 'nl-NL' } as const;
const dayShown = (date: string, lang: Lang) =>
  new Intl.DateTimeFormat(LOCALE[lang], { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(`${date}T00:00:00Z`))
    .replace('.', '');

/** What the page shows for one CSV field: a dash for nothing, numbers and days in the admin's language. */
function shownFor(field: string, lang: Lang): string {
  if (field === '') return '–';
  if (/^\d{4}-\d{2}-\d{2}$/.test(field)) return dayShown(field, lang);
  if (/^-?\d+(\.\d+)?$/.test(field)) return Number(field).toLocaleString(LOCALE[lang]);
  return field;
}

/** A CSV field as the figure it holds. */
const value = (field: string): string | number | null =>
  field === '' ? null : /^-?\d+(\.\d+)?$/.test(field) ? Number(field) : field;

const plantedIn = (text: string) => PLANTED.filter((name) => text.toLowerCase().includes(name.toLowerCase()));

describe.each(['en', 'nl'] as const)('a populated community in %s', (lang) => {
  it('every chart page draws its charts with marks, and its tables hold the seed’s figures, as does each CSV', async () => {
    const { context, page } = await signedIn(lang);
    const expected: Record<string, Row[]> = {
      ...overviewTables(seed.states),
      ...growthTables(seed.states, lang),
      ...webTables(lang).tables,
    };
    // The overview's exercise names are in the admin's language.
    expected['overview-exercises'] = (expected['overview-exercises'] ?? []).map(([, ...rest], i) => [
      say(
        lang,
        `charts.exercise.${(['awareness', 'ask-for-help', 'hook', 'coffee'] as const)[i] ?? 'coffee'}`,
      ),
      ...rest,
    ]);
    const charts: Record<'overview' | 'growth' | 'web', number> = { overview: 6, growth: 2, web: 1 };
    const seen = new Set<string>();
    for (const name of ['overview', 'growth', 'web'] as const) {
      expect((await page.goto(`${h.base}${PAGES[name]}`))?.status()).toBe(200);
      const svgs = page.locator('figure.chart svg');
      expect(await svgs.count(), name).toBe(charts[name]);
      for (let i = 0; i < charts[name]; i++) {
        const marks = await svgs.nth(i).evaluate((svg) => ({
          lines: [...svg.querySelectorAll('path')].filter((p) => (p.getAttribute('d') ?? '').includes('L'))
            .length,
          points: svg.querySelectorAll('circle').length,
          bars: [...svg.querySelectorAll('rect.bar')].filter((r) => Number(r.getAttribute('height')) > 0)
            .length,
          box: svg.getBoundingClientRect().height,
        }));
        expect(marks.lines + marks.points + marks.bars, `${name} chart ${i}`).toBeGreaterThan(0);
        expect(marks.box).toBeGreaterThan(100);
      }
      if (name === 'web') {
        expect(await page.locator('svg circle.node').count()).toBe(Object.keys(seed.community.roster).length);
        expect(await page.locator('svg g.links line').count()).toBe(webTables(lang).links);
        // Members who met no one are rings, one per member the seed has without a coffee.
        expect(await page.locator('svg circle.node.alone').count()).toBe(
          webTables(lang).tables['web-figures']?.[4]?.[1],
        );
      }
      for (const table of await tablesOn(page)) {
        seen.add(table.id);
        const response = await context.request.get(`${h.base}/dashboard/export/${table.id}.csv`);
        expect(response.status(), table.id).toBe(200);
        expect(response.headers()['content-type']).toMatch(/^text\/csv/);
        const [head, ...rows] = parseCsv(await response.text());
        expect(head, table.id).toEqual(table.head);
        expect(
          rows.map((r) => r.map(value)),
          table.id,
        ).toEqual(expected[table.id]);
        expect(table.rows, table.id).toEqual(rows.map((r) => r.map((f) => shownFor(f, lang))));
      }
    }
    expect([...seen].sort()).toEqual(Object.keys(expected).sort());
    await context.close();
  });

  it('the settings page previews the next round in counts only; the export page offers every table', async () => {
    const { context, page } = await signedIn(lang);
    await page.goto(`${h.base}${PAGES.settings}`);
    const { round } = planRound(seed.community, NOW);
    expect(await page.locator('#preview p').first().textContent()).toBe(
      say(lang, 'dashboard.settings.previewGroups', {
        groups: JOINED / 2,
        sizes: `${JOINED / 2} × 2`,
        groupBy: 'team',
        cross: round.crossGroup,
        pairs: JOINED / 2,
        absent: 0,
        unplaced: 0,
      }),
    );
    expect(await page.locator('form.settings select, form.settings input').count()).toBeGreaterThan(5);
    await page.goto(`${h.base}${PAGES.export}`);
    const files = await page
      .locator('ul.exports a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(files).toEqual(['coffee-rounds', ...TABLE_IDS].map((id) => `/dashboard/export/${id}.csv`));
    const rounds = parseCsv(await (await context.request.get(`${h.base}${files[0]}`)).text());
    expect(rounds.length - 1).toBe(seed.community.rounds.length);
    await context.close();
  });

  it('no page and no CSV holds a planted name, though the store is full of them', async () => {
    // The seed really holds them: a member's map, the coffee roster.
    expect(plantedIn(JSON.stringify(seed.states))).toEqual(PLANTED);
    expect(plantedIn(JSON.stringify(seed.community.roster))).toEqual(PLANTED);
    expect(seed.names.length).toBeGreaterThan(500);
    const { context, page } = await signedIn(lang);
    const bodies: [string, string][] = [];
    for (const [name, path] of Object.entries(PAGES)) {
      await page.goto(`${h.base}${path}`);
      bodies.push([name, await page.content()]);
    }
    const files = await page
      .locator('ul.exports a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(files.length).toBe(12);
    for (const file of files)
      bodies.push([file, await (await context.request.get(`${h.base}${file}`)).text()]);
    for (const [where, body] of bodies) {
      expect(plantedIn(body), where).toEqual([]);
      expect(
        seed.names.filter((n) => body.includes(n)),
        where,
      ).toEqual([]);
    }
    await context.close();
  });

  it('each page fits a phone (tables scroll in their own box) and is saved as a screenshot at 1280 and 375', async () => {
    for (const width of [1280, 375]) {
      const { context, page } = await signedIn(lang, width);
      for (const [name, path] of Object.entries(PAGES) as [PageName, string][]) {
        await page.goto(`${h.base}${path}`);
        const overflow = await page.evaluate<number>(
          'document.documentElement.scrollWidth - window.innerWidth',
        );
        expect(overflow, `${name} at ${width}`).toBeLessThanOrEqual(0);
        if (width === 375 && name !== 'settings' && name !== 'export') {
          const wide = await page.evaluate<{ scroll: number; box: number; overflow: string }[]>(
            `[...document.querySelectorAll('.table-box')].map((b) => ({ scroll: b.scrollWidth, box: b.clientWidth, overflow: getComputedStyle(b).overflowX }))`,
          );
          for (const box of wide) {
            expect(box.box).toBeLessThanOrEqual(375);
            expect(box.overflow).toBe('auto');
          }
          // The overview's coffee table is wider than a phone: it scrolls inside its box.
          if (name === 'overview') expect(wide.some((b) => b.scroll > b.box)).toBe(true);
          // Charts too: drawn wider than the phone so their labels stay readable, scrolled in their figure.
          const figures = await page.evaluate<{ svg: number; scroll: number; box: number }[]>(
            `[...document.querySelectorAll('figure.chart')].map((f) => ({ svg: f.querySelector('svg').getBoundingClientRect().width, scroll: f.scrollWidth, box: f.clientWidth }))`,
          );
          expect(figures.length).toBeGreaterThan(0);
          for (const f of figures) {
            expect(f.svg).toBeGreaterThanOrEqual(560);
            expect(f.scroll).toBeGreaterThan(f.box);
          }
        }
        await page.screenshot({ path: join(OUT, `${name}-${lang}-${width}.png`), fullPage: true });
      }
      await context.close();
    }
  });
});
