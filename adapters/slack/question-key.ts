import { createHash } from 'node:crypto';
import type { State } from '../../src/engine/state.js';

/**
 * A short fingerprint of the question a member is looking at: where they are in their flow and
 * which overlay is open. A question's buttons carry it (in their block_id), so a press on an old
 * message can be recognised from the stored state alone, even after a restart. The same flow
 * state asks the same question, so equal keys mean a press has the effect it shows.
 */
export function questionKey(state: Pick<State, 'flow' | 'overlay'>): string {
  return createHash('sha256')
    .update(JSON.stringify([state.flow, state.overlay]))
    .digest('base64url')
    .slice(0, 16);
}
