import { migrateState, type State } from '../../engine/state.js';
import { type Community, type CommunityRef, CommunitySchema, communityKey } from '../../pairing/community.js';
import type { Store } from '../../store/open.js';
import { readAll } from '../../store/scan.js';

/** What the dashboard reads of one community: its members' records and its coffee record. */
export interface CommunityData {
  members: State[];
  /** Undefined while no coffee round or setting was ever stored. */
  community: Community | undefined;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** True when a raw member record says it belongs to the community (checked before the full parse). */
function inCommunity(raw: unknown, ref: CommunityRef): boolean {
  const member = isRecord(raw) ? raw.member : undefined;
  return isRecord(member) && member.platform === ref.platform && member.space === ref.space;
}

/**
 * Every readable member record of the community, validated and migrated as the engine reads
 * them; a record that does not parse is skipped here (the engine sets it aside when its member
 * writes next). Read-only: the dashboard never writes a member's record.
 */
export async function readMembers(store: Store, ref: CommunityRef): Promise<State[]> {
  const states: State[] = [];
  for (const [, raw] of await readAll(store.spaces.member)) {
    if (!inCommunity(raw, ref)) continue;
    try {
      states.push(migrateState(raw));
    } catch {
      // unreadable: left for the engine to set aside
    }
  }
  // Sorted by user id so that every figure and layout comes out the same on every read.
  return states.sort((a, b) => (a.member.user < b.member.user ? -1 : a.member.user > b.member.user ? 1 : 0));
}

/** The community's coffee record, as src/pairing/service.ts keeps it; undefined when none or unreadable. */
export async function readCommunity(store: Store, ref: CommunityRef): Promise<Community | undefined> {
  const parsed = CommunitySchema.safeParse(await store.spaces.community.get(communityKey(ref)));
  return parsed.success ? parsed.data : undefined;
}

/** Which of the two a page reads; reading every member's record is most of a page's time. */
export interface Reads {
  members: boolean;
  community: boolean;
}

/** The community's data; a part not asked for in `reads` comes back empty (no members, no record). */
export async function readCommunityData(
  store: Store,
  ref: CommunityRef,
  reads: Reads = { members: true, community: true },
): Promise<CommunityData> {
  const [members, community] = await Promise.all([
    reads.members ? readMembers(store, ref) : [],
    reads.community ? readCommunity(store, ref) : undefined,
  ]);
  return { members, community };
}
