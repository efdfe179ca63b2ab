/**
 * A real Slack adapter (Bolt on a random port, a temp SQLite store) against the fake Web API, and a
 * member who writes, presses and submits through signed requests, as Slack would send them.
 */
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSlackAdapter, type SlackAdapter } from '../../adapters/slack/index.js';
import { escapeMrkdwn } from '../../adapters/slack/render.js';
import { routingOutbox } from '../../src/adapter.js';
import { type App, createApp } from '../../src/app.js';
import { type Config, loadConfig } from '../../src/config.js';
import type { Outbox, Platform } from '../../src/core/types.js';
import { silentLogger } from '../../src/log.js';
import { say } from '../helpers/texts.js';
import { FakeSlack, type FakeUser } from './fake-slack.js';
import {
  blockActions,
  eventEnvelope,
  homeAction,
  imMessage,
  type PostedMessage,
  slashCommand,
  TEAM,
  viewSubmission,
} from './fixtures.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';

/** The headers of Slack's v0 signature: HMAC-SHA256 of `v0:${timestamp}:${body}`. */
export function signature(body: string, secret = SIGNING_SECRET, timestamp = Math.floor(Date.now() / 1000)) {
  const digest = createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': `v0=${digest}` };
}

export interface Sent {
  status: number;
  body: string;
}

export interface Harness {
  fake: FakeSlack;
  app: App;
  adapter: SlackAdapter;
  config: Config;
  /** Posts a raw body to /slack/events with the given headers, then waits for the adapter's work. */
  post(body: string, headers: Record<string, string>): Promise<Sent>;
  event(event: Record<string, unknown>, options?: { eventId?: string; retry?: number }): Promise<Sent>;
  interaction(payload: Record<string, unknown>): Promise<Sent>;
  command(fields: Record<string, string>): Promise<Sent>;
  get(path: string): Promise<Sent>;
  /** Stops the adapter and opens a new one on the same store, as a restarted process would. */
  restart(): Promise<void>;
  /** Stops the adapter and the app (engine, store), then starts both again on the same SQLite file. */
  restartApp(): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  mode?: 'http' | 'socket';
  users?: Record<string, FakeUser>;
  /** The fake workspace's channels (id → member ids) and its conversations.members page size. */
  channels?: Record<string, string[]>;
  pageSize?: number;
  /** More environment for the configuration (ADMIN_USERS, …). */
  env?: Record<string, string>;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fake = await new FakeSlack({
    users: options.users,
    channels: options.channels,
    pageSize: options.pageSize,
  }).start();
  const dir = mkdtempSync(join(tmpdir(), 'weakties-slack-'));
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-1-test-token',
    ...(options.mode === 'socket'
      ? { SLACK_APP_TOKEN: 'xapp-1-test-token' }
      : { SLACK_SIGNING_SECRET: SIGNING_SECRET }),
    // Written without the trailing slash, as people do: the adapter adds it.
    SLACK_API_URL: fake.apiUrl.replace(/\/$/, ''),
    PORT: '0',
    STORE_URL: `sqlite://${join(dir, 'db.sqlite')}`,
    OUTPUT_DIR: join(dir, 'out'),
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const routes: Partial<Record<Platform, Outbox>> = {};
  let app = await createApp(config, silentLogger, routingOutbox(routes));
  let adapter = await openSlackAdapter({ app, config, log: silentLogger });
  routes.slack = adapter.outbox;
  const base = () => `http://127.0.0.1:${adapter.port}`;

  const post = async (body: string, headers: Record<string, string>): Promise<Sent> => {
    const response = await fetch(`${base()}/slack/events`, { method: 'POST', headers, body });
    const sent = { status: response.status, body: await response.text() };
    await adapter.idle();
    return sent;
  };
  const signed = (body: string, type: string, extra: Record<string, string> = {}) =>
    post(body, { 'content-type': type, ...signature(body), ...extra });
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

