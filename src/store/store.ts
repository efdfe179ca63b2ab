import { createHash } from 'node:crypto';
import type Keyv from 'keyv';
import type { Logger } from '../log.js';
import type { Locks } from './locks.js';

/** The key spaces weakties keeps; one Keyv each, all in the same file or server. */
export const SPACES = ['member', 'job', 'quarantine', 'community', 'inbound'] as const;
export type Space = (typeof SPACES)[number];

export interface Store {
  readonly url: string;
  readonly spaces: Record<Space, Keyv>;
  /**
   * Per-member locks that hold across every process sharing this store (in-process only for
   * memory://, where no other process can see the data).
   */
  readonly locks: Locks;
  /** After a member is erased: make sure deleted bytes are gone from the files, not only unlinked. */
  purge(): Promise<void>;
  close(): Promise<void>;
}

export class StoreError extends Error {}

export const claimKey = (name: string) => createHash('sha256').update(name).digest('hex');

export function watch(keyv: Keyv, space: Space, log: Logger): Keyv {
  keyv.on('error', (error: unknown) => log.error({ err: error, space }, 'store error'));
  return keyv;
}
