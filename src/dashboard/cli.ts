import { parseArgs } from 'node:util';
import { type Config, dashboardBase } from '../config.js';
import { PLATFORMS } from '../core/types.js';
import { createLogger, type Logger } from '../log.js';
import { PROMPTS_DIR } from '../paths.js';
import { openStore } from '../store/open.js';
import { loadTexts } from '../texts/texts.js';
import { createAccess, signInUrl } from './access.js';
import { closeServer, createDashboard, serveDashboard } from './server.js';

export const DASHBOARD_USAGE = `Usage:
  weakties dashboard [--port P]                      serve the dashboard alone (default PORT, 3000)
  weakties dashboard link [--platform P --space ID]  print a one-time sign-in link (valid 10 minutes)
The community defaults to the terminal's own (console, local).`;

/** `weakties dashboard link`: a one-time link for an operator, in DEFAULT_LANG. */
async function linkCommand(args: string[], config: Config): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      platform: { type: 'string', default: 'console' },
      space: { type: 'string', default: 'local' },
    },
  });
  const platform = PLATFORMS.find((p) => p === values.platform);
  if (!platform || !values.space) {
    process.stderr.write(`weakties dashboard link: --platform must be one of ${PLATFORMS.join(', ')}\n`);
    return 2;
  }
  const store = await openStore(config.storeUrl, createLogger(config.logLevel ?? 'warn'));
  try {
    const token = await createAccess(store, () => new Date()).issueLink(
      { platform, space: values.space },
      config.defaultLang,
    );
    process.stdout.write(`${signInUrl(dashboardBase(config.dashboard), token)}\n`);
    return 0;
  } finally {
    await store.close();
  }
}

/** The dashboard on its own server with its own store connection, for `weakties dashboard` and a terminal `start`. */
export async function serveDashboardAlone(
  config: Config,
  port: number,
  log: Logger,
): Promise<{ url: string; close(): Promise<void> }> {
  const store = await openStore(config.storeUrl, log);
  try {
    const dashboard = createDashboard({ store, texts: loadTexts(PROMPTS_DIR), config, log });
    const served = await serveDashboard(dashboard, port);
    return {
      url: `${dashboardBase(config.dashboard, served.port)}/dashboard`,
      close: async () => {
        await closeServer(served.server);
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/** `weakties dashboard [--port P]`: the dashboard on its own server until SIGINT or SIGTERM. */
async function serveCommand(args: string[], config: Config): Promise<number> {
  const { values } = parseArgs({ args, options: { port: { type: 'string' } } });
  const port = values.port === undefined ? config.dashboard.port : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write('weakties dashboard: --port must be a number from 0 to 65535\n');
    return 2;
  }
  const served = await serveDashboardAlone(config, port, createLogger(config.logLevel ?? 'info'));
  process.stdout.write(`Dashboard at ${served.url}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await served.close();
  return 0;
}

export async function dashboardCommand(args: string[], config: Config): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'link') return linkCommand(rest, config);
  if (sub === undefined || sub.startsWith('--')) return serveCommand(args, config);
  process.stderr.write(`${DASHBOARD_USAGE}\n`);
  return 2;
}
