/**
 * Work that goes on after Slack got its acknowledgement (it wants one within three seconds; the
 * engine and the Web API calls come after). `idle()` lets a test, and a clean stop, wait for it.
 */
export function createTasks() {
  const running = new Set<Promise<unknown>>();
  return {
    track<T>(work: Promise<T>): Promise<T> {
      running.add(work);
      const done = () => running.delete(work);
      work.then(done, done);
      return work;
    },
    async idle(): Promise<void> {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}

export type Tasks = ReturnType<typeof createTasks>;
