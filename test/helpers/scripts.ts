/** Scripted conversations shared by the end-to-end tests. */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { RECALL_DOMAINS } from '../../src/network/model.js';
import type { CliSession, ScriptStep, Turn } from './cli.js';
import { runScript } from './cli.js';
import { say, variants } from './texts.js';

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export const isPng = (path: string): boolean =>
  readFileSync(path).subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE);

/** The parts of life the network map walks through, in order. */
export const DOMAIN_ORDER = RECALL_DOMAINS;

export const part = (n: number) => `Part ${n} of 10\n`;

/**
 * The shortest complete network-map exercise in English, from the welcome question: `names`
 * in current work (everyone else skipped), all rated `ring`/`contact` by groups, every resource
 * "nobody". Ends with the menu question after the summary.
 */
export async function quickExercise(
  session: CliSession,
  names: string[],
  rating: { ring: Rating['ring']; contact: Rating['contact'] } = { ring: 'inner', contact: 'weekly' },
): Promise<Turn[]> {
  const steps: ScriptStep[] = [
    { send: { choice: 'begin' }, expect: 'Your network is bigger than you think' },
    { send: { choice: 'begin' }, expect: part(1) },
    { send: { text: names.join(', ') }, expect: 'your current work' },
    { send: { choice: 'none' }, expect: part(2) },
  ];
  for (let n = 3; n <= 10; n++) steps.push({ send: { choice: 'none' }, expect: part(n) });
  steps.push({ send: { choice: 'none' }, expect: 'important matters in your work' });
  steps.push({ send: { choice: 'none' }, expect: 'changing jobs' });
  steps.push({ send: { choice: 'none' }, expect: 'mattered most for your career' });
  steps.push({ send: { choice: 'none' }, expect: say('en', 'rateGroup.inner') });
  const turns = await runScript(session, steps);
  const last = turns.at(-1);
  if (!last) throw new Error('no turns');
  const ratings = Object.fromEntries(names.map((name) => [name, rating]));
  const rated = await rateInGroups(session, last, ratings, 'en');
  const end = await runScript(session, [
    { send: { choice: 'none' }, expect: say('en', 'resourceTheme.expertise') },
    { send: { choice: 'none' }, expect: 'What would you like to do?' },
  ]);
  if (!rated.turn.question.text.includes(say('en', 'resourceTheme.career')))
    throw new Error(`the rating ended at: ${rated.turn.question.text}`);
  return [...turns, ...rated.turns, ...end];
}

/** The "who else?" question of the part of life (its id) at this index (the variant turns with the index). */
export function probe(domain: string, index: number, lang = 'en'): string {
  const all = variants(lang, 'recall.probe', { domain: say(lang, `domainFrom.${domain}`) });
  return all[index % all.length] as string;
}

/** How a scripted member rates someone: ring and last contact, and the part of life when asked. */
export interface Rating {
  ring: 'inner' | 'middle' | 'outer';
  contact: 'weekly' | 'monthly' | 'yearly' | 'dormant';
  domain?: string;
}

/** What a tick means at each group question of the rating round (src/exercises/rate-stages.ts). */
const GROUP_VALUES = {
  inner: ['ring', 'inner'],
  middle: ['ring', 'middle'],
  weekly: ['contact', 'weekly'],
  monthly: ['contact', 'monthly'],
  yearly: ['contact', 'yearly'],
} as const;
export type GroupStage = keyof typeof GROUP_VALUES;

/** The group question a text asks in `lang` ("Which of these people are close to you…"), if any. */
export function groupStage(text: string, lang: string): GroupStage | undefined {
  return (Object.keys(GROUP_VALUES) as GroupStage[]).find((stage) =>
    text.startsWith(say(lang, `rateGroup.${stage}`)),
  );
}

/**
 * What the member types at a group question: the numbers ("1, 4, 7") or the names of the listed
 * people who get the question's value, or the "None of them" label when nobody does.
 */
export function groupAnswer(
  stage: GroupStage,
  options: readonly { label: string }[],
  ratings: Readonly<Record<string, Rating>>,
  lang: string,
  by: 'numbers' | 'names' = 'numbers',
): string {
  const [attribute, value] = GROUP_VALUES[stage];
  const chosen = options.flatMap((o, i) =>
    ratings[o.label]?.[attribute] === value ? [{ o, n: i + 1 }] : [],
  );
  if (chosen.length === 0) return say(lang, 'rateGroup.none');
  return chosen.map(({ o, n }) => (by === 'numbers' ? String(n) : o.label)).join(', ');
}

