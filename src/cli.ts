import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { removeMemberFiles, runConsole } from '../adapters/console/index.js';
import { type Adapter, type AdapterContext, routingOutbox } from './adapter.js';
import { createApp } from './app.js';
import { createCoach } from './coach/uses.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { guessLang, type MemberRef, type Outbox, PLATFORMS, type Platform } from './core/types.js';
import { dashboardCommand, serveDashboardAlone } from './dashboard/cli.js';
import { closeServer, createDashboard, serveDashboard } from './dashboard/server.js';
import { createLogger } from './log.js';
import { pairingCommand } from './pairing/cli.js';
import { PROMPTS_DIR } from './paths.js';
import { StoreError } from './store/open.js';
import { loadTexts, TextsError } from './texts/texts.js';
import { startTicker } from './ticker.js';

const USAGE = `weakties: a coach for conscious networking

Usage:
  weakties start                         start the coach: Slack and/or Discord when configured, else the terminal
  weakties console [--user ID] [--lang en|nl] [--json]
                                         coach one member in the terminal; --json speaks JSON lines
  weakties tick [--now ISO-TIME]         deliver the follow-ups due at that time (default: now)
  weakties export --user ID              print everything stored about a terminal member as JSON
  weakties forget --user ID              delete everything stored about a terminal member
  weakties discord register [--guild ID] register the Discord slash commands (a guild: instant; else global)
  weakties pairing simulate --members N --rounds R [--groups G] [--snooze P] [--blocks B] [--size K] [--seed S] [--out FILE]
                                         run virtual-coffee rounds on a synthetic community; JSON out
  weakties pairing run [--dry-run]       make a virtual-coffee round now (or preview it)
  weakties pairing stats [--json|--csv]  participation, met, repeat, cross-group and no-answer rates
  weakties dashboard [--port P]          serve the community dashboard alone at /dashboard (default PORT)
  weakties dashboard link [--platform P --space ID]
                                         print a one-time sign-in link to the dashboard (10 minutes)
  weakties coach check                   one request to the language-model coach: latency and answer, or the error
  weakties help                          this text

Configuration comes from the environment or a .env file; see .env.example.`;

const defaultUser = () => {
  try {
    return userInfo().username || 'me';
  } catch {
    return 'me';
  }
};

const consoleMember = (user: string): MemberRef => ({ platform: 'console', space: 'local', user });

async function consoleCommand(args: string[], config: Config): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      user: { type: 'string' },
      lang: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const lang = values.lang === undefined ? undefined : guessLang(values.lang);
  if (values.lang !== undefined && (!lang || values.lang.length !== 2)) {
    process.stderr.write('weakties console: --lang must be en or nl\n');
    return 2;
  }
  await runConsole({
    config,
    log: createLogger(config.logLevel ?? 'error'),
    user: values.user ?? defaultUser(),
    lang,
    locale: process.env.LC_ALL || process.env.LANG,
    json: values.json ?? false,
    input: process.stdin,
    output: process.stdout,
  });
  return 0;
}

/**
 * `start` without a chat platform: the coach in the terminal and, when PORT is set, the dashboard
 * beside it (its address on stderr, so the conversation on stdout stays clean).
 */
async function startConsole(args: string[], config: Config): Promise<number> {
  if (!config.dashboard.serve) return consoleCommand(args, config);
  const served = await serveDashboardAlone(
    config,
    config.dashboard.port,
    createLogger(config.logLevel ?? 'error'),
  );
  process.stderr.write(`Dashboard at ${served.url} (type dashboard for a sign-in link)\n`);
  try {
    return await consoleCommand(args, config);
  } finally {
    await served.close();
  }
}

type Starter = (context: AdapterContext) => Promise<Adapter>;

/** The configured platform adapters, loaded only then: the terminal starts without Bolt or discord.js. */
async function startersFor(config: Config): Promise<Partial<Record<Platform, Starter>>> {
  const starters: Partial<Record<Platform, Starter>> = {};
  if (config.slack) starters.slack = (await import('../adapters/slack/index.js')).startSlack;
  if (config.discord) {
    const { startDiscord, startDiscordShards } = await import('../adapters/discord/index.js');
    const shards = config.discord.shards;
    starters.discord = shards ? (context) => startDiscordShards(context, shards) : startDiscord;
  }
  return starters;
}

/** Runs the configured platform adapters on one engine until SIGINT or SIGTERM. */
async function startAdapters(config: Config): Promise<number> {
  const log = createLogger(config.logLevel ?? 'info');
  // A promise a library forgot to handle (Bolt, discord.js, a socket) is logged; it never stops the bot.
  process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled rejection'));
  const routes: Partial<Record<Platform, Outbox>> = {};
  const app = await createApp(config, log, routingOutbox(routes));
  const adapters: Adapter[] = [];
  const context = { app, config, log };
  try {
    for (const [platform, start] of Object.entries(await startersFor(config)) as [Platform, Starter][]) {
      const adapter = await start(context);
      adapters.push(adapter);
      routes[platform] = adapter.outbox;
    }
  } catch (error) {
    await Promise.allSettled(adapters.map((d) => d.stop()));
    await app.close();
    throw error;
  }
  // Discord shards deliver their own follow-ups (shard 0); this process delivers the rest.
  const sharded = Boolean(config.discord?.shards);
  const platforms = sharded ? PLATFORMS.filter((p) => p !== 'discord') : undefined;
  const stopTicker = startTicker(app.engine, log, config.tickSeconds, platforms);
  // PORT set and no Slack HTTP mode to share a port with: the dashboard gets its own server.
  const ownServer =
    config.dashboard.serve && !config.slack?.signingSecret
      ? await serveDashboard(
          createDashboard({
            store: app.store,
            texts: app.texts,
            config,
            log: log.child({ part: 'dashboard' }),
          }),
          config.dashboard.port,
        )
      : undefined;
  if (ownServer) log.info({ port: ownServer.port }, 'dashboard served at /dashboard');
  log.info({ adapters: Object.keys(routes) }, 'weakties is running');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  // Stop taking events, let the turns in flight finish and save, then close the store.
  log.info('stopping: finishing the turns in flight');
  stopTicker();
  if (ownServer) await closeServer(ownServer.server);
  await Promise.allSettled(adapters.map((d) => d.stop()));
  await app.close();
  log.info('stopped');
  return 0;
}

