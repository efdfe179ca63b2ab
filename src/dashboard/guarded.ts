import type Keyv from 'keyv';
import { StoreUnavailable } from '../store/locks.js';
import type { Store } from '../store/open.js';

/** The Keyv calls the dashboard makes; a failure of any of them is the store's, not the page's. */
const CALLS = new Set(['get', 'getMany', 'set', 'delete', 'has']);

const unavailable = (what: string, error: unknown) =>
  error instanceof StoreUnavailable
    ? error
    : new StoreUnavailable(`store ${what}: ${(error as Error)?.message ?? String(error)}`, { cause: error });

/** A scan whose failures become StoreUnavailable; TypeError stays as it is (readAll retries on it). */
async function* guardedScan<T>(scan: AsyncIterable<T>): AsyncGenerator<T> {
  try {
    yield* scan;
  } catch (error) {
    throw error instanceof TypeError ? error : unavailable('scan', error);
  }
}

function guardedSpace(keyv: Keyv): Keyv {
  return new Proxy(keyv, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      if (prop === 'iterator')
        return (...args: unknown[]) => guardedScan(value.apply(target, args) as AsyncIterable<unknown>);
      if (typeof prop === 'string' && CALLS.has(prop))
        return async (...args: unknown[]) => {
          try {
            return await value.apply(target, args);
          } catch (error) {
            throw unavailable(prop, error);
          }
        };
      return value.bind(target);
    },
  });
}

/**
 * The store as the dashboard sees it: a read or write that fails (Redis gone, a broken SQLite
 * file) throws StoreUnavailable, so the page can say "try again in a minute" (503) and keep a
 * bug in the dashboard's own code (500) apart from it. Locks already throw StoreUnavailable.
 */
export function guardedStore(store: Store): Store {
  const spaces = Object.fromEntries(
    Object.entries(store.spaces).map(([name, keyv]) => [name, guardedSpace(keyv)]),
  ) as Store['spaces'];
  return {
    url: store.url,
    spaces,
    locks: store.locks,
    purge: () => store.purge(),
    close: () => store.close(),
  };
}
