import { join } from 'node:path';
import { ShardingManager } from 'discord.js';
import type { Door, DoorContext } from '../../src/door.js';
import { PACKAGE_ROOT } from '../../src/paths.js';

/** The compiled entry each shard process runs (`npm ci` builds it). */
export const SHARD_SCRIPT = join(PACKAGE_ROOT, 'dist', 'adapters', 'discord', 'shard.js');

/**
 * The Discord door as discord.js shards: one child process per shard, each with its own engine
 * on the shared store; DMs arrive on shard 0, which also delivers the Discord follow-ups.
 */
export async function startDiscordShards(context: DoorContext, shards: number): Promise<Door> {
  const { config, log } = context;
  const manager = new ShardingManager(SHARD_SCRIPT, {
    totalShards: shards,
    token: config.discord?.token,
    mode: 'process',
    respawn: true,
  });
  manager.on('shardCreate', (shard) => log.info({ shard: shard.id }, 'discord: shard started'));
  await manager.spawn({ timeout: 60_000 });
  return {
    // Replies to Discord members leave through the shard processes, never through this one.
    outbox: { deliver: async () => false, reachable: () => false },
    stop: async () => {
      for (const shard of manager.shards.values()) shard.kill();
    },
  };
}
