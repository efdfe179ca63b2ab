/**
 * The community's own intro through Discord: an admin sets it with `/coach coffee action:set intro "…"`,
 * a wrong placeholder is refused in the admin's language (Dutch here), and the round's private
 * thread carries the text filled in, the admin's markdown shown as text.
 */
import { Locale } from 'discord-api-types/v10';
import { afterEach, expect, it } from 'vitest';
import { escapeMemberText } from '../../adapters/discord/coffee.js';
import { INTRO_PLACEHOLDERS } from '../../src/pairing/intro-template.js';
import { say } from '../helpers/texts.js';
import { groupTimesText } from '../helpers/times.js';
import { APPLICATION_ID } from './fake-discord.js';
import { GUILD_ID, guildCommand, interactionCreate, MANAGE_GUILD } from './fixtures.js';
import { type Harness, Member, must, startHarness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const COFFEE_CHANNEL = '700000000000000010';
const COMMUNITY = { platform: 'discord', space: 'global' } as const;
const KNOWN = INTRO_PLACEHOLDERS.map((p) => `{${p}}`).join(', ');
const OWN = 'Hi {partners}! Bring **one** good Question. {organiser} picks the moment. {slots}';

/** `/coach coffee action:<action>` in the server by an admin; resolves with the private answer. */
async function asAdmin(harness: Harness, member: Member, action: string, locale: Locale = Locale.EnglishUS) {
  const command = guildCommand(member.user, 'coffee', locale, undefined, {
    options: { action },
    permissions: MANAGE_GUILD,
  });
  harness.fake.dispatch(interactionCreate(command));
  const path = `/webhooks/${APPLICATION_ID}/${command.token}/messages/@original`;
  const answer = await harness.fake.waitFor(() =>
    harness.fake.calls.find((c) => c.method === 'PATCH' && c.path === path),
  );
  return String((answer.body as Record<string, unknown>).content);
}

it('sets the community intro on Discord and posts it, markdown escaped, in the private thread', async () => {
  h = await startHarness();
  const harness = h;
  harness.fake.guild(GUILD_ID).channels.add(COFFEE_CHANNEL);
  const ada = new Member(harness, '200000000000000100', 'Ada');
  const bram = new Member(harness, '200000000000000101', 'Bram');
  const eva = new Member(harness, '200000000000000199', 'Eva');
  for (const m of [ada, bram]) await m.type('/coffee join');
  for (const m of [ada, bram])
    await harness.fake.waitFor(() =>
      harness.fake.messages.find(
        (msg) => msg.channel_id === m.channel && msg.content === say('en', 'coffee.joined'),
      ),
    );

  expect(await asAdmin(harness, eva, 'set intro "Hoi {partners}, {tijd}"', Locale.Dutch)).toBe(
    say('nl', 'coffee.admin.introUnknown', { placeholder: '{tijd}', known: KNOWN }),
  );
  expect((await harness.app.pairing.load(COMMUNITY)).settings.intro).toBeUndefined();

  await asAdmin(harness, eva, `set channel ${COFFEE_CHANNEL}`);
  expect(await asAdmin(harness, eva, `set intro "${OWN}"`)).toContain(say('en', 'coffee.admin.introSaved'));
  expect((await harness.app.pairing.load(COMMUNITY)).settings.intro).toBe(OWN);

  await asAdmin(harness, eva, 'round now');
  const community = await harness.app.pairing.load(COMMUNITY);
  const round = must(community.rounds[0], 'round 1');
  const group = must(round.groups[0], 'the group');
  const thread = must(harness.fake.threads.get(group.conversation ?? ''), 'the thread');
  const post = must(
    harness.fake.calls.find(
      (c) => c.method === 'POST' && c.path === `/channels/${thread.thread.id}/messages`,
    ),
    'the intro',
  );
  const content = String((post.body as Record<string, unknown>).content);
  const partners = `<@${group.users[0]}> and <@${group.users[1]}>`;
  expect(content).toContain(`Hi ${partners}! ${escapeMemberText('Bring **one** good Question.')}`);
  expect(escapeMemberText('**one**')).not.toBe('**one**');
  expect(content).toContain(`<@${group.organiser}> ${escapeMemberText('picks the moment.')}`);
  // {slots}: three times inside everyone's working hours, no longer "agree a time".
  expect(content).toContain(escapeMemberText(groupTimesText(community, round, group, 'en')));
  expect(content).not.toContain(say('en', 'coffee.groupIntro.slotsLater'));
  expect(content).not.toContain('**one**');
});
