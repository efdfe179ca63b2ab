import { z } from 'zod';
import type { Logger } from '../log.js';
import { readAll } from './scan.js';
import { claimKey, type Store } from './store.js';

/** An accepted platform event not yet fully handled, kept so no process crash can lose it. */
const QueuedSchema = z.object({
  body: z.unknown(),
  /** When it was accepted, or last taken over; older than the stale age, any process may take it. */
  at: z.number(),
  attempts: z.number().int().min(0),
});
export type Queued = z.infer<typeof QueuedSchema> & { key: string };

/** Tries before an event that keeps failing is set aside (quarantine) instead of retried. */
export const MAX_ATTEMPTS = 5;

/**
 * The durable inbound queue: a door stores an event before it acknowledges it, and deletes it
 * once handled. Events left behind by a process that died (or whose store was down) are taken
 * over by any process after `staleMs`. Handling twice is harmless: the engine drops an event id
 * it has already handled for that member.
 */
export function createInboundQueue(store: Store, log: Logger) {
  const queue = store.spaces.inbound;
  const keyOf = (id: string) => claimKey(id);
  return {
    keyOf,
    async put(id: string, body: unknown, now = Date.now()): Promise<string> {
      const key = keyOf(id);
      await queue.set(key, { body, at: now, attempts: 0 });
      return key;
    },
    async done(key: string): Promise<void> {
      await queue.delete(key);
    },
    /** Events accepted longer than `staleMs` ago and still here, oldest first, each marked as taken now. */
    async takeStale(staleMs: number, now = Date.now()): Promise<Queued[]> {
      const found: Queued[] = [];
      for (const [key, value] of await readAll(queue)) {
        const parsed = QueuedSchema.safeParse(value);
        if (!parsed.success) {
          await queue.delete(key);
          continue;
        }
        if (now - parsed.data.at >= staleMs) found.push({ ...parsed.data, key });
      }
      found.sort((a, b) => a.at - b.at);
      const taken: Queued[] = [];
      for (const item of found) {
        if (item.attempts >= MAX_ATTEMPTS) {
          await store.spaces.quarantine.set(`inbound:${item.key}`, item);
          await queue.delete(item.key);
          log.error({ key: item.key, attempts: item.attempts }, 'an inbound event kept failing; set aside');
          continue;
        }
        const next = { body: item.body, at: now, attempts: item.attempts + 1 };
        await queue.set(item.key, next);
        taken.push({ ...next, key: item.key });
      }
      return taken;
    },
  };
}

export type InboundQueue = ReturnType<typeof createInboundQueue>;
