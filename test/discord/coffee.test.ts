import {
  type APIMessage,
  ChannelType,
  InteractionResponseType,
  Locale,
  MessageFlags,
} from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import type { MemberRef } from '../../src/core/types.js';
import { nameList } from '../../src/pairing/intro.js';
import { storedState } from '../helpers/stored.js';
import { say } from '../helpers/texts.js';
import { APPLICATION_ID, BOT_ID } from './fake-discord.js';
import { dmCommand, GUILD_ID, guildCommand, interactionCreate, MANAGE_GUILD } from './fixtures.js';
import { callbackOf, type Harness, Member, must, startHarness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

type Body = Record<string, unknown>;
const TIMEOUT = 30_000;
const COFFEE_CHANNEL = '700000000000000010';
/** Discord members are one member across servers and DMs: their community is "global" too. */
const COMMUNITY = { platform: 'discord', space: 'global' } as const;
const ref = (user: string): MemberRef => ({ ...COMMUNITY, user });
const en = (key: string, params: Record<string, string | number> = {}) => say('en', key, params);

/** `/coach <sub> action:<action>` in the server, by an admin or not; resolves with the private answer. */
async function inServer(harness: Harness, member: Member, sub: string, action?: string, admin = false) {
  const command = guildCommand(member.user, sub, Locale.EnglishUS, undefined, {
    options: action ? { action } : {},
    permissions: admin ? MANAGE_GUILD : '0',
  });
  harness.fake.dispatch(interactionCreate(command));
  const path = `/webhooks/${APPLICATION_ID}/${command.token}/messages/@original`;
  const answer = await harness.fake.waitFor(() =>
    harness.fake.calls.find((c) => c.method === 'PATCH' && c.path === path),
  );
  return { callback: callbackOf(harness.fake.calls, command.id), answer: answer.body as Body };
}

/** Waits until the member's DM holds a message with exactly this text. */
const dmSays = (harness: Harness, member: Member, text: string) =>
  harness.fake.waitFor(() =>
    harness.fake.messages.find((m) => m.channel_id === member.channel && m.content === text),
  );

describe('virtual coffees on Discord', () => {
  it(
    'members join, an admin sets the channel and makes a round: a private thread per pair, intros, nudge, check-in, map, stats',
    async () => {
      h = await startHarness();
      const harness = h;
      harness.fake.guild(GUILD_ID).channels.add(COFFEE_CHANNEL);
      const members = ['Ada Lovelace', 'Bram', 'Cleo', 'Dirk'].map(
        (name, i) => new Member(harness, `20000000000000010${i}`, name),
      );
      const [ada, bram, cleo, dirk] = members as [Member, Member, Member, Member];
      const eva = new Member(harness, '200000000000000199', 'Eva');

      // Two join with /coach coffee action:join in their DM, two by typing "/coffee join".
      for (const m of [ada, bram])
        harness.fake.dispatch(
          interactionCreate(dmCommand(m.user, m.channel, 'coffee', Locale.EnglishUS, { action: 'join' })),
        );
      for (const m of [cleo, dirk]) await m.type('/coffee join');
      for (const m of members) await dmSays(harness, m, en('coffee.joined'));
      // Every member writes an intro line full of markup; their partner's DM must show it as text.
      const hostile = '[win](http://evil.example) </coach help:1> <@&42> **loud**';
      for (const m of members) {
        await m.type('/coffee');
        await m.type(en('coffee.menu.intro'));
        await m.type(hostile);
      }
      const joined = await harness.app.pairing.load(COMMUNITY);
      expect(Object.keys(joined.roster).sort()).toEqual(members.map((m) => m.user.id));
      // /coach in a DM is answered in place: the first reply edits the deferred one (Ada's, Bram's).
      const inPlace = harness.fake.calls.filter(
        (c) => c.method === 'PATCH' && (c.body as Body).content === en('coffee.joined'),
      );
      expect(inPlace).toHaveLength(2);

      // A member who may not manage the server cannot change the community.
      const refused = await inServer(harness, ada, 'coffee', 'set on');
      expect(refused.answer.content).toBe(en('coffee.admin.only'));
      expect(refused.callback?.body).toEqual({
        type: InteractionResponseType.DeferredChannelMessageWithSource,
        data: { flags: MessageFlags.Ephemeral },
      });
      expect((await harness.app.pairing.load(COMMUNITY)).settings.active).toBe(false);

      // The admin (Manage Server) sets the channel, then makes a round; both answers are private.
      const set = await inServer(harness, eva, 'coffee', `set channel ${COFFEE_CHANNEL}`, true);
      expect(set.answer.content).toBe(en('coffee.admin.saved', { next: en('coffee.admin.notPlanned') }));
      expect(set.callback?.body).toMatchObject({ data: { flags: MessageFlags.Ephemeral } });
      expect((await harness.app.pairing.load(COMMUNITY)).settings.channel).toBe(COFFEE_CHANNEL);
      // Nothing the admin commands answer reaches the admin's DM.
      expect(eva.texts).toEqual([]);

      const ran = await inServer(harness, eva, 'coffee', 'round now', true);
      const community = await harness.app.pairing.load(COMMUNITY);
      const round = must(community.rounds[0], 'round 1');
      expect(ran.answer.content).toBe(
        en('coffee.admin.ran', { round: 1, seed: round.seed, groups: 2, absent: 0, unplaced: 0 }),
      );
      expect(round.groups.map((g) => g.users.length)).toEqual([2, 2]);

      // One private thread per pair in the coffee channel, its members added, the intro posted.
      const threadCalls = harness.fake.calls.filter(
        (c) => c.method === 'POST' && c.path.endsWith('/threads'),
      );
      expect(threadCalls.map((c) => [c.path, c.status])).toEqual([
        [`/channels/${COFFEE_CHANNEL}/threads`, 201],
        [`/channels/${COFFEE_CHANNEL}/threads`, 201],
      ]);
      for (const call of threadCalls)
        expect(call.body).toEqual({
          name: en('discord.coffee.thread', { round: 1 }),
          type: ChannelType.PrivateThread,
          invitable: false,
          auto_archive_duration: 10080,
        });
      const firstName = (user: string) =>
        must(
          members.find((m) => m.user.id === user),
          user,
        ).user.global_name?.split(' ')[0];
      for (const group of round.groups) {
        const thread = must(harness.fake.threads.get(group.conversation ?? ''), `thread of ${group.users}`);
        expect(thread.thread.parent_id).toBe(COFFEE_CHANNEL);
        expect([...thread.members].sort()).toEqual([BOT_ID, ...group.users].sort());
        const posts = harness.fake.calls.filter(
          (c) => c.method === 'POST' && c.path === `/channels/${thread.thread.id}/messages`,
        );
        expect(posts).toHaveLength(1);
        const body = must(posts[0], 'the intro').body as Body;
        const mention = (u: string) => `<@${u}>`;
        expect(String(body.content)).toContain(
          en('coffee.groupIntro.heading', {
            round: 1,
            names: nameList(group.users.map(mention), 'en'),
          }),
        );
        expect(String(body.content)).toContain(
          en('coffee.groupIntro.organiser', { name: mention(group.organiser) }),
        );
        expect(body.allowed_mentions).toEqual({ parse: [], users: group.users });
        // The names came from Discord: each member's first name, in the community roster.
        for (const user of group.users) expect(community.roster[user]?.prefs.name).toBe(firstName(user));
      }

      // The intros by DM go out with the next tick.
      await harness.app.engine.tick(new Date());
      const partnerOf = (m: Member) => {
        const group = must(
          round.groups.find((g) => g.users.includes(m.user.id)),
          `group of ${m.user.id}`,
        );
        return must(
          group.users.find((u) => u !== m.user.id),
          'partner',
        );
      };
      for (const m of members) {
        const partner = must(firstName(partnerOf(m)), 'first name');
        const heading = en('coffee.introDm.heading', { round: 1, names: partner });
        const intro = await harness.fake.waitFor(() =>
          harness.fake.messages.find(
            (msg) => msg.channel_id === m.channel && msg.content.startsWith(heading),
          ),
        );
        expect(intro.content).toContain(
          '\\[win](http://evil.example) <\u200b/coach help:1> <\u200b@&42> \\*\\*loud\\*\\*',
        );
      }

      // Halfway, the organiser of a pair whose thread stayed silent is nudged; the other pair wrote.
      const [talking, silent] = round.groups as [(typeof round.groups)[0], (typeof round.groups)[0]];
      const writer = must(
        members.find((m) => m.user.id === talking.users[0]),
        'writer',
      );
      harness.fake.writeAs(writer.user, talking.conversation ?? '', 'Tuesday at 10?');
      await harness.app.engine.tick(new Date(round.nudgeAt));
      const organiser = must(
        members.find((m) => m.user.id === silent.organiser),
        'organiser',
      );
      const other = must(
        firstName(
          must(
            silent.users.find((u) => u !== silent.organiser),
            'other',
          ),
        ),
        'name',
      );
      await dmSays(harness, organiser, en('coffee.nudge', { names: other }));
      const nudgeFor = (m: Member) => en('coffee.nudge', { names: must(firstName(partnerOf(m)), 'name') });
      expect(members.filter((m) => m.texts.includes(nudgeFor(m)))).toEqual([organiser]);
      const reads = harness.fake.calls.filter((c) => c.method === 'GET' && c.path.endsWith('/messages'));
      expect(reads.map((c) => c.query.get('limit'))).toEqual(['20', '20']);

      // At the check-in every member is asked with buttons; Ada met her partner.
      await harness.app.engine.tick(new Date(round.checkinAt));
      const checkins = new Map<Member, APIMessage>();
      for (const m of members) {
        const partner = must(firstName(partnerOf(m)), 'first name');
        checkins.set(m, await m.questionWith(en('coffee.checkin.prompt', { names: partner })));
      }
      const ids = (msg: APIMessage | undefined) =>
        (msg?.components ?? []).flatMap((row) =>
          'components' in row ? row.components.flatMap((c) => ('custom_id' in c ? [c.custom_id] : [])) : [],
        );
      expect(ids(checkins.get(ada))).toEqual(['c:met', 'c:later', 'c:missed']);
      const reflect = await ada.press('met', must(checkins.get(ada), 'check-in'));
      expect(reflect.question.content).toBe(en('coffee.reflect.story'));
      const adaPartner = must(firstName(partnerOf(ada)), 'partner name');
      expect(reflect.before.map((m) => m.content)).toContain(
        en('coffee.map.added', { names: adaPartner, count: 1 }),
      );
      const state = await storedState(harness.app, ref(ada.user.id));
      expect(state?.network.people.map((p) => [p.name, p.domain, p.ring])).toEqual([
        [adaPartner, 'associations', 'outer'],
      ]);
      expect((await harness.app.pairing.load(COMMUNITY)).rounds[0]?.outcomes).toEqual({
        [ada.user.id]: 'met',
      });

      // In a DM nobody is an admin: Discord sends no server permissions there.
      const inDm = dmCommand(eva.user, eva.channel, 'stats');
      harness.fake.dispatch(interactionCreate(inDm));
      const dmAnswer = await harness.fake.waitFor(() =>
        harness.fake.calls.find((c) => c.method === 'PATCH' && c.path.includes(`/${inDm.token}/`)),
      );
      expect((dmAnswer.body as Body).content).toBe(en('coffee.admin.only'));

      // The admin's stats, privately in the server.
      const stats = await inServer(harness, eva, 'stats', undefined, true);
      expect(String(stats.answer.content)).toContain(en('coffee.stats.heading'));
      expect(String(stats.answer.content)).toContain('Round 1 (');
      // Nothing was ever posted in the server channel the commands were used in.
      expect(harness.fake.messages.filter((m) => m.channel_id === COFFEE_CHANNEL)).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'with DISCORD_GUILD_ID set, Manage Server counts only in that home server',
    async () => {
      h = await startHarness({ DISCORD_GUILD_ID: '700000000000000999' });
      const eva = new Member(h, '200000000000000199', 'Eva');
      const elsewhere = await inServer(h, eva, 'coffee', 'set on', true);
      expect(elsewhere.answer.content).toBe(en('coffee.admin.only'));
      expect((await h.app.pairing.load(COMMUNITY)).settings.active).toBe(false);
    },
    TIMEOUT,
  );
});
