import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const ConfigSchema = z.object({
  STORE_URL: z.string().min(1).default('sqlite://./data/weakties.sqlite'),
  LOG_LEVEL: z.enum(LOG_LEVELS).optional(),
  DEFAULT_LANG: z.enum(['en', 'nl']).default('en'),
  OUTPUT_DIR: z.string().min(1).default('./data/out'),
  REVISIT_DAYS: z.coerce.number().int().min(0).max(365).default(7),
});

export interface Config {
  storeUrl: string;
  logLevel: (typeof LOG_LEVELS)[number] | undefined;
  defaultLang: 'en' | 'nl';
  /** Where the terminal doors write pictures and exports. */
  outputDir: string;
  revisitDays: number;
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
  return {
    storeUrl: c.STORE_URL,
    logLevel: c.LOG_LEVEL,
    defaultLang: c.DEFAULT_LANG,
    outputDir: c.OUTPUT_DIR,
    revisitDays: c.REVISIT_DAYS,
  };
}
