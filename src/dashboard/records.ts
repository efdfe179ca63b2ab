import type { Lang } from '../core/types.js';
import {
  type Community,
  type CommunityRef,
  CommunitySchema,
  communityKey,
  newCommunity,
} from '../pairing/community.js';
import type { Store } from '../store/open.js';

/**
 * The community record the chat reads (src/pairing/service.ts keeps it the same way): the
 * dashboard reads it, and saves settings under the same lock the chat's `coffee set` takes.
 */
export async function loadCommunity(store: Store, ref: CommunityRef, defaultLang: Lang): Promise<Community> {
  const raw = await store.spaces.community.get(communityKey(ref));
  return raw === undefined ? newCommunity(ref, defaultLang) : CommunitySchema.parse(raw);
}

/** Changes the community under its lock; `change` answers the errors, or the community to save. */
export function saveSettings(
  store: Store,
  ref: CommunityRef,
  defaultLang: Lang,
  change: (community: Community) => { community?: Community; errors: string[] },
): Promise<string[]> {
  return store.locks.withLock(`community:${communityKey(ref)}`, async () => {
    const result = change(await loadCommunity(store, ref, defaultLang));
    if (!result.community) return result.errors;
    // A record the chat could not read back is never written: the whole change is refused instead.
    const checked = CommunitySchema.safeParse(result.community);
    if (!checked.success)
      throw new Error(
        `settings not saved: the record would be invalid (${checked.error.issues[0]?.message})`,
      );
    await store.spaces.community.set(communityKey(ref), result.community);
    return result.errors;
  });
}
