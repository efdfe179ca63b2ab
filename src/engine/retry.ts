import type { Logger } from '../log.js';
import type { Engine, HandleResult } from './engine.js';

/** Waits before each new try of an event the store could not take: about four minutes in all. */
export const RETRY_DELAYS_MS = [5_000, 15_000, 30_000, 60_000, 120_000];

/**
 * For adapters whose platform never sends an event again (Discord's gateway): an event the engine
 * could not handle because the store was down is kept in memory and tried again, quietly, until
 * the store is back. The member heard "try again in a minute" once; the answer follows by itself.
 */
export function createRetryLine(engine: Engine, log: Logger, delaysMs: readonly number[] = RETRY_DELAYS_MS) {
  const timers = new Set<NodeJS.Timeout>();

  function later(payload: unknown, attempt: number): void {
    const delay = delaysMs[attempt];
    if (delay === undefined) {
      log.error({ attempts: attempt }, 'an event could not be handled while the store was down; given up');
      return;
    }
    const timer = setTimeout(async () => {
      timers.delete(timer);
      const result = await engine.handle(payload, { quiet: true }).catch(() => 'unavailable' as const);
      if (result === 'unavailable') later(payload, attempt + 1);
    }, delay);
    timer.unref();
    timers.add(timer);
  }

  return {
    async handle(payload: unknown): Promise<HandleResult> {
      const result = await engine.handle(payload);
      if (result === 'unavailable') later(payload, 0);
      return result;
    },
    /** Events still waiting for a try. */
    get waiting(): number {
      return timers.size;
    },
    stop(): void {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}

export type RetryLine = ReturnType<typeof createRetryLine>;
