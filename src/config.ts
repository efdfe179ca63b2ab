import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const ConfigSchema = z.object({
  STORE_URL: z.string().min(1).default('sqlite://./data/weakties.sqlite'),
  LOG_LEVEL: z.enum(LOG_LEVELS).optional(),
  DEFAULT_LANG: z.enum(['en', 'nl']).default('en'),
  OUTPUT_DIR: z.string().min(1).default('./data/out'),
  REVISIT_DAYS: z.coerce.number().int().min(0).max(365).default(7),
  TICK_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Where the dashboard's links point (behind a reverse proxy: its public address). */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  SLACK_BOT_TOKEN: z
    .string()
    .regex(/^xoxb-/, 'must start with xoxb-')
    .optional(),
  SLACK_SIGNING_SECRET: z.string().min(1).optional(),
  SLACK_APP_TOKEN: z
    .string()
    .regex(/^xapp-/, 'must start with xapp-')
    .optional(),
  SLACK_API_URL: z.url().optional(),
  /** Slack user ids (comma-separated) who may change coffee settings, besides workspace admins. */
  ADMIN_USERS: z
    .string()
    .regex(/^[A-Za-z0-9]+(\s*,\s*[A-Za-z0-9]+)*$/, 'must be user ids separated by commas')
    .optional(),
  DISCORD_TOKEN: z.string().min(20, 'looks too short for a bot token').optional(),
  DISCORD_APPLICATION_ID: z
    .string()
    .regex(/^\d{5,30}$/, 'must be the numeric application id')
    .optional(),
  DISCORD_API_URL: z.url().optional(),
  DISCORD_SHARDS: z.coerce.number().int().min(1).max(1000).optional(),
  /** The community's home server: only its Manage Server members run coffee rounds. */
  DISCORD_GUILD_ID: z
    .string()
    .regex(/^\d{5,30}$/, 'must be the numeric server id')
    .optional(),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.url().optional(),
  OPENAI_MODEL: z.string().min(1).max(200).default('gpt-4.1-mini'),
  COACH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(8000),
  COACH_DAILY_BUDGET: z.coerce.number().int().min(0).max(10_000).default(40),
});

export interface Config {
  storeUrl: string;
  logLevel: (typeof LOG_LEVELS)[number] | undefined;
  defaultLang: 'en' | 'nl';
  /** Where the terminal adapters write pictures and exports. */
  outputDir: string;
  revisitDays: number;
  /** How often a running platform adapter delivers due follow-ups. */
  tickSeconds: number;
  /** Set when SLACK_BOT_TOKEN is: HTTP mode with a signing secret, Socket Mode with an app token. */
  slack?: {
    botToken: string;
    signingSecret?: string;
    appToken?: string;
    apiUrl?: string;
    port: number;
    /** Users who may change coffee settings besides workspace admins and owners (ADMIN_USERS). */
    adminUsers: string[];
  };
  /** `shards`: run the Discord adapter as that many discord.js shards, in child processes. */
  discord?: { token: string; applicationId: string; apiUrl?: string; shards?: number; guildId?: string };
  /** Set when OPENAI_API_KEY or OPENAI_BASE_URL is: the language-model coach; else the scripted one. */
  coach?: CoachConfig;
  dashboard: DashboardConfig;
}

/** The web dashboard (src/dashboard): where its links point and whether `start` serves it. */
export interface DashboardConfig {
  /** PUBLIC_URL without a trailing slash; undefined: http://localhost and the port actually bound. */
  publicUrl?: string;
  /** PORT (default 3000): the port `weakties dashboard` and `start` serve it on. */
  port: number;
  /** PORT was set: `start` serves the dashboard on it (through Bolt's server in Slack HTTP mode). */
  serve: boolean;
}

/** The address the dashboard's links start with: PUBLIC_URL, else http://localhost:PORT (the bound one). */
export const dashboardBase = (dashboard: DashboardConfig, boundPort = dashboard.port): string =>
  dashboard.publicUrl ?? `http://localhost:${boundPort}`;

export interface CoachConfig {
  apiKey?: string;
  baseUrl?: string;
  model: string;
  /** The longest a member waits for the model in one turn, retry included. */
  timeoutMs: number;
  /** Model calls per member per day. */
  dailyBudget: number;
}

export class ConfigError extends Error {}

/** Parses the environment once; every other module receives the result. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blankAsUnset = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = ConfigSchema.safeParse(blankAsUnset);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration. ${problems.join('; ')}`);
  }
  const c = parsed.data;
  const slackSet = [c.SLACK_SIGNING_SECRET, c.SLACK_APP_TOKEN, c.SLACK_API_URL].some((v) => v !== undefined);
  if (slackSet && !c.SLACK_BOT_TOKEN)
    throw new ConfigError('Invalid configuration. SLACK_BOT_TOKEN: required for Slack');
  if (c.SLACK_BOT_TOKEN && !c.SLACK_SIGNING_SECRET && !c.SLACK_APP_TOKEN) {
    throw new ConfigError(
      'Invalid configuration. SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode): one is required with SLACK_BOT_TOKEN',
    );
  }
  if (Boolean(c.DISCORD_TOKEN) !== Boolean(c.DISCORD_APPLICATION_ID)) {
    throw new ConfigError(
      'Invalid configuration. DISCORD_TOKEN and DISCORD_APPLICATION_ID: set both or neither',
    );
  }
  return {
    storeUrl: c.STORE_URL,
    logLevel: c.LOG_LEVEL,
    defaultLang: c.DEFAULT_LANG,
    outputDir: c.OUTPUT_DIR,
    revisitDays: c.REVISIT_DAYS,
    tickSeconds: c.TICK_SECONDS,
    slack: c.SLACK_BOT_TOKEN
      ? {
          botToken: c.SLACK_BOT_TOKEN,
          signingSecret: c.SLACK_SIGNING_SECRET,
          appToken: c.SLACK_APP_TOKEN,
          apiUrl: c.SLACK_API_URL,
          port: c.PORT,
          adminUsers: c.ADMIN_USERS?.split(',').map((u) => u.trim()) ?? [],
        }
      : undefined,
    discord:
      c.DISCORD_TOKEN && c.DISCORD_APPLICATION_ID
        ? {
            token: c.DISCORD_TOKEN,
            applicationId: c.DISCORD_APPLICATION_ID,
            apiUrl: c.DISCORD_API_URL,
            shards: c.DISCORD_SHARDS,
            guildId: c.DISCORD_GUILD_ID,
          }
        : undefined,
    dashboard: {
      publicUrl: c.PUBLIC_URL?.replace(/\/+$/, ''),
      port: c.PORT,
      serve: blankAsUnset.PORT !== undefined,
    },
    coach:
      c.OPENAI_API_KEY || c.OPENAI_BASE_URL
        ? {
            apiKey: c.OPENAI_API_KEY,
            baseUrl: c.OPENAI_BASE_URL,
            model: c.OPENAI_MODEL,
            timeoutMs: c.COACH_TIMEOUT_MS,
            dailyBudget: c.COACH_DAILY_BUDGET,
          }
        : undefined,
  };
}
