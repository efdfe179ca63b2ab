import { createHash } from 'node:crypto';
import type { State } from './state.js';

/**
 * A short fingerprint of the question a member is looking at: where they are in their flow and
 * which overlay is open. An adapter puts it on a question's buttons, so a press on an old message can
 * be recognised after a restart without reading the member's record. The same flow state asks the
 * same question, so equal keys mean a press has the effect it shows.
 */
export function questionKey(state: Pick<State, 'flow' | 'overlay'>): string {
  return createHash('sha256')
    .update(JSON.stringify([state.flow, state.overlay]))
    .digest('base64url')
    .slice(0, 16);
}
