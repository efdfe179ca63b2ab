import type Keyv from 'keyv';
import { type MemberRef, memberKey } from '../core/types.js';
import { migrateState, type State } from '../engine/state.js';
import type { Logger } from '../log.js';
import type { Store } from './open.js';

export type Loaded = { state: State | undefined; corrupt: boolean };

/** Reads the stored text behind a key, bypassing deserialisation, to keep a broken record aside. */
async function rawValue(keyv: Keyv, key: string): Promise<unknown> {
  try {
    return await keyv.store.get(keyv.namespace ? `${keyv.namespace}:${key}` : key);
  } catch {
    return undefined;
  }
}

/** Member records: validated and migrated on read, a broken one moved to quarantine, never lost. */
export function createMemberRepo(store: Store, log: Logger) {
  const { member: members, quarantine } = store.spaces;
  return {
    async load(ref: MemberRef, now: Date): Promise<Loaded> {
      const key = memberKey(ref);
      let raw: unknown;
      try {
        raw = await members.get(key);
      } catch (error) {
        if (!(error instanceof SyntaxError)) throw error;
        raw = await rawValue(members, key);
      }
      if (raw === undefined) return { state: undefined, corrupt: false };
      try {
        return { state: migrateState(raw), corrupt: false };
      } catch (error) {
        const asideKey = `${key}@${now.toISOString()}`;
        await quarantine.set(asideKey, { key, raw: typeof raw === 'string' ? raw : JSON.stringify(raw) });
        log.error(
          { asideKey, reason: (error as Error).message.slice(0, 500) },
          'unreadable member record kept aside',
        );
        return { state: undefined, corrupt: true };
      }
    },
    async save(state: State): Promise<void> {
      await members.set(memberKey(state.member), state);
    },
    async delete(ref: MemberRef): Promise<void> {
      await members.delete(memberKey(ref));
      await store.purge();
    },
  };
}

export type MemberRepo = ReturnType<typeof createMemberRepo>;
