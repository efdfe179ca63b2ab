/**
 * The heads-up before a coffee round through Slack: the day before, at the round's hour, each
 * member of the channel pool gets "a new coffee round starts tomorrow" as a DM with buttons; Ben
 * presses "skip this one" and sits the round out, Anna and Cas press "I'm in". Cas will not meet
 * Dirk, so of the three one is left over and hears why in a DM.
 */
import { afterEach, expect, it } from 'vitest';
import { headsupAt } from '../../src/pairing/schedule.js';
import { TEAM } from './fixtures.js';
import { COFFEE_CHANNEL, coffeeWorkspace, en, type Harness, SlackMember } from './harness.js';

const COMMUNITY = { platform: 'slack', space: TEAM } as const;
const CHANNEL = COFFEE_CHANNEL;

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

it('sends the heads-up with buttons the day before; a skip keeps Ben out; the one left over is told why', async () => {
  const harness = await coffeeWorkspace({
    U1: { name: 'Anna' },
    U2: { name: 'Ben' },
    U3: { name: 'Cas' },
    U4: { name: 'Dirk' },
  });
  h = harness;
  const [anna, ben, cas, dirk] = ['U1', 'U2', 'U3', 'U4'].map((u) => new SlackMember(harness, u)) as [
    SlackMember,
    SlackMember,
    SlackMember,
    SlackMember,
  ];
  const members = [anna, ben, cas, dirk];
  for (const member of members) {
    await member.say('hello');
    await member.command('coffee join');
  }
  await cas.command('coffee');
  await cas.press('block');
  await cas.say('<@U4>');
  expect(cas.texts()).toContain(en('coffee.block.saved'));

  await anna.command(`coffee set channel <#${CHANNEL}|coffee>`);
  await anna.command('coffee set on');
  const c = await harness.app.pairing.load(COMMUNITY);
  const roundAt = new Date(c.nextRoundAt ?? '');
  const before = headsupAt(c.settings, roundAt);
  expect(roundAt.getTime() - before.getTime()).toBe(86_400_000);

  await harness.app.engine.tick(before);
  await harness.app.engine.tick(before);
  for (const member of members) {
    const question = member.question();
    expect(question.text).toContain(en('coffee.headsup.prompt'));
    expect(member.elements(question).map((e) => e.text?.text)).toEqual([
      en('coffee.headsup.in'),
      en('coffee.headsup.skip'),
      en('coffee.headsup.snooze'),
    ]);
  }
  await anna.press('in');
  expect(anna.texts()).toContain(en('coffee.headsup.inReply'));
  await ben.press('skip');
  expect(ben.texts()).toContain(en('coffee.headsup.skipReply'));
  await cas.press('in');

  await harness.app.engine.tick(roundAt);
  const round = (await harness.app.pairing.load(COMMUNITY)).rounds.at(-1);
  expect(round?.absent).toEqual(['U2']);
  expect(round?.groups.flatMap((g) => g.users)).not.toContain('U2');
  // Cas and Dirk may not meet, so no trio: one pair, and one of the three left over.
  expect(round?.groups.map((g) => g.users.length)).toEqual([2]);
  expect(round?.unplaced).toHaveLength(1);
  const left = members.find((m) => m.user === round?.unplaced[0]) as SlackMember;
  // Only Cas hears it was their own list; Dirk never learns he was blocked.
  const note = en(left === cas ? 'coffee.unplacedBlocks' : 'coffee.unplacedOdd');
  expect(left.texts()).toContain(note);
  expect(dirk.texts()).not.toContain(en('coffee.unplacedBlocks'));
});
