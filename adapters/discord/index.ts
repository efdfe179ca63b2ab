import { once } from 'node:events';
import { join } from 'node:path';
import { Client, Events, GatewayIntentBits, Partials, ShardingManager } from 'discord.js';
import type { Adapter, AdapterContext } from '../../src/adapter.js';
import type { Config } from '../../src/config.js';
import type { Outbox } from '../../src/core/types.js';
import { createRetryLine } from '../../src/engine/retry.js';
import { PACKAGE_ROOT, PROMPTS_DIR } from '../../src/paths.js';
import { loadTexts } from '../../src/texts/texts.js';
import { createQuestions } from '../questions.js';
import { createDiscordCoffee } from './coffee.js';
import { putCommands, restFor } from './commands.js';
import { createPendingForms } from './forms.js';
import { listen } from './listeners.js';
import { createDiscordOutbox } from './outbox.js';
import { NO_MENTIONS } from './render.js';

function discordConfig(config: Config): NonNullable<Config['discord']> {
  if (!config.discord)
    throw new Error('Discord is not configured: set DISCORD_TOKEN and DISCORD_APPLICATION_ID');
  return config.discord;
}

/** The Discord adapter (discord.js): DMs, the /coach command, buttons and modals. */
export async function startDiscord(context: AdapterContext): Promise<Adapter> {
  const { app, config, log } = context;
  const discord = discordConfig(config);
  const texts = app.texts;
  // DMs only: no privileged intent; interactions arrive without any. DM channels are not
  // cached before their first message, hence the Channel partial.
  const client = new Client({
    intents: [GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    allowedMentions: NO_MENTIONS,
    rest: discord.apiUrl ? { api: discord.apiUrl } : {},
  });
  const questions = createQuestions();
  const forms = createPendingForms();
  const discordOutbox = createDiscordOutbox({ client, texts, questions, log });
  const retries = createRetryLine(app.engine, log);
  listen(client, {
    engine: app.engine,
    retries,
    texts,
    config: { ...config, homeGuild: discord.guildId },
    log,
    questions,
    forms,
    outbox: discordOutbox,
    selfId: () => client.user?.id ?? '',
    isAdminCommand: (inbound) => app.pairing.adminCommand(inbound) !== undefined,
  });
  client.on(Events.Error, (err) => log.error({ err }, 'discord: client error'));
  client.on(Events.ShardDisconnect, (event) => log.warn({ code: event.code }, 'discord: gateway lost'));
  client.on(Events.ShardResume, () => log.info('discord: gateway resumed'));

  const ready = once(client, Events.ClientReady);
  try {
    await client.login(discord.token);
    await ready;
  } catch (error) {
    await client.destroy();
    throw error;
  }
  log.info({ user: client.user?.tag }, 'discord: connected');
  const outbox: Outbox = {
    ...discordOutbox.outbox,
    forgotten: async (member) => {
      forms.drop(member.user);
      await discordOutbox.outbox.forgotten?.(member);
    },
    coffee: createDiscordCoffee({
      rest: client.rest,
      texts,
      log,
      selfId: () => client.user?.id ?? '',
      homeGuild: discord.guildId,
    }),
  };
  return {
    outbox,
    stop: async () => {
      retries.stop();
      await client.destroy();
    },
  };
}

/** The compiled entry each shard process runs (`npm ci` builds it). */
export const SHARD_SCRIPT = join(PACKAGE_ROOT, 'dist', 'adapters', 'discord', 'shard.js');

/**
 * The Discord adapter as discord.js shards: one child process per shard (shard.ts), each with its
 * own engine on the shared store; DMs arrive on shard 0, which also delivers the Discord follow-ups.
 */
export async function startDiscordShards(context: AdapterContext, shards: number): Promise<Adapter> {
  const { config, log } = context;
  const manager = new ShardingManager(SHARD_SCRIPT, {
    totalShards: shards,
    token: config.discord?.token,
    mode: 'process',
    respawn: true,
  });
  manager.on('shardCreate', (shard) => log.info({ shard: shard.id }, 'discord: shard started'));
  await manager.spawn({ timeout: 60_000 });
  return {
    // Replies to Discord members leave through the shard processes, never through this one.
    outbox: { deliver: async () => false, reachable: () => false },
    stop: async () => {
      for (const shard of manager.shards.values()) shard.kill();
    },
  };
}

/** Registers the slash commands: in one guild (instant, for testing) or globally. */
export async function registerDiscordCommands(config: Config, guild?: string): Promise<void> {
  const discord = discordConfig(config);
  await putCommands(restFor(discord), discord.applicationId, loadTexts(PROMPTS_DIR), guild);
}
