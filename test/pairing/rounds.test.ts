import { describe, expect, it } from 'vitest';
import type { MemberRef } from '../../src/core/types.js';
import { asName } from '../../src/pairing/intro.js';
import { pairKey } from '../../src/pairing/match.js';
import { testEngine } from '../helpers/engine.js';
import { say } from '../helpers/texts.js';

const en = (key: string, params: Record<string, string | number> = {}) => say('en', key, params);
const who = (user: string): MemberRef => ({ platform: 'console', space: 'local', user });
const community = { platform: 'console', space: 'local' } as const;
const T0 = new Date('2026-12-07T09:00:00Z');

async function communityOf(users: string[]) {
  let now = T0;
  const t = await testEngine({ now: () => now });
  // Joining asks the name partners see (terminal members have no other): each gives their id.
  for (const user of users) {
    await t.command('coffee', ['join'], who(user));
    await t.text(user, who(user));
  }
  const setNow = (d: Date) => {
    now = d;
  };
  const repliesTo = (user: string) => t.sent.filter((s) => s.member.user === user).map((s) => s.reply);
  const roundNow = async () => {
    await t.command('coffee', ['round', 'now']);
    await t.engine.tick(now);
  };
  /** Ticks to the last round's check-in, and every member in it answers. */
  const checkIn = async (answer: 'met' | 'missed' | 'later', except: string[] = []) => {
    const round = (await t.pairing.load(community)).rounds.at(-1);
    const at = new Date(round?.checkinAt ?? '');
    setNow(at);
    await t.engine.tick(at);
    for (const user of round?.groups.flatMap((g) => g.users) ?? [])
      if (!except.includes(user)) await t.choice(answer, who(user));
  };
  return { ...t, setNow, repliesTo, roundNow, checkIn };
}

