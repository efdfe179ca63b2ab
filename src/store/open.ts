import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import type { Logger } from '../log.js';

/** The key spaces weakties keeps; one Keyv each, all in the same file or server. */
export const SPACES = ['member', 'job', 'quarantine'] as const;
export type Space = (typeof SPACES)[number];

export interface Store {
  readonly url: string;
  readonly spaces: Record<Space, Keyv>;
  /**
   * Claims a name once and for all, atomically across every process sharing the store: true for
   * the first caller only. The name is hashed, so a claim holds no member id.
   */
  claim(name: string): Promise<boolean>;
  /** Gives a claim back, when the work it guarded could not be done and must be tried again. */
  release(name: string): Promise<void>;
  /** After a member is erased: make sure deleted bytes are gone from the files, not only unlinked. */
  purge(): Promise<void>;
  close(): Promise<void>;
}

export class StoreError extends Error {}

const claimKey = (name: string) => createHash('sha256').update(name).digest('hex');

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

async function openSqlite(url: string, log: Logger): Promise<Store> {
  const file = sqlitePath(url);
  ensureWritable(file);
  const adapters: KeyvSqlite[] = [];
  const spaces = {} as Record<Space, Keyv>;
  try {
    // One connection per space, opened one after another: concurrent first opens of a new file
    // race on creating the table and switching the journal mode (SQLITE_BUSY).
    for (const space of SPACES) {
      const adapter = new KeyvSqlite({ uri: `sqlite://${file}`, busyTimeout: 10_000 });
      adapters.push(adapter);
      // Write-ahead logging lets readers and the writer work side by side and makes each write cheaper.
      if (adapters.length === 1) await adapter.query('PRAGMA journal_mode=WAL');
      // Deleted records are overwritten with zeros, so a forgotten member leaves no readable trace.
      await adapter.query('PRAGMA secure_delete=ON');
      spaces[space] = watch(new Keyv({ store: adapter, namespace: space }), space, log);
    }
    await spaces.member.get('__probe__');
  } catch (error) {
    await Promise.allSettled(adapters.map((a) => a.disconnect()));
    throw new StoreError(`STORE_URL: cannot open the SQLite file ${file} (${(error as Error).message})`);
  }
  return {
    url,
    spaces,
    claim: async (name) => {
      // One statement, so two processes racing for the same name cannot both win.
      const rows: unknown[] = await (adapters[0] as KeyvSqlite).query(
        'INSERT INTO keyv (key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING RETURNING key',
        `claim:${claimKey(name)}`,
        JSON.stringify({ value: true }),
      );
      return rows.length === 1;
    },
    release: async (name) => {
      await (adapters[0] as KeyvSqlite).query('DELETE FROM keyv WHERE key = ?', `claim:${claimKey(name)}`);
    },
    purge: async () => {
      await adapters[0]?.query('PRAGMA wal_checkpoint(TRUNCATE)');
    },
    close: async () => {
      await Promise.all(adapters.map((a) => a.disconnect()));
    },
  };
}

function openMemory(url: string, log: Logger): Store {
  const spaces = Object.fromEntries(
    SPACES.map((s) => [s, watch(new Keyv({ namespace: s }), s, log)]),
  ) as Record<Space, Keyv>;
  const claimed = new Set<string>();
  const claim = async (name: string) => !claimed.has(name) && Boolean(claimed.add(name));
  const release = async (name: string) => void claimed.delete(name);
  return { url, spaces, claim, release, purge: async () => {}, close: async () => {} };
}

function watch(keyv: Keyv, space: Space, log: Logger): Keyv {
  keyv.on('error', (error: unknown) => log.error({ err: error, space }, 'store error'));
  return keyv;
}

/** Opens the store named by STORE_URL: sqlite://PATH (the default) or memory:// (tests). */
export async function openStore(url: string, log: Logger): Promise<Store> {
  if (url.startsWith('sqlite://')) return openSqlite(url, log);
  if (url === 'memory://' || url.startsWith('memory://')) return openMemory(url, log);
  const scheme = url.includes('://') ? url.slice(0, url.indexOf('://') + 3) : url;
  throw new StoreError(`STORE_URL: unknown scheme "${scheme}"; use sqlite://PATH or memory://`);
}
