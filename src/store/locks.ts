import { randomUUID } from 'node:crypto';
import type { Logger } from '../log.js';

/** Runs functions for the same key one after another, so two events of one member never interleave. */
export interface Locks {
  withLock<T>(key: string, fn: () => Promise<T>): Promise<T>;
  /**
   * Runs `fn` only when the key is free right now, without waiting: `taken` is false when another
   * holder (in this process or another) has it. Used for a due job, so two ticks never fire it twice.
   */
  tryLock<T>(key: string, fn: () => Promise<T>): Promise<Tried<T>>;
}

export type Tried<T> = { taken: false } | { taken: true; value: T };

/**
 * The shared store could not answer in time (Redis down or slow, a lock held too long elsewhere).
 * The engine turns it, like any failed turn, into a short "try again in a minute" for the member.
 */
export class StoreUnavailable extends Error {}

export function createProcessLocks(): Locks {
  const tails = new Map<string, Promise<unknown>>();
  return {
    async tryLock(key, fn) {
      if (tails.has(key)) return { taken: false };
      return { taken: true, value: await this.withLock(key, fn) };
    },
    async withLock(key, fn) {
      const previous = tails.get(key) ?? Promise.resolve();
      const run = previous.then(fn, fn);
      const tail = run.catch(() => undefined);
      tails.set(key, tail);
      try {
        return await run;
      } finally {
        if (tails.get(key) === tail) tails.delete(key);
      }
    },
  };
}

/**
 * Expiring leases kept in the shared store, each held by one owner token. Every call is atomic
 * in the store (Redis `SET NX PX` and compare-and-delete scripts, or one SQLite statement).
 */
export interface Leases {
  /** Takes the lease when it is free or expired; true when this token now holds it. */
  acquire(key: string, token: string, ttlMs: number): Promise<boolean>;
  /** Pushes the expiry further when this token still holds the lease; false when it was lost. */
  renew(key: string, token: string, ttlMs: number): Promise<boolean>;
  /** Gives the lease back, only when this token holds it. */
  release(key: string, token: string): Promise<void>;
}

export interface LeaseLockOptions {
  /** A holder that dies keeps the lease at most this long. */
  ttlMs?: number;
  /** How long a turn waits for a lease held elsewhere before it gives up. */
  waitMs?: number;
  log?: Logger;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Locks shared by every process on one store. Inside a process, turns of one member still queue
 * in arrival order (so a flood is served in order and polls the store once at a time); across
 * processes, the lease decides. While a turn runs, its lease is renewed, so a slow turn (a coach
 * call) keeps it; a crashed holder's lease expires after `ttlMs`.
 */
export function createLeaseLocks(leases: Leases, options: LeaseLockOptions = {}): Locks {
  const ttlMs = options.ttlMs ?? 30_000;
  const waitMs = options.waitMs ?? 5_000;
  const local = createProcessLocks();

  async function acquire(key: string, token: string): Promise<void> {
    const deadline = Date.now() + waitMs;
    let pause = 5;
    for (;;) {
      let taken: boolean;
      try {
        taken = await leases.acquire(key, token, ttlMs);
      } catch (error) {
        // A timed-out request may still be applied later by a slow store: give that lease back.
        leases.release(key, token).catch(() => {});
        throw error;
      }
      if (taken) return;
      const left = deadline - Date.now();
      if (left <= 0) throw new StoreUnavailable(`lock ${key}: still held elsewhere after ${waitMs} ms`);
      await sleep(Math.min(pause, left));
      pause = Math.min(pause * 2, 200);
    }
  }

  /** Runs `fn` while `token` holds the lease, renewing it; gives it back after. */
  async function holding<T>(key: string, token: string, fn: () => Promise<T>): Promise<T> {
    const renewal = setInterval(() => {
      leases.renew(key, token, ttlMs).then(
        (held) => {
          if (!held) options.log?.error({ lock: key }, 'lock lost while held');
        },
        (error: unknown) => options.log?.warn({ err: error, lock: key }, 'lock renewal failed'),
      );
    }, ttlMs / 3);
    renewal.unref();
    try {
      return await fn();
    } finally {
      clearInterval(renewal);
      // When the store is down the lease cannot be given back; it expires by itself.
      await leases
        .release(key, token)
        .catch((error: unknown) => options.log?.warn({ err: error, lock: key }, 'lock release failed'));
    }
  }

  // The pid lets a store on one machine free the lease of a holder that was killed.
  const newToken = () => `${process.pid}:${randomUUID()}`;

  return {
    withLock(key, fn) {
      return local.withLock(key, async () => {
        const token = newToken();
        await acquire(key, token);
        return holding(key, token, fn);
      });
    },
    async tryLock<T>(key: string, fn: () => Promise<T>): Promise<Tried<T>> {
      const tried = await local.tryLock(key, async (): Promise<Tried<T>> => {
        const token = newToken();
        if (!(await leases.acquire(key, token, ttlMs))) return { taken: false };
        return { taken: true, value: await holding(key, token, fn) };
      });
      return tried.taken ? tried.value : tried;
    },
  };
}
