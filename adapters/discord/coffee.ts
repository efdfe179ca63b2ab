import {
  type APIGuildMember,
  type APIMessage,
  type APIPartialGuild,
  type APIRole,
  type APIThreadChannel,
  type APIUser,
  ChannelType,
  type REST,
  Routes,
  ThreadAutoArchiveDuration,
} from 'discord.js';
import { clip } from '../../src/core/clip.js';
import type { Logger } from '../../src/log.js';
import type { CommunityRef, Settings } from '../../src/pairing/community.js';
import { groupIntroText } from '../../src/pairing/intro.js';
import type { CoffeeAdapter } from '../../src/pairing/service.js';
import type { Texts } from '../../src/texts/texts.js';
import { escapeMemberText, splitContent } from './render.js';

export { escapeMemberText };

export interface DiscordCoffeeDeps {
  /** The client's REST instance: the bot has no Guilds intent, so nothing comes from a cache. */
  rest: REST;
  texts: Texts;
  log: Logger;
  /** The bot's own user id. */
  selfId(): string;
  /** DISCORD_GUILD_ID: the community's home server, where pool roles live. */
  homeGuild?: string;
}

const SNOWFLAKE = /^\d{15,21}$/;
/** Discord's longest thread name; the longest page of the guild member list. */
const THREAD_NAME = 100;
const MEMBER_PAGE = 1000;
/** How many of a thread's last messages tell whether anyone wrote in it. */
const RECENT = 20;

const mention = (user: string) => `<@${user}>`;

/**
 * The Discord side of virtual coffees, through REST only (the gateway connection asks for no
 * guild intents): a private thread per group in the coffee channel, with the intro posted in
 * it; whether anyone wrote there; members' names; and the members of a pool role.
 */
export function createDiscordCoffee(deps: DiscordCoffeeDeps): CoffeeAdapter {
  const { rest, log } = deps;

  /** Opens the group's private thread and adds each member; undefined when Discord refuses it. */
  async function openThread(channel: string, name: string, users: string[]): Promise<string | undefined> {
    let thread: APIThreadChannel;
    try {
      thread = (await rest.post(Routes.threads(channel), {
        body: {
          name: clip(name, THREAD_NAME),
          type: ChannelType.PrivateThread,
          invitable: false,
          auto_archive_duration: ThreadAutoArchiveDuration.OneWeek,
        },
      })) as APIThreadChannel;
    } catch (err) {
      // Missing Access (50001), Missing Permissions (50013), an unknown or unsuitable channel:
      // the members still get their intros as DMs.
      log.warn({ err, channel }, 'discord: could not open a coffee thread; intros go by DM only');
      return undefined;
    }
    for (const user of users) {
      await rest.put(Routes.threadMembers(thread.id, user)).catch((err: unknown) => {
        // A member who left the server, or cannot see the channel, still has their DM.
        log.warn({ err, thread: thread.id, user }, 'discord: could not add a member to a coffee thread');
      });
    }
    return thread.id;
  }

  /**
   * The guild a pool role belongs to. Discord members are one community across servers
   * (space "global"), so the guild is found among the bot's servers: the one with that role.
   */
  async function guildOf(community: CommunityRef, role: string): Promise<string | undefined> {
    if (SNOWFLAKE.test(community.space)) return community.space;
    if (deps.homeGuild) return deps.homeGuild;
    const guilds = (await rest.get(Routes.userGuilds())) as APIPartialGuild[];
    if (guilds.length === 1) return guilds[0]?.id;
    for (const guild of guilds) {
      // The @everyone role has the guild's id.
      if (guild.id === role) return guild.id;
      const roles = (await rest.get(Routes.guildRoles(guild.id))) as APIRole[];
      if (roles.some((r) => r.id === role)) return guild.id;
    }
    return undefined;
  }

  return {
    async introduce(_community, intro) {
      const channel = intro.channel;
      if (!channel || !SNOWFLAKE.test(channel)) return undefined;
      const say = deps.texts.forLang(intro.lang);
      const users = intro.members.map((m) => m.user).filter((u) => SNOWFLAKE.test(u));
      const thread = await openThread(channel, say('discord.coffee.thread', { round: intro.round }), users);
      if (!thread) return undefined;
      const text = groupIntroText(intro, say, mention, escapeMemberText);
      try {
        for (const content of splitContent(text)) {
          await rest.post(Routes.channelMessages(thread), {
            // Only the group is pinged: never @everyone, @here or a role.
            body: { content, allowed_mentions: { parse: [], users } },
          });
        }
      } catch (err) {
        log.warn({ err, thread }, 'discord: could not post a coffee intro; intros go by DM only');
        return undefined;
      }
      return thread;
    },

    async wrote(_community, thread) {
      const messages = (await rest.get(Routes.channelMessages(thread), {
        query: new URLSearchParams({ limit: String(RECENT) }),
      })) as APIMessage[];
      const self = deps.selfId();
      return messages.some((m) => m.author.id !== self && !m.author.bot);
    },

    async names(_community, users) {
      const found: Record<string, string> = {};
      const looked = await Promise.allSettled(
        users
          .filter((u) => SNOWFLAKE.test(u))
          .map(async (u) => [u, (await rest.get(Routes.user(u))) as APIUser] as const),
      );
      for (const result of looked) {
        if (result.status !== 'fulfilled') continue;
        const [id, user] = result.value;
        const name = user.global_name || user.username;
        if (name) found[id] = name;
      }
      return found;
    },

    /**
     * The members with the pool role. Listing a guild's members over REST needs the Server
     * Members intent switched on for the application in the Developer Portal, although the
     * gateway connection never asks for it; without it Discord answers 403 and the round uses
     * the members who joined. A pool channel alone is no pool here (who may read a channel
     * depends on roles and overwrites): undefined, so the members who joined form the pool.
     */
    async pool(community: CommunityRef, settings: Settings) {
      const role = settings.role;
      if (!role) return undefined;
      const guild = await guildOf(community, role);
      if (!guild) {
        log.warn({ role }, 'discord: no server of the bot has the coffee role');
        return undefined;
      }
      const everyone = role === guild;
      const users: string[] = [];
      let after = '0';
      for (;;) {
        const page = (await rest.get(Routes.guildMembers(guild), {
          query: new URLSearchParams({ limit: String(MEMBER_PAGE), after }),
        })) as APIGuildMember[];
        for (const member of page)
          if (member.user && !member.user.bot && (everyone || member.roles.includes(role)))
            users.push(member.user.id);
        const last = page.at(-1)?.user?.id;
        if (page.length < MEMBER_PAGE || !last) return users;
        after = last;
      }
    },
  };
}
