/**
 * The heads-up before each coffee round, through the engine with a driven clock: it arrives the
 * day before at the community's hour, once; "I'm in" keeps a member in, "skip this one" keeps them
 * out of that round only, "snooze until…" pauses them; `coffee set headsup off` sends none. And a
 * member no group could take is told why, and is first in line the next round.
 */
import { describe, expect, it } from 'vitest';
import type { MemberRef } from '../../src/core/types.js';
import { CommunitySchema } from '../../src/pairing/community.js';
import { pairRound } from '../../src/pairing/match.js';
import { testEngine } from '../helpers/engine.js';
import { say } from '../helpers/texts.js';

const en = (key: string, params: Record<string, string | number> = {}) => say('en', key, params);
const who = (user: string): MemberRef => ({ platform: 'console', space: 'local', user });
const community = { platform: 'console', space: 'local' } as const;
/** A Friday; rounds are on Mondays at 9:00 in Amsterdam (8:00 UTC in winter). */
const FRIDAY = new Date('2026-12-04T12:00:00Z');

async function communityOf(users: string[]) {
  let now = FRIDAY;
  const t = await testEngine({ now: () => now });
  for (const user of users) {
    await t.command('coffee', ['join'], who(user));
    await t.text(user, who(user));
  }
  const at = async (iso: string) => {
    now = new Date(iso);
    // The first tick schedules what falls due; the second brings it to the members.
    await t.engine.tick(now);
    await t.engine.tick(now);
  };
  const repliesTo = (user: string) => t.sent.filter((s) => s.member.user === user).map((s) => s.reply);
  const headsups = (user: string) => repliesTo(user).filter((r) => r.text === en('coffee.headsup.prompt'));
  /** Heads-ups asked, or said to wait behind a question the member is in the middle of. */
  const heard = (user: string) =>
    repliesTo(user).filter(
      (r) => r.text === en('coffee.headsup.prompt') || r.text.includes(en('queue.what.headsup')),
    );
  return { ...t, at, repliesTo, headsups, heard };
}

