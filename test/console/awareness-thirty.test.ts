/**
 * Issue 14: a member maps 30 people in at most 35 inputs. The whole network-map exercise in the
 * terminal, from the menu to the summary, in English and in Dutch, counting every input sent.
 */
import { describe, expect, it } from 'vitest';
import { type Input, runCli, type Turn, useCli } from '../helpers/cli.js';
import { type Rating, rateInGroups } from '../helpers/scripts.js';
import { say, variants } from '../helpers/texts.js';

const e2e = useCli();

/** The budget the issue sets for 30 people. */
const MAX_INPUTS = 35;

const r = (ring: Rating['ring'], contact: Rating['contact'], domain?: string): Rating => ({
  ring,
  contact,
  ...(domain ? { domain } : {}),
});

/**
 * Thirty people over nine parts of life: 28 recalled (school brings nobody), two named only at the
 * work questions (Lucas, Vera), who are asked where the member knows them from. Seven close, eight
 * in between, fifteen acquaintances; seven in touch this week, eight this month, nine in the last
 * three years, six dormant.
 */
const PEOPLE: Record<string, Rating & { from: string }> = {
  Anna: { ...r('inner', 'weekly'), from: 'work' },
  Piet: { ...r('middle', 'weekly'), from: 'work' },
  Mo: { ...r('outer', 'weekly'), from: 'work' },
  Fatima: { ...r('outer', 'weekly'), from: 'work' },
  Ruben: { ...r('middle', 'monthly'), from: 'work' },
  Sanne: { ...r('middle', 'yearly'), from: 'former' },
  Joris: { ...r('outer', 'dormant'), from: 'former' },
  Lotte: { ...r('middle', 'yearly'), from: 'study' },
  Daan: { ...r('outer', 'dormant'), from: 'study' },
  Joost: { ...r('outer', 'dormant'), from: 'study' },
  Mama: { ...r('inner', 'weekly'), from: 'family' },
  Papa: { ...r('inner', 'monthly'), from: 'family' },
  Eva: { ...r('inner', 'weekly'), from: 'family' },
  Bram: { ...r('inner', 'monthly'), from: 'family' },
  Oma: { ...r('middle', 'monthly'), from: 'family' },
  Noor: { ...r('inner', 'weekly'), from: 'friends' },
  Sem: { ...r('inner', 'monthly'), from: 'friends' },
  Iris: { ...r('middle', 'monthly'), from: 'friends' },
  Tim: { ...r('middle', 'yearly'), from: 'friends' },
  Henk: { ...r('outer', 'monthly'), from: 'neighbourhood' },
  Ingrid: { ...r('outer', 'yearly'), from: 'neighbourhood' },
  Yusuf: { ...r('outer', 'yearly'), from: 'neighbourhood' },
  Kees: { ...r('middle', 'monthly'), from: 'volunteering' },
  Marloes: { ...r('outer', 'yearly'), from: 'volunteering' },
  Wim: { ...r('outer', 'yearly'), from: 'associations' },
  Ellen: { ...r('outer', 'yearly'), from: 'associations' },
  Gijs: { ...r('outer', 'dormant'), from: 'associations' },
  Hanna: { ...r('outer', 'dormant'), from: 'associations' },
  Lucas: { ...r('outer', 'yearly', 'work'), from: 'work' },
  Vera: { ...r('outer', 'dormant', 'online'), from: 'online' },
};

const NONE = { choice: 'none' };

/** The recall and work questions: what the member sends, and what the coach must ask next. */
function recallScript(lang: string): [send: Input, expect: (text: string) => boolean][] {
  const part = (n: number, domain: string) => (t: string) =>
    t.startsWith(say(lang, 'recall.progress', { n, of: 10 })) && t.includes(say(lang, `recall.${domain}`));
  const probe = (label: string) => (t: string) =>
    variants(lang, 'recall.probe', { domain: say(lang, `domainFrom.${label}`) }).includes(t);
  const is = (key: string) => (t: string) => t === say(lang, key);
  return [
    [{ choice: 'awareness' }, is('awareness.intro')],
    [{ choice: 'begin' }, part(1, 'work')],
    ['Anna, Piet, Mo, Fatima', probe('work')],
    ['Ruben', part(2, 'former')],
    ['Sanne, Joris', probe('former')],
    // A probe that brings nobody: the next two parts go without one.
    [NONE, part(3, 'study')],
    ['Lotte, Daan, Joost', part(4, 'school')],
    [NONE, part(5, 'family')],
    ['Mama, Papa, Eva, Bram', probe('family')],
    ['Oma', part(6, 'friends')],
    ['Noor, Sem, Iris, Tim', probe('friends')],
    [NONE, part(7, 'neighbourhood')],
    ['Henk, Ingrid, Yusuf', part(8, 'volunteering')],
    ['Kees, Marloes', part(9, 'associations')],
    ['Wim, Ellen, Gijs', probe('associations')],
    ['Hanna', part(10, 'online')],
    [NONE, is('career.discuss')],
    ['Anna, Ruben, Lucas', is('career.jobChange')],
    ['Sanne, Kees', is('career.career')],
    // The rating round begins: "which of these people are close to you? (1 of 2)".
    [
      'Piet, Vera',
      (t) => t === `${say(lang, 'rateGroup.inner')} ${say(lang, 'rateGroup.page', { n: 1, of: 2 })}`,
    ],
  ];
}

