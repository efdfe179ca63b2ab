import { COACH_TEXTS } from './coach.js';
import { COFFEE_TEXTS } from './coffee.js';
import { CORE_TEXTS } from './core.js';
import { DISCORD_TEXTS } from './discord.js';
import { FOLLOWUP_TEXTS } from './followup.js';
import { SLACK_TEXTS } from './slack.js';

/**
 * Every text key the code uses, with the placeholders the code fills in it, one file per part.
 * prompts/<lang>/*.json must define exactly these keys and use no other placeholders.
 */
export const CATALOG = {
  ...CORE_TEXTS,
  ...FOLLOWUP_TEXTS,
  ...SLACK_TEXTS,
  ...DISCORD_TEXTS,
  ...COACH_TEXTS,
  ...COFFEE_TEXTS,
} as const;

export type TextKey = keyof typeof CATALOG;
