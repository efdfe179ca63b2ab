import type { Platform } from './core/types.js';
import type { Engine } from './engine/engine.js';
import type { Logger } from './log.js';

/** While a platform adapter runs, delivers due follow-ups every `seconds`; returns a stop function. */
export function startTicker(
  engine: Engine,
  log: Logger,
  seconds: number,
  platforms?: readonly Platform[],
): () => void {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      const delivered = await engine.tick(new Date(), platforms);
      if (delivered > 0) log.info({ delivered }, 'follow-ups delivered');
    } catch (error) {
      log.error({ err: error }, 'tick failed');
    } finally {
      running = false;
    }
  }, seconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