/** The resource questions: the first theme's "who do you know" ticks, then the acquaintances among them. */
function resourceScript(lang: string): [send: Input, expect: (text: string) => boolean][] {
  return [
    // Work and career: organisation, salaries, reference, hires, cv; nobody who hires.
    ['1, 2, 3, 5', (t) => t === say(lang, 'resourceTheme.weakOnly')],
    // Among organisation, salaries, reference, cv: only acquaintances for the first two.
    ['1-2', (t) => t === say(lang, 'resourceTheme.expertise')],
    // Institutions and expertise: board, government, press, legal, financial.
    ['1, 4, 5', (t) => t === say(lang, 'resourceTheme.weakOnly')],
    // The summary, ending on a first step with named people.
    ['1', (t) => t.startsWith(say(lang, 'nextStep.start', { people: '' }).replace(/\.$/, ''))],
  ];
}

describe.each(['en', 'nl'])('console --json: thirty people mapped in at most 35 inputs (%s)', (lang) => {
  it('goes from the menu to the summary and stores every rating as chosen', { timeout: 60_000 }, async () => {
    const sandbox = e2e.sandbox();
    const session = e2e.start(sandbox, { user: 'T', lang, json: true });
    const welcome = await session.question();
    expect(welcome.question.text).toBe(say(lang, 'welcome.intro'));
    // To the menu: the count starts where the member chooses the exercise.
    const menu = await session.ask({ choice: 'menu' });
    expect(menu.question.text).toBe(say(lang, 'menu.prompt'));

    const sent: Input[] = [];
    const send = async (input: Input): Promise<Turn> => {
      sent.push(input);
      return session.ask(input);
    };
    let turn = menu;
    for (const [i, [input, expected]] of recallScript(lang).entries()) {
      turn = await send(input);
      if (!expected(turn.question.text))
        throw new Error(`step ${i + 1} (${JSON.stringify(input)}) led to: ${turn.question.text}`);
    }
    expect(turn.replies.map((t) => t.text)).toContain(say(lang, 'rateGroup.intro', { count: 30 }));
    // The first page: fifteen people, in the order they were named; Mo is the third.
    expect(turn.question.pick?.options.map((o) => o.label)).toEqual(Object.keys(PEOPLE).slice(0, 15));
    expect(turn.question.choices?.map((c) => c.id)).toEqual(['none', 'skip']);

    // Close ones typed as numbers in English, as names in Dutch.
    const ratings = Object.fromEntries(
      Object.entries(PEOPLE).map(([name, { from: _, ...rating }]) => [name, rating]),
    );
    const rated = await rateInGroups(session, turn, ratings, lang, lang === 'en' ? 'numbers' : 'names');
    sent.push(...rated.inputs);
    turn = rated.turn;
    // Closeness: 2 pages + 1; last contact: 2 pages + 1 + 1; Lucas and Vera: 1 each.
    expect(rated.inputs).toHaveLength(9);
    expect(turn.question.text).toBe(
      `${say(lang, 'resourceTheme.intro')}\n\n${say(lang, 'resourceTheme.career')}`,
    );
    expect(turn.question.pick?.options.map((o) => o.id)).toEqual([
      'organisation',
      'salaries',
      'reference',
      'hires',
      'cv',
    ]);
    // Each finished attribute is said back in one line.
    const acks = rated.turns.flatMap((t) => t.replies.map((x) => x.text));
    expect(acks).toContain(say(lang, 'rateGroup.ringsDone', { inner: 7, middle: 8, outer: 15 }));
    expect(acks).toContain(
      say(lang, 'rateGroup.contactsDone', { weekly: 7, monthly: 8, yearly: 9, dormant: 6 }),
    );

    let last = turn;
    for (const [i, [input, expected]] of resourceScript(lang).entries()) {
      last = await send(input);
      if (!expected(last.question.text))
        throw new Error(`resource step ${i + 1} led to: ${last.question.text}`);
    }

    // The count: every input from choosing the exercise to the summary.
    expect(sent.length).toBeLessThanOrEqual(MAX_INPUTS);
    expect(sent.length).toBe(33);
    // Within budget even counting the step from the welcome to the menu.
    expect(sent.length + 1).toBeLessThanOrEqual(MAX_INPUTS);

    const event = last.events.find((e) => e.name === 'exercise.completed');
    expect(event?.data).toMatchObject({
      size: 30,
      strong: 7,
      middle: 8,
      weak: 15,
      dormant: 6,
      domainsUsed: 9,
      resources: {
        reachable: ['organisation', 'salaries', 'board', 'reference', 'legal', 'financial', 'cv'],
        weakOnly: ['organisation', 'salaries', 'board'],
        gaps: ['government', 'press', 'hires'],
      },
    });

    expect(await session.end()).toEqual({ code: 0, signal: null });
    const exported = await runCli(sandbox, ['export', '--user', 'T']);
    expect(exported.code).toBe(0);
    const { member } = JSON.parse(exported.stdout) as {
      member: {
        network: {
          people: { name: string; ring: string; contact: string; domain: string }[];
          resources: unknown;
        };
      };
    };
    const stored = Object.fromEntries(
      member.network.people.map((p) => [p.name, [p.ring, p.contact, p.domain]]),
    );
    const chosen = Object.fromEntries(
      Object.entries(PEOPLE).map(([name, p]) => [name, [p.ring, p.contact, p.from]]),
    );
    expect(stored).toEqual(chosen);
    expect(member.network.resources).toEqual({
      organisation: 'acquaintance',
      salaries: 'acquaintance',
      reference: 'friend',
      hires: 'nobody',
      cv: 'friend',
      board: 'acquaintance',
      government: 'nobody',
      press: 'nobody',
      legal: 'friend',
      financial: 'friend',
    });
  });
});
