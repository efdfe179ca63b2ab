import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import { openStore, StoreError } from '../../src/store/open.js';
import { readAll } from '../../src/store/scan.js';
import { sqliteRows } from '../helpers/sqlite.js';

describe('STORE_URL', () => {
  it('defaults to a SQLite file under ./data', () => {
    expect(loadConfig({}).storeUrl).toBe('sqlite://./data/weakties.sqlite');
  });

  it('creates the folder of a SQLite file on demand and keeps values across reopening', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'weakties-')), 'nested', 'deeper');
    const url = `sqlite://${join(dir, 'db.sqlite')}`;
    const first = await openStore(url, silentLogger);
    await first.spaces.member.set('k', { a: 1 });
    await first.close();
    expect(existsSync(join(dir, 'db.sqlite'))).toBe(true);
    const second = await openStore(url, silentLogger);
    expect(await second.spaces.member.get('k')).toEqual({ a: 1 });
    await second.close();
  });

  it.each([
    ['postgres://localhost/db', /STORE_URL: unknown scheme "postgres:\/\/"/],
    ['just-a-path.sqlite', /STORE_URL: unknown scheme/],
    ['sqlite://', /STORE_URL: sqlite:\/\/ needs a file path/],
  ])('%s is a clear start-up error', async (url, message) => {
    await expect(openStore(url, silentLogger)).rejects.toThrow(message);
  });

  it('an unwritable path is a clear start-up error naming the variable', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'weakties-')), 'not-a-folder');
    writeFileSync(file, 'x');
    const error = await openStore(`sqlite://${join(file, 'db.sqlite')}`, silentLogger).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreError);
    expect((error as Error).message).toMatch(/^STORE_URL: cannot write the SQLite file/);
  });

  it('memory:// keeps values in the process only', async () => {
    const store = await openStore('memory://', silentLogger);
    await store.spaces.job.set('j', 1);
    expect(await store.spaces.job.get('j')).toBe(1);
    expect(await store.spaces.member.get('j')).toBeUndefined();
  });
});

describe('configuration', () => {
  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ DEFAULT_LANG: 'fr' })).toThrow(ConfigError);
    expect(() => loadConfig({ DEFAULT_LANG: 'fr' })).toThrow(/DEFAULT_LANG/);
    expect(() => loadConfig({ REVISIT_DAYS: 'soon' })).toThrow(/REVISIT_DAYS/);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ STORE_URL: '', LOG_LEVEL: '' })).toMatchObject({
      storeUrl: 'sqlite://./data/weakties.sqlite',
    });
  });
});

describe('job leases', () => {
  it('two processes trying the same job on one SQLite file: exactly one runs it, and it leaves no row', async () => {
    const url = `sqlite://${join(mkdtempSync(join(tmpdir(), 'weakties-')), 'db.sqlite')}`;
    // Two stores on one file behave like two processes: separate connections, no shared memory.
    const [a, b] = [await openStore(url, silentLogger), await openStore(url, silentLogger)];
    const names = Array.from({ length: 50 }, (_, i) => `job:${i}`);
    const slow = () => new Promise((resolve) => setTimeout(resolve, 20));
    const tries = await Promise.all(
      names.flatMap((n) => [a.locks.tryLock(n, slow), b.locks.tryLock(n, slow)]),
    );
    expect(tries.filter((t) => t.taken)).toHaveLength(50);
    // Given back after the run: the next try takes it again.
    expect(await a.locks.tryLock('job:1', async () => 'again')).toEqual({ taken: true, value: 'again' });
    const left = await sqliteRows(url.slice('sqlite://'.length), 'SELECT key FROM weakties_locks');
    expect(left).toEqual([]);
    await Promise.all([a.close(), b.close()]);
  });
});

describe('scanning a key space', () => {
  it('reads every record once, across several batches, and only its own space', async () => {
    const store = await openStore(
      `sqlite://${join(mkdtempSync(join(tmpdir(), 'weakties-')), 'db.sqlite')}`,
      silentLogger,
    );
    const n = 1203;
    for (let i = 0; i < n; i++) await store.spaces.job.set(`j${i}`, { i });
    await store.spaces.member.set('m', { other: true });
    const read = await readAll(store.spaces.job);
    expect(read).toHaveLength(n);
    expect(new Set(read.map(([key]) => key)).size).toBe(n);
    expect(read.map(([, value]) => (value as { i: number }).i).sort((a, b) => a - b)).toEqual(
      Array.from({ length: n }, (_, i) => i),
    );
    await store.close();
  });
});
