import type { App, ReceiverEvent } from '@slack/bolt';
import type { HandleResult } from '../../src/engine/engine.js';
import type { Logger } from '../../src/log.js';
import type { InboundQueue } from '../../src/store/inbound-queue.js';

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

/** One run of a stored event's listeners: whether its turn must be tried again, and whether this is our retry. */
interface Attempt {
  failed: boolean;
  takeover: boolean;
}
/** Keyed by the event's body, which Bolt hands to the listener as it is. */
const attempts = new WeakMap<object, Attempt>();

/** The listener tells how the engine took the event: 'unavailable' (the store was down) keeps it stored. */
export function settled(body: unknown, result: HandleResult | undefined): void {
  const attempt = typeof body === 'object' && body ? attempts.get(body) : undefined;
  if (attempt && result === 'unavailable') attempt.failed = true;
}

/** True while an event left behind (by a crashed process, or a failed turn) is being handled again. */
export const isTakeover = (body: unknown): boolean =>
  typeof body === 'object' && body !== null && (attempts.get(body)?.takeover ?? false);

/** The Events API id of a direct message to the bot: the events that carry a member's words. */
export function durableId(body: unknown): string | undefined {
  const b = body as { type?: string; event_id?: unknown; event?: { type?: string; channel_type?: string } };
  const dm = b?.type === 'event_callback' && b.event?.type === 'message' && b.event.channel_type === 'im';
  return dm && typeof b.event_id === 'string' ? b.event_id : undefined;
}

export interface DurableOptions {
  /** An event still stored this long after its ack belongs to no live turn: any process takes it. */
  staleMs?: number;
  sweepMs?: number;
  /** Stored events whose turns run at once; the rest wait their turn, so acks never wait for work. */
  concurrency?: number;
}

/** Runs at most `limit` jobs at once, in the order they came. */
function limiter(limit: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(job: () => Promise<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active += 1;
    try {
      return await job();
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };
}

/**
 * Makes a member's messages survive a crash: each is stored before Slack gets its ack (a store
 * that cannot take it means no ack, so Slack retries), its turn runs from a bounded line of work,
 * and it is deleted once handled. A sweep hands events left behind, by this process or one that
 * died, to the listeners again.
 */
export function makeDurable(
  bolt: App,
  queue: InboundQueue,
  tasks: Tasks,
  log: Logger,
  options: DurableOptions = {},
) {
  const staleMs = options.staleMs ?? 15_000;
  const processEvent = bolt.processEvent.bind(bolt);
  const inLine = limiter(options.concurrency ?? 8);

  async function run(body: ReceiverEvent['body'], key: string, takeover: boolean, retryNum?: number) {
    const attempt: Attempt = { failed: false, takeover };
    attempts.set(body, attempt);
    const ack = async () => {};
    let handled = false;
    try {
      await inLine(() =>
        processEvent({ body, ack, retryNum, retryReason: takeover ? 'weakties_takeover' : undefined }),
      );
      handled = !attempt.failed;
    } finally {
      // Not handled: this process lets go, and a later sweep (here or elsewhere) tries again.
      if (!handled) queue.release(key);
    }
    if (handled) await queue.done(key);
  }

  bolt.processEvent = async (event) => {
    const id = durableId(event.body);
    if (!id) return tasks.track(processEvent(event));
    await queue.put(id, event.body);
    await event.ack();
    void tasks
      .track(run(event.body, queue.keyOf(id), false, event.retryNum))
      .catch((error: unknown) => log.warn({ err: error }, 'a stored event failed; it is tried again later'));
  };

  let sweeping = false;
  async function sweep(): Promise<void> {
    if (sweeping) return;
    sweeping = true;
    try {
      await queue.beat(staleMs);
      for (const item of await queue.takeStale(staleMs))
        await tasks.track(run(item.body as ReceiverEvent['body'], item.key, true, item.attempts));
    } catch (error) {
      log.warn({ err: error }, 'could not take over stored events; trying again later');
    } finally {
      sweeping = false;
    }
  }
  // Alive from the start, so no other process takes over what this one has just accepted.
  queue
    .beat(staleMs)
    .catch((error: unknown) => log.warn({ err: error }, 'could not say this process is alive'));
  const timer = setInterval(() => void sweep(), options.sweepMs ?? 5_000);
  timer.unref();
  return { sweep, stop: () => clearInterval(timer) };
}
