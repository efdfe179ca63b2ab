import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import type { Logger } from '../log.js';
import { createLeaseLocks, createProcessLocks, type LeaseLockOptions, type Leases } from './locks.js';
import { openRedis } from './redis.js';
import { claimKey, SPACES, type Space, type Store, StoreError, watch } from './store.js';

export { SPACES, type Space, type Store, StoreError } from './store.js';

/** The file path of a sqlite:// URL: sqlite://./data/x.sqlite is relative, sqlite:///var/x.sqlite absolute. */
export function sqlitePath(url: string): string {
  const path = url.slice('sqlite://'.length);
  if (!path)
    throw new StoreError(
      'STORE_URL: sqlite:// needs a file path, for example sqlite://./data/weakties.sqlite',
    );
  return resolve(path);
}

function ensureWritable(file: string): void {
  const dir = dirname(file);
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
    if (existsSync(file)) accessSync(file, constants.W_OK | constants.R_OK);
  } catch (error) {
    throw new StoreError(`STORE_URL: cannot write the SQLite file ${file} (${(error as Error).message})`);
  }
}

/** Rows per query when a key space is scanned. */
const SCAN_BATCH = 500;

async function openSqlite(url: string, log: Logger, lockOptions: LeaseLockOptions): Promise<Store> {
  const file = sqlitePath(url);
  ensureWritable(file);
  const adapters: KeyvSqlite[] = [];
  const spaces = {} as Record<Space, Keyv>;
  try {
    // One connection for every space: the process's writes queue on it instead of contending
    // for the file's write lock, which costs busy-wait sleeps of up to 100 ms.
    // A scan (every member for the dashboard, due jobs for a tick) reads this many rows per query:
    // the adapter pages with OFFSET, so ten at a time (its default) grows slower the more rows.
    const adapter = new KeyvSqlite({
      uri: `sqlite://${file}`,
      busyTimeout: 10_000,
      iterationLimit: SCAN_BATCH,
    });
    adapters.push(adapter);
    // Write-ahead logging lets readers and the writer work side by side and makes each write cheaper.
    await adapter.query('PRAGMA journal_mode=WAL');
    // Deleted records are overwritten with zeros, so a forgotten member leaves no readable trace.
    await adapter.query('PRAGMA secure_delete=ON');
    // In WAL mode NORMAL still never corrupts the file; a power cut may undo the last commits.
    await adapter.query('PRAGMA synchronous=NORMAL');
    // Accepted platform events live in a file of their own: storing one before its ack then never
    // waits behind the turns' writes, which hold the main file's write lock.
    const inbound = new KeyvSqlite({
      uri: `sqlite://${file}-inbound`,
      busyTimeout: 10_000,
      iterationLimit: SCAN_BATCH,
    });
    adapters.push(inbound);
    for (const pragma of ['journal_mode=WAL', 'secure_delete=ON', 'synchronous=NORMAL'])
      await inbound.query(`PRAGMA ${pragma}`);
    for (const space of SPACES) {
      // Keyv keeps the namespace on its adapter: each space gets a view of its connection.
      const view = Object.create(space === 'inbound' ? inbound : adapter) as KeyvSqlite;
      spaces[space] = watch(new Keyv({ store: view, namespace: space }), space, log);
    }
    await (adapters[0] as KeyvSqlite).query(
      'CREATE TABLE IF NOT EXISTS weakties_locks (key TEXT PRIMARY KEY, owner TEXT NOT NULL, expires INTEGER NOT NULL)',
    );
    // Older versions kept a permanent row per fired job; job leases replaced them.
    await (adapters[0] as KeyvSqlite).query("DELETE FROM keyv WHERE key LIKE 'claim:%'");
    await sweepLeases(adapters[0] as KeyvSqlite);
    await spaces.member.get('__probe__');
  } catch (error) {
    await Promise.allSettled(adapters.map((a) => a.disconnect()));
    throw new StoreError(`STORE_URL: cannot open the SQLite file ${file} (${(error as Error).message})`);
  }
  const db = adapters[0] as KeyvSqlite;
  return {
    url,
    spaces,
    locks: createLeaseLocks(sqliteLeases(db), { log, ...lockOptions }),
    purge: async () => {
      for (const a of adapters) await a.query('PRAGMA wal_checkpoint(TRUNCATE)');
    },
    close: async () => {
      await Promise.all(adapters.map((a) => a.disconnect()));
    },
  };
}

