import { describe, expect, it } from 'vitest';
import { CHART_PAGES } from '../../src/dashboard/content.js';
import { allTables, chartPage } from '../../src/dashboard/pages.js';
import { silentLogger } from '../../src/log.js';
import { createMemberRepo } from '../../src/store/members.js';
import { openStore } from '../../src/store/open.js';
import { type CliSession, runCli, type Sandbox, useCli } from '../helpers/cli.js';
import { texts } from '../helpers/engine.js';
import { quickExercise } from '../helpers/scripts.js';
import { svgProblems } from './seed.js';

const e2e = useCli();
const MONDAY = '2026-12-07T09:00:00Z';
const CHECKIN = '2026-12-11T16:00:00Z';

/** Five terminal members with their coffee names, teams and maps; every name here is planted. */
const MEMBERS = [
  { user: 'ana', coffeeName: 'Zyxwanda', group: 'Sales', people: ['Qorvath', 'Mirelbug'], answer: 'met' },
  {
    user: 'ben',
    coffeeName: 'Xantippo',
    group: 'Sales',
    people: ['Plombix', 'Vrendolyn', 'Ulgarth'],
    answer: 'met',
  },
  { user: 'cas', coffeeName: 'Ozymandrel', group: 'Ops', people: ['Kwibbel'], answer: 'met' },
  { user: 'dirk', coffeeName: 'Frabjouse', group: 'Ops', people: ['Jibberlin', 'Snorvax'], answer: 'met' },
  {
    user: 'eva',
    coffeeName: 'Gleepwort',
    group: 'Ops',
    people: ['Trundlemop', 'Wexford', 'Brimbleton', 'Yarrowlyn'],
    answer: 'missed',
  },
] as const;
const PLANTED = MEMBERS.flatMap((m) => [m.coffeeName, ...m.people]);

/** Joins the coffees from the menu, giving a first name and a team as a member would. */
async function joinCoffees(session: CliSession, name: string, group: string) {
  await session.ask({ command: 'coffee' });
  expect((await session.ask({ choice: 'join' })).question.form).toBeDefined();
  await session.ask({ text: name });
  await session.ask({ choice: 'group' });
  await session.ask({ text: group });
}

/** The member opens the terminal after the check-in fell due and answers it (times questions go by). */
async function answerCheckIn(sandbox: Sandbox, user: string, answer: string) {
  const session = e2e.start(sandbox, { user, lang: 'en', json: true });
  let turn = await session.ask({ command: 'continue' });
  for (let i = 0; i < 4 && !turn.question.choices?.some((c) => c.id === 'met'); i++)
    turn = await session.ask({ choice: 'back' });
  expect(turn.question.choices?.map((c) => c.id)).toEqual(['met', 'later', 'missed']);
  await session.ask({ choice: answer });
  await session.end();
}

describe('the dashboard over a community made through the terminal', () => {
  it('counts the maps, the round and the check-ins the members gave, and shows none of their names', {
    timeout: 180_000,
  }, async () => {
    const sandbox = e2e.sandbox({ TZ: 'UTC' });
    for (const m of MEMBERS) {
      const session = e2e.start(sandbox, { user: m.user, lang: 'en', json: true });
      await session.question();
      await quickExercise(session, [...m.people], { ring: 'middle', contact: 'monthly' });
      await joinCoffees(session, m.coffeeName, m.group);
      await session.end();
    }
    expect((await runCli(sandbox, ['pairing', 'run', '--now', MONDAY])).code).toBe(0);
    expect((await runCli(sandbox, ['tick', '--now', CHECKIN])).code).toBe(0);
    for (const m of MEMBERS) await answerCheckIn(sandbox, m.user, m.answer);
    const stats = JSON.parse((await runCli(sandbox, ['pairing', 'stats', '--json'])).stdout);

    const store = await openStore(sandbox.env.STORE_URL as string, silentLogger);
    try {
      const ctx = {
        store,
        community: { platform: 'console', space: 'local' } as const,
        lang: 'en' as const,
        say: texts.forLang('en'),
        now: new Date('2026-12-12T10:00:00Z'),
      };
      const tables = Object.fromEntries((await allTables(ctx)).map((t) => [t.id, t]));
      expect(tables['overview-members']?.rows.at(-1)?.[1]).toBe(5);
      expect(tables['overview-exercises']?.rows[0]).toEqual(['network map', 5, 5, 5]);
      // One round of five: four said they met, one that it did not happen; as `pairing stats` says.
      const round = stats.rounds[0];
      expect(tables['overview-coffee']?.rows).toEqual([
        [
          1,
          MONDAY.slice(0, 10),
          5,
          Math.round(round.timeSetRate * 100),
          80,
          Math.round(round.crossGroupRate * 100),
          0,
          null,
        ],
      ]);
      // Five maps of 1 to 4 people, nothing added since: exactly enough to be shown.
      // Five maps of 1 to 4 people; each member who met has their partners on the map since.
      const repo = createMemberRepo(store, silentLogger);
      const records = await Promise.all(
        MEMBERS.map(
          async (m) =>
            (await repo.load({ platform: 'console', space: 'local', user: m.user }, ctx.now)).state,
        ),
      );
      const sizes = records.map((r) => r?.network.people.length ?? 0);
      const added = records.map((r, i) => (r?.network.people.length ?? 0) - (MEMBERS[i]?.people.length ?? 0));
      expect(added.reduce((a, b) => a + b, 0)).toBe(6);
      expect(tables['growth-sizes']?.rows[0]).toEqual(['0–4', 5, sizes.filter((n) => n < 5).length]);
      expect(tables['growth-sizes']?.rows[1]).toEqual(['5–9', 0, sizes.filter((n) => n >= 5).length]);
      expect(tables['growth-added']?.rows.map((r) => r[1])).toEqual([
        6,
        added.filter((n) => n > 0).length,
        0,
      ]);
      // A pair and a trio, each with someone who met: four meetings, nobody left out.
      const figures = tables['web-figures']?.rows.map((r) => r[1]);
      // Pair and trio: 1 + 3 of the 10 member pairs are within two steps; across groups as `pairing stats` counts it.
      expect(figures).toEqual([5, 4, 40, Math.round(round.crossGroupRate * 100), 0, 0]);

      for (const lang of ['en', 'nl'] as const) {
        const pages = await Promise.all(
          CHART_PAGES.map((p) => chartPage(p, { ...ctx, lang, say: texts.forLang(lang) })),
        );
        for (const s of pages.flatMap((p) => p.sections)) if (s.svg) expect(svgProblems(s.svg)).toEqual([]);
        const text = JSON.stringify(pages) + JSON.stringify(await allTables({ ...ctx, lang }));
        for (const name of PLANTED) expect(text).not.toContain(name);
        for (const m of MEMBERS) expect(text).not.toMatch(new RegExp(`\\b${m.user}\\b`, 'i'));
      }
    } finally {
      await store.close();
    }
  });
});
