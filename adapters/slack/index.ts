import { ConfigError } from '../../src/config.js';
import type { Door, DoorContext } from '../../src/door.js';
import { guessLang } from '../../src/engine/step.js';
import type { MemberRef } from '../../src/engine/types.js';
import { PROMPTS_DIR } from '../../src/paths.js';
import { loadTexts } from '../../src/texts/texts.js';
import { createBolt, startBolt, whoAmI } from './connection.js';
import { listen } from './listeners.js';
import { createSlackOutbox } from './outbox.js';
import { createProfiles } from './profile.js';
import { createQuestions } from './questions.js';
import { createTasks } from './tasks.js';

/** The running Slack door; `port` is the bound HTTP port (HTTP mode), `idle()` waits for work after acks. */
export interface SlackDoor extends Door {
  port?: number;
  idle(): Promise<void>;
}

/** The Slack door (Bolt): HTTP mode with SLACK_SIGNING_SECRET, Socket Mode with SLACK_APP_TOKEN. */
export async function startSlack(context: DoorContext): Promise<Door> {
  return openSlackDoor(context);
}

/** The same door, with what tests need to reach it: the bound port and a way to wait for its work. */
export async function openSlackDoor(context: DoorContext): Promise<SlackDoor> {
  const { config, app } = context;
  const slack = config.slack;
  if (!slack) throw new ConfigError('SLACK_BOT_TOKEN: required for Slack');
  const log = context.log.child({ door: 'slack' });
  const identity = await whoAmI(slack, log);
  const bolt = createBolt(slack, identity, log);

  // Every request Bolt receives is tracked from before its ack to the end of its listeners.
  const tasks = createTasks();
  const processEvent = bolt.processEvent.bind(bolt);
  bolt.processEvent = (event) => tasks.track(processEvent(event));

  const texts = loadTexts(PROMPTS_DIR);
  const profiles = createProfiles(bolt.client, log);
  const questions = createQuestions();
  const storedLang = async (member: MemberRef) => (await app.engine.peek(member))?.lang;
  const sayNow = async (member: MemberRef) => texts.forLang((await storedLang(member)) ?? config.defaultLang);
  const sayFor = async (member: MemberRef) =>
    texts.forLang(
      (await storedLang(member)) ?? guessLang((await profiles.of(member)).locale) ?? config.defaultLang,
    );
  const slackOutbox = createSlackOutbox({
    client: bolt.client,
    questions,
    sayFor,
    onForgotten: profiles.forget,
    log,
  });
  listen(bolt, {
    engine: app.engine,
    identity,
    profiles,
    questions,
    slack: slackOutbox,
    sayFor,
    sayNow,
    revisitDays: config.revisitDays,
    log,
  });

  const { port } = await startBolt(bolt, slack);
  log.info({ mode: slack.signingSecret ? 'http' : 'socket', port }, 'slack door open');
  return {
    outbox: slackOutbox.outbox,
    port,
    idle: tasks.idle,
    async stop() {
      await tasks.idle();
      await bolt.stop();
    },
  };
}
