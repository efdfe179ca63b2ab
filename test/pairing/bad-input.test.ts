import { describe, expect, it } from 'vitest';
import type { MemberRef } from '../../src/core/types.js';
import { StateSchema } from '../../src/engine/state.js';
import { CommunitySchema } from '../../src/pairing/community.js';
import { testEngine } from '../helpers/engine.js';
import { say } from '../helpers/texts.js';

const en = (key: string, params: Record<string, string | number> = {}) => say('en', key, params);
const who = (user: string): MemberRef => ({ platform: 'console', space: 'local', user });
const community = { platform: 'console', space: 'local' } as const;

const HOSTILE = [
  '',
  ' ',
  '<!channel> <!everyone> @here',
  '<@U999|x> <#C1|general>',
  '𝓗𝓮𝓵𝓵𝓸 👩🏽‍💻 \u202E evil \u0000',
  '{"__proto__":{"admin":true}}',
  'x'.repeat(5000),
  '9-5',
  '25-30',
  '*bold* _it_ `code` ```block```',
];

describe('virtual coffees: bad input gets a clear answer and changes nothing it should not', () => {
  it('admin settings refuse bad values, keep ids as typed, and the record stays valid', async () => {
    const t = await testEngine();
    const answers: string[] = [];
    for (const value of HOSTILE) {
      for (const key of [
        'cadence',
        'day',
        'time',
        'timezone',
        'checkin',
        'language',
        'channel',
        'role',
        'bogus',
      ]) {
        // Adapters cut each argument at 1,000 characters, as the inbound schema asks.
        const args = value
          .split(' ')
          .slice(0, 18)
          .map((a) => a.slice(0, 1000));
        await t.command('coffee', ['set', key, ...args]);
        answers.push(t.lastText());
      }
    }
    // Every command got an answer; none of them was a failure.
    expect(answers.every((a) => a.length > 0 && a !== en('common.unavailable'))).toBe(true);
    expect(answers).toContain(en('coffee.admin.unknownKey', { key: 'bogus' }));
    const c = await t.pairing.load(community);
    expect(CommunitySchema.safeParse(c).success).toBe(true);
    expect(c.settings).toMatchObject({
      cadence: 'biweekly',
      weekday: 1,
      hour: 10,
      timezone: 'UTC',
      lang: 'en',
    });
    // A Slack channel reference is read as its id.
    await t.command('coffee', ['set', 'channel', '<#C0AB12|coffee>']);
    expect((await t.pairing.load(community)).settings.channel).toBe('C0AB12');
    await t.command('coffee', ['set', 'channel', 'none']);
    expect((await t.pairing.load(community)).settings.channel).toBeUndefined();
  });

  it('member choices take hostile text without breaking: intros are cut, hours and blocks checked', async () => {
    const t = await testEngine();
    const me = who('m');
    await t.command('coffee', ['join'], me);
    for (const field of ['intro', 'group', 'hours', 'block']) {
      for (const text of HOSTILE) {
        await t.command('coffee', [], me);
        await t.choice(field, me);
        await t.text(text, me);
      }
    }
    const state = await t.state(me);
    expect(StateSchema.safeParse(state).success).toBe(true);
    const prefs = state?.coffee.prefs;
    expect(prefs?.intro?.length).toBeLessThanOrEqual(200);
    // "9-5" and "25-30" are no working hours; nothing valid was typed, so none are set.
    expect(prefs?.hours).toBeUndefined();
    expect(t.sent.some((s) => s.reply.text === en('coffee.hours.invalid'))).toBe(true);
    expect(t.sent.some((s) => s.reply.text === en('coffee.block.invalid'))).toBe(true);
    // A member never blocks themselves, and mention tricks are not member ids.
    expect(prefs?.blocks).not.toContain('m');
    expect(prefs?.blocks.some((b) => b.includes('channel') || b.includes('everyone'))).toBe(false);
    const roster = (await t.pairing.load(community)).roster.m;
    expect(roster?.prefs).toEqual(prefs);
  });

  it('a stale check-in button or an unknown coffee word gets a polite answer and no state change', async () => {
    const t = await testEngine();
    const me = who('m');
    await t.command('coffee', ['join'], me);
    const before = await t.state(me);
    await t.choice('met', me);
    expect(t.lastText()).not.toBe(en('common.unavailable'));
    await t.command('coffee', ['teleport'], me);
    const after = await t.state(me);
    expect(after?.coffee).toEqual(before?.coffee);
    expect(after?.network.people).toEqual([]);
  });
});
