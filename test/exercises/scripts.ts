/** Conversations the exercise tests share: maps drawn in process, from the welcome question. */
import { expect } from 'vitest';
import type { Conversation, Turn } from '../helpers/conversation.js';
import { part } from '../helpers/scripts.js';

export { part, probe } from '../helpers/scripts.js';

/**
 * The shortest complete network-map exercise in English, from the welcome question: `names`
 * in current work (everyone else skipped), each rated `ring`/`contact`, every resource "nobody".
 * Returns the last turn: the summary, the event and the menu question.
 */
export async function quickMap(
  c: Conversation,
  names: string[],
  rating: { ring: string; contact: string } = { ring: 'inner', contact: 'weekly' },
): Promise<Turn> {
  await c.press('begin').asksText('Your network is bigger than you think', 'contains');
  await c.press('begin').asksText(part(1), 'contains');
  await c.send(names.join(', ')).asksText('your current work', 'contains');
  await c.press('none').asksText(part(2), 'contains');
  for (let n = 3; n <= 10; n++) await c.press('none').asksText(part(n), 'contains');
  await c.press('none').asksText('important matters in your work', 'contains');
  await c.press('none').asksText('changing jobs', 'contains');
  await c.press('none').asksText('mattered most for your career', 'contains');
  await c.press('none').asksText(`How close are you to ${names[0]}?`, 'contains');
  for (const name of names) {
    await c.press(rating.ring).asksText(`When were you last in touch with ${name}?`, 'contains');
    await c.press(rating.contact);
  }
  for (let n = 2; n <= 10; n++) await c.press('nobody').asksText(`Question ${n} of 10`, 'contains');
  return c.press('nobody').asksText('What would you like to do?', 'contains');
}

/**
 * A small map from the welcome question to its next step: Anna (current work, inner, weekly), Bob
 * (former work, outer, dormant), Cleo (former work, middle, yearly), Dad (family, inner, weekly),
 * Eve (friends, outer, monthly). Returns the summary's turn, whose question offers to start with
 * Bob and Eve (the weak and dormant ties).
 */
export async function fivePeopleMap(c: Conversation): Promise<Turn> {
  await c.press('begin').asks('awareness.intro');
  await c.press('begin').asksText(part(1), 'contains');
  await c.send('Anna').asksText('your current work', 'contains');
  await c.press('none').asksText(part(2), 'contains');
  await c.send('Bob, Cleo').asksText('your former work', 'contains');
  await c.press('none').asksText(part(3), 'contains');
  await c.press('none').asksText(part(4), 'contains');
  await c.press('none').asksText(part(5), 'contains');
  await c.send('Dad').asksText('in your family', 'contains');
  await c.press('none').asksText(part(6), 'contains');
  await c.send('Eve').asksText('among your friends', 'contains');
  await c.press('none').asksText(part(7), 'contains');
  for (let n = 8; n <= 10; n++) await c.press('none').asksText(part(n), 'contains');
  await c.press('none').asks('career.discuss');
  await c.press('none').asks('career.jobChange');
  await c.press('none').asks('career.career');
  await c.press('none').asks('rate.ring', { name: 'Anna', left: 4 });
  const ratings: [string, string, string][] = [
    ['Anna', 'inner', 'weekly'],
    ['Bob', 'outer', 'dormant'],
    ['Cleo', 'middle', 'yearly'],
    ['Dad', 'inner', 'weekly'],
    ['Eve', 'outer', 'monthly'],
  ];
  for (const [name, ring, contact] of ratings) {
    await c.press(ring).asks('rate.contact', { name });
    await c.press(contact);
  }
  for (let n = 2; n <= 10; n++) await c.press('nobody').asksText(`Question ${n} of 10`, 'contains');
  const done = await c.press('nobody').asksText('To start: Bob', 'contains');
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
