import { describe, expect, it } from 'vitest';
import { memberKey } from '../../src/core/types.js';
import { parseHours } from '../../src/exercises/coffee/choices.js';
import { CommunitySchema, RosterEntrySchema } from '../../src/pairing/community.js';
import { utcHours } from '../../src/pairing/plan.js';
import { testEngine } from '../helpers/engine.js';
import { say } from '../helpers/texts.js';

/** A member who has joined virtual coffees and opened "my working hours". */
async function atHours(lang: 'en' | 'nl') {
  const t = await testEngine();
  await t.text('hello');
  const state = await t.state();
  if (!state) throw new Error('no state');
  await t.members.save({ ...state, lang, timezone: 'Europe/Amsterdam' });
  await t.command('coffee');
  await t.choice('join');
  await t.command('coffee');
  await t.choice('hours');
  expect(t.lastText()).toBe(say(lang, 'coffee.hours.prompt'));
  return t;
}

describe('working hours keep their minutes', () => {
  it("reads times with minutes, in both languages' ways of typing them", () => {
    expect(parseHours('7:00-15:30')).toEqual({ start: 420, end: 930 });
    expect(parseHours('07.45 tot 16.15')).toEqual({ start: 465, end: 975 });
    expect(parseHours('9-17')).toEqual({ start: 540, end: 1020 });
    expect(parseHours('8:30 to 24:00')).toEqual({ start: 510, end: 1440 });
    for (const wrong of ['9-5', '25-30', '7:75-15', '8-24:30', '15:30-15:30'])
      expect(parseHours(wrong)).toBeUndefined();
  });

  it('"7:00-15:30" in the coffee menu is saved as 7:00 to 15:30, in the member record and the roster', async () => {
    const t = await atHours('en');
    await t.text('7:00-15:30');
    expect(t.sent.map((s) => s.reply.text)).toContain(
      say('en', 'coffee.hours.saved', { start: '7:00', end: '15:30', zone: 'Europe/Amsterdam' }),
    );
    expect(t.sent.map((s) => s.reply.text).join('\n')).toContain('Noted: 7:00 to 15:30 (Europe/Amsterdam).');
    expect((await t.state())?.coffee.prefs.hours).toEqual({ start: 420, end: 930 });
    const community = CommunitySchema.parse(await t.store.spaces.community.get('console:local'));
    expect(community.roster[t.member.user]?.prefs.hours).toEqual({ start: 420, end: 930 });
  });

  it('in Dutch too', async () => {
    const t = await atHours('nl');
    await t.text('8.30 tot 17.15');
    expect(t.sent.map((s) => s.reply.text).join('\n')).toContain(
      'Genoteerd: 8:30 tot 17:15 (Europe/Amsterdam).',
    );
    expect((await t.state())?.coffee.prefs.hours).toEqual({ start: 510, end: 1035 });
  });

  it('stored records with whole hours still read, as minutes', async () => {
    const t = await testEngine();
    await t.text('hello');
    const state = await t.state();
    if (!state) throw new Error('no state');
    const raw = JSON.parse(JSON.stringify(state));
    raw.coffee.prefs.hours = [7, 15];
    await t.store.spaces.member.set(memberKey(t.member), raw);
    expect((await t.state())?.coffee.prefs.hours).toEqual({ start: 420, end: 900 });
    const roster = RosterEntrySchema.parse({ prefs: { hours: [9, 24] } });
    expect(roster.prefs.hours).toEqual({ start: 540, end: 1440 });
  });

  it('pairing sees the minutes: 7:00-15:30 in Amsterdam is 6:00-14:30 UTC in winter', () => {
    const entry = RosterEntrySchema.parse({
      prefs: { hours: { start: 420, end: 930 }, timezone: 'Europe/Amsterdam' },
    });
    expect(utcHours(entry, new Date('2026-12-07T09:00:00Z'), 'UTC')).toEqual([360, 870]);
    const wholeDay = RosterEntrySchema.parse({ prefs: { hours: [0, 24] } });
    expect(utcHours(wholeDay, new Date('2026-12-07T09:00:00Z'), 'Europe/Amsterdam')).toEqual([1380, 1380]);
  });
});
