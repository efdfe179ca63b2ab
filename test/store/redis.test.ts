import { createClient, type RedisClientType } from '@keyv/redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job, MemberRef } from '../../src/core/types.js';
import { createRetryLine } from '../../src/engine/retry.js';
import { silentLogger } from '../../src/log.js';
import { PROMPTS_DIR } from '../../src/paths.js';
import { createJobs } from '../../src/store/jobs.js';
import { StoreUnavailable } from '../../src/store/locks.js';
import type { Loaded } from '../../src/store/members.js';
import { openStore, type Store } from '../../src/store/open.js';
import { redisLeases } from '../../src/store/redis.js';
import { loadTexts } from '../../src/texts/texts.js';
import { testEngine } from '../helpers/engine.js';
import { type RedisServer, startRedis } from '../helpers/redis.js';

const say = loadTexts(PROMPTS_DIR).forLang('en');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let redis: RedisServer;
const opened: Store[] = [];
const open = async (options?: Parameters<typeof openStore>[2]) => {
  const store = await openStore(redis.url, silentLogger, options);
  opened.push(store);
  return store;
};

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await Promise.allSettled(opened.map((s) => s.close()));
  await redis?.close();
});

describe('STORE_URL=redis://', () => {
  it('two stores (two processes) share values, jobs and claims', async () => {
    const [a, b] = [await open(), await open()];
    await a.spaces.member.set('slack:T:U1', { n: 1 });
    expect(await b.spaces.member.get('slack:T:U1')).toEqual({ n: 1 });
    // Spaces are namespaces: the same key in another space is another value.
    expect(await b.spaces.job.get('slack:T:U1')).toBeUndefined();
    const member: MemberRef = { platform: 'console', space: 'local', user: 'u' };
    const job: Job = { id: 'j-redis', member, due: '2026-01-01T00:00:00.000Z', kind: 'awareness.revisit' };
    await createJobs(a, silentLogger).schedule(job);
    const due = await createJobs(b, silentLogger).due(new Date('2026-02-01'));
    expect(due.map((j) => j.id)).toContain('j-redis');

    const names = Array.from({ length: 50 }, (_, i) => `job:redis-${i}`);
    const slow = () => new Promise((resolve) => setTimeout(resolve, 20));
    const tries = await Promise.all(
      names.flatMap((n) => [a.locks.tryLock(n, slow), b.locks.tryLock(n, slow)]),
    );
    expect(tries.filter((t) => t.taken)).toHaveLength(50);
    expect(await a.locks.tryLock('job:redis-1', async () => 'again')).toEqual({
      taken: true,
      value: 'again',
    });
    await a.purge();
  });

  it('an unreachable Redis is a clear start-up error naming STORE_URL', async () => {
    await expect(openStore('redis://127.0.0.1:1', silentLogger)).rejects.toThrow(
      /^STORE_URL: cannot reach Redis at redis:\/\/127\.0\.0\.1:1/,
    );
  });

  it('the unknown-scheme error lists redis://', async () => {
    await expect(openStore('mongodb://x', silentLogger)).rejects.toThrow(/redis:\/\//);
  });
});

describe('Redis locks', () => {
  let client: RedisClientType;
  beforeAll(async () => {
    client = createClient({ url: redis.url }) as RedisClientType;
    await client.connect();
  });
  afterAll(async () => {
    await client?.close();
  });

  it('are exclusive across two lock instances (two processes)', async () => {
    const [a, b] = [await open(), await open()];
    let inside = 0;
    let most = 0;
    const work = async () => {
      inside += 1;
      most = Math.max(most, inside);
      await sleep(5);
      inside -= 1;
    };
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).locks.withLock('k1', work)));
    expect(most).toBe(1);
  });

  it('are released only by their owner', async () => {
    const leases = redisLeases(client);
    expect(await leases.acquire('owned', 'me', 10_000)).toBe(true);
    expect(await leases.acquire('owned', 'you', 10_000)).toBe(false);
    await leases.release('owned', 'you');
    expect(await leases.acquire('owned', 'you', 10_000)).toBe(false);
    expect(await leases.renew('owned', 'you', 10_000)).toBe(false);
    await leases.release('owned', 'me');
    expect(await leases.acquire('owned', 'you', 10_000)).toBe(true);
  });

  it('renewal keeps a long holder; a waiter gives up after the bounded wait with StoreUnavailable', async () => {
    const holder = await open({ locks: { ttlMs: 150, waitMs: 2_000 } });
    const waiter = await open({ locks: { ttlMs: 150, waitMs: 400 } });
    let release = () => {};
    const held = holder.locks.withLock('long', () => new Promise<void>((r) => (release = r)));
    await sleep(50);
    const started = Date.now();
    // Held for 4 TTLs by now: without renewal the waiter would have got in.
    const error = await waiter.locks.withLock('long', async () => 'in').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailable);
    expect(Date.now() - started).toBeLessThan(1_500);
    await sleep(300);
    await expect(waiter.locks.withLock('long', async () => 'in')).rejects.toBeInstanceOf(StoreUnavailable);
    release();
    await held;
    await expect(waiter.locks.withLock('long', async () => 'in')).resolves.toBe('in');
  });

  it('a crashed holder’s lock is free again after its TTL', async () => {
    const other = await open({ locks: { waitMs: 3_000 } });
    // The holder never finishes and stops renewing, as a killed process would.
    const leases = redisLeases(client);
    expect(await leases.acquire('crash', 'dead-process', 300)).toBe(true);
    const started = Date.now();
    await expect(other.locks.withLock('crash', async () => 'mine')).resolves.toBe('mine');
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
  });
});

