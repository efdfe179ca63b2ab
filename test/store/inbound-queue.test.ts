import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import { createInboundQueue, MAX_ATTEMPTS } from '../../src/store/inbound-queue.js';
import { openStore } from '../../src/store/open.js';
import { tempSqliteUrl } from '../helpers/engine.js';

describe('the durable inbound queue', () => {
  it('takes over only what no live process is working on, and sets aside what keeps failing', async () => {
    const store = await openStore(tempSqliteUrl(), silentLogger);
    // Two processes on one store.
    const [mine, theirs] = [createInboundQueue(store, silentLogger), createInboundQueue(store, silentLogger)];
    const t0 = 1_000_000;
    await theirs.beat(60_000);
    const live = await theirs.put('Ev-live', { n: 1 }, t0);
    const held = await mine.put('Ev-mine', { n: 2 }, t0);
    // Stale by time, but its process is alive: not taken. My own, still held: not taken either.
    expect(await mine.takeStale(15_000, t0 + 20_000)).toEqual([]);

    // My turn failed and let it go: my next sweep retries it.
    mine.release(held);
    const retried = await mine.takeStale(15_000, t0 + 20_000);
    expect(retried.map((q) => [q.key, q.attempts])).toEqual([[held, 1]]);

    // Their process died (its heartbeat expires): its event is taken over, oldest first.
    const dead = createInboundQueue(store, silentLogger);
    const orphan = await dead.put('Ev-orphan', { n: 3 }, t0);
    const taken = await theirs.takeStale(15_000, t0 + 20_000);
    expect(taken.map((q) => q.key)).toEqual([orphan]);
    expect(taken[0]?.body).toEqual({ n: 3 });

    // An event that failed MAX_ATTEMPTS times goes to quarantine instead of round and round.
    let key = retried[0]?.key ?? '';
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      mine.release(key);
      key = (await mine.takeStale(15_000, t0 + 20_000 * (i + 2)))[0]?.key ?? '';
    }
    mine.release(key);
    expect(await mine.takeStale(15_000, t0 + 20_000 * 10)).toEqual([]);
    expect(await store.spaces.quarantine.get(`inbound:${held}`)).toMatchObject({ attempts: MAX_ATTEMPTS });
    await theirs.done(live);
    await store.close();
  });
});
