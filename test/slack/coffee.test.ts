/**
 * A whole virtual-coffee round in Slack, through the real Bolt app against the fake Web API:
 * members join with /weakties, an admin (users.info is_admin) sets the channel and runs a round,
 * each group is introduced in a group DM (mpim) with mentions, the intros and check-ins come as
 * DMs, a quiet group's organiser is nudged, and a restart in the middle repeats nothing.
 */
import { afterEach, expect, it, vi } from 'vitest';
import { escapeMrkdwn } from '../../adapters/slack/render.js';
import { METHOD_SCOPES } from '../../adapters/slack/scopes.js';
import type { Round } from '../../src/pairing/community.js';
import { storedState } from '../helpers/stored.js';
import { say } from '../helpers/texts.js';
import { TEAM } from './fixtures.js';
import { en, type Harness, SlackMember, startHarness } from './harness.js';

const COMMUNITY = { platform: 'slack', space: TEAM } as const;
const CHANNEL = 'CCOFFEE';
/** First names as the adapter reads them from users.info. */
const NAMES: Record<string, string> = { U1: 'Anna', U2: 'Ben', U3: 'Cas', U4: 'Dirk' };

let h: Harness | undefined;
afterEach(async () => {
  if (!h) return;
  const methods = new Set(h.fake.calls.map((c) => c.method).filter((m) => m !== 'upload'));
  await h.close();
  h = undefined;
  // Every Web API method the adapter called is one whose scope the manifest grants.
  expect([...methods].filter((m) => !(m in METHOD_SCOPES))).toEqual([]);
});

const partnersOf = (round: Round, user: string) =>
  round.groups.find((g) => g.users.includes(user))?.users.filter((u) => u !== user) ?? [];