describe('the heads-up before a coffee round', () => {
  it('comes the day before at the community hour; in, skip and snooze each do what they say', async () => {
    const t = await communityOf(['ann', 'bob', 'cid', 'dee', 'eve']);
    await t.command('coffee', ['set', 'timezone', 'Europe/Amsterdam']);
    await t.command('coffee', ['set', 'time', '9']);
    await t.command('coffee', ['set', 'on']);
    expect((await t.pairing.load(community)).nextRoundAt).toBe('2026-12-07T08:00:00.000Z');

    await t.at('2026-12-06T07:59:00Z');
    expect(t.headsups('ann')).toHaveLength(0);
    await t.at('2026-12-06T08:00:00Z');
    for (const user of ['ann', 'bob', 'cid', 'dee', 'eve']) expect(t.headsups(user)).toHaveLength(1);
    const question = t.repliesTo('ann').at(-1);
    expect(question?.choices?.map((c) => c.label)).toEqual([
      en('coffee.headsup.in'),
      en('coffee.headsup.skip'),
      en('coffee.headsup.snooze'),
    ]);
    // Once per round, however often the clock ticks.
    await t.at('2026-12-06T20:00:00Z');
    expect(t.headsups('ann')).toHaveLength(1);

    await t.choice('in', who('ann'));
    expect(t.repliesTo('ann').at(-2)?.text).toBe(en('coffee.headsup.inReply'));
    await t.choice('skip', who('bob'));
    expect(t.repliesTo('bob').at(-2)?.text).toBe(en('coffee.headsup.skipReply'));
    await t.choice('snooze', who('cid'));
    expect(t.repliesTo('cid').at(-1)?.text).toBe(en('coffee.snooze.prompt'));
    await t.choice('d30', who('cid'));
    expect((await t.state(who('cid')))?.coffee.prefs.snoozeUntil).toBe('2027-01-05');

    await t.at('2026-12-07T08:00:00Z');
    const first = (await t.pairing.load(community)).rounds.at(-1);
    expect(first?.absent.sort()).toEqual(['bob', 'cid']);
    expect(first?.groups.flatMap((g) => g.users).sort()).toEqual(['ann', 'dee', 'eve']);

    // The next round (a fortnight on): the skip was for one round; the snooze still holds.
    await t.at('2026-12-20T08:00:00Z');
    for (const user of ['ann', 'bob', 'dee', 'eve']) expect(t.heard(user)).toHaveLength(2);
    expect(t.heard('cid')).toHaveLength(1);
    await t.at('2026-12-21T08:00:00Z');
    const second = (await t.pairing.load(community)).rounds.at(-1);
    expect(second?.absent).toEqual(['cid']);
    expect(second?.groups.flatMap((g) => g.users)).toContain('bob');

    // Turned off: no heads-up for the round after.
    await t.command('coffee', ['set', 'headsup', 'off']);
    await t.command('coffee', ['settings']);
    expect(t.lastText()).toContain(en('coffee.admin.settingsHeadsup', { state: en('coffee.admin.off') }));
    await t.at('2027-01-03T08:00:00Z');
    for (const user of ['ann', 'bob', 'dee', 'eve']) expect(t.heard(user)).toHaveLength(2);
    await t.command('coffee', ['set', 'headsup', 'maybe']);
    expect(t.lastText()).toBe(
      en('coffee.admin.invalid', { key: 'headsup', value: 'maybe', expected: 'on, off' }),
    );
  });

  it('reads a community stored before the setting as heads-up on', () => {
    const old = CommunitySchema.parse({
      v: 1,
      ref: community,
      settings: { active: true, cadence: 'weekly', weekday: 1, hour: 9, timezone: 'UTC', lang: 'en' },
    });
    expect(old.settings.headsup).toBeUndefined();
    expect(old.headsupFor).toBeUndefined();
  });

  it('tells a member no group could take why, and puts them first in line next round', async () => {
    // ann will not meet cid: no trio is possible, so one of the three is left each round.
    const t = await communityOf(['ann', 'bob', 'cid']);
    await t.command('coffee', [], who('ann'));
    await t.choice('block', who('ann'));
    await t.text('cid', who('ann'));
    const left: string[] = [];
    for (const day of ['2026-12-07', '2026-12-14', '2026-12-21']) {
      await t.at(`${day}T09:00:00Z`);
      await t.command('coffee', ['round', 'now']);
      await t.at(`${day}T09:00:00Z`);
      const round = (await t.pairing.load(community)).rounds.at(-1);
      expect(round?.unplaced).toHaveLength(1);
      const user = round?.unplaced[0] ?? '';
      // Whoever waited last round is placed this one.
      if (left.length > 0) expect(user).not.toBe(left.at(-1));
      left.push(user);
      // The one who blocked hears it was their list; the other, that no group had room.
      const note = en(user === 'ann' ? 'coffee.unplacedBlocks' : 'coffee.unplacedOdd');
      expect(t.repliesTo(user).some((r) => r.text === note)).toBe(true);
    }
  });

  it('places the member who waited first when blocks leave someone out', () => {
    const members = ['a', 'b', 'c'].map((id) => ({ id, trios: 0, blocks: id === 'a' ? ['c'] : [] }));
    const base = { lastMet: new Map<string, number>(), round: 2, seed: 7 };
    for (const waiting of ['a', 'c']) {
      const result = pairRound({
        ...base,
        members: members.map((m) => (m.id === waiting ? { ...m, waited: true } : m)),
      });
      expect(result.groups.flat()).toContain(waiting);
      expect(result.unplaced).toHaveLength(1);
    }
  });

  it('seats the member who waited first in groups of three too', () => {
    // Four at size 3 make one group of four; a and d may not meet, so one of them is left.
    const members = ['a', 'b', 'c', 'd'].map((id) => ({ id, trios: 0, blocks: id === 'a' ? ['d'] : [] }));
    for (const waiting of ['a', 'd']) {
      const result = pairRound({
        lastMet: new Map<string, number>(),
        round: 2,
        seed: 7,
        size: 3,
        members: members.map((m) => (m.id === waiting ? { ...m, waited: true } : m)),
      });
      expect(result.groups.flat()).toContain(waiting);
      expect(result.unplaced).toEqual([waiting === 'a' ? 'd' : 'a']);
    }
  });
});
