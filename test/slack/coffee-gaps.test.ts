/**
 * Partners who fill each other's gaps, through Slack: an admin sets `coffee set mode gaps`, the
 * settings show it, and a round of four puts the member looking for "Health IT" with the one
 * who offers it, the intro saying why (both agreed to share it), while a wrong mode changes nothing.
 */
import { afterEach, expect, it } from 'vitest';
import { defaultPrefs, type Round } from '../../src/pairing/community.js';
import { say } from '../helpers/texts.js';
import { TEAM } from './fixtures.js';
import { COFFEE_CHANNEL, coffeeWorkspace, en, type Harness, SlackMember } from './harness.js';

const COMMUNITY = { platform: 'slack', space: TEAM } as const;
const CHANNEL = COFFEE_CHANNEL;

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

it('sets the mode to gaps and pairs the member who looks for something with the one who offers it', async () => {
  const harness = await coffeeWorkspace({
    U1: { name: 'Anna' },
    U2: { name: 'Ben' },
    U3: { name: 'Bram' },
    U4: { name: 'Dirk' },
  });
  h = harness;
  const members = ['U1', 'U2', 'U3', 'U4'].map((u) => new SlackMember(harness, u));
  const anna = members[0] as SlackMember;
  for (const member of members) {
    await member.say('hello');
    await member.command('coffee join');
  }
  expect((await harness.app.pairing.load(COMMUNITY)).settings.mode).toBeUndefined();
  await anna.command('coffee settings');
  expect(anna.lastText()).toContain(en('coffee.admin.settingsMode', { mode: en('coffee.admin.mode.new') }));

  await anna.command('coffee set mode both');
  expect(anna.lastText()).toBe(
    en('coffee.admin.invalid', { key: 'mode', value: 'both', expected: 'new, gaps' }),
  );
  await (members[1] as SlackMember).command('coffee set mode gaps');
  expect((members[1] as SlackMember).lastText()).toBe(en('coffee.admin.only'));

  await anna.command(`coffee set channel <#${CHANNEL}|coffee>`);
  await anna.command('coffee set mode GAPS');
  expect(anna.lastText()).toBe(
    `${en('coffee.admin.modeSaved.gaps')}\n${en('coffee.admin.saved', { next: say('en', 'coffee.admin.notPlanned') })}`,
  );
  expect((await harness.app.pairing.load(COMMUNITY)).settings.mode).toBe('gaps');
  await anna.command('coffee settings');
  expect(anna.lastText()).toContain(en('coffee.admin.settingsMode', { mode: en('coffee.admin.mode.gaps') }));

  // Anna looks for someone in health IT; Bram works in it (tags are kept trimmed, as typed; "Health IT" meets "health it").
  const ref = (user: string) => ({ ...COMMUNITY, user });
  await harness.app.pairing.apply(ref('U1'), {
    prefs: { ...defaultPrefs(), joined: true, needs: [' Health IT '], offers: ['python'], shareGaps: true },
  });
  await harness.app.pairing.apply(ref('U3'), {
    prefs: { ...defaultPrefs(), joined: true, needs: ['design'], offers: ['health it'], shareGaps: true },
  });
  const roster = (await harness.app.pairing.load(COMMUNITY)).roster;
  expect(roster.U1?.prefs.needs).toEqual(['Health IT']);

  await anna.command('coffee round now');
  const round = (await harness.app.pairing.load(COMMUNITY)).rounds[0] as Round;
  expect(round.groups.map((g) => g.users)).toContainEqual(['U1', 'U3']);
  // Both agreed to share: the group's intro says why they were put together.
  const conversation = round.groups.find((g) => g.users.includes('U1'))?.conversation;
  const post = harness.fake.callsOf('chat.postMessage').find((c) => c.args.channel === conversation);
  expect(String(post?.args.text)).toContain(
    say('en', 'coffee.groupIntro.why', { needer: '<@U1>', offerer: '<@U3>', tag: 'Health IT' }),
  );
  const other = round.groups.find((g) => g.users.includes('U2'))?.conversation;
  const otherPost = harness.fake.callsOf('chat.postMessage').find((c) => c.args.channel === other);
  expect(String(otherPost?.args.text)).toContain('<@U2>');
  expect(String(otherPost?.args.text)).not.toContain('is looking for');
});