it('runs a coffee round in Slack: group DMs with mentions, intro DMs, nudge, check-in, map, stats, restart', async () => {
  const harness = await startHarness({
    users: {
      U1: { is_admin: true, real_name: 'Anna Admin', profile: { first_name: 'Anna' } },
      U2: { real_name: 'Ben de Boer' },
      U3: { profile: { first_name: 'Cas', display_name: 'cas.v' } },
      U4: { real_name: 'Dirk Dekker', profile: { display_name: 'dirk' } },
    },
    // The bot is a member of the channel too; three pages of two members each.
    channels: { [CHANNEL]: ['U1', 'UBOT', 'U2', 'U3', 'U4'] },
    pageSize: 2,
  });
  h = harness;
  const [anna, ben, cas, dirk] = ['U1', 'U2', 'U3', 'U4'].map((u) => new SlackMember(harness, u)) as [
    SlackMember,
    SlackMember,
    SlackMember,
    SlackMember,
  ];
  const members = [anna, ben, cas, dirk];
  const handled = vi.spyOn(harness.app.engine, 'handle');

  for (const member of members) {
    await member.say('hello');
    await member.command('coffee join');
    expect(member.texts()).toContain(en('coffee.joined'));
  }
  // Every event carries the member's name and admin flag from users.info.
  const inbound = (user: string) =>
    handled.mock.calls
      .map(([payload]) => payload as Record<string, unknown>)
      .filter((p) => (p.member as { user: string }).user === user);
  expect(inbound('U1').every((p) => p.admin === true && p.displayName === 'Anna')).toBe(true);
  expect(inbound('U2').every((p) => p.admin === false && p.displayName === 'Ben de Boer')).toBe(true);
  expect(inbound('U4').at(-1)).toMatchObject({
    kind: 'command',
    name: 'coffee',
    args: ['join'],
    displayName: 'Dirk Dekker',
  });
  expect([inbound('U1').length, inbound('U2').length]).toEqual([2, 2]);

  // Ben writes his intro line, with mention tricks in it (a typed "<" arrives as &lt;).
  await ben.command('coffee');
  await ben.press('intro');
  expect(ben.lastText()).toBe(en('coffee.intro.prompt'));
  await ben.say('I run the <!channel> quiz &lt;!everyone&gt; and @here, ask me');
  expect(ben.texts()).toContain(en('coffee.intro.saved'));
  const benIntro = (await storedState(harness.app, ben.member))?.coffee.prefs.intro ?? '';
  expect(benIntro).toBe('I run the @channel quiz <!everyone> and @here, ask me');

  // A member who is no admin cannot change the settings.
  await ben.command('coffee set on');
  expect(ben.lastText()).toBe(en('coffee.admin.only'));
  expect((await harness.app.pairing.load(COMMUNITY)).settings.active).toBe(false);

  // The admin picks the channel as Slack sends it (should_escape: true), and runs a round.
  await anna.command(`coffee set channel <#${CHANNEL}|coffee>`);
  expect(anna.lastText()).toBe(en('coffee.admin.saved', { next: say('en', 'coffee.admin.notPlanned') }));
  expect((await harness.app.pairing.load(COMMUNITY)).settings.channel).toBe(CHANNEL);

  await anna.command('coffee round now');
  const made = await harness.app.pairing.load(COMMUNITY);
  const round = made.rounds[0] as Round;
  expect(anna.lastText()).toBe(
    en('coffee.admin.ran', { round: 1, seed: round.seed, groups: 2, absent: 0, unplaced: 0 }),
  );
  // The pool is the channel's members without the bot, read page by page.
  expect(harness.fake.callsOf('conversations.members').map((c) => [c.args.channel, c.args.cursor])).toEqual([
    [CHANNEL, undefined],
    [CHANNEL, '2'],
    [CHANNEL, '4'],
  ]);
  expect(round.groups.flatMap((g) => g.users).sort()).toEqual(['U1', 'U2', 'U3', 'U4']);
  // Names came from users.info: first_name, else the first word of the full name.
  expect(Object.fromEntries(Object.entries(made.roster).map(([u, e]) => [u, e.prefs.name]))).toEqual(NAMES);

  // One group DM per group, with exactly its members, and the intro posted into it.
  expect(harness.fake.groupDms().map((g) => g.users)).toEqual(round.groups.map((g) => g.users));
  const groupPosts = () =>
    harness.fake.callsOf('chat.postMessage').filter((c) => String(c.args.channel).startsWith('G'));
  expect(groupPosts()).toHaveLength(2);
  for (const group of round.groups) {
    const dm = harness.fake.groupDms().find((g) => g.users.join() === group.users.join());
    expect(group.conversation).toBe(dm?.channel);
    const post = groupPosts().find((c) => c.args.channel === group.conversation);
    const text = String(post?.args.text);
    const names = group.users.map((u) => `<@${u}>`).join(' and ');
    expect(text).toContain(say('en', 'coffee.groupIntro.heading', { round: 1, names }));
    expect(text).toContain(say('en', 'coffee.groupIntro.organiser', { name: `<@${group.organiser}>` }));
    expect(post?.args).toMatchObject({ unfurl_links: 'false', unfurl_media: 'false' });
    // No special mention survives from a member's own words.
    expect(text).not.toMatch(/<!/);
  }
  const benGroup = round.groups.find((g) => g.users.includes('U2'));
  const benText = String(groupPosts().find((c) => c.args.channel === benGroup?.conversation)?.args.text);
  expect(benText).toContain(
    say('en', 'coffee.groupIntro.line', { name: '<@U2>', intro: escapeMrkdwn(benIntro) }),
  );
  expect(benText).toContain('&lt;!everyone&gt;');

  // The intros come as DMs at the next tick, once each.
  const now = new Date();
  await harness.app.engine.tick(now);
  const intros = (member: SlackMember) => member.texts().filter((t) => t.startsWith('☕'));
  for (const member of members) {
    const [partner = ''] = partnersOf(round, member.user);
    expect(intros(member)).toHaveLength(1);
    expect(intros(member)[0]).toContain(
      en('coffee.introDm.heading', { round: 1, names: NAMES[partner] ?? '' }),
    );
  }

  // A restart in the middle of the round, and ticks again: nothing is introduced twice.
  await harness.restartApp();
  await harness.app.engine.tick(now);
  await harness.app.engine.tick(new Date(now.getTime() + 60_000));
  expect(harness.fake.groupDms()).toHaveLength(2);
  expect(
    harness.fake.callsOf('conversations.open').filter((c) => String(c.args.users).includes(',')),
  ).toHaveLength(2);
  expect(groupPosts()).toHaveLength(2);
  for (const member of members) expect(intros(member)).toHaveLength(1);

  // Halfway: one group talked in its group DM, the other did not; only the quiet one's organiser is nudged.
  const [talked, quiet] = round.groups as [Round['groups'][number], Round['groups'][number]];
  const talker = talked.users.find((u) => u !== talked.organiser) ?? '';
  harness.fake.addMessage(talked.conversation ?? '', talker, 'Tuesday at 10?');
  const member = (user: string) => members.find((m) => m.user === user) as SlackMember;
  /** The nudges an organiser got: the nudge text naming the others in their group. */
  const nudges = (group: Round['groups'][number]) => {
    const others = group.users.filter((u) => u !== group.organiser).map((u) => NAMES[u]);
    const text = en('coffee.nudge', { names: others.join(' and ') });
    return member(group.organiser)
      .texts()
      .filter((t) => t === text);
  };
  await harness.app.engine.tick(new Date(round.nudgeAt));
  expect(harness.fake.callsOf('conversations.history').map((c) => [c.args.channel, c.args.limit])).toEqual([
    [talked.conversation, '20'],
    [quiet.conversation, '20'],
  ]);
  expect(nudges(talked)).toHaveLength(0);
  expect(nudges(quiet)).toHaveLength(1);
  // Nudged once: a later tick asks Slack nothing more.
  await harness.app.engine.tick(new Date(Date.parse(round.nudgeAt) + 3_600_000));
  expect(harness.fake.callsOf('conversations.history')).toHaveLength(2);

  // At the check-in time everyone is asked, with buttons.
  await harness.app.engine.tick(new Date(round.checkinAt));
  for (const m of members) {
    const [partner = ''] = partnersOf(round, m.user);
    const question = m.question();
    expect(question.text).toBe(en('coffee.checkin.prompt', { names: NAMES[partner] ?? '' }));
    expect(m.elements(question).map((e) => e.value)).toEqual(['met', 'later', 'missed']);
  }

  // Anna met her partner: they join her map as a weak tie, and the reflection starts.
  const [annaPartner = ''] = partnersOf(round, 'U1');
  await anna.press('met');
  const state = await storedState(harness.app, anna.member);
  expect(state?.network.people.map((p) => [p.name, p.domain, p.ring])).toEqual([
    [NAMES[annaPartner], 'associations', 'outer'],
  ]);
  expect(state?.flow).toMatchObject({ at: 'coffee.reflect', step: 'story' });
  expect(anna.texts()).toContain(en('coffee.map.added', { names: NAMES[annaPartner] ?? '', count: 1 }));
  expect(anna.lastText()).toBe(en('coffee.reflect.story'));

  // Stats are for admins.
  await anna.command('stats');
  expect(anna.lastText()).toContain(en('coffee.stats.heading'));
  await ben.command('stats');
  expect(ben.lastText()).toBe(en('coffee.admin.only'));

  // The App Home's coffee section, and its button opens the coffee menu in the DM.
  await cas.home('weakties.home.coffee');
  expect(cas.lastText()).toContain(en('coffee.menu.prompt'));
  const home = JSON.stringify(harness.fake.callsOf('views.publish').at(-1)?.args.view);
  expect(home).toContain(JSON.stringify(say('en', 'slack.home.coffeeIn')).slice(1, -1));
  expect(home).toContain(say('en', 'slack.home.coffeeCount', { count: 1, met: 0 }));
});

