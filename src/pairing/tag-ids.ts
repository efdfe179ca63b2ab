/**
 * Needs and offers as numbers, one per tag as sameTag compares them ("Health IT" and "health it"
 * share one), so a round asks "does j offer what i looks for" millions of times without the
 * collator. Exactly the answer of weights.ts needMet, only faster.
 */
import type { Candidate } from './match.js';
import { sameTag } from './tags.js';

/**
 * Distinct tag spellings numbered at most: each new one is compared (sameTag, slow) with every
 * number so far. Past it the caller compares the tags themselves.
 */
const TAG_LIMIT = 200;

export interface TagIds {
  needs: Int32Array[];
  offers: Int32Array[];
}

/** The members' needs and offers as numbers, in their order; undefined past TAG_LIMIT spellings. */
export function tagIds(members: readonly Candidate[]): TagIds | undefined {
  const idOf = new Map<string, number>();
  const spellings: string[] = [];
  const number = (tag: string): number => {
    const known = idOf.get(tag);
    if (known !== undefined) return known;
    let id = spellings.findIndex((other) => sameTag(other, tag));
    if (id === -1) {
      id = spellings.length;
      spellings.push(tag);
    }
    idOf.set(tag, id);
    return id;
  };
  const needs: Int32Array[] = [];
  const offers: Int32Array[] = [];
  for (const member of members) {
    if (idOf.size + (member.needs?.length ?? 0) + (member.offers?.length ?? 0) > TAG_LIMIT) return undefined;
    needs.push(Int32Array.from(member.needs ?? [], number));
    offers.push(Int32Array.from(member.offers ?? [], number));
  }
  return { needs, offers };
}

/** Whether one of member i's needs is among member j's offers. */
export function meetsById(ids: TagIds, i: number, j: number): boolean {
  const offers = ids.offers[j] as Int32Array;
  for (const need of ids.needs[i] as Int32Array) if (offers.includes(need)) return true;
  return false;
}