async function discordCommand(args: string[], config: Config): Promise<number> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({ args: rest, options: { guild: { type: 'string' } } });
  if (sub !== 'register') {
    process.stderr.write('Usage: weakties discord register [--guild ID]\n');
    return 2;
  }
  if (!config.discord) {
    process.stderr.write('weakties discord register: set DISCORD_TOKEN and DISCORD_APPLICATION_ID first\n');
    return 1;
  }
  const { registerDiscordCommands } = await import('../adapters/discord/index.js');
  await registerDiscordCommands(config, values.guild);
  process.stdout.write(
    values.guild
      ? `Registered the commands in guild ${values.guild}.\n`
      : 'Registered the commands globally.\n',
  );
  return 0;
}

async function coachCommand(args: string[], config: Config): Promise<number> {
  if (args[0] !== 'check') {
    process.stderr.write('Usage: weakties coach check\n');
    return 2;
  }
  if (!config.coach) {
    process.stderr.write(
      'weakties coach check: no coach configured; set OPENAI_API_KEY or OPENAI_BASE_URL\n',
    );
    return 1;
  }
  const log = createLogger(config.logLevel ?? 'silent');
  const coach = createCoach({ config: config.coach, texts: loadTexts(PROMPTS_DIR), log });
  const started = performance.now();
  try {
    const answer = await coach.check();
    process.stdout.write(`${coach.label}: ${answer.ms} ms (model ${answer.model})\n${answer.say}\n`);
    return 0;
  } catch (error) {
    const ms = Math.round(performance.now() - started);
    process.stderr.write(
      `weakties coach check: ${coach.label} failed after ${ms} ms: ${(error as Error).message}\n`,
    );
    return 1;
  }
}

async function tickCommand(args: string[], config: Config): Promise<number> {
  const { values } = parseArgs({ args, options: { now: { type: 'string' } } });
  const now = values.now ? new Date(values.now) : new Date();
  if (Number.isNaN(now.getTime())) {
    process.stderr.write('weakties tick: --now must be an ISO time, for example 2026-12-04T09:00:00Z\n');
    return 2;
  }
  const log = createLogger(config.logLevel ?? 'info');
  // No adapter is open from the terminal: follow-ups wait in the member's record for their next turn.
  // The turns run at `now`, so follow-ups due together are asked in turn at that moment.
  const outbox = { deliver: async () => {}, reachable: () => false };
  const app = await createApp(config, log, outbox, { clock: () => now });
  try {
    const delivered = await app.engine.tick(now);
    process.stdout.write(`${JSON.stringify({ now: now.toISOString(), delivered })}\n`);
    return 0;
  } finally {
    await app.close();
  }
}

async function memberDataCommand(
  command: 'export' | 'forget',
  args: string[],
  config: Config,
): Promise<number> {
  const { values } = parseArgs({ args, options: { user: { type: 'string' } } });
  const member = consoleMember(values.user ?? defaultUser());
  const app = await createApp(config, createLogger(config.logLevel ?? 'warn'), {
    deliver: async () => {},
    forgotten: async () => removeMemberFiles(config.outputDir, member.user),
  });
  try {
    if (command === 'export') {
      const data = await app.engine.exportMember(member);
      if (!data) {
        process.stderr.write(`weakties export: nothing is stored for ${member.user}\n`);
        return 1;
      }
      process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
      return 0;
    }
    const existed = await app.engine.forgetMember(member);
    process.stdout.write(
      existed
        ? `Deleted everything stored for ${member.user}.\n`
        : `Nothing was stored for ${member.user}.\n`,
    );
    return 0;
  } finally {
    await app.close();
  }
}

/** Runs one CLI command and returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command = 'start', ...rest] = argv;
  try {
    if (existsSync('.env')) process.loadEnvFile('.env');
    const config = loadConfig();
    switch (command) {
      case 'start':
        return config.slack || config.discord
          ? await startAdapters(config)
          : await startConsole(rest, config);
      case 'console':
        return await consoleCommand(rest, config);
      case 'discord':
        return await discordCommand(rest, config);
      case 'tick':
        return await tickCommand(rest, config);
      case 'coach':
        return await coachCommand(rest, config);
      case 'pairing':
        return await pairingCommand(rest, config);
      case 'dashboard':
        return await dashboardCommand(rest, config);
      case 'export':
      case 'forget':
        return await memberDataCommand(command, rest, config);
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(`${USAGE}\n`);
        return 0;
      default:
        process.stderr.write(`weakties: unknown command "${command}"\n\n${USAGE}\n`);
        return 2;
    }
  } catch (error) {
    const known = [ConfigError, StoreError, TextsError].some((kind) => error instanceof kind);
    const isArgs = (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    if (known || isArgs) {
      process.stderr.write(`weakties: ${(error as Error).message}\n`);
      return isArgs ? 2 : 1;
    }
    throw error;
  }
}