/** The person a "where do you know X from?" question is about, if the text is one. */
export function whereName(
  text: string,
  ratings: Readonly<Record<string, Rating>>,
  lang: string,
): string | undefined {
  return Object.keys(ratings).find((name) => text === say(lang, 'rateGroup.where', { name }));
}

/**
 * Answers the rating round in the terminal as `ratings` say, from the turn that asks its first
 * question until a question that is not part of it. Returns that turn, the inputs and the turns.
 */
export async function rateInGroups(
  session: CliSession,
  first: Turn,
  ratings: Readonly<Record<string, Rating>>,
  lang: string,
  by: 'numbers' | 'names' = 'numbers',
): Promise<{ turn: Turn; inputs: string[]; turns: Turn[] }> {
  const inputs: string[] = [];
  const turns: Turn[] = [];
  let turn = first;
  for (;;) {
    const { text, pick } = turn.question;
    const stage = groupStage(text, lang);
    const name = whereName(text, ratings, lang);
    let input: string;
    if (stage && pick) input = groupAnswer(stage, pick.options, ratings, lang, by);
    else if (name) input = JSON.stringify({ choice: ratings[name]?.domain });
    else return { turn, inputs, turns };
    inputs.push(input);
    turn = await session.ask(input);
    turns.push(turn);
  }
}

/**
 * Typed like a person at a terminal: option numbers, option labels (in any case) and free text.
 * People: Anna, Piet, Mo (werk), Els (school), Mama, Papa, Oma (familie).
 */
export const DUTCH_MAP_LINES = [
  '1', // welcome: Mijn netwerk in kaart brengen
  'Laten we beginnen', // intro, by its label
  'Anna, Piet en Mo', // 1 huidig werk
  'Verder niemand', // probe, fruitless: parts 2 and 3 go without one
  'Niemand hier', // 2 vroeger werk
  '1', // 3 studie: the only option, Niemand hier
  'Els', // 4 school
  '1', // probe: Verder niemand; parts 5 and 6 go without one
  'Mama, Papa en Oma', // 5 familie
  'niemand hier', // 6 vrienden
  '1', // 7 buurt
  'Niemand hier', // 8 besturen
  'Niemand hier', // 9 verenigingen
  'Niemand hier', // 10 online
  'Anna', // career: discuss (already on the map)
  'Niemand', // career: job change
  '1', // career: career (Niemand)
  // Rating by groups, the people numbered in the order they were added.
  '1, 5, 6', // dichtbij: Anna, Mama, Papa
  'Oma', // daartussenin; Piet, Mo and Els go to the outer ring
  'Anna, Mama en Papa', // deze week
  'niemand van hen', // deze maand
  'Mo, Oma', // de afgelopen drie jaar; Piet and Els are dormant
  // Resources. Werk en loopbaan: organisation, salaries, reference, hires, cv.
  '3, 5', // reference and cv
  '1', // only an acquaintance: reference
  'allemaal', // instanties en deskundigheid: board, government, press, legal, financial
  '1', // only an acquaintance: board
];

/**
 * The map of the eleven-person English script (test/console/awareness-en and
 * test/exercises/awareness): its `exercise.completed` data as both drive it.
 */
export function expectElevenPeopleMap(data: Record<string, unknown>): void {
  expect(data).toMatchObject({
    size: 11,
    strong: 3,
    middle: 3,
    weak: 5,
    domainsUsed: 6,
    crossovers: 3,
    dormant: 3,
    perDomain: {
      work: 3,
      former: 0,
      study: 1,
      school: 0,
      family: 2,
      friends: 3,
      neighbourhood: 0,
      volunteering: 0,
      associations: 1,
      online: 1,
    },
    resources: {
      reachable: ['organisation', 'salaries', 'reference', 'press', 'legal', 'financial', 'cv'],
      weakOnly: ['salaries', 'press'],
      myself: [],
      gaps: ['board', 'government', 'hires'],
    },
  });
  expect(data.strongShare).toBeCloseTo(3 / 11, 10);
  expect(data.weakShare).toBeCloseTo(5 / 11, 10);
  // Blau over the domain counts 3,1,2,3,1,1 of 11 people and 10 domains.
  const blau = 1 - (9 + 1 + 4 + 9 + 1 + 1) / 121;
  expect(data.blau).toBeCloseTo(blau, 10);
  expect(data.blauNormalised).toBeCloseTo(blau / (1 - 1 / 11), 10); // 11 domains, events included
}