  return {
    fake,
    get app() {
      return app;
    },
    get adapter() {
      return adapter;
    },
    config,
    post,
    event: (event, opts = {}) => {
      const retry: Record<string, string> = opts.retry
        ? { 'x-slack-retry-num': String(opts.retry), 'x-slack-retry-reason': 'http_timeout' }
        : {};
      return signed(JSON.stringify(eventEnvelope(event, opts.eventId)), 'application/json', retry);
    },
    interaction: (payload) =>
      signed(form({ payload: JSON.stringify(payload) }), 'application/x-www-form-urlencoded'),
    command: (fields) => signed(form(fields), 'application/x-www-form-urlencoded'),
    get: async (path) => {
      const response = await fetch(`${base()}${path}`);
      return { status: response.status, body: await response.text() };
    },
    restart: async () => {
      await adapter.stop();
      adapter = await openSlackAdapter({ app, config, log: silentLogger });
      routes.slack = adapter.outbox;
    },
    restartApp: async () => {
      await adapter.stop();
      delete routes.slack;
      await app.close();
      app = await createApp(config, silentLogger, routingOutbox(routes));
      adapter = await openSlackAdapter({ app, config, log: silentLogger });
      routes.slack = adapter.outbox;
    },
    close: async () => {
      await adapter.stop();
      await app.close();
      await fake.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

type Block = Record<string, unknown> & { type: string };
type Element = {
  type: string;
  action_id: string;
  value?: string;
  text?: { text: string };
  options?: Option[];
};
type Option = { value: string; text: { text: string } };

/** The text of a message's sections, as a member reads it. */
export const sectionText = (blocks: Block[]): string =>
  blocks
    .filter((b) => b.type === 'section')
    .map((b) => (b.text as { text: string }).text)
    .join('\n');

/** One member of the workspace talking to the bot in their DM. */
export class SlackMember {
  constructor(
    private readonly h: Harness,
    readonly user: string,
  ) {}

  get channel(): string {
    return `D${this.user}`;
  }

  get member() {
    return { platform: 'slack' as const, space: TEAM, user: this.user };
  }

  say(text: string, options: { eventId?: string; retry?: number; ts?: string } = {}): Promise<Sent> {
    return this.h.event(imMessage(this.user, text, options.ts), options);
  }

  command(text: string, channel?: string): Promise<Sent> {
    return this.h.command(slashCommand(this.user, text, channel));
  }

  /** Every message posted into this member's DM, oldest first. */
  posted(): PostedMessage[] {
    return this.h.fake
      .callsOf('chat.postMessage')
      .filter((c) => c.args.channel === this.channel)
      .map((c) => ({
        channel: this.channel,
        ts: String(c.result.ts),
        text: String(c.args.text),
        blocks: (c.args.blocks as Block[]) ?? [],
      }));
  }

  /** The newest message with a question (an actions block). */
  question(): PostedMessage {
    const found = [...this.posted()].reverse().find((m) => m.blocks.some((b) => b.type === 'actions'));
    if (!found) throw new Error(`no question was posted to ${this.user}`);
    return found;
  }

  elements(message = this.question()): Element[] {
    return message.blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements as Element[]);
  }

  /** Presses the button (or picks the select option) whose value is `value` on a question. */
  press(value: string, message = this.question()): Promise<Sent> {
    for (const element of this.elements(message)) {
      if (element.type === 'button' && element.value === value && element.action_id.includes('choice')) {
        return this.h.interaction(
          blockActions(this.user, message, {
            action_id: element.action_id,
            type: 'button',
            value,
            label: element.text?.text ?? value,
          }),
        );
      }
      const option = element.options?.find((o) => o.value === value);
      if (element.type === 'static_select' && option) {
        return this.h.interaction(
          blockActions(this.user, message, {
            action_id: element.action_id,
            type: 'static_select',
            value,
            label: option.text.text,
          }),
        );
      }
    }
    throw new Error(`no choice "${value}" in: ${JSON.stringify(this.elements(message))}`);
  }

  /** Closes the multi-select of a question with these options chosen (by value), as Slack reports it. */
  async pick(values: string[], message = this.question()): Promise<Sent> {
    const select = this.elements(message).find((e) => e.type === 'multi_static_select');
    if (!select) throw new Error(`no multi-select in: ${JSON.stringify(this.elements(message))}`);
    const options = values.map((value) => {
      const option = select.options?.find((o) => o.value === value);
      if (!option) throw new Error(`no option "${value}" in the multi-select`);
      return { value, label: option.text.text };
    });
    // As Slack does: one payload per tick, each with the ticks so far; then "Done" with the menu's state.
    for (let n = 1; n <= options.length; n++)
      await this.h.interaction(
        blockActions(this.user, message, {
          action_id: select.action_id,
          type: 'multi_static_select',
          options: options.slice(0, n),
        }),
      );
    const done = this.elements(message).find((e) => e.action_id === 'weakties.picks.done');
    if (!done) throw new Error('the multi-select has no "Done" button');
    return this.h.interaction(
      blockActions(
        this.user,
        message,
        { action_id: done.action_id, type: 'button', value: done.value ?? '', label: done.text?.text ?? '' },
        { [select.action_id]: options },
      ),
    );
  }

  /** Presses the form button of the newest question; the bot opens a modal with views.open. */
  async openForm(message = this.question()): Promise<Record<string, unknown>> {
    const button = this.elements(message).find((e) => e.action_id === 'weakties.form');
    if (!button?.value) throw new Error('the question has no form button');
    const before = this.h.fake.callsOf('views.open').length;
    await this.h.interaction(
      blockActions(this.user, message, {
        action_id: button.action_id,
        type: 'button',
        value: button.value,
        label: button.text?.text ?? '',
      }),
    );
    const opened = this.h.fake.callsOf('views.open')[before];
    if (!opened) throw new Error('views.open was not called');
    return opened.result.view as Record<string, unknown>;
  }

  submit(view: Record<string, unknown>, values: Record<string, string>): Promise<Sent> {
    return this.h.interaction(viewSubmission(this.user, view, values));
  }

  /** Opens the form of the newest question and submits it with the given field values. */
  async fillForm(values: Record<string, string>): Promise<Sent> {
    return this.submit(await this.openForm(), values);
  }

  home(actionId: string): Promise<Sent> {
    return this.h.interaction(homeAction(this.user, actionId));
  }

  /** The text of everything posted to the member, newest last. */
  texts(): string[] {
    return this.posted().map((m) => sectionText(m.blocks as Block[]));
  }

  lastText(): string {
    return this.texts().at(-1) ?? '';
  }
}

/** A coach text as the Slack adapter posts it: in the given language, mrkdwn-escaped. */
const posted =
  (lang: 'en' | 'nl') =>
  (key: string, params: Record<string, string | number> = {}) =>
    escapeMrkdwn(say(lang, key, params));
export const en = posted('en');
export const nl = posted('nl');

export const COFFEE_CHANNEL = 'CCOFFEE';

/**
 * A workspace for coffee rounds: the members by first name (and time zone), the first of them an
 * admin, all of them (and the bot) in the coffee channel.
 */
export function coffeeWorkspace(people: Record<string, { name: string; tz?: string }>): Promise<Harness> {
  const ids = Object.keys(people);
  const users = Object.fromEntries(
    ids.map((id, i) => {
      const { name, tz } = people[id] as { name: string; tz?: string };
      return [
        id,
        { ...(i === 0 ? { is_admin: true } : {}), ...(tz ? { tz } : {}), profile: { first_name: name } },
      ];
    }),
  );
  return startHarness({ users, channels: { [COFFEE_CHANNEL]: [ids[0] ?? '', 'UBOT', ...ids.slice(1)] } });
}
