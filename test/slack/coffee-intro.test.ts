/**
 * The community's own intro through Slack: an admin sets it with `/weakties coffee set intro "…"`
 * (case and every word kept), a wrong placeholder is refused, and the round's group DM carries the
 * text filled in, the admin's `&` and `<` shown as text, never as Slack markup.
 */
import { afterEach, expect, it } from 'vitest';
import type { Round } from '../../src/pairing/community.js';
import { INTRO_PLACEHOLDERS } from '../../src/pairing/intro-template.js';
import { say } from '../helpers/texts.js';
import { groupTimesText } from '../helpers/times.js';
import { TEAM } from './fixtures.js';
import { COFFEE_CHANNEL, coffeeWorkspace, en, type Harness, SlackMember } from './harness.js';

const COMMUNITY = { platform: 'slack', space: TEAM } as const;
const CHANNEL = COFFEE_CHANNEL;
const KNOWN = INTRO_PLACEHOLDERS.map((p) => `{${p}}`).join(', ');
/** As Slack sends it: `&`, `<` and `>` arrive as entities. */
const TYPED =
  'Welcome {partners} &amp; say hi &lt;!here&gt; to the whole Team! {organiser} proposes a moment. {slots}';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

it('sets the community intro on Slack and posts it, escaped, in the group DM', async () => {
  const harness = await coffeeWorkspace({ U1: { name: 'Anna' }, U2: { name: 'Ben' } });
  h = harness;
  const anna = new SlackMember(harness, 'U1');
  const ben = new SlackMember(harness, 'U2');
  for (const member of [anna, ben]) {
    await member.say('hello');
    await member.command('coffee join');
  }

  await anna.command('coffee set intro "Hello {Partner}"');
  expect(anna.lastText()).toBe(en('coffee.admin.introUnknown', { placeholder: '{Partner}', known: KNOWN }));
  await ben.command(`coffee set intro "${TYPED}"`);
  expect(ben.lastText()).toBe(en('coffee.admin.only'));
  expect((await harness.app.pairing.load(COMMUNITY)).settings.intro).toBeUndefined();

  await anna.command(`coffee set channel <#${CHANNEL}|coffee>`);
  await anna.command(`coffee set intro "${TYPED}"`);
  expect(anna.lastText()).toContain(en('coffee.admin.introSaved'));
  // Stored as the admin wrote it: case kept, entities read back as the characters they stand for.
  expect((await harness.app.pairing.load(COMMUNITY)).settings.intro).toBe(
    'Welcome {partners} & say hi <!here> to the whole Team! {organiser} proposes a moment. {slots}',
  );

  await anna.command('coffee round now');
  const community = await harness.app.pairing.load(COMMUNITY);
  const round = community.rounds[0] as Round;
  const group = round.groups[0];
  const post = harness.fake.callsOf('chat.postMessage').find((c) => c.args.channel === group?.conversation);
  const text = String(post?.args.text);
  expect(text).toContain('Welcome <@U1> and <@U2> &amp; say hi &lt;!here&gt; to the whole Team!');
  expect(text).toContain(
    // {slots}: three times inside everyone's working hours, no longer "agree a time".
    `<@${group?.organiser}> proposes a moment. ${group ? groupTimesText(community, round, group, 'en') : ''}`,
  );
  expect(text).not.toContain('<!here>');
  expect(text).not.toContain(say('en', 'coffee.groupIntro.heading', { round: 1, names: '<@U1> and <@U2>' }));

  await anna.command('coffee set intro default');
  expect(anna.lastText()).toContain(en('coffee.admin.introDefault'));
  expect((await harness.app.pairing.load(COMMUNITY)).settings.intro).toBeUndefined();
});
