/** Conversations the exercise tests share: maps drawn in process, from the welcome question. */
import { expect } from 'vitest';
import type { Conversation, Turn } from '../helpers/conversation.js';
import { groupAnswer, groupStage, part, type Rating, whereName } from '../helpers/scripts.js';
import { say } from '../helpers/texts.js';

export { part, probe } from '../helpers/scripts.js';

/**
 * Answers the rating round as `ratings` say, from its first question to the first question that
 * is not part of it (returned). Ticks go as the platforms send them (the picks inbound); nobody
 * ticked is the "None of them" button.
 */
export async function rateGroups(
  c: Conversation,
  ratings: Readonly<Record<string, Rating>>,
  lang = 'en',
): Promise<Turn> {
  let turn: Turn | undefined;
  for (;;) {
    const question = c.lastQuestion();
    const text = question?.text ?? '';
    const stage = groupStage(text, lang);
    const name = whereName(text, ratings, lang);
    if (stage && question?.pick) {
      const answer = groupAnswer(stage, question.pick.options, ratings, lang, 'names');
      turn =
        answer === say(lang, 'rateGroup.none') ? await c.press('none') : await c.pick(...answer.split(', '));
    } else if (name) {
      turn = await c.press(ratings[name]?.domain ?? '');
    } else if (turn) {
      return turn;
    } else {
      throw new Error(`not a rating question: ${text}`);
    }
  }
}

/**
 * The shortest complete network-map exercise in English, from the welcome question: `names`
 * in current work (everyone else skipped), each rated `ring`/`contact`, every resource "nobody".
 * Returns the last turn: the summary, the event and the menu question.
 */
export async function quickMap(
  c: Conversation,
  names: string[],
  rating: { ring: Rating['ring']; contact: Rating['contact'] } = { ring: 'inner', contact: 'weekly' },
): Promise<Turn> {
  await c.press('begin').asksText('Your network is bigger than you think', 'contains');
  await c.press('begin').asksText(part(1), 'contains');
  await c.send(names.join(', ')).asksText('your current work', 'contains');
  await c.press('none').asksText(part(2), 'contains');
  for (let n = 3; n <= 10; n++) await c.press('none').asksText(part(n), 'contains');
  await c.press('none').asksText('important matters in your work', 'contains');
  await c.press('none').asksText('changing jobs', 'contains');
  await c.press('none').asksText('mattered most for your career', 'contains');
  await c.press('none').asks('rateGroup.inner');
  await rateGroups(c, Object.fromEntries(names.map((name) => [name, rating])));
  await c.press('none').asks('resourceTheme.expertise');
  return c.press('none').asksText('What would you like to do?', 'contains');
}

/**
 * A small map from the welcome question to its next step: Anna (current work, inner, weekly), Bob
 * (former work, outer, dormant), Cleo (former work, middle, yearly), Dad (family, inner, weekly),
 * Eve (friends, outer, monthly). Every resource "nobody". Returns the summary's turn, whose
 * question offers to start with Bob and Eve (the weak and dormant ties).
 */
export async function fivePeopleMap(c: Conversation): Promise<Turn> {
  await c.press('begin').asks('awareness.intro');
  await c.press('begin').asksText(part(1), 'contains');
  await c.send('Anna').asksText('your current work', 'contains');
  await c.press('none').asksText(part(2), 'contains');
  // The probe after current work brought nobody: former work and studies go without one.
  await c.send('Bob, Cleo').asksText(part(3), 'contains');
  await c.press('none').asksText(part(4), 'contains');
  await c.press('none').asksText(part(5), 'contains');
  await c.send('Dad').asksText('in your family', 'contains');
  await c.press('none').asksText(part(6), 'contains');
  await c.send('Eve').asksText(part(7), 'contains');
  for (let n = 8; n <= 10; n++) await c.press('none').asksText(part(n), 'contains');
  await c.press('none').asks('career.discuss');
  await c.press('none').asks('career.jobChange');
  await c.press('none').asks('career.career');
  await c.press('none').asks('rateGroup.inner');
  await rateGroups(c, {
    Anna: { ring: 'inner', contact: 'weekly' },
    Bob: { ring: 'outer', contact: 'dormant' },
    Cleo: { ring: 'middle', contact: 'yearly' },
    Dad: { ring: 'inner', contact: 'weekly' },
    Eve: { ring: 'outer', contact: 'monthly' },
  });
  await c.press('none').asks('resourceTheme.expertise');
  const done = await c.press('none').asksText('To start: Bob', 'contains');
  expect(done.events).toHaveLength(1);
  return done;
}

/** The PNG file signature. */
export const isPngBytes = (png: Uint8Array | undefined): boolean =>
  png !== undefined &&
  Buffer.from(png.subarray(0, 8)).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

const DAY = 86_400_000;

/** The date `days` after a YYYY-MM-DD date. */
export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** The ISO time of `hour:00` (plus `minutes`) UTC on a date. */
export const atHour = (date: string, hour: number, minutes = 0): string =>
  new Date(Date.parse(`${date}T${String(hour).padStart(2, '0')}:00:00Z`) + minutes * 60_000).toISOString();
