import type { App } from './app.js';
import type { Config } from './config.js';
import type { MemberRef, Outbox, Platform } from './core/types.js';
import type { Logger } from './log.js';

/** A running platform adapter: how replies reach its members, and how it stops. */
export interface Adapter {
  outbox: Outbox;
  stop(): Promise<void>;
}

/** What an adapter gets to start: the shared app (one engine, one store) and the configuration. */
export interface AdapterContext {
  app: App;
  config: Config;
  log: Logger;
  /** Tests shorten how long a queued event waits before another process takes it over. */
  durable?: { staleMs?: number; sweepMs?: number };
}

/**
 * The outbox the engine sees when several adapters share one process: each member's replies go
 * through their platform's adapter; a member whose adapter is not running keeps them in their record.
 */
export function routingOutbox(adapters: Partial<Record<Platform, Outbox>>): Outbox {
  const adapter = (member: MemberRef) => adapters[member.platform];
  return {
    reachable: (member) => adapter(member) !== undefined,
    deliver: async (member, replies, delivery) => adapter(member)?.deliver(member, replies, delivery),
    emit: async (member, event) => adapter(member)?.emit?.(member, event),
    forgotten: async (member) => adapter(member)?.forgotten?.(member),
    coffee: {
      pool: async (c, settings) => adapters[c.platform]?.coffee?.pool?.(c, settings),
      names: async (c, users) => (await adapters[c.platform]?.coffee?.names?.(c, users)) ?? {},
      introduce: async (c, intro) => adapters[c.platform]?.coffee?.introduce?.(c, intro),
      wrote: async (c, conversation) =>
        (await adapters[c.platform]?.coffee?.wrote?.(c, conversation)) ?? true,
    },
  };
}
