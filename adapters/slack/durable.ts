import { AsyncLocalStorage } from 'node:async_hooks';
import type { App, ReceiverEvent } from '@slack/bolt';
import type { Logger } from '../../src/log.js';
import type { InboundQueue } from '../../src/store/inbound-queue.js';
import type { Tasks } from './tasks.js';

/** One run of an event's listeners: whether its turn must be tried again, and whether this is a retry of ours. */
interface Attempt {
  failed: boolean;
  takeover: boolean;
}
const attempts = new AsyncLocalStorage<Attempt>();

/** Called by the listener when the engine could not handle the turn (the store was down): keep the event. */
export function markFailed(): void {
  const attempt = attempts.getStore();
  if (attempt) attempt.failed = true;
}

/** True while an event left behind (by a crashed process, or a failed turn) is being handled again. */
export const isTakeover = (): boolean => attempts.getStore()?.takeover ?? false;

/** The Events API id of a direct message to the bot: the events that carry a member's words. */
export function durableId(body: unknown): string | undefined {
  const b = body as { type?: string; event_id?: unknown; event?: { type?: string; channel_type?: string } };
  const dm = b?.type === 'event_callback' && b.event?.type === 'message' && b.event.channel_type === 'im';
  return dm && typeof b.event_id === 'string' ? b.event_id : undefined;
}

export interface DurableOptions {
  /** An event still queued this long after its ack belongs to no live turn: any process takes it. */
  staleMs?: number;
  sweepMs?: number;
}

/**
 * Makes a member's messages survive a crash: each is stored before Slack gets its ack (a store
 * that cannot take it means no ack, so Slack retries) and deleted once its turn is done. A sweep
 * hands events left behind, by this process or one that died, to the listeners again.
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

  async function run(event: ReceiverEvent, key: string, takeover: boolean): Promise<void> {
    const attempt: Attempt = { failed: false, takeover };
    await attempts.run(attempt, () => processEvent(event));
    if (!attempt.failed) await queue.done(key);
  }

  bolt.processEvent = (event) => {
    const id = durableId(event.body);
    if (!id) return tasks.track(processEvent(event));
    const key = queue.keyOf(id);
    const ack = event.ack;
    const stored: ReceiverEvent = {
      ...event,
      ack: async (response) => {
        await queue.put(id, event.body);
        return ack(response);
      },
    };
    return tasks.track(run(stored, key, false));
  };

  let sweeping = false;
  async function sweep(): Promise<void> {
    if (sweeping) return;
    sweeping = true;
    try {
      for (const item of await queue.takeStale(staleMs)) {
        const again: ReceiverEvent = {
          body: item.body as ReceiverEvent['body'],
          ack: async () => {},
          retryNum: item.attempts,
          retryReason: 'weakties_takeover',
        };
        await tasks.track(run(again, item.key, true));
      }
    } catch (error) {
      log.warn({ err: error }, 'could not take over queued events; trying again later');
    } finally {
      sweeping = false;
    }
  }
  const timer = setInterval(() => void sweep(), options.sweepMs ?? 5_000);
  timer.unref();
  return { sweep, stop: () => clearInterval(timer) };
}
