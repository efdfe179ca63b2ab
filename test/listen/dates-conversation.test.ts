import { afterEach, describe, expect, it } from 'vitest';
import type { Inbound } from '../../src/core/types.js';
import { testEngine } from '../helpers/engine.js';
import { say } from '../helpers/texts.js';

type Harness = Awaited<ReturnType<typeof testEngine>>;
let h: Harness;
/** Every engine a test opened, closed after it. */
const opened: Harness[] = [];
afterEach(async () => {
  for (const harness of opened.splice(0)) await harness.store.close();
});

async function open(): Promise<Harness> {
  h = await testEngine({ now: () => NOW });
  opened.push(h);
  return h;
}

/** Monday 30 November 2026, noon in London and Amsterdam alike (UTC here). */
const NOW = new Date('2026-11-30T12:00:00Z');

/** A member in `lang`, at the hook's date question ("When is it?"). */
async function atHookDate(lang: 'en' | 'nl') {
  await open();
  await h.command('start', [lang]);
  await h.command('menu');
  await h.choice('hook');
  await h.text(lang === 'en' ? 'Data Summit Utrecht' : 'Zorgdata Congres');
  expect(h.lastText()).toBe(say(lang, 'hook.date'));
}

/** The texts sent in answer to one turn. */
async function answer(turn: () => Promise<unknown>): Promise<string[]> {
  const before = h.sent.length;
  await turn();
  return h.sent.slice(before).map((s) => s.reply.text);
}

const hookDate = async () => (await h.state())?.drafts.hook?.date;

describe('a date typed in words at the hook, in English', () => {
  it('"friday" is the coming Friday, said back with its weekday', async () => {
    await atHookDate('en');
    const replies = await answer(() => h.text('friday'));
    expect(replies[0]).toBe(say('en', 'when.noted', { date: 'Friday 4 December' }));
    expect(replies[0]).toBe('Noted: Friday 4 December.');
    expect(replies.at(-1)).toBe(say('en', 'hook.format'));
    expect(await hookDate()).toBe('2026-12-04');
  });

  it('refuses what is no day, with examples in words, and takes "end of January" after', async () => {
    await atHookDate('en');
    expect(await answer(() => h.text('sometime soon'))).toEqual([
      say('en', 'when.badDate'),
      say('en', 'hook.date'),
    ]);
    expect(say('en', 'when.badDate')).not.toContain('12-3');
    const replies = await answer(() => h.text('end of January'));
    expect(replies[0]).toBe('Noted: Sunday 31 January 2027.');
    expect(await hookDate()).toBe('2027-01-31');
  });

  it('reads "12/3" day first, and month first when the platform says en-US', async () => {
    await atHookDate('en');
    expect((await answer(() => h.text('12/3')))[0]).toBe('Noted: Friday 12 March 2027.');

    await atHookDate('en');
    const us: Inbound = { kind: 'text', id: 'us', member: h.member, text: '12/3', locale: 'en-US' };
    expect((await answer(() => h.engine.handle(us)))[0]).toBe('Noted: Thursday 3 December.');
    expect(await hookDate()).toBe('2026-12-03');
  });

  it('counts from the member’s own day: in Auckland it is already Tuesday', async () => {
    await atHookDate('en');
    const tomorrow: Inbound = {
      kind: 'text',
      id: 'nz',
      member: h.member,
      text: 'tomorrow',
      timezone: 'Pacific/Auckland',
    };
    expect((await answer(() => h.engine.handle(tomorrow)))[0]).toBe('Noted: Wednesday 2 December.');
  });
});

