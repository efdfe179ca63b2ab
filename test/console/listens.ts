/**
 * Issue 13, items 1, 2, 3, 7 and 8, through the terminal adapter: one scripted member per language
 * runs the built CLI in JSON-lines mode and types the inputs the issue quotes (names with notes,
 * list endings, own words for options, dates in words, follow-ups due together, counts and hours).
 * Only what is printed is checked. Parts that other items reshape (the reflection, the request)
 * are answered by `answerUntil`, which asserts nothing about them. Items 4, 5, 6 and 9 are driven
 * by `coaches` at the end of this file (listens-coach-en/nl.test.ts).
 */
import { expect } from 'vitest';
import type { Lang } from '../../src/core/types.js';
import {
  type Cli,
  type CliSession,
  type OutLine,
  type ReplyLine,
  runCli,
  type Turn,
} from '../helpers/cli.js';
import { say, variants } from '../helpers/texts.js';

/** The member's time zone (the terminal's), so every day below is counted as the CLI counts it. */
export const ZONE = 'Europe/Amsterdam';

// --- The calendar, written out here so the expected days do not come from the code under test.

const DAY_MS = 86_400_000;
const WEEKDAYS: Record<Lang, string[]> = {
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  nl: ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'],
};
const MONTHS: Record<Lang, string[]> = {
  en: 'January February March April May June July August September October November December'.split(' '),
  nl: 'januari februari maart april mei juni juli augustus september oktober november december'.split(' '),
};

/** The day of an instant in the zone, as YYYY-MM-DD. */
const dayIn = (zone: string, at: Date): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(at);

/** Today in the zone. */
export const todayIn = (zone: string): string => dayIn(zone, new Date());

const ms = (date: string) => Date.parse(`${date}T00:00:00Z`);
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
export const addDays = (date: string, n: number) => iso(ms(date) + n * DAY_MS);
const weekday = (date: string) => new Date(ms(date)).getUTCDay();

/** "friday": the coming one, today included (0 = Sunday). */
export const coming = (today: string, day: number) => addDays(today, (day - weekday(today) + 7) % 7);

/** "volgende week dinsdag": that weekday in the week (Monday to Sunday) after this one. */
export const nextWeeks = (today: string, day: number) =>
  addDays(today, 7 - ((weekday(today) + 6) % 7) + ((day + 6) % 7));

