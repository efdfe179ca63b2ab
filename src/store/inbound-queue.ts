import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Logger } from '../log.js';
import { readAll } from './scan.js';
import { claimKey, type Store } from './store.js';

/** An accepted platform event not yet fully handled, kept so no process crash can lose it. */
const QueuedSchema = z.object({
  body: z.unknown(),
  /** The process that holds it: it says it is alive every few seconds (see `beat`). */
  owner: z.string(),
  /** When it was accepted, or last taken over. */
  at: z.number(),
  attempts: z.number().int().min(0),
});
export type Queued = z.infer<typeof QueuedSchema> & { key: string };

/** Tries before an event that keeps failing is set aside (quarantine) instead of retried. */
export const MAX_ATTEMPTS = 5;
const ALIVE = 'alive:';

/**
 * The durable inbound queue: an adapter stores an event before it acknowledges it, and deletes it
 * once handled. An event whose process stopped saying it is alive (it died), or that its own
 * process failed to handle (the store was down), is taken over after `staleMs`. Handling twice
 * is harmless: the engine drops an event id it has already handled for that member.
 */
export function createInboundQueue(store: Store, log: Logger) {
  const queue = store.spaces.inbound;
  const owner = `${process.pid}:${randomUUID()}`;
  /** Events this process has accepted and not finished: never taken over by its own sweep. */
  const held = new Set<string>();
  const keyOf = (id: string) => claimKey(id);
  return {
    keyOf,
    async put(id: string, body: unknown, now = Date.now()): Promise<string> {
      const key = keyOf(id);
      held.add(key);
      await queue.set(key, { body, owner, at: now, attempts: 0 });
      return key;
    },
    async done(key: string): Promise<void> {
      await queue.delete(key);
      held.delete(key);
    },
    /** This process has stopped working on the event (it failed); a later sweep may retry it. */
    release(key: string): void {
      held.delete(key);
    },
    /** Says this process is alive, for `ttlMs`; call it well within that. */
    async beat(ttlMs: number): Promise<void> {
      await queue.set(`${ALIVE}${owner}`, true, ttlMs);
    },
    /**
     * Events older than `staleMs` that no live process is working on, oldest first; each is now
     * held by this process.
     */
    async takeStale(staleMs: number, now = Date.now()): Promise<Queued[]> {
      const entries = await readAll(queue);
      const alive = new Set(entries.filter(([k]) => k.startsWith(ALIVE)).map(([k]) => k.slice(ALIVE.length)));
      const found: Queued[] = [];
      for (const [key, value] of entries) {
        if (key.startsWith(ALIVE) || held.has(key)) continue;
        const parsed = QueuedSchema.safeParse(value);
        if (!parsed.success) {
          await queue.delete(key);
          continue;
        }
        const item = parsed.data;
        const orphaned = item.owner === owner || !alive.has(item.owner);
        if (orphaned && now - item.at >= staleMs) found.push({ ...item, key });
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
        const next = { body: item.body, owner, at: now, attempts: item.attempts + 1 };
        held.add(item.key);
        await queue.set(item.key, next);
        taken.push({ ...next, key: item.key });
      }
      return taken;
    },
  };
}

export type InboundQueue = ReturnType<typeof createInboundQueue>;
