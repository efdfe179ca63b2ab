import type { AddressInfo } from 'node:net';
import {
  App,
  type Logger as BoltLogger,
  type CustomRoute,
  HTTPReceiver,
  LogLevel,
  type Receiver,
  SocketModeReceiver,
  webApi,
} from '@slack/bolt';

import { type Config, ConfigError } from '../../src/config.js';
import type { Dashboard } from '../../src/dashboard/server.js';
import type { Logger } from '../../src/log.js';
import { gate } from './gate.js';
import type { Bot } from './inbound.js';

export type SlackConfig = NonNullable<Config['slack']>;

/** The bot's own identity and workspace, from auth.test. */
export interface Identity extends Bot {
  team: string;
}

/**
 * Bolt and its WebClient log through the app's pino logger, one level quieter than their own. Their
 * debug lines are dropped at every LOG_LEVEL: they carry whole Web API bodies, members' words and
 * the names on their maps.
 */
export function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ adapter: 'slack' });
  const line = (parts: unknown[]) =>
    parts.map((p) => (typeof p === 'string' ? p : JSON.stringify(p))).join(' ');
  return {
    debug: () => {},
    info: (...msg) => child.debug(line(msg)),
    warn: (...msg) => child.warn(line(msg)),
    error: (...msg) => child.error(line(msg)),
    setLevel: () => {},
    getLevel: () => LogLevel.INFO,
    setName: () => {},
  };
}

/** The WebClient joins method names straight onto its base URL, so the base must end with a slash. */
export const apiBase = (url: string | undefined) => (url && !url.endsWith('/') ? `${url}/` : url);

const health: CustomRoute = {
  path: '/healthz',
  method: ['GET'],
  handler: (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('ok');
  },
};

/**
 * Asks Slack who the bot token belongs to. Doing it here (instead of inside Bolt) gives a start-up
 * error that names the variable, and lets Bolt skip its own auth.test.
 */
export async function whoAmI(slack: SlackConfig, log: Logger): Promise<Identity> {
  const client = new webApi.WebClient(slack.botToken, {
    slackApiUrl: apiBase(slack.apiUrl),
    logger: boltLogger(log),
    retryConfig: { retries: 2 },
  });
  let result: webApi.AuthTestResponse;
  try {
    result = await client.auth.test();
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error ?? (error as Error).message;
    throw new ConfigError(`SLACK_BOT_TOKEN: Slack did not accept the bot token (${code})`);
  }
  if (!result.user_id || !result.team_id)
    throw new ConfigError('SLACK_BOT_TOKEN: auth.test did not name a bot user; is this a bot token?');
  return { userId: result.user_id, botId: result.bot_id, team: result.team_id };
}

/** The dashboard's routes on Bolt's port: one custom route per path, `:param` as path-to-regexp reads it. */
export function dashboardRoutes(dashboard: Dashboard): CustomRoute[] {
  const paths = new Map<string, string[]>();
  for (const route of dashboard.routes)
    paths.set(route.path, [...(paths.get(route.path) ?? []), route.method]);
  return [...paths].map(([path, method]) => ({
    path,
    method,
    handler: (req, res) => void dashboard.handle(req, res),
  }));
}

const isDashboardPath = (path: string) => path === '/dashboard' || path.startsWith('/dashboard/');

function receiverFor(slack: SlackConfig, log: Logger, dashboard?: Dashboard): Receiver {
  const logger = boltLogger(log);
  if (slack.signingSecret) {
    // One port for the Events API, interactivity and the slash command; Bolt checks each signature.
    const receiver = new HTTPReceiver({
      signingSecret: slack.signingSecret,
      endpoints: '/slack/events',
      port: slack.port,
      customRoutes: [health, ...(dashboard ? dashboardRoutes(dashboard) : [])],
      logger,
    });
    const warn = (why: string) => log.warn({ adapter: 'slack', why }, 'request refused');
    // The dashboard's forms are not Slack's: they carry their own CSRF token instead of a signature.
    const passes = dashboard ? isDashboardPath : undefined;
    const gated = gate(receiver.requestListener, slack.signingSecret, warn, passes);
    // Every path under /dashboard is the dashboard's to answer, so an unknown one gets its 404 page,
    // a wrong method its 405 and HEAD its headers, as on the dashboard's own server.
    receiver.requestListener = dashboard
      ? (req, res) =>
          isDashboardPath((req.url ?? '/').split('?')[0] ?? '/')
            ? void dashboard.handle(req, res)
            : gated(req, res)
      : gated;
    return receiver;
  }
  if (!slack.appToken)
    throw new ConfigError(
      'SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode): one is required',
    );
  return new SocketModeReceiver({
    appToken: slack.appToken,
    logger,
    installerOptions: { clientOptions: { slackApiUrl: apiBase(slack.apiUrl) } },
  });
}

/**
 * The Bolt app: HTTP mode with a signing secret, Socket Mode with an app token. In HTTP mode the
 * dashboard, when given, is served on the same port under /dashboard.
 */
export function createBolt(slack: SlackConfig, identity: Identity, log: Logger, dashboard?: Dashboard): App {
  return new App({
    token: slack.botToken,
    botId: identity.botId,
    botUserId: identity.userId,
    tokenVerificationEnabled: false,
    receiver: receiverFor(slack, log, dashboard),
    logger: boltLogger(log),
    convoStore: false,
    clientOptions: { slackApiUrl: apiBase(slack.apiUrl) },
  });
}

/** Starts listening; in HTTP mode, answers the port actually bound (PORT=0 picks a free one). */
export async function startBolt(app: App, slack: SlackConfig): Promise<{ port?: number }> {
  if (!slack.signingSecret) {
    await app.start();
    return {};
  }
  const server = await app.start(slack.port);
  const address = server.address() as AddressInfo | null;
  return { port: address?.port };
}
