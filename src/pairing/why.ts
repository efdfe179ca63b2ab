/**
 * Why a group was put together in `gaps` mode, in the intro's words: "Anna is looking for health
 * it; Bram can offer it". Only needs and offers of members who agreed to share them are told:
 * the sentence names both the one who looks and the one who offers, so both must have agreed.
 */
import type { CoffeePrefs } from './community.js';
import { hasTag } from './tags.js';

export interface GapReason {
  /** The member looking for `tag`. */
  needer: string;
  /** A partner who offers it. */
  offerer: string;
  tag: string;
}

type Sharing = Pick<CoffeePrefs, 'needs' | 'offers' | 'shareGaps'>;

/** At most one reason per member who looks for something, in the group's order. */
export function gapReasons(group: readonly { user: string; prefs: Sharing }[]): GapReason[] {
  const sharing = group.filter((m) => m.prefs.shareGaps === true);
  const reasons: GapReason[] = [];
  for (const needer of sharing) {
    const found = (needer.prefs.needs ?? []).flatMap((tag) =>
      sharing
        .filter((other) => other.user !== needer.user && hasTag(other.prefs.offers, tag))
        .map((other) => ({ needer: needer.user, offerer: other.user, tag })),
    )[0];
    if (found) reasons.push(found);
  }
  return reasons;
}
