/**
 * One Discord adapter on a real discord.js Client, talking to a FakeDiscord, on a real engine with
 * a temp SQLite store: the same wiring as `weakties start`.
 */
import { type APIMessage, type APIUser, Locale } from 'discord-api-types/v10';
import { registerDiscordCommands, startDiscord } from '../../adapters/discord/index.js';
import { type Adapter, routingOutbox } from '../../src/adapter.js';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { Outbox, Platform } from '../../src/core/types.js';
import { silentLogger } from '../../src/log.js';
import { tempSqliteUrl } from '../helpers/engine.js';
import { BOT_TOKEN, FakeDiscord, type RestCall } from './fake-discord.js';
import {
  buttonPress,
  type CommandOptions,
  directMessage,
  dmCommand,
  interactionCreate,
  messageCreate,
  modalSubmit,
  person,
} from './fixtures.js';

export async function startHarness(env: NodeJS.ProcessEnv = {}) {
  const fake = await FakeDiscord.start();
  const config = loadConfig({
    ...env,
    STORE_URL: tempSqliteUrl(),
    DISCORD_TOKEN: BOT_TOKEN,
    DISCORD_APPLICATION_ID: '900000000000000001',
    DISCORD_API_URL: fake.apiUrl,
  });
  const routes: Partial<Record<Platform, Outbox>> = {};
  const app = await createApp(config, silentLogger, routingOutbox(routes));
  let adapter: Adapter | undefined;
  try {
    adapter = await startDiscord({ app, config, log: silentLogger });
  } catch (error) {
    await app.close();
    await fake.close();
    throw error;
  }
  routes.discord = adapter.outbox;
  return {
    fake,
    app,
    config,
    register: (guild?: string) => registerDiscordCommands(config, guild),
    /** The adapter's outbox, as the engine sees it. */
    get outbox() {
      return must(adapter, 'the Discord adapter').outbox;
    },
    /** Stops the adapter and starts a new one (a new Client, empty caches) on the same store. */
    async restartAdapter() {
      await adapter?.stop();
      delete routes.discord;
      adapter = await startDiscord({ app, config, log: silentLogger });
      routes.discord = adapter.outbox;
    },
    async stop() {
      await adapter?.stop();
      await app.close();
      await fake.close();
    },
  };
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;

/** The value, or a failure naming what was missing. */
export function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`missing: ${what}`);
  return value;
}

const hasComponents = (m: APIMessage) => (m.components?.length ?? 0) > 0;

const customIds = (m: APIMessage): string[] =>
  (m.components ?? []).flatMap((row) =>
    'components' in row ? row.components.flatMap((c) => ('custom_id' in c ? [c.custom_id] : [])) : [],
  );

/** A member in a DM with the bot, driven like a person: types, presses, submits, and reads. */
export class Member {
  readonly user: APIUser;
  private seen = 0;
  private last: APIMessage | undefined;

  constructor(
    private readonly h: Harness,
    id: string,
    name = 'Ada',
  ) {
    this.user = person(id, name);
  }

  get channel(): string {
    return this.h.fake.dmChannelOf(this.user.id);
  }

  /** Waits for the next question in the DM; returns it with the messages before it. */
  async nextQuestion(): Promise<{ question: APIMessage; before: APIMessage[] }> {
    const from = this.seen;
    const mine = () => this.h.fake.messages.slice(from).filter((m) => m.channel_id === this.channel);
    const question = await this.h.fake.waitFor(() => mine().find(hasComponents));
    const all = mine();
    const index = all.indexOf(question);
    this.seen = this.h.fake.messages.indexOf(question) + 1;
    this.last = question;
    return { question, before: all.slice(0, index) };
  }

  /** The question on screen now. */
  get question(): APIMessage {
    if (!this.last) throw new Error('no question yet');
    return this.last;
  }

  async type(text: string) {
    this.h.fake.dispatch(messageCreate(directMessage(this.user, this.channel, text)));
    return this.nextQuestion();
  }

  /** Presses the button of choice `id` on the current question. */
  async press(id: string, on: APIMessage = this.question) {
    const customId = `c:${id}`;
    if (!customIds(on).includes(customId))
      throw new Error(`no button ${customId} on "${on.content.slice(0, 80)}": ${customIds(on).join(', ')}`);
    this.h.fake.dispatch(interactionCreate(buttonPress(this.user, on, customId)));
    return this.nextQuestion();
  }

  /** Presses a button of the current question without waiting for a next question. */
  pressOnly(id: string, on: APIMessage = this.question) {
    const press = buttonPress(this.user, on, `c:${id}`);
    this.h.fake.dispatch(interactionCreate(press));
    return press;
  }

  /** Opens the form of the current question and submits it. */
  async fill(formId: string, fields: Record<string, string>) {
    const on = this.question;
    const open = buttonPress(this.user, on, `f:0:${formId}`);
    this.h.fake.dispatch(interactionCreate(open));
    await this.h.fake.waitFor(() => callbackOf(this.h.fake.calls, open.id));
    this.h.fake.dispatch(interactionCreate(modalSubmit(this.user, on, `m:0:${formId}`, fields)));
    return this.nextQuestion();
  }

  async command(subcommand: string, options: CommandOptions = {}) {
    this.h.fake.dispatch(
      interactionCreate(dmCommand(this.user, this.channel, subcommand, Locale.EnglishUS, options)),
    );
    return this.nextQuestion();
  }

  /** Waits for a question in the DM whose text contains `text`, passing over any before it. */
  async questionWith(text: string): Promise<APIMessage> {
    const from = this.seen;
    const question = await this.h.fake.waitFor(() =>
      this.h.fake.messages
        .slice(from)
        .find((m) => m.channel_id === this.channel && hasComponents(m) && m.content.includes(text)),
    );
    this.seen = this.h.fake.messages.indexOf(question) + 1;
    this.last = question;
    return question;
  }

  /** Every text the bot sent to the DM so far. */
  get texts(): string[] {
    return this.h.fake.messages.filter((m) => m.channel_id === this.channel).map((m) => m.content);
  }
}

/** The interaction callback the bot posted for an interaction, once it has. */
export const callbackOf = (calls: RestCall[], interactionId: string) =>
  calls.find((c) => c.method === 'POST' && c.path.startsWith(`/interactions/${interactionId}/`));

/** Every call that creates or edits a message, an interaction response included. */
export const messageCalls = (calls: RestCall[]) =>
  calls.filter(
    (c) =>
      (c.method === 'POST' && /^\/channels\/\d+\/messages$/.test(c.path)) ||
      (c.method === 'POST' && c.path.startsWith('/interactions/')) ||
      c.path.startsWith('/webhooks/'),
  );
