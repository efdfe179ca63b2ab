import type { webApi } from '@slack/bolt';
import type { Logger } from '../../src/log.js';
import { type CommunityRef, communityMember } from '../../src/pairing/community.js';
import { groupIntroText } from '../../src/pairing/intro.js';
import type { CoffeeAdapter } from '../../src/pairing/service.js';
import type { Texts } from '../../src/texts/texts.js';
import type { Profiles } from './profile.js';
import { escapeMrkdwn } from './render.js';

export interface SlackCoffeeDeps {
  client: webApi.WebClient;
  /** The bot's own user id: never in a pool, and its messages do not count as the group talking. */
  botUserId: string;
  texts: Texts;
  profiles: Profiles;
  log: Logger;
}

/** Members asked for per conversations.members page (Slack's maximum is 1000, 200 is its advice). */
const PAGE = 200;
/** Pages read at most: a channel of 100,000 members is far past any coffee pool. */
const MAX_PAGES = 500;
/** users.info calls at a time when looking up names. */
const AT_ONCE = 5;
/** Messages of a group DM looked at to see whether the group talked. */
const HISTORY = 20;

/** `ask` for each item, a few at a time (users.info is rate limited), answers in the items' order. */
async function inBatches<T>(items: string[], ask: (item: string) => Promise<T>): Promise<T[]> {
  const answers: T[] = [];
  for (let i = 0; i < items.length; i += AT_ONCE)
    answers.push(...(await Promise.all(items.slice(i, i + AT_ONCE).map(ask))));
  return answers;
}

/** A Slack mention of a member: a link Slack shows as their name and notifies. */
export const mention = (user: string) => `<@${user}>`;

/**
 * The Slack side of virtual coffees: the pool from a channel's members, names from users.info,
 * each group introduced in a group DM (mpim) with the bot, and whether anyone wrote there.
 * One bot token serves one workspace, so the community ref says nothing Slack needs.
 */
export function createSlackCoffee(deps: SlackCoffeeDeps): CoffeeAdapter {
  const { client, botUserId, texts, profiles, log } = deps;

  return {
    async pool(community, settings) {
      const channel = settings.channel;
      if (!channel) return undefined;
      const members = new Set<string>();
      let cursor: string | undefined;
      for (let page = 0; page < MAX_PAGES; page += 1) {
        // A channel the bot is not in, or that is gone, throws: the rounds fall back to who joined.
        const answer = await client.conversations.members({
          channel,
          limit: PAGE,
          ...(cursor ? { cursor } : {}),
        });
        for (const user of answer.members ?? []) if (user !== botUserId) members.add(user);
        cursor = answer.response_metadata?.next_cursor || undefined;
        if (!cursor) break;
      }
      // Other apps' bots and deactivated accounts can sit in a channel; nobody has coffee with them.
      // (users.info is kept an hour, so the names looked up next cost nothing more.)
      const users = [...members];
      const human = await inBatches(users, (user) => profiles.human(communityMember(community, user)));
      return users.filter((_user, i) => human[i]);
    },

    async names(community: CommunityRef, users: string[]) {
      const names = await inBatches(users, (user) => profiles.firstName(communityMember(community, user)));
      const found: Record<string, string> = {};
      users.forEach((user, i) => {
        const name = names[i];
        if (name) found[user] = name;
      });
      return found;
    },

    async introduce(_community, intro) {
      const users = intro.members.map((m) => m.user);
      const opened = await client.conversations.open({ users: users.join(',') });
      const channel = opened.channel?.id;
      if (!channel) throw new Error('conversations.open returned no group conversation');
      // Mentions are Slack markup and stay as they are; intro lines and the starter are the
      // members' own words, escaped so that no <!channel> or link in them takes effect; so are the
      // words of a community's own intro ("coffee set intro"), which are text, never markup.
      const text = groupIntroText(intro, texts.forLang(intro.lang), mention, escapeMrkdwn);
      await client.chat.postMessage({ channel, text, unfurl_links: false, unfurl_media: false });
      log.info({ round: intro.round, size: users.length }, 'coffee group introduced');
      return channel;
    },

    async wrote(_community, conversation) {
      const { messages = [] } = await client.conversations.history({ channel: conversation, limit: HISTORY });
      return messages.some((m) => m.user !== undefined && m.user !== botUserId && m.bot_id === undefined);
    },
  };
}
