import KeyvRedis, { createClient, type RedisClientType } from '@keyv/redis';
import Keyv from 'keyv';
import type { Logger } from '../log.js';
import { createLeaseLocks, type LeaseLockOptions, type Leases, StoreUnavailable } from './locks.js';
import { claimKey, SPACES, type Space, type Store, StoreError } from './store.js';

/** A command Redis has not answered by then fails, and the turn with it ("try again in a minute"). */
const COMMAND_TIMEOUT_MS = 2_000;
const CONNECT_TIMEOUT_MS = 5_000;

/** Deletes or extends the lease only when the caller's token still holds it. */
const RELEASE_SCRIPT = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;
const RENEW_SCRIPT = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;

const redacted = (url: string) => url.replace(/\/\/[^@/]*@/, '//***@');

/** Exported for the lock tests, which drive leases of their own on a client of their own. */
export function redisLeases(client: RedisClientType): Leases {
  const key = (name: string) => `lock:${claimKey(name)}`;
  return {
    async acquire(name, token, ttlMs) {
      const answer = await client.set(key(name), token, {
        condition: 'NX',
        expiration: { type: 'PX', value: ttlMs },
      });
      return answer === 'OK';
    },
    async renew(name, token, ttlMs) {
      const answer = await client.eval(RENEW_SCRIPT, {
        keys: [key(name)],
        arguments: [token, String(ttlMs)],
      });
      return answer === 1;
    },
    async release(name, token) {
      await client.eval(RELEASE_SCRIPT, { keys: [key(name)], arguments: [token] });
    },
  };
}

/**
 * The client, with every command that returns a promise failing after `ms` when Redis does not
 * answer (hung, or a network that drops packets). node-redis' own per-command timeout only covers
 * commands not yet written, so a frozen server would otherwise hold a turn forever.
 */
function withTimeouts(client: RedisClientType, ms: number): RedisClientType {
  const limit = <T>(answer: Promise<T>): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
    });
    return Promise.race([answer, late]).finally(() => clearTimeout(timer));
  };
  return new Proxy(client, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || property === 'connect' || property === 'on') return value;
      return (...args: unknown[]) => {
        const result = value.apply(target, args);
        return result instanceof Promise ? limit(result) : result;
      };
    },
  });
}

/**
 * The store on Redis, for several processes: one connection shared by the spaces (each its own
 * Keyv namespace), claims as `SET NX` with a long TTL, locks as owner-token leases. Nothing waits
 * for Redis forever: while the connection is down, commands fail at once (no offline queue);
 * a slow answer fails after COMMAND_TIMEOUT_MS. The client reconnects by itself.
 */
export async function openRedis(
  url: string,
  log: Logger,
  lockOptions: LeaseLockOptions = {},
): Promise<Store> {
  const base = createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: CONNECT_TIMEOUT_MS,
      reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 2_000),
    },
  });
  let lastError = '';
  base.on('error', (error: Error) => {
    // One line per distinct failure, not one per reconnect attempt.
    if (error.message !== lastError) log.error({ err: error }, 'redis connection error');
    lastError = error.message;
  });
  base.on('ready', () => {
    if (lastError) log.info('redis connection back');
    lastError = '';
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      base.connect(),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${CONNECT_TIMEOUT_MS} ms`)),
          CONNECT_TIMEOUT_MS,
        );
      }),
    ]);
  } catch (error) {
    base.destroy();
    throw new StoreError(`STORE_URL: cannot reach Redis at ${redacted(url)} (${(error as Error).message})`);
  } finally {
    clearTimeout(timer);
  }
  const client = withTimeouts(base as unknown as RedisClientType, COMMAND_TIMEOUT_MS);

  const spaces = {} as Record<Space, Keyv>;
  for (const space of SPACES) {
    const adapter = new KeyvRedis(client, {
      namespace: space,
      throwOnErrors: true,
      throwOnConnectError: true,
    });
    // Errors must reach the turn: a swallowed failed read would look like a new member.
    const keyv = new Keyv({ store: adapter, namespace: space, useKeyPrefix: false, throwOnErrors: true });
    // Keyv emits each error and (throwOnErrors) also throws it: the caller logs a failed command,
    // and the client's own failure, which reaches every space, was logged once above. Here it is
    // only a debug line, so one outage or one failed request is not logged six times over.
    keyv.on('error', (error: unknown) => log.debug({ err: error, space }, 'store error'));
    spaces[space] = keyv;
  }
  // A failed command while Redis is down becomes StoreUnavailable, with the cause kept.
  const guard = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw new StoreUnavailable(`redis ${what}: ${(error as Error).message}`, { cause: error });
    }
  };
  const leases = redisLeases(client);
  const guarded: Leases = {
    acquire: (...args) => guard('lock', () => leases.acquire(...args)),
    renew: (...args) => guard('lock renewal', () => leases.renew(...args)),
    release: (...args) => guard('lock release', () => leases.release(...args)),
  };
  return {
    url,
    spaces,
    locks: createLeaseLocks(guarded, { log, ...lockOptions }),
    // Redis keeps no deleted bytes in files we manage; its persistence is the operator's.
    purge: async () => {},
    close: async () => {
      if (!base.isOpen) return;
      await base.close().catch(() => base.destroy());
    },
  };
}