/** True when the process named in a lease's owner token ("pid:uuid") no longer runs on this machine. */
function holderGone(owner: string): boolean {
  const pid = Number(owner.split(':')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Deletes the leases nobody holds any more: expired, or held by a process that is gone. A process
 * killed while holding one leaves its row behind, and no one may ever ask for that key again (its
 * job was done and deleted).
 */
async function sweepLeases(db: KeyvSqlite): Promise<void> {
  const rows: { key: string; owner: string; expires: number }[] = await db.query(
    'SELECT key, owner, expires FROM weakties_locks',
  );
  const now = Date.now();
  for (const { key, owner, expires } of rows)
    if (expires <= now || holderGone(owner))
      await db.query('DELETE FROM weakties_locks WHERE key = ? AND owner = ?', key, owner);
}

/**
 * Leases on rows of the SQLite file, so processes sharing one file never interleave a member's
 * turns. Each call is one statement, atomic under SQLite's write lock. The key is hashed, so the
 * table never holds a member id. Expiry uses the wall clock: the processes share one machine.
 */
function sqliteLeases(db: KeyvSqlite): Leases {
  const row = (key: string) => `lock:${claimKey(key)}`;
  /** Frees a lease whose holder process is gone (killed mid-turn), so a restart need not wait for its expiry. */
  async function freeIfOrphaned(key: string): Promise<boolean> {
    const rows: { owner: string }[] = await db.query(
      'SELECT owner FROM weakties_locks WHERE key = ?',
      row(key),
    );
    const owner = rows[0]?.owner;
    if (!owner || !holderGone(owner)) return false;
    const gone: unknown[] = await db.query(
      'DELETE FROM weakties_locks WHERE key = ? AND owner = ? RETURNING key',
      row(key),
      owner,
    );
    return gone.length === 1;
  }
  async function take(key: string, token: string, ttlMs: number): Promise<boolean> {
    const now = Date.now();
    const rows: unknown[] = await db.query(
      `INSERT INTO weakties_locks (key, owner, expires) VALUES (?, ?, ?)
         ON CONFLICT(key) DO UPDATE SET owner = excluded.owner, expires = excluded.expires
         WHERE weakties_locks.expires <= ? RETURNING key`,
      row(key),
      token,
      now + ttlMs,
      now,
    );
    return rows.length === 1;
  }
  return {
    async acquire(key, token, ttlMs) {
      if (await take(key, token, ttlMs)) return true;
      return (await freeIfOrphaned(key)) && take(key, token, ttlMs);
    },
    async renew(key, token, ttlMs) {
      const rows: unknown[] = await db.query(
        'UPDATE weakties_locks SET expires = ? WHERE key = ? AND owner = ? RETURNING key',
        Date.now() + ttlMs,
        row(key),
        token,
      );
      return rows.length === 1;
    },
    async release(key, token) {
      await db.query('DELETE FROM weakties_locks WHERE key = ? AND owner = ?', row(key), token);
    },
  };
}

function openMemory(url: string, log: Logger): Store {
  const spaces = Object.fromEntries(
    SPACES.map((s) => [s, watch(new Keyv({ namespace: s }), s, log)]),
  ) as Record<Space, Keyv>;
  const locks = createProcessLocks();
  return { url, spaces, locks, purge: async () => {}, close: async () => {} };
}

/**
 * Opens the store named by STORE_URL: sqlite://PATH (the default, one machine), redis:// or
 * rediss:// (several processes), or memory:// (tests).
 */
export async function openStore(
  url: string,
  log: Logger,
  options: { locks?: LeaseLockOptions } = {},
): Promise<Store> {
  if (url.startsWith('sqlite://')) return openSqlite(url, log, options.locks ?? {});
  if (url.startsWith('redis://') || url.startsWith('rediss://'))
    return openRedis(url, log, options.locks ?? {});
  if (url === 'memory://' || url.startsWith('memory://')) return openMemory(url, log);
  const scheme = url.includes('://') ? url.slice(0, url.indexOf('://') + 3) : url;
  throw new StoreError(
    `STORE_URL: unknown scheme "${scheme}"; use sqlite://PATH, redis://HOST:PORT (or rediss://) or memory://`,
  );
}