describe('virtual coffee rounds through the engine', () => {
  it('joins, makes a round, introduces each member once, checks in, reflects and updates the map', async () => {
    const t = await communityOf(['ana', 'ben', 'cas', 'dirk']);
    expect(t.repliesTo('ana').some((r) => r.text === en('coffee.joined'))).toBe(true);

    await t.roundNow();
    const c = await t.pairing.load(community);
    const round = c.rounds[0];
    expect(round?.groups.map((g) => g.users.length)).toEqual([2, 2]);
    const intro = (user: string) => t.repliesTo(user).filter((r) => r.text.startsWith('☕'));
    for (const user of ['ana', 'ben', 'cas', 'dirk']) expect(intro(user)).toHaveLength(1);
    // Ticking again, and running the same jobs again, introduces nobody twice.
    await t.engine.tick(new Date(T0.getTime() + 60_000));
    for (const user of ['ana', 'ben', 'cas', 'dirk']) expect(intro(user)).toHaveLength(1);

    const anaGroup = round?.groups.find((g) => g.users.includes('ana'));
    const partner = anaGroup?.users.find((u) => u !== 'ana') ?? '';
    // The intro reads the chosen name as a name, with a capital.
    expect(intro('ana')[0]?.text).toContain(asName(partner));
    // The proposed times follow the intro, as a multi-select with "none of these" beside it.
    const times = t.repliesTo('ana').at(-1);
    expect(times?.text).toBe(en('coffee.times.prompt'));
    expect(times?.pick?.options).toHaveLength(3);
    expect(times?.choices?.map((ch) => ch.id)).toEqual(['none']);
    await t.choice('none', who('ana'));
    expect((await t.state(who('ana')))?.coffee.coffees[0]?.picked).toEqual([]);
    // "None of these" asks for two of her own in plain words, and passes them on to her partner.
    expect(t.repliesTo('ana').at(-1)?.text).toBe(en('coffee.times.ownPrompt'));
    await t.text('tomorrow', who('ana'));
    expect(t.repliesTo('ana').some((r) => r.text === en('coffee.times.ownInvalid'))).toBe(true);
    await t.text('Thursday 10:00 or Friday 15:30', who('ana'));
    expect((await t.state(who('ana')))?.coffee.coffees[0]?.own).toEqual([
      '2026-12-10T10:00:00.000Z',
      '2026-12-11T15:30:00.000Z',
    ]);
    expect(t.repliesTo('ana').some((r) => r.text === en('coffee.times.ownSaved'))).toBe(true);
    expect(t.repliesTo(partner).map((r) => r.text)).toContain(
      en('coffee.times.ownNote', {
        name: 'Ana',
        times: 'Thursday 10 December 10:00 or Friday 11 December 15:30',
      }),
    );
    // Then the prepare question; "later" leaves it.
    expect(
      t
        .repliesTo('ana')
        .at(-1)
        ?.choices?.map((ch) => ch.id),
    ).toContain('later');

    t.setNow(new Date(round?.checkinAt ?? ''));
    await t.engine.tick(new Date(round?.checkinAt ?? ''));
    const checkin = t.repliesTo('ana').at(-1);
    expect(checkin?.text).toBe(en('coffee.checkin.prompt', { names: partner }));
    await t.choice('met', who('ana'));
    const ana = await t.state(who('ana'));
    expect(ana?.network.people.map((p) => [p.name, p.ring, p.domain])).toEqual([
      [partner, 'outer', 'associations'],
    ]);
    expect(ana?.flow).toMatchObject({ at: 'coffee.reflect', step: 'story' });
    await t.text('Fun, we talked about trains', who('ana'));
    await t.choice('4', who('ana'));
    await t.choice('2', who('ana'));
    expect(t.repliesTo('ana').some((r) => r.text === en('coffee.reflect.gapBelow'))).toBe(true);
    await t.text('How their team plans', who('ana'));
    await t.choice('skip', who('ana'));
    await t.choice('no', who('ana'));
    await t.choice('none', who('ana'));
    const done = await t.state(who('ana'));
    expect(done?.flow.at).toBe('menu');
    expect(done?.coffee.coffees[0]).toMatchObject({
      outcome: 'met',
      enjoyedSelf: 4,
      enjoyedThem: 2,
      askedFor: false,
    });
    expect(done?.completed.at(-1)?.exercise).toBe('coffee');

    const stats = await t.pairing.stats(community);
    expect(stats.rounds[0]).toMatchObject({ participants: 4, pairs: 2, metRate: 1, repeatRate: 0 });
    expect(stats.rounds[0]?.ghostRate).toBeCloseTo(0.75);
    await t.command('stats');
    expect(t.lastText()).toContain(en('coffee.stats.heading'));
  });

  it('pairs nobody twice while new partners exist, respects blocks, skips and snoozes', async () => {
    const t = await communityOf(['a', 'b', 'c', 'd', 'e', 'f']);
    await t.command('coffee', [], who('a'));
    await t.choice('block', who('a'));
    await t.text('b', who('a'));
    expect(t.repliesTo('a').at(-2)?.text).toBe(en('coffee.block.saved'));
    for (let r = 0; r < 4; r++) {
      t.setNow(new Date(T0.getTime() + r * 7 * 86_400_000));
      await t.roundNow();
      expect(t.repliesTo('tester').at(-1)?.text).toContain(`Round ${r + 1} is made`);
      await t.checkIn('missed');
    }
    const c = await t.pairing.load(community);
    const seen = new Set<string>();
    for (const round of c.rounds)
      for (const g of round.groups) {
        const [x = '', y = ''] = g.users;
        expect(pairKey(x, y)).not.toBe(pairKey('a', 'b'));
        expect(seen.has(pairKey(x, y))).toBe(false);
        seen.add(pairKey(x, y));
      }

    t.setNow(new Date('2027-01-05T09:00:00Z'));
    await t.command('coffee', ['skip'], who('c'));
    await t.command('coffee', ['snooze', '2027-03-01'], who('d'));
    await t.command('coffee', ['leave'], who('f'));
    await t.command('coffee', ['join'], who('g'));
    t.setNow(new Date('2027-01-11T09:00:00Z'));
    await t.roundNow();
    const last = (await t.pairing.load(community)).rounds.at(-1);
    expect(last?.absent.sort()).toEqual(['c', 'd']);
    // Who left is neither paired nor counted absent; a newcomer is paired at once.
    expect(last?.groups.flatMap((g) => g.users).sort()).toEqual(['a', 'b', 'e', 'g']);
    // The skip was for one round only.
    t.setNow(new Date('2027-01-18T09:00:00Z'));
    await t.roundNow();
    expect((await t.pairing.load(community)).rounds.at(-1)?.absent).toEqual(['d']);
  });

  it('gives the odd member a trio, and asks a member who ignored three intros before pairing them again', async () => {
    const t = await communityOf(['a', 'b', 'c', 'd', 'e']);
    for (let r = 0; r < 3; r++) {
      t.setNow(new Date(T0.getTime() + r * 7 * 86_400_000));
      await t.roundNow();
      const round = (await t.pairing.load(community)).rounds.at(-1);
      expect(round?.groups.map((g) => g.users.length).sort()).toEqual([2, 3]);
      await t.checkIn('missed', ['e']);
    }
    t.setNow(new Date(T0.getTime() + 3 * 7 * 86_400_000));
    await t.roundNow();
    const c = await t.pairing.load(community);
    expect(c.rounds.at(-1)?.groups.flatMap((g) => g.users)).not.toContain('e');
    expect(c.roster.e?.asked).toBe(true);
    expect(t.repliesTo('e').at(-1)?.text).toBe(en('coffee.stay.prompt'));
    await t.choice('stay', who('e'));
    expect((await t.pairing.load(community)).roster.e).toMatchObject({ asked: false, ghosts: 0 });
    const trios = Object.values(c.roster).map((e) => e.trios);
    expect(Math.max(...trios) - Math.min(...trios)).toBeLessThanOrEqual(1);
    // Organising goes round too: four groups of two or three so far, one organiser each.
    const organised = Object.values(c.roster).map((e) => e.organised);
    expect(organised.reduce((a, b) => a + b, 0)).toBe(c.rounds.reduce((n, r) => n + r.groups.length, 0));
    expect(Math.max(...organised) - Math.min(...organised)).toBeLessThanOrEqual(1);
  });

  it('keeps admin commands for admins, and previews a round without sending anything', async () => {
    const t = await communityOf(['a', 'b']);
    const slackMember: MemberRef = { platform: 'slack', space: 'T1', user: 'U1' };
    await t.command('coffee', ['settings'], slackMember);
    expect(t.lastText()).toBe(en('coffee.admin.only'));
    await t.engine.handle({
      kind: 'command',
      id: 'x1',
      member: slackMember,
      name: 'coffee',
      args: ['set', 'cadence', 'weekly'],
      admin: true,
    });
    expect(t.lastText()).toContain(en('coffee.admin.notPlanned'));
    await t.command('coffee', ['set', 'cadence', 'daily']);
    expect(t.lastText()).toBe(
      en('coffee.admin.invalid', { key: 'cadence', value: 'daily', expected: 'weekly, biweekly, monthly' }),
    );
    // What a value may be is said in words of the admin's language, the weekday explained.
    await t.command('coffee', ['set', 'day', 'friday']);
    expect(t.lastText()).toBe(
      en('coffee.admin.invalid', { key: 'day', value: 'friday', expected: '1-7 (1 = Monday)' }),
    );
    const before = t.sent.length;
    await t.command('coffee', ['round', 'preview']);
    expect(t.sent.length).toBe(before + 1);
    expect(t.lastText()).toContain('• ');
    expect((await t.pairing.load(community)).rounds).toHaveLength(0);
  });

  it('runs rounds from the schedule once per due time, and forgets a member everywhere', async () => {
    const t = await communityOf(['a', 'b', 'c', 'd']);
    await t.command('coffee', ['set', 'on']);
    const due = (await t.pairing.load(community)).nextRoundAt ?? '';
    expect(new Date(due).getUTCDay()).toBe(1);
    await Promise.all([t.engine.tick(new Date(due)), t.engine.tick(new Date(due))]);
    const c = await t.pairing.load(community);
    expect(c.rounds).toHaveLength(1);
    expect(Date.parse(c.nextRoundAt ?? '')).toBeGreaterThan(Date.parse(due) + 13 * 86_400_000);

    await t.engine.tick(new Date(due));
    expect((await t.state(who('a')))?.coffee.coffees).toHaveLength(1);
    await t.command('forget', [], who('a'));
    await t.choice('yes', who('a'));
    const after = await t.pairing.load(community);
    expect(after.roster.a).toBeUndefined();
    expect(JSON.stringify(after)).not.toMatch(/"a"|a\|/);
    // The check-in a forgotten member had waiting never fires, and nothing is stored again.
    const checkin = new Date(c.rounds[0]?.checkinAt ?? '');
    await t.engine.tick(checkin);
    expect(await t.state(who('a'))).toBeUndefined();
    expect(t.sent.filter((x) => x.member.user === 'a').at(-1)?.reply.text).toBe(en('forget.done'));
  });
});