/** "10 december", "12-3": the first such day from today on. */
export function nextOf(today: string, month: number, day: number): string {
  const year = Number(today.slice(0, 4));
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${year}-${pad(month)}-${pad(day)}`;
  return date >= today ? date : `${year + 1}-${pad(month)}-${pad(day)}`;
}

/** A day as the coach must say it: weekday, day and month, the year only when it is not this year. */
export function spoken(date: string, lang: Lang, today: string): string {
  const d = new Date(ms(date));
  const words = `${WEEKDAYS[lang][d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[lang][d.getUTCMonth()]}`;
  return date.slice(0, 4) === today.slice(0, 4) ? words : `${words} ${date.slice(0, 4)}`;
}

// --- Reading the conversation.

const texts = (lines: OutLine[]) => lines.flatMap((l) => (l.type === 'reply' ? [l.text] : []));
const ids = (line: ReplyLine) => (line.choices ?? []).map((c) => c.id);
const isFollowUp = (line: OutLine) =>
  line.type === 'reply' && JSON.stringify(ids(line)) === JSON.stringify(['yes', 'no', 'notyet', 'drop']);

/** A turn, with the texts said before its question. */
type Said = Turn & { said: string[] };

const withSaid = (turn: Turn): Said => {
  expect(turn.errors).toEqual([]);
  return { ...turn, said: texts(turn.replies) };
};

/** Sends one input and waits for the question after it. */
const send = async (s: CliSession, input: string | Record<string, unknown>): Promise<Said> =>
  withSaid(await s.ask(input));

/**
 * Answers whatever comes (a text question with `text`, the first choice otherwise, "add" and "keep"
 * where offered, `name` where it is a choice) until a question `done` accepts; at most 20 turns.
 */
async function answerUntil(
  s: CliSession,
  first: Said,
  done: (q: ReplyLine) => boolean,
  answers: { text: string; name: string; whom: (q: ReplyLine) => boolean },
): Promise<Said> {
  let turn = first;
  for (let n = 0; n < 20 && !done(turn.question); n++) {
    const q = turn.question;
    const offered = ids(q).filter((id) => id !== 'menu');
    const byName = q.choices?.find((c) => c.label === answers.name);
    // Whom to ask: the suggestions may not hold them, and a name typed there always counts.
    const input =
      byName || answers.whom(q)
        ? answers.name
        : offered.includes('add')
          ? { choice: 'add' }
          : offered.includes('keep')
            ? { choice: 'keep' }
            : offered.length === 0 || offered.every((id) => id === 'skip')
              ? answers.text
              : { choice: offered[0] };
    turn = await send(s, input);
  }
  expect(done(turn.question), `never reached the expected question; last: ${turn.question.text}`).toBe(true);
  return turn;
}

const part = (lang: Lang, n: number) => (lang === 'en' ? `Part ${n} of 10\n` : `Deel ${n} van 10\n`);

/** One answer at recall: what is typed, what the coach must say back, and the part asked next (if any). */
export interface RecallStep {
  send: string;
  said: string[];
  part?: number;
}

/** What the member of one language types, and the names and words the checks need. */
export interface Member {
  lang: Lang;
  /** From part 1 of the map on; ends at the first question of `atPart`, with `total` people. */
  recall: RecallStep[];
  atPart: number;
  total: number;
  /** From part `atPart + 3` on, adding `laterAdded` people. */
  later: RecallStep[];
  laterAdded: number;
  /** The first person on the map, rated first. */
  first: string;
  listEnd: string;
  event: string;
  /** A date in words at the event, and the day it is. */
  eventDate: [string, (today: string) => string];
  goal: string;
  both: string;
  bothLabels: string;
  one: string;
  belief: string;
  reversal: string;
  request: string;
  whom: string;
  channel: [string, string];
  vague: string;
  weekday: [string, number];
  hour: string;
  offer: string;
  story: string;
  progressPlanned: string;
  progressDone: string[];
  hours: string;
}

/** The whole conversation for one member, in two console sessions with a `tick` between them. */
export async function listens(e2e: Cli, m: Member): Promise<void> {
  const { lang, atPart } = m;
  const sandbox = e2e.sandbox({ TZ: ZONE });
  const today = todayIn(ZONE);
  const day = (date: string) => spoken(date, lang, today);

  const s = e2e.start(sandbox, { user: 'member', lang });
  await s.question();
  await send(s, { choice: 'begin' });
  expect((await send(s, { choice: 'begin' })).question.text).toContain(part(lang, 1));

  // Item 1: a list ending is nobody, a note stays with its one person, hedges are dropped.
  let t: Said;
  for (const step of m.recall) {
    t = await send(s, step.send);
    expect(t.said, step.send).toEqual(step.said);
    if (step.part) expect(t.question.text, step.send).toContain(part(lang, step.part));
  }
  let total = m.total;

  // 80 names pasted: 50 taken, the coach says so and asks for the rest, which are taken too.
  const names = Array.from({ length: 80 }, (_, i) => `P${i}`);
  t = await send(s, names.join(', '));
  expect(t.said.join('\n')).toContain(say(lang, 'people.over', { kept: 50, last: 'P49', left: 30 }));
  expect(t.question.text).toContain(part(lang, atPart));
  t = await send(s, names.slice(50).join(', '));
  total += 80;
  expect(t.said).toEqual([say(lang, 'people.added', { names: names.slice(50).join(', '), total })]);
  t = await send(s, m.listEnd);
  expect(t.said).toEqual([]);
  expect(t.question.text).toContain(part(lang, atPart + 1));

  // A first name matching someone on the map is asked about.
  await send(s, 'Anna de Vries');
  total += 1;
  t = await send(s, 'Anna');
  expect(t.question.text).toBe(say(lang, 'people.same', { typed: 'Anna', name: 'Anna de Vries' }));
  expect(ids(t.question)).toEqual(['yes', 'no']);
  t = await send(s, lang === 'en' ? 'yes' : 'ja');
  expect(t.said).toEqual([say(lang, 'people.sameYes', { name: 'Anna de Vries' })]);
  // The list ending at the probe above brought nobody: the next two parts went without a probe.
  expect(t.question.text).toContain(part(lang, atPart + 3));

  // A number past the one button: no "from 1 to 1".
  t = await send(s, '3');
  expect(t.said.join('\n')).not.toMatch(/1 to 1|1 tot en met 1/);
  expect(t.question.text).toContain(part(lang, atPart + 3));

  // More ways of writing names: hedges and list endings among names.
  for (const step of m.later) {
    t = await send(s, step.send);
    expect(t.said, step.send).toEqual(step.said);
    if (step.part) expect(t.question.text, step.send).toContain(part(lang, step.part));
  }
  total += m.laterAdded;
  for (let n = 0; n < 10 && /(Part|Deel) \d+ (of|van) 10\n/.test(t.question.text); n++)
    t = await send(s, { choice: 'none' });
  for (let n = 0; n < 3; n++) t = await send(s, { choice: 'none' });
  expect(t.said).toContain(say(lang, 'rateGroup.intro', { count: total }));
  // More than 25 people: the first group question is paged, its first option the first person.
  expect(t.question.text).toMatch(
    new RegExp(`^${literal(say(lang, 'rateGroup.inner'))} \\(1 (of|van) \\d\\)$`),
  );
  expect(t.question.pick?.options[0]?.label).toBe(m.first);
  t = await send(s, { choice: 'skip' });
  for (let n = 0; n < 2; n++) t = await send(s, { choice: 'none' });
  expect(t.events.map((e) => [e.exercise, e.data.size])).toEqual([['awareness', total]]);

  // Item 3: a date in words at the event, said back with its weekday.
  await send(s, { choice: 'hook' });
  t = await send(s, m.event);
  t = await send(s, m.eventDate[0]);
  expect(t.said).toEqual([say(lang, 'when.noted', { date: day(m.eventDate[1](today)) })]);
  await send(s, 'menu');

  // Item 2: own words for the options.
  await send(s, { choice: 'ask-for-help' });
  t = await send(s, { choice: 'begin' });
  t = await send(s, m.goal);
  t = await send(s, m.both);
  expect(t.question.text).toBe(say(lang, 'choose.which', { options: m.bothLabels }));
  expect(ids(t.question)).toEqual(['introduction', 'advice']);
  t = await send(s, m.one);
  expect(ids(t.question).sort()).toEqual(['b0', 'b1', 'b2', 'b3', 'b4', 'b5']);
  t = await send(s, m.belief);
  expect(ids(t.question)).not.toContain('b2');
  t = await send(s, m.reversal);
  const isChannel = (q: ReplyLine) => ids(q).includes('call') && ids(q).includes('message');
  const whom = (q: ReplyLine) => q.text.startsWith(say(lang, 'help.whom'));
  t = await answerUntil(s, t, isChannel, { text: m.request, name: m.whom, whom });
  t = await send(s, m.channel[0]);
  expect(ids(t.question)).not.toContain('call');
  // Item 3: what names no single day is refused; a weekday is the coming one.
  const asked = t.question.text;
  t = await send(s, m.vague);
  expect(t.said).toEqual([say(lang, 'when.badDate')]);
  expect(t.question.text).toBe(asked);
  t = await send(s, m.weekday[0]);
  const askDay = coming(today, m.weekday[1]);
  if (ids(t.question).includes('h19')) t = await send(s, m.hour);
  expect(t.said).toEqual([say(lang, 'help.planned', { date: day(askDay) })]);
  t = await send(s, m.offer);
  const done = t.events.find((e) => e.exercise === 'ask-for-help');
  expect(done?.data).toMatchObject({
    need: 'advice',
    predictedYes: 2,
    whom: m.whom,
    channel: m.channel[1],
    date: askDay,
  });

  // Item 8: a planned ask is counted.
  t = await send(s, { command: 'progress' });
  expect(t.said.join('\n')).toContain(m.progressPlanned);

  // Item 3 and 8: a numeric date, day first, confirmed with its weekday; a long title cut at a word.
  await send(s, { command: 'commitments' });
  t = await send(s, { choice: 'c1' });
  const label = t.question.text;
  expect(label).toContain(`(${day(askDay)})`);
  if (label.includes('…')) {
    const cut = label.slice(0, label.indexOf('…')).split(/\s+/).at(-1) ?? '';
    expect(m.goal.split(/\s+/)).toContain(cut);
  }
  await send(s, { choice: 'move' });
  t = await send(s, '12-3');
  expect(t.said).toEqual([say(lang, 'when.moved', { date: day(nextOf(today, 3, 12)) })]);
  await send(s, { choice: 'c1' });
  await send(s, { choice: 'move' });
  t = await send(s, m.weekday[0]);
  expect(t.said).toEqual([say(lang, 'when.moved', { date: day(askDay) })]);
  await send(s, { choice: 'menu' });
  await s.end();
  // "7pm" / "19 uur" is the follow-up hour the member chose.
  const exported = await runCli(sandbox, ['export', '--user', 'member']);
  expect(JSON.parse(exported.stdout).member.nudgeHour).toBe(19);

  // Item 7: the ask's follow-up and the map's look back fall due together while the console is closed.
  const completed = Date.parse(String(done?.data.at));
  const tickAt = new Date(Math.max(ms(askDay) + 2.5 * DAY_MS, completed + 7 * DAY_MS + 3_600_000));
  const tick = await runCli(sandbox, ['tick', '--now', tickAt.toISOString()]);
  expect(tick.code).toBe(0);
  expect(JSON.parse(tick.stdout).delivered).toBe(2);

  const s2 = e2e.start(sandbox, { user: 'member', lang });
  t = withSaid(await s2.question());
  // A tick in next year's days names the ask's day with its year, the console in this year's
  // without: told apart, the question comes once more after a welcome back (then only).
  const sameYear = dayIn(ZONE, tickAt).slice(0, 4) === today.slice(0, 4);
  if (!sameYear) {
    const again = withSaid(await s2.question());
    t = { ...again, said: [...t.said, ...again.said] };
  }
  // The ask first, in full, with the look back waiting behind it; no welcome back repeating it.
  expect(isFollowUp(t.question)).toBe(true);
  expect(t.question.text).toContain(m.whom);
  expect(t.said).toContain(say(lang, 'queue.afterThis', { what: say(lang, 'queue.what.revisit') }));
  expect(t.said).not.toContain(say(lang, 'revisit.prompt'));
  if (sameYear) {
    expect(t.question.text).toContain(day(askDay));
    for (const welcome of variants(lang, 'common.welcomeBack')) expect(t.said).not.toContain(welcome);
  }
  t = await send(s2, { choice: 'yes' });
  expect(t.said).not.toContain(say(lang, 'common.stale'));
  expect(t.question.text).toBe(say(lang, 'followup.story'));
  t = await send(s2, m.story);
  expect(t.said).toContain(say(lang, 'followup.thanks'));
  // The look back comes by itself (after anything the answer itself asks).
  t = await answerUntil(s2, t, (q) => q.text === say(lang, 'revisit.prompt'), {
    text: m.story,
    name: '',
    whom: () => false,
  });
  t = await send(s2, { choice: 'later' });
  expect(t.said).toContain(say(lang, 'revisit.noProblem'));
  expect(t.question.text).toBe(say(lang, 'menu.prompt'));
  if (sameYear) expect(s2.lines.filter(isFollowUp)).toHaveLength(1);
  expect(texts(s2.lines).filter((x) => x === say(lang, 'revisit.prompt'))).toHaveLength(1);

  // Item 8: "1 of 1 said yes so far", never a percentage from one ask.
  t = await send(s2, { command: 'progress' });
  const progress = t.said.join('\n');
  for (const line of m.progressDone) expect(progress).toContain(line);
  expect(progress).not.toContain('%');

  // Item 8: a round of one pair reads as one group; working hours keep their minutes.
  const other = await runCli(sandbox, ['console', '--user', 'other', '--lang', lang, '--json'], {
    input: '{"command":"coffee","args":["join"]}\n',
  });
  expect(other.code).toBe(0);
  await send(s2, { command: 'coffee' });
  await send(s2, { choice: 'join' });
  s2.send({ command: 'coffee', args: ['round', 'preview'] });
  const [preview] = texts(
    await s2.until(
      (l) => l.type === 'reply' && /• (member, other|other, member)\b/.test(l.text),
      'the preview',
    ),
  );
  expect(preview).toMatch(/\b1\b/);
  await send(s2, { command: 'coffee' });
  t = await send(s2, { choice: 'hours' });
  expect(t.question.text).toBe(say(lang, 'coffee.hours.prompt'));
  t = await send(s2, m.hours);
  expect(t.said).toEqual([say(lang, 'coffee.hours.saved', { start: '7:00', end: '15:30', zone: ZONE })]);
  await s2.end();

  // Every date said is in words, never ISO; no count reads "1 groups" or "from 1 to 1"; no quote ends twice.
  for (const text of [...texts(s.lines), ...texts(s2.lines)]) {
    expect(text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    expect(text).not.toMatch(/\b1 (groups|pairs|rounds|people|asks|groepen|paren|rondes|mensen)\b/);
    expect(text).not.toMatch(/1 to 1\b|1 tot en met 1\b/);
    // Quotes are punctuated once ("…I can." and never "…I can.".); a quoted "who..." may end a sentence.
    expect(text).not.toMatch(/(?<!\.)[.!?]["”][.!?]/);
  }
}

// --- Items 4, 5, 6 and 9 through the terminal: the coach's own words, see listens-coach-*.test.ts.

/** What the member of one language types in the coaching conversation. */
export interface Coachee {
  lang: Lang;
  goal: string;
  /** The "I often say no" answer to the reversal question. */
  reversal: string;
  request: string;
  whom: string;
  why: string;
  /** How long it takes, when the request does not say (English); none where it does (Dutch). */
  duration?: string;
  when: string;
  /** The message the coach must compose from these parts. */
  message: string;
  greeting: string;
  easyOut: string;
  offer: string;
  event: string;
  eventGoal: string;
  /** A topic that ends with the "next" question, to set beside the Jansen topic. */
  nextTopic: string;
  nextHook: string;
  story: string;
}

/** Two marks in a row ("..", ",.", "?.") or a space before one: doubled or dangling punctuation. */
const DOUBLED = /[.,;:!?]\s*[.,;:!?]|\s[.,;:!?]/;
const count = (text: string, piece: string) => text.split(piece).length - 1;

/**
 * One member per language: ask for help answered "I often say no" (item 4), the request composed
 * from its parts (item 5), openers for the Jansen topic (item 6), and the ask's yes changing the
 * map (item 9), in one console session, a `tick`, and a second session.
 */
export async function coaches(e2e: Cli, m: Coachee): Promise<void> {
  const { lang } = m;
  const sandbox = e2e.sandbox({ TZ: ZONE });
  const today = todayIn(ZONE);
  const s = e2e.start(sandbox, { user: 'member', lang });
  const finding = say(lang, 'help.finding', { belief: 2 });
  const FINDING = /half as many|half zoveel|twice|twee keer|dubbel/i;

  // Item 4: the intro does not tell the finding; the member predicts first.
  await s.question();
  await send(s, 'menu');
  // The person to ask is on the map already: a former colleague, last in touch 3+ years ago.
  await send(s, { choice: 'network' });
  await send(s, { choice: 'add' });
  await send(s, { choice: 'former' });
  await send(s, m.whom);
  await send(s, { choice: 'done' });
  // Rated by groups: not close, not in between (an acquaintance), not in touch for three years.
  for (let i = 0; i < 5; i++) await send(s, { choice: 'none' });
  await send(s, { choice: 'menu' });
  let t = await send(s, { choice: 'ask-for-help' });
  expect(say(lang, 'help.intro')).not.toContain(finding);
  expect(say(lang, 'help.intro')).not.toMatch(FINDING);
  expect(t.question.text).not.toMatch(FINDING);
  await send(s, { choice: 'begin' });
  t = await send(s, m.goal);
  t = await send(s, { choice: 'introduction' });
  expect(t.question.text).toBe(say(lang, 'help.belief'));
  const before = texts(s.lines);
  expect(before.some((x) => FINDING.test(x))).toBe(false);
  t = await send(s, { choice: 'b2' });
  expect(t.question.text).toBe(say(lang, 'help.reversal'));
  // The "often no" reflection, then the finding, then the request question.
  t = await send(s, m.reversal);
  expect(t.said).toEqual([say(lang, 'help.reflect.no', { answer: m.reversal }), finding]);
  expect(count(t.said[0] ?? '', m.reversal)).toBe(1);
  expect(t.question.text).toBe(say(lang, 'help.request'));
  const reflected = [...t.said, t.question.text].join('\n');
  expect(reflected).not.toMatch(/most people|meeste mensen|you help|(?<!ik )help je|ze helpen|they help/i);
  expect(reflected).not.toContain(say(lang, 'help.reflect.help', { answer: m.reversal }));

  // Item 5: the request composed from its parts, shown as one message.
  t = await send(s, m.request);
  expect(t.question.text.startsWith(say(lang, 'help.whom'))).toBe(true);
  expect(t.question.choices?.map((c) => c.label)).toEqual([m.whom]);
  t = await send(s, m.whom);
  expect(t.question.text).toBe(say(lang, 'help.why', { name: m.whom }));
  t = await send(s, m.why);
  if (m.duration) {
    expect(t.question.text).toBe(say(lang, 'smart.R'));
    t = await send(s, m.duration);
  }
  expect(t.question.text).toBe(say(lang, 'smart.T'));
  t = await send(s, m.when);
  const message = t.said.at(-1) ?? '';
  expect(message).toBe(m.message);
  expect(t.said.filter((x) => x.includes(m.greeting))).toHaveLength(1);
  expect(count(message, m.greeting)).toBe(1);
  expect(count(message, m.whom)).toBe(1);
  expect(count(message, m.easyOut)).toBe(1);
  expect(message).not.toMatch(DOUBLED);
  expect(ids(t.question)).toEqual(['take', 'change', 'own']);
  await send(s, { choice: 'take' });
  await send(s, { choice: 'call' });
  t = await send(s, { choice: 'd7' });
  if (ids(t.question).includes('h19')) t = await send(s, { choice: 'h19' });
  const askDay = addDays(today, 7);
  expect(t.said).toEqual([say(lang, 'help.planned', { date: spoken(askDay, lang, today) })]);
  t = await send(s, m.offer);
  const done = t.events.find((e) => e.exercise === 'ask-for-help');
  expect(done?.data).toMatchObject({ request: message, smartMissing: [], whom: m.whom, date: askDay });
  const card = t.said.find((x) => x.includes(message)) ?? '';
  expect(count(card, message)).toBe(1);
  expect(count(card, m.greeting)).toBe(1);
  expect(count(card, m.easyOut)).toBe(1);
  expect(card).not.toMatch(DOUBLED);

  // Item 6: the hook set into the sentence, and endings that fit the topic.
  const JANSEN = 'Dr. Jansen on nurse-led EHR redesign';
  const HOOK = "Our ward's EHR screens slow us down";
  await send(s, { choice: 'hook' });
  await send(s, m.event);
  await send(s, { choice: 'd3' });
  await send(s, { choice: 'inperson' });
  await send(s, `${JANSEN}, ${m.nextTopic}`);
  await send(s, m.eventGoal);
  await send(s, HOOK);
  await send(s, m.nextHook);
  t = await send(s, { choice: 'open' });
  const openerIn = (q: ReplyLine) => /\n"(.*)"\n/.exec(q.text)?.[1] ?? '';
  const jansen = openerIn(t.question);
  expect(jansen).toContain(JANSEN);
  expect(jansen).toContain(
    lang === 'en'
      ? "because our ward's EHR screens slow us down. "
      : "want our ward's EHR screens slow us down. ",
  );
  expect(jansen).not.toMatch(/(because|want) Our/);
  t = await send(s, { choice: 'use' });
  const next = openerIn(t.question);
  expect(next.endsWith(say(lang, 'hook.ending.next'))).toBe(true);
  const endings = [jansen, next].map((o) => o.slice(o.lastIndexOf('. ') + 2));
  expect(endings.every((e) => e === say(lang, 'hook.ending.brought'))).toBe(false);
  for (const opener of [jansen, next]) {
    expect(opener).not.toContain('..');
    expect(opener).not.toMatch(/[.!?]{2}|\.\s*\./);
  }
  t = await send(s, 'menu');
  expect(t.question.text).toBe(say(lang, 'menu.prompt'));
  await s.end();

  // Item 9: the ask's yes makes the person's last contact recent.
  const contactOf = async () => {
    const out = await runCli(sandbox, ['export', '--user', 'member']);
    expect(out.code).toBe(0);
    const data = JSON.parse(out.stdout);
    return data.member.network.people.find((p: { name: string }) => p.name === m.whom);
  };
  expect(await contactOf()).toMatchObject({ ring: 'outer', contact: 'dormant' });
  const tickAt = new Date(Math.max(ms(askDay) + 2.5 * DAY_MS, Date.now() + 8 * DAY_MS));
  const tick = await runCli(sandbox, ['tick', '--now', tickAt.toISOString()]);
  expect(tick.code).toBe(0);
  expect(JSON.parse(tick.stdout).delivered).toBeGreaterThanOrEqual(1);
  const s2 = e2e.start(sandbox, { user: 'member', lang });
  t = withSaid(await s2.question());
  for (let n = 0; n < 2 && !isFollowUp(t.question); n++) t = withSaid(await s2.question());
  expect(isFollowUp(t.question)).toBe(true);
  expect(t.question.text).toContain(m.whom);
  t = await send(s2, { choice: 'yes' });
  expect(t.question.text).toBe(say(lang, 'followup.story'));
  t = await send(s2, m.story);
  expect(t.said).toContain(say(lang, 'followup.inTouch', { name: m.whom }));
  expect(t.question.text).toBe(say(lang, 'followup.closer', { name: m.whom }));
  t = await send(s2, { choice: 'closer' });
  expect(t.said).toContain(say(lang, 'followup.movedMiddle', { name: m.whom }));
  expect(t.question.text).toBe(say(lang, 'menu.prompt'));
  await s2.end();
  const after = await contactOf();
  expect(after?.contact).not.toBe('dormant');
  expect(after).toMatchObject({ ring: 'middle', contact: 'weekly' });
}

/** A text as a literal inside a regular expression. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
