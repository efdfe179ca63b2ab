/** Runs functions for the same key one after another, so two events of one member never interleave. */
export interface Locks {
  withLock<T>(key: string, fn: () => Promise<T>): Promise<T>;
}

export function createProcessLocks(): Locks {
  const tails = new Map<string, Promise<unknown>>();
  return {
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
