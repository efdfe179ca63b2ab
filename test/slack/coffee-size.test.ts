/**
 * Group size through Slack: an admin sets `coffee set size 4`, the settings show it, and a round
 * of five puts everyone in one group of five (four, one more since five does not divide): one
 * group DM with all five, the intro naming them as one list, and each member's intro DM naming
 * their four partners.
 */
import { afterEach, expect, it } from 'vitest';
import type { Round } from '../../src/pairing/community.js';
import { say } from '../helpers/texts.js';
import { TEAM } from './fixtures.js';
import { COFFEE_CHANNEL, coffeeWorkspace, en, type Harness, SlackMember } from './harness.js';

const COMMUNITY = { platform: 'slack', space: TEAM } as const;
const CHANNEL = COFFEE_CHANNEL;
const NAMES: Record<string, string> = { U1: 'Anna', U2: 'Ben', U3: 'Cas', U4: 'Dirk', U5: 'Eva' };
const list = (names: string[]) => new Intl.ListFormat('en-GB', { type: 'conjunction' }).format(names);

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

it('sets the group size to 4 and introduces a round of five as one group of five', async () => {
  const harness = await coffeeWorkspace({
    U1: { name: 'Anna' },
    U2: { name: 'Ben' },
    U3: { name: 'Cas' },
    U4: { name: 'Dirk' },
    U5: { name: 'Eva' },
  });
  h = harness;
  const members = Object.keys(NAMES).map((u) => new SlackMember(harness, u));
  const anna = members[0] as SlackMember;
  for (const member of members) {
    await member.say('hello');
    await member.command('coffee join');
  }

  // Out of range, and a member who is no admin: nothing changes.
  await anna.command('coffee set size 7');
  expect(anna.lastText()).toBe(en('coffee.admin.invalid', { key: 'size', value: '7', expected: '2-6' }));
  await (members[1] as SlackMember).command('coffee set size 3');
  expect((members[1] as SlackMember).lastText()).toBe(en('coffee.admin.only'));
  expect((await harness.app.pairing.load(COMMUNITY)).settings.size).toBe(2);

  await anna.command(`coffee set channel <#${CHANNEL}|coffee>`);
  await anna.command('coffee set size 4');
  expect(anna.lastText()).toBe(
    `${en('coffee.admin.sizeSaved', { size: 4 })}\n${en('coffee.admin.saved', { next: say('en', 'coffee.admin.notPlanned') })}`,
  );
  expect((await harness.app.pairing.load(COMMUNITY)).settings.size).toBe(4);
  await anna.command('coffee settings');
  expect(anna.lastText()).toContain(en('coffee.admin.settingsSize', { size: 4 }));

  await anna.command('coffee round now');
  const made = await harness.app.pairing.load(COMMUNITY);
  const round = made.rounds[0] as Round;
  expect(round.groups.map((g) => g.users)).toEqual([['U1', 'U2', 'U3', 'U4', 'U5']]);
  expect(round.pairs).toBe(10);
  // Everyone was in the larger group: each counts one, for the fair spread next time.
  expect(Object.values(made.roster).map((e) => e.trios)).toEqual([1, 1, 1, 1, 1]);

  // One group DM with all five, the intro naming them as one list.
  expect(harness.fake.groupDms().map((g) => g.users)).toEqual([['U1', 'U2', 'U3', 'U4', 'U5']]);
  const post = harness.fake
    .callsOf('chat.postMessage')
    .find((c) => c.args.channel === round.groups[0]?.conversation);
  const names = list(['<@U1>', '<@U2>', '<@U3>', '<@U4>', '<@U5>']);
  expect(names).toBe('<@U1>, <@U2>, <@U3>, <@U4> and <@U5>');
  expect(String(post?.args.text)).toContain(say('en', 'coffee.groupIntro.heading', { round: 1, names }));

  // Each member's intro DM names their four partners.
  await harness.app.engine.tick(new Date());
  for (const member of members) {
    const partners = Object.keys(NAMES)
      .filter((u) => u !== member.user)
      .map((u) => NAMES[u] as string);
    const intros = member.texts().filter((t) => t.startsWith('☕'));
    expect(intros).toHaveLength(1);
    expect(intros[0]).toContain(en('coffee.introDm.heading', { round: 1, names: list(partners) }));
  }
});
