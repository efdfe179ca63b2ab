/** The Discord CoffeeAdapter on its own, through discord.js REST against the fake: threads, names, pool. */
import { DiscordAPIError, REST } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDiscordCoffee, escapeMemberText } from '../../adapters/discord/coffee.js';
import { silentLogger } from '../../src/log.js';
import type { GroupIntro } from '../../src/pairing/intro.js';
import type { CoffeeAdapter } from '../../src/pairing/service.js';
import { PROMPTS_DIR } from '../../src/paths.js';
import { loadTexts } from '../../src/texts/texts.js';
import { say } from '../helpers/texts.js';
import { BOT_ID, BOT_TOKEN, BOT_USER, FakeDiscord } from './fake-discord.js';
import { GUILD_ID, person } from './fixtures.js';

const CHANNEL = '700000000000000020';
const GLOBAL = { platform: 'discord', space: 'global' } as const;
const SETTINGS = {
  active: false,
  cadence: 'biweekly',
  weekday: 1,
  hour: 10,
  timezone: 'UTC',
  groupBy: 'team',
  checkinWeekday: 5,
  lang: 'en',
  size: 2,
} as const;
const ada = person('210000000000000001', 'Ada Lovelace');
const bram = { ...person('210000000000000002', 'Bram'), global_name: null };

let fake: FakeDiscord;
let adapter: Required<CoffeeAdapter>;
beforeEach(async () => {
  fake = await FakeDiscord.start();
  const rest = new REST({ version: '10', api: fake.apiUrl, retries: 0 }).setToken(BOT_TOKEN);
  const texts = loadTexts(PROMPTS_DIR);
  adapter = createDiscordCoffee({
    rest,
    texts,
    log: silentLogger,
    selfId: () => BOT_ID,
  }) as Required<CoffeeAdapter>;
});
afterEach(async () => {
  await fake.close();
});

const intro = (patch: Partial<GroupIntro> = {}): GroupIntro => ({
  round: 3,
  lang: 'en',
  members: [
    { user: ada.id, name: 'Ada' },
    { user: bram.id, name: 'Bram' },
  ],
  organiser: ada.id,
  starter: 'ask about trains',
  channel: CHANNEL,
  ...patch,
});

type Body = Record<string, unknown>;
const posts = () =>
  fake.calls.filter((c) => c.method === 'POST' && /^\/channels\/\d+\/messages$/.test(c.path));

describe('escapeMemberText', () => {
  it.each([
    ['@everyone look', '@\u200beveryone look'],
    ['hi @Here', 'hi @\u200bHere'],
    ['<@&123> and <@!45> and <@6>', '<\u200b@&123> and <\u200b@!45> and <\u200b@6>'],
    ['see <#789> or </coach start:1>', 'see <\u200b#789> or <\u200b/coach start:1>'],
    [
      '**bold** _it_ ~~x~~ ||spoiler|| `code`',
      '\\*\\*bold\\*\\* \\_it\\_ \\~\\~x\\~\\~ \\|\\|spoiler\\|\\| \\`code\\`',
    ],
    ['[click](https://example.com)', '\\[click](https://example.com)'],
    ['plain words, 5 < 6', 'plain words, 5 < 6'],
  ])('makes %j inert', (text, escaped) => {
    expect(escapeMemberText(text)).toBe(escaped);
  });
});

describe('introduce', () => {
  it('opens a private thread in the coffee channel, adds the pair and posts the intro pinging only them', async () => {
    fake.guild(GUILD_ID).channels.add(CHANNEL);
    const thread = await adapter.introduce(
      GLOBAL,
      intro({
        members: [
          { user: ada.id, name: 'Ada', intro: '@everyone **hi** <@&99>' },
          { user: bram.id, name: 'Bram' },
        ],
      }),
    );
    const opened = fake.threads.get(thread ?? '');
    expect(opened?.thread).toMatchObject({
      parent_id: CHANNEL,
      type: 12,
      name: say('en', 'discord.coffee.thread', { round: 3 }),
    });
    expect(opened?.thread.thread_metadata).toMatchObject({ invitable: false, auto_archive_duration: 10080 });
    expect([...(opened?.members ?? [])]).toEqual([BOT_ID, ada.id, bram.id]);
    const [post, ...more] = posts();
    expect(more).toEqual([]);
    expect(post?.path).toBe(`/channels/${thread}/messages`);
    const body = post?.body as Body;
    expect(body.allowed_mentions).toEqual({ parse: [], users: [ada.id, bram.id] });
    const content = String(body.content);
    expect(content).toContain(`<@${ada.id}>`);
    expect(content).toContain(`<@${bram.id}>`);
    // The member's own words are shown as typed, never as a ping or markup.
    expect(content).toContain('@\u200beveryone \\*\\*hi\\*\\* <\u200b@&99>');
    expect(content).not.toMatch(/@everyone|<@&/);
  });

  it('gives up on the thread (intros go by DM) without a channel, or when Discord refuses it', async () => {
    fake.guild(GUILD_ID).channels.add(CHANNEL);
    expect(await adapter.introduce(GLOBAL, intro({ channel: undefined }))).toBeUndefined();
    expect(await adapter.introduce(GLOBAL, intro({ channel: 'general' }))).toBeUndefined();
    expect(fake.calls).toEqual([]);

    fake.refusedThreads.add(CHANNEL);
    expect(await adapter.introduce(GLOBAL, intro())).toBeUndefined();
    expect(fake.calls.map((c) => [c.path, c.status])).toEqual([[`/channels/${CHANNEL}/threads`, 403]]);
    // A channel of no server the bot is in.
    expect(await adapter.introduce(GLOBAL, intro({ channel: '700000000000000099' }))).toBeUndefined();
    expect(fake.threads.size).toBe(0);
    expect(posts()).toEqual([]);
  });

  it('still introduces the others when one member cannot be added', async () => {
    fake.guild(GUILD_ID).channels.add(CHANNEL);
    fake.addGuildMember(GUILD_ID, ada);
    const thread = await adapter.introduce(GLOBAL, intro());
    const adds = fake.calls.filter((c) => c.method === 'PUT');
    expect(adds.map((c) => c.status)).toEqual([204, 404]);
    expect([...(fake.threads.get(thread ?? '')?.members ?? [])]).toEqual([BOT_ID, ada.id]);
    expect(posts()).toHaveLength(1);
  });
});

