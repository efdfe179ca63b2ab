/**
 * Asking for help through Slack: the exercise in a DM with buttons and typed answers, its end
 * card, and the "did you ask?" follow-up arriving as a DM at the member's hour in their zone.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { addDays, formatDay, zonedInstant } from '../../src/core/time.js';
import { storedState } from '../helpers/stored.js';
import { en, type Harness, SlackMember, startHarness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ users: { U1: { locale: 'en-GB', tz: 'Europe/Amsterdam' } } });
});
afterEach(async () => {
  await h.close();
});

it('runs ask-for-help in a DM and follows up as a DM the day after the chosen date', async () => {
  const member = new SlackMember(h, 'U1');
  await member.say('hello');
  await member.press('menu');
  await member.press('ask-for-help');
  await member.press('begin');
  await member.say('A new job in <!channel> data science');
  await member.press('introduction');
  await member.press('b2');
  await member.say('I help, of course');
  expect(member.texts()).toContain(en('help.reflect.help', { answer: 'I help, of course' }));
  await member.say('Could we have a 20 minute call next week, because I want to learn about your team?');
  // Every SMART part is in the ask: whom, why them, then the composed message to take.
  await member.say('Dirk');
  expect(member.texts()).toContain(en('help.addedToMap', { name: 'Dirk' }));
  await member.say('you know the team well');
  await member.press('take');
  await member.press('call');
  await member.press('d7');
  // The time zone came from users.info, so only the hour is asked.
  await member.press('h9');
  await member.say('A CV review for someone');
  const card = member.texts().find((t) => t.startsWith('Your request\n'));
  // The mention trick arrives as plain text and goes out as plain text: no channel is pinged.
  expect(card).toContain('A new job in @channel data science');
  expect(JSON.stringify(h.fake.callsOf('chat.postMessage'))).not.toContain('<!channel>');
  expect(card).toContain(
    'Hi Dirk,\n\nI thought of you because you know the team well. Could we have a 20 minute call',
  );
  expect(card).toContain('no problem at all');

  const state = await storedState(h.app, member.member);
  const commitment = state?.commitments[0];
  expect(commitment).toMatchObject({ kind: 'ask', person: 'Dirk', predicted: 2, status: 'open' });
  const job = state?.jobs.at(-1) ?? '';
  // The day after the date, at 09:00 in Amsterdam (unit-tested in test/exercises/dates.test.ts).
  const nineInAmsterdam = zonedInstant(addDays(commitment?.date ?? '', 1), 9, 'Europe/Amsterdam');
  expect(job).toContain(':c1:');
  expect(await h.app.engine.tick(new Date(nineInAmsterdam.getTime() - 60_000))).toBe(0);
  expect(await h.app.engine.tick(nineInAmsterdam)).toBe(1);
  expect(member.lastText()).toBe(
    en('followup.asked', {
      name: 'Dirk',
      goal: 'A new job in @channel data science',
      // Said as the member's day: "Friday 4 December", the year only when it is not this year.
      date: formatDay(commitment?.date ?? '', 'en', addDays(commitment?.date ?? '', 1)),
    }),
  );
  await member.press('yes');
  await member.say('Dirk introduced me to his team lead');
  expect(member.texts()).toContain(en('progress.calibrationFew', { yes: 1, asked: 1, predicted: 2 }));
});
