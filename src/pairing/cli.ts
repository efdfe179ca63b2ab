import { parseArgs } from 'node:util';
import { createApp } from '../app.js';
import type { Config } from '../config.js';
import { PLATFORMS, type Platform } from '../core/types.js';
import { createLogger } from '../log.js';
import type { CommunityRef } from './community.js';
import { asName, groupIntroText } from './intro.js';
import { simulateCommand } from './simulate.js';
import { statsCsv } from './stats.js';

const PAIRING_USAGE = `Usage:
  weakties pairing simulate --members N --rounds R [--groups G] [--snooze P] [--blocks B] [--seed S] [--size K] [--tags T] [--mode new|gaps] [--out FILE]
  weakties pairing run [--dry-run] [--now ISO-TIME] [--platform P --space ID]
  weakties pairing stats [--json | --csv] [--platform P --space ID]
The community defaults to the terminal's own (console, local).`;

const OPTIONS = {
  platform: { type: 'string', default: 'console' },
  space: { type: 'string', default: 'local' },
  now: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  csv: { type: 'boolean', default: false },
} as const;

function communityFrom(values: { platform?: string; space?: string }): CommunityRef | undefined {
  const platform = PLATFORMS.find((p) => p === values.platform);
  return platform && values.space ? { platform: platform as Platform, space: values.space } : undefined;
}

/** `weakties pairing run|stats` on a community in the configured store. */
async function communityCommand(sub: 'run' | 'stats', args: string[], config: Config): Promise<number> {
  const { values } = parseArgs({ args, options: OPTIONS });
  const ref = communityFrom(values);
  const now = values.now ? new Date(values.now) : new Date();
  if (!ref || Number.isNaN(now.getTime())) {
    process.stderr.write(
      `weakties pairing: --platform must be one of ${PLATFORMS.join(', ')}; --now an ISO time\n`,
    );
    return 2;
  }
  const log = createLogger(config.logLevel ?? 'warn');
  // From the terminal no adapter is open: intros and notes wait in each member's record.
  const app = await createApp(config, log, { deliver: async () => {}, reachable: () => false });
  try {
    if (sub === 'stats') {
      // CSV is one row per round with a header, for a spreadsheet; it ends its own lines.
      process.stdout.write(
        values.csv
          ? statsCsv(await app.pairing.stats(ref))
          : values.json
            ? `${JSON.stringify(await app.pairing.stats(ref))}\n`
            : `${await app.pairing.statsText(ref, new Date())}\n`,
      );
      return 0;
    }
    const { text, community } = await app.pairing.runRound(ref, now, values['dry-run'] ?? false);
    process.stdout.write(`${text}\n`);
    if (!values['dry-run']) {
      // The terminal community reads its intros here; each member also finds theirs in the console.
      const say = app.texts.forLang(community.settings.lang);
      const nameOf = (user: string) => asName(community.roster[user]?.prefs.name ?? user);
      for (const intro of app.pairing.intros(community))
        process.stdout.write(`\n${groupIntroText(intro, say, nameOf, (text) => text)}\n`);
    }
    if (!values['dry-run']) await app.engine.tick(now, [ref.platform]);
    return 0;
  } finally {
    await app.close();
  }
}

/** `weakties pairing …`: returns the process exit code. */
export async function pairingCommand(args: string[], config: Config): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'simulate':
      return simulateCommand(rest);
    case 'run':
    case 'stats':
      return communityCommand(sub, rest, config);
    default:
      process.stderr.write(`${PAIRING_USAGE}\n`);
      return 2;
  }
}
