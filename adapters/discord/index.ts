import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, Partials } from 'discord.js';
import type { Config } from '../../src/config.js';
import type { Outbox } from '../../src/core/types.js';
import type { Door, DoorContext } from '../../src/door.js';
import { createRetryLine } from '../../src/engine/retry.js';
import { PROMPTS_DIR } from '../../src/paths.js';
import { loadTexts } from '../../src/texts/texts.js';
import { createQuestions } from '../questions.js';
import { createCoffeeDoor } from './coffee.js';
import { putCommands, restFor } from './commands.js';
import { createDelivery } from './delivery.js';
import { createPendingForms } from './form-parts.js';
import { createHandlers } from './handlers.js';
import { NO_MENTIONS } from './render.js';

function discordConfig(config: Config): NonNullable<Config['discord']> {
  if (!config.discord)
    throw new Error('Discord is not configured: set DISCORD_TOKEN and DISCORD_APPLICATION_ID');
  return config.discord;
}

/** The Discord door (discord.js): DMs, the /coach command, buttons and modals. */
export async function startDiscord(context: DoorContext): Promise<Door> {
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
  const delivery = createDelivery({ client, texts, questions, log });
  const retries = createRetryLine(app.engine, log);
  const handlers = createHandlers({
    engine: app.engine,
    retries,
    texts,
    config: { ...config, homeGuild: discord.guildId },
    log,
    questions,
    forms,
    delivery,
    selfId: () => client.user?.id ?? '',
    isAdminCommand: (inbound) => app.pairing.adminCommand(inbound) !== undefined,
  });
  const guard =
    <T>(what: string, fn: (event: T) => Promise<void>) =>
    (event: T) =>
      void fn(event).catch((err: unknown) => log.error({ err }, `discord: ${what} failed`));
  client.on(Events.MessageCreate, guard('message', handlers.onMessage));
  client.on(Events.InteractionCreate, guard('interaction', handlers.onInteraction));
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
    ...delivery.outbox,
    forgotten: async (member) => {
      forms.drop(member.user);
      await delivery.outbox.forgotten?.(member);
    },
    coffee: createCoffeeDoor({
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

/** Registers the slash commands: in one guild (instant, for testing) or globally. */
export async function registerDiscordCommands(config: Config, guild?: string): Promise<void> {
  const discord = discordConfig(config);
  await putCommands(restFor(discord), discord.applicationId, loadTexts(PROMPTS_DIR), guild);
}