const answer = (state: Loaded['state']) => state && { ...state };

describe('Redis down or slow', () => {
  it('a hung Redis: the turn answers "try again" in bounded time and saves nothing; then it recovers', async () => {
    const t = await testEngine({ storeUrl: redis.url });
    opened.push(t.store);
    const who: MemberRef = { platform: 'console', space: 'local', user: 'hung' };
    await t.command('start', ['en'], who);
    const before = answer(await t.state(who));
    expect(before).toBeDefined();
    redis.pause();
    try {
      const started = Date.now();
      expect(await t.choice('begin', who)).toBe('unavailable');
      expect(Date.now() - started).toBeLessThan(6_000);
      expect(t.lastText()).toBe(say('common.unavailable'));
    } finally {
      redis.resume();
    }
    expect(await t.state(who)).toEqual(before);
    expect(await t.choice('begin', who)).toBe('done');
    expect((await t.state(who))?.seen.length).toBe((before?.seen.length ?? 0) + 1);
  });

  it('a stopped Redis: "try again" at once; when it is back, the client reconnects by itself', async () => {
    const t = await testEngine({ storeUrl: redis.url });
    opened.push(t.store);
    const who: MemberRef = { platform: 'console', space: 'local', user: 'stopped' };
    await redis.stop();
    const started = Date.now();
    expect(await t.command('start', ['en'], who)).toBe('unavailable');
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(t.lastText()).toBe(say('common.unavailable'));
    await redis.restart();
    // Reconnection backs off up to 2 s; the member's next message after that works.
    let result = 'unavailable';
    for (let i = 0; i < 50 && result === 'unavailable'; i++) {
      await sleep(100);
      result = await t.command('start', ['en'], who);
    }
    expect(result).toBe('done');
    expect(await t.state(who)).toBeDefined();
  });
});

describe('the retry line (adapters whose platform never resends)', () => {
  it('a message that met a stopped Redis is handled by itself once Redis is back, with one "try again"', async () => {
    const t = await testEngine({ storeUrl: redis.url });
    opened.push(t.store);
    const line = createRetryLine(t.engine, silentLogger, [300, 600, 1_000, 2_000, 3_000]);
    const who: MemberRef = { platform: 'discord', space: 'global', user: 'retried' };
    await redis.stop();
    expect(await line.handle({ kind: 'command', id: 'r1', member: who, name: 'start', args: ['en'] })).toBe(
      'unavailable',
    );
    expect(line.waiting).toBe(1);
    await redis.restart();
    for (let i = 0; i < 100 && (line.waiting > 0 || !(await t.state(who).catch(() => undefined))); i++)
      await sleep(100);
    const state = await t.state(who);
    expect(state?.seen.map(([id]) => id)).toEqual(['r1']);
    // The member heard "try again" once, then the answer; no second "try again" from the retries.
    const texts = t.sent.filter((s) => s.member.user === 'retried').map((s) => s.reply.text);
    expect(texts.filter((x) => x === say('common.unavailable'))).toHaveLength(1);
    expect(texts.length).toBeGreaterThan(1);
    line.stop();
  });
});

describe('two engines on one Redis', () => {
  it('interleaved events for 20 members, each delivered to both (a retry landing elsewhere), end as a serial run', async () => {
    const now = () => new Date('2026-03-02T10:00:00Z');
    const [a, b] = [
      await testEngine({ storeUrl: redis.url, now }),
      await testEngine({ storeUrl: redis.url, now }),
    ];
    const serial = await testEngine({ storeUrl: 'memory://', now });
    opened.push(a.store, b.store);
    const script = (who: MemberRef) => [
      { kind: 'command', member: who, name: 'start', args: ['en'] },
      { kind: 'choice', member: who, value: 'begin' },
      { kind: 'choice', member: who, value: 'begin' },
      { kind: 'text', member: who, text: 'Anna, Piet' },
      { kind: 'text', member: who, text: 'Mo' },
      { kind: 'choice', member: who, value: 'none' },
      { kind: 'text', member: who, text: 'Cleo; Dirk' },
    ];
    const members = Array.from(
      { length: 20 },
      (_, i): MemberRef => ({
        platform: 'slack',
        space: 'T1',
        user: `U${i}`,
      }),
    );
    const events = (who: MemberRef) => script(who).map((e, k) => ({ ...e, id: `${who.user}:${k}` }));
    const results: string[] = [];
    await Promise.all(
      members.map(async (who) => {
        for (const event of events(who)) {
          const pair = await Promise.all([a.engine.handle(event), b.engine.handle(event)]);
          results.push(pair.sort().join('+'));
        }
      }),
    );
    expect(new Set(results)).toEqual(new Set(['done+duplicate']));
    for (const who of members) for (const event of events(who)) await serial.engine.handle(event);
    for (const who of members) {
      expect(await a.state(who)).toEqual(await serial.state(who));
      const sent = (t: typeof a) => t.sent.filter((s) => s.member.user === who.user).map((s) => s.reply.text);
      expect(sent(a).length + sent(b).length).toBe(sent(serial).length);
    }
  });
});
