import type Keyv from 'keyv';
import { type MemberRef, memberKey } from '../core/types.js';
import { migrateState, type State } from '../engine/state.js';
import type { Logger } from '../log.js';
import type { Store } from './open.js';
import { readAll } from './scan.js';

export type Loaded = { state: State | undefined; corrupt: boolean };

/** Reads the stored text behind a key, bypassing deserialisation, to keep a broken record aside. */
async function rawValue(keyv: Keyv, key: string): Promise<unknown> {
  try {
    return await keyv.store.get(keyv.namespace ? `${keyv.namespace}:${key}` : key);
  } catch {
    return undefined;
  }
}

/** A copy of a record that could not be read, as it was found. */
export interface SetAside {
  at: string;
  raw: string;
}

/** True when a stored value mentions the platform user id as a whole word (not inside another id). */
function names(value: unknown, user: string): boolean {
  const escaped = user.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])`, 'u').test(
    JSON.stringify(value) ?? '',
  );
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
    /** The member's records that could not be read and were kept aside, oldest first. */
    async setAside(ref: MemberRef): Promise<SetAside[]> {
      const prefix = `${memberKey(ref)}@`;
      return (await readAll(quarantine))
        .filter(([key]) => key.startsWith(prefix))
        .map(([key, value]) => ({ at: key.slice(prefix.length), raw: (value as { raw?: string }).raw ?? '' }))
        .sort((a, b) => a.at.localeCompare(b.at));
    },
    /**
     * Deletes the member's record and everything else about them outside the jobs: copies kept aside,
     * and platform events naming them that wait in the inbound queue or were set aside from it.
     * True when anything was there.
     */
    async delete(ref: MemberRef): Promise<boolean> {
      const key = memberKey(ref);
      let found = await members.delete(key);
      for (const [k, value] of await readAll(quarantine))
        if (k.startsWith(`${key}@`) || (k.startsWith('inbound:') && names(value, ref.user)))
          found = (await quarantine.delete(k)) || found;
      for (const [k, value] of await readAll(store.spaces.inbound))
        if (names(value, ref.user)) found = (await store.spaces.inbound.delete(k)) || found;
      await store.purge();
      return found;
    },
  };
}

export type MemberRepo = ReturnType<typeof createMemberRepo>;