it('makes ADMIN_USERS admins, and its Slack calls fail or skip as the rounds expect', async () => {
  const harness = await startHarness({
    users: {
      U9: { real_name: 'Zoë van Dam' },
      U8: { missing: true },
      U7: {},
      UHELPER: { is_bot: true, real_name: 'Helper' },
      UGONE: { deleted: true },
    },
    channels: { CGENERAL: ['U7', 'UHELPER', 'U8', 'UGONE'] },
    env: { ADMIN_USERS: 'U5, U9' },
  });
  h = harness;
  const zoe = new SlackMember(harness, 'U9');
  await zoe.command('coffee settings');
  expect(zoe.lastText()).toContain(en('coffee.admin.settings').split('\n')[0]);
  const plain = new SlackMember(harness, 'U7');
  await plain.command('coffee settings');
  expect(plain.lastText()).toBe(en('coffee.admin.only'));

  const adapter = harness.adapter.outbox.coffee;
  const settings = (await harness.app.pairing.load(COMMUNITY)).settings;
  // No channel: no pool from Slack. A channel the bot is not in: an error (the rounds fall back).
  expect(await adapter?.pool?.(COMMUNITY, settings)).toBeUndefined();
  await expect(adapter?.pool?.(COMMUNITY, { ...settings, channel: 'CNOTIN' })).rejects.toThrow(
    /channel_not_found/,
  );
  // Bots and deactivated accounts are left out; someone users.info cannot tell about stays in.
  expect(await adapter?.pool?.(COMMUNITY, { ...settings, channel: 'CGENERAL' })).toEqual(['U7', 'U8']);
  // Names: a first word of the full name; a user Slack does not find, or without a name, is left out.
  expect(await adapter?.names?.(COMMUNITY, ['U8', 'U9', 'U7'])).toEqual({ U9: 'Zoë' });
  await expect(adapter?.wrote?.(COMMUNITY, 'GGONE')).rejects.toThrow(/channel_not_found/);
});
