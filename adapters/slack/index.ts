import type { Adapter, AdapterContext } from '../../src/adapter.js';
import { ConfigError } from '../../src/config.js';
import { createDashboard } from '../../src/dashboard/server.js';
import { createInboundQueue } from '../../src/store/inbound-queue.js';
import { createQuestions } from '../questions.js';
import { createSlackCoffee } from './coffee.js';
import { createBolt, startBolt, whoAmI } from './connection.js';
import { createTasks, makeDurable } from './durable.js';
import { listen } from './listeners.js';
import { createSlackOutbox, type Posted } from './outbox.js';
import { createProfiles } from './profile.js';

/** The running Slack adapter; `port` is the bound HTTP port (HTTP mode), `idle()` waits for work after acks. */
export interface SlackAdapter extends Adapter {
  port?: number;
  idle(): Promise<void>;
}

/** The Slack adapter (Bolt): HTTP mode with SLACK_SIGNING_SECRET, Socket Mode with SLACK_APP_TOKEN. */
export async function startSlack(context: AdapterContext): Promise<Adapter> {
  return openSlackAdapter(context);
}

/** The same adapter, with what tests need to reach it: the bound port and a way to wait for its work. */
export async function openSlackAdapter(context: AdapterContext): Promise<SlackAdapter> {
  const { config, app } = context;
  const slack = config.slack;
  if (!slack) throw new ConfigError('SLACK_BOT_TOKEN: required for Slack');
  const log = context.log.child({ adapter: 'slack' });
  const identity = await whoAmI(slack, log);
  // HTTP mode: the dashboard shares Bolt's port (PORT), under /dashboard.
  const dashboard = slack.signingSecret
    ? createDashboard({ store: app.store, texts: app.texts, config, log: log.child({ part: 'dashboard' }) })
    : undefined;
  const bolt = createBolt(slack, identity, log, dashboard);

  // Every request Bolt receives is tracked from before its ack to the end of its listeners, and
  // a member's message is stored before its ack, so a crash cannot lose it.
  const tasks = createTasks();
  const durable = makeDurable(bolt, createInboundQueue(app.store, log), tasks, log, context.durable);

  const texts = app.texts;
  const profiles = createProfiles(bolt.client, log, slack.adminUsers);
  const questions = createQuestions<Posted>();
  const slackOutbox = createSlackOutbox({
    client: bolt.client,
    questions,
    texts,
    onForgotten: profiles.forget,
    log,
  });
  const coffee = createSlackCoffee({ client: bolt.client, botUserId: identity.userId, texts, profiles, log });
  listen({
    bolt,
    engine: app.engine,
    identity,
    profiles,
    questions,
    outbox: slackOutbox,
    texts,
    defaultLang: config.defaultLang,
    log,
  });
  bolt.error(async (error) => {
    log.error({ err: error }, 'slack listener failed');
  });

  const { port } = await startBolt(bolt, slack);
  log.info({ mode: slack.signingSecret ? 'http' : 'socket', port }, 'slack adapter open');
  return {
    outbox: { ...slackOutbox.outbox, coffee },
    port,
    idle: tasks.idle,
    async stop() {
      // Stop taking requests first (a burst would otherwise never let it go idle), then finish
      // the listeners still running after their acks.
      durable.stop();
      await bolt.stop();
      await tasks.idle();
    },
  };
}