describe('wrote', () => {
  it('is true once anyone but a bot wrote in the thread', async () => {
    fake.guild(GUILD_ID).channels.add(CHANNEL);
    const thread = (await adapter.introduce(GLOBAL, intro())) ?? '';
    expect(await adapter.wrote(GLOBAL, thread)).toBe(false);
    fake.writeAs({ ...person('210000000000000009', 'Helper'), bot: true }, thread, 'I am another bot');
    expect(await adapter.wrote(GLOBAL, thread)).toBe(false);
    fake.writeAs(bram, thread, 'Tuesday?');
    expect(await adapter.wrote(GLOBAL, thread)).toBe(true);
    const reads = fake.calls.filter((c) => c.method === 'GET');
    expect(reads.map((c) => [c.path, c.query.get('limit')])).toEqual(
      Array(3).fill([`/channels/${thread}/messages`, '20']),
    );
  });
});

describe('names', () => {
  it("gives each member's display name, else the username, and skips unknown users", async () => {
    fake.users.set(ada.id, ada);
    fake.users.set(bram.id, bram);
    fake.users.set(BOT_ID, BOT_USER);
    const names = await adapter.names(GLOBAL, [ada.id, bram.id, '210000000000000404', 'not-an-id']);
    expect(names).toEqual({ [ada.id]: 'Ada Lovelace', [bram.id]: 'bram' });
    expect(fake.calls.filter((c) => c.status === 404)).toHaveLength(1);
  });
});

describe('pool', () => {
  const ROLE = '700000000000000030';
  const withRole = (guild: string, count: number) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const id = String(220000000000000000n + BigInt(i));
      const member = i % 10 === 9 ? { ...person(id), bot: true } : person(id);
      const roles = i % 3 === 0 ? [ROLE] : ['700000000000000031'];
      fake.addGuildMember(guild, member, roles);
      if (roles.includes(ROLE) && !member.bot) ids.push(id);
    }
    return ids;
  };

  it('lists the non-bot members with the role, page by page', async () => {
    const expected = withRole(GUILD_ID, 2500);
    fake.guild(GUILD_ID).roles.push(ROLE);
    const pool = await adapter.pool(GLOBAL, { ...SETTINGS, role: ROLE });
    expect(pool).toEqual(expected);
    const pages = fake.calls.filter((c) => c.path === `/guilds/${GUILD_ID}/members`);
    expect(pages.map((c) => [c.query.get('limit'), c.query.get('after')])).toEqual([
      ['1000', '0'],
      ['1000', '220000000000000999'],
      ['1000', '220000000000001999'],
    ]);
  });

  it('finds the server of the role among several, and the @everyone role is every member', async () => {
    const other = '700000000000000040';
    withRole(other, 5);
    fake.guild(other).roles.push('700000000000000031');
    const expected = withRole(GUILD_ID, 6);
    fake.guild(GUILD_ID).roles.push(ROLE);
    expect(await adapter.pool(GLOBAL, { ...SETTINGS, role: ROLE })).toEqual(expected);
    expect(fake.calls.some((c) => c.path === `/guilds/${other}/members`)).toBe(false);
    const everyone = await adapter.pool(GLOBAL, { ...SETTINGS, role: other });
    expect(everyone).toHaveLength(5);
    expect(await adapter.pool(GLOBAL, { ...SETTINGS, role: '700000000000000077' })).toBeUndefined();
  });

  it('is no pool without a role, and fails (so the round uses who joined) without the Server Members intent', async () => {
    expect(await adapter.pool(GLOBAL, { ...SETTINGS, channel: CHANNEL })).toBeUndefined();
    expect(fake.calls).toEqual([]);
    withRole(GUILD_ID, 3);
    fake.serverMembersIntent = false;
    const refused = adapter.pool(GLOBAL, { ...SETTINGS, role: ROLE });
    await expect(refused).rejects.toBeInstanceOf(DiscordAPIError);
    await expect(refused).rejects.toMatchObject({ code: 50001, status: 403 });
  });
});
