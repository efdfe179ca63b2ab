/**
 * What a member looks for and can offer in a coffee, as short tags: read from what they type, and
 * suggested from what weakties already knows (what they asked help for and offered in return in
 * their ask for help, and the resources their network map lacks). The member always decides:
 * a suggestion is saved only when they take it.
 */
import type { Ctx } from '../../engine/flow.js';
import type { State } from '../../engine/state.js';
import { mapMetrics } from '../../network/metrics.js';
import { MAX_TAG, MAX_TAGS } from '../../pairing/community.js';
import { distinctTags } from '../../pairing/tags.js';

export type GapField = 'needs' | 'offers';

/** "health IT, Python; design" → ["health IT", "Python", "design"]: trimmed, as typed, distinct regardless of case. */
export function readTags(text: string): string[] {
  const tags = text
    .split(/[,;\n]+/)
    .map((t) => t.trim().replace(/\s+/g, ' ').slice(0, MAX_TAG).trim())
    .filter(Boolean);
  return distinctTags(tags).slice(0, MAX_TAGS);
}

/** A suggestion from the member's own work in weakties; empty when there is nothing to go on. */
export function suggestedTags(
  state: Pick<State, 'drafts' | 'network'>,
  field: GapField,
  ctx: Pick<Ctx, 'say'>,
): string[] {
  const ask = state.drafts['ask-for-help'];
  const words =
    field === 'needs'
      ? [
          ask?.explore ?? ask?.goal,
          ...mapMetrics(state.network).resources.gaps.map((item) => ctx.say(`resourceShort.${item}`)),
        ]
      : [ask?.offer];
  return readTags(words.filter((w): w is string => typeof w === 'string' && w.length <= MAX_TAG).join(', '));
}
