import type { App } from './app.js';
import type { Config } from './config.js';
import type { MemberRef, Outbox, Platform } from './core/types.js';
import type { Logger } from './log.js';

/** A running platform door: how replies reach its members, and how it stops. */
export interface Door {
  outbox: Outbox;
  stop(): Promise<void>;
}

/** What a door gets to start: the shared app (one engine, one store) and the configuration. */
export interface DoorContext {
  app: App;
  config: Config;
  log: Logger;
  /** Tests shorten how long a queued event waits before another process takes it over. */
  durable?: { staleMs?: number; sweepMs?: number };
}

/**
 * The outbox the engine sees when several doors share one process: each member's replies go
 * through their platform's door; a member whose door is not running keeps them in their record.
 */
export function routingOutbox(doors: Partial<Record<Platform, Outbox>>): Outbox {
  const door = (member: MemberRef) => doors[member.platform];
  return {
    reachable: (member) => door(member) !== undefined,
    deliver: async (member, replies, delivery) => door(member)?.deliver(member, replies, delivery),
    emit: async (member, event) => door(member)?.emit?.(member, event),
    forgotten: async (member) => door(member)?.forgotten?.(member),
    coffee: {
      pool: async (c, settings) => doors[c.platform]?.coffee?.pool?.(c, settings),
      names: async (c, users) => (await doors[c.platform]?.coffee?.names?.(c, users)) ?? {},
      introduce: async (c, intro) => doors[c.platform]?.coffee?.introduce?.(c, intro),
      wrote: async (c, conversation) => (await doors[c.platform]?.coffee?.wrote?.(c, conversation)) ?? true,
    },
  };
}