describe('een datum in woorden bij het evenement, in het Nederlands', () => {
  it('"volgende week dinsdag" is dinsdag 8 december', async () => {
    await atHookDate('nl');
    const replies = await answer(() => h.text('volgende week dinsdag'));
    expect(replies[0]).toBe(say('nl', 'when.noted', { date: 'dinsdag 8 december' }));
    expect(replies[0]).toBe('Genoteerd: dinsdag 8 december.');
    expect(replies.at(-1)).toBe(say('nl', 'hook.format'));
    expect(await hookDate()).toBe('2026-12-08');
  });

  it('weigert "ooit" met voorbeelden in woorden, en neemt daarna "eind januari" en "12-3"', async () => {
    await atHookDate('nl');
    expect(await answer(() => h.text('ooit'))).toEqual([say('nl', 'when.badDate'), say('nl', 'hook.date')]);
    expect(say('nl', 'when.badDate')).toContain('volgende week dinsdag');
    expect((await answer(() => h.text('eind januari')))[0]).toBe('Genoteerd: zondag 31 januari 2027.');

    await atHookDate('nl');
    expect((await answer(() => h.text('12-3')))[0]).toBe('Genoteerd: vrijdag 12 maart 2027.');
  });

  it('a date in the past is refused in both languages', async () => {
    await atHookDate('nl');
    expect((await answer(() => h.text('10 november 2026')))[0]).toBe(say('nl', 'when.badDate'));
    await atHookDate('en');
    expect((await answer(() => h.text('2026-11-01')))[0]).toBe(say('en', 'when.badDate'));
  });
});

describe('snoozing the virtual coffees until a day in words', () => {
  it('says the day back in English', async () => {
    await open();
    await h.command('start', ['en']);
    const replies = await answer(() => h.command('coffee', ['snooze', 'in', 'two', 'weeks']));
    expect(replies[0]).toBe(say('en', 'coffee.snooze.set', { date: 'Monday 14 December' }));
    expect((await h.state())?.coffee.prefs.snoozeUntil).toBe('2026-12-14');
  });

  it('en in het Nederlands', async () => {
    await open();
    await h.command('start', ['nl']);
    await h.command('koffie', ['sluimer']);
    const replies = await answer(() => h.text('over twee weken'));
    expect(replies[0]).toBe(say('nl', 'coffee.snooze.set', { date: 'maandag 14 december' }));
    expect(replies[0]).toBe('Gepauzeerd. Vanaf maandag 14 december doe je weer mee.');
    expect((await h.state())?.coffee.prefs.snoozeUntil).toBe('2026-12-14');
  });
});

describe('working hours keep their minutes', () => {
  it('"7:00-15:30" is saved and said as 7:00 to 15:30, in both languages', async () => {
    await open();
    await h.command('start', ['en']);
    await h.command('coffee', ['join']);
    await h.command('coffee');
    await h.choice('hours');
    const replies = await answer(() => h.text('7:00-15:30'));
    const zone = say('en', 'coffee.hours.communityZone');
    expect(replies[0]).toBe(say('en', 'coffee.hours.saved', { start: '7:00', end: '15:30', zone }));
    expect(replies[0]).toContain('7:00 to 15:30');
    expect((await h.state())?.coffee.prefs.hours).toEqual({ start: 420, end: 930 });

    await open();
    await h.command('start', ['nl']);
    await h.command('koffie', ['join']);
    await h.command('koffie');
    await h.choice('hours');
    expect((await answer(() => h.text('8:30 tot 17:15')))[0]).toContain('8:30 tot 17:15');
    expect((await h.state())?.coffee.prefs.hours).toEqual({ start: 510, end: 1035 });
  });
});

describe('an admin hears the next round as a day and a time', () => {
  it('in English and in Dutch, never as an ISO instant', async () => {
    await open();
    await h.command('start', ['en']);
    const saved = await answer(() => h.command('coffee', ['set', 'on']));
    expect(saved[0]).toMatch(
      /^Saved\. Next round: [A-Z][a-z]+day \d{1,2} [A-Z][a-z]+( \d{4})?, \d{1,2}:\d{2} \(UTC\)\.$/,
    );

    await open();
    await h.command('start', ['nl']);
    const opgeslagen = await answer(() => h.command('koffie', ['set', 'on']));
    expect(opgeslagen[0]).toMatch(/[a-z]+dag \d{1,2} [a-z]+( \d{4})?, \d{1,2}:\d{2} \(UTC\)/);
    expect(opgeslagen[0]).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});
