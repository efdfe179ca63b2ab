import type { App } from '@slack/bolt';
import type { MemberRef } from '../../src/core/types.js';
import type { Engine, HandleOptions, HandleResult } from '../../src/engine/engine.js';
import type { Logger } from '../../src/log.js';
import type { Questions } from '../questions.js';
import type { Identity } from './connection.js';
import { renderHome } from './home.js';
import type { Unprofiled } from './inbound.js';
import type { Posted, SlackOutbox } from './outbox.js';
import type { Profiles } from './profile.js';
import type { Translators } from './words.js';

/** What the listeners share: the engine, the door's memory of members, and its way out. */
export interface Wiring extends Translators {
  bolt: App;
  engine: Engine;
  identity: Identity;
  profiles: Profiles;
  questions: Questions<Posted>;
  slack: SlackOutbox;
  log: Logger;
}

/** The workspace an Events API envelope came from. */
export const teamOf = (body: unknown): string => {
  const b = body as { team_id?: string; authorizations?: { team_id?: string | null }[] };
  return b.authorizations?.[0]?.team_id ?? b.team_id ?? '';
};

/** One engine turn, with the member's Slack locale and time zone added. */
export async function toEngine(
  w: Wiring,
  inbound: Unprofiled,
  options?: HandleOptions,
): Promise<HandleResult | undefined> {
  const profile = await w.profiles.of(inbound.member);
  try {
    return await w.engine.handle({ ...inbound, ...profile }, options);
  } catch (error) {
    w.log.warn({ err: error, kind: inbound.kind }, 'a Slack payload was not accepted by the engine');
  }
}

/** Publishes the member's App Home dashboard from the engine's summary of them. */
export async function publishHome(w: Wiring, member: MemberRef): Promise<void> {
  const view = renderHome(await w.engine.summary(member), await w.sayFor(member));
  await w.bolt.client.views.publish({ user_id: member.user, view });
}
