import type { App } from '../../src/app.js';
import type { MemberRef } from '../../src/core/types.js';
import type { State } from '../../src/engine/state.js';
import { silentLogger } from '../../src/log.js';
import { createMemberRepo } from '../../src/store/members.js';

/** A member's stored record, read from the app's store as the engine reads it (adapters never do). */
export async function storedState(app: Pick<App, 'store'>, member: MemberRef): Promise<State | undefined> {
  return (await createMemberRepo(app.store, silentLogger).load(member, new Date())).state;
}
