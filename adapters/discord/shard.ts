/** One discord.js shard process, started by the ShardingManager (discord.js passes SHARDS and SHARD_COUNT). */

import { routingOutbox } from '../../src/adapter.js';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { Outbox, Platform } from '../../src/core/types.js';
import { createLogger } from '../../src/log.js';
import { startTicker } from '../../src/ticker.js';
import { startDiscord } from './index.js';

const config = loadConfig();
const log = createLogger(config.logLevel ?? 'info').child({ shard: process.env.SHARDS });
const routes: Partial<Record<Platform, Outbox>> = {};
const app = await createApp(config, log, routingOutbox(routes));
const adapter = await startDiscord({ app, config, log });
routes.discord = adapter.outbox;
// One shard delivers the follow-ups; claims keep any overlap with other processes harmless.
const stopTicker =
  process.env.SHARDS === '0' ? startTicker(app.engine, log, config.tickSeconds, ['discord']) : () => {};

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, async () => {
    stopTicker();
    await adapter.stop();
    await app.close();
    process.exit(0);
  });
}
