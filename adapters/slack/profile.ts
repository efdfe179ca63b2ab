import type { webApi } from '@slack/bolt';
import { type MemberRef, memberKey } from '../../src/engine/types.js';
import type { Logger } from '../../src/log.js';

/** What Slack knows of a member that the engine uses on first contact. */
export interface Profile {
  locale?: string;
  timezone?: string;
}

const KEEP_MS = 60 * 60_000;

/** The member's locale and time zone from users.info (include_locale), asked at most once an hour. */
export function createProfiles(client: webApi.WebClient, log: Logger) {
  const cache = new Map<string, { at: number; profile: Promise<Profile> }>();

  async function ask(member: MemberRef): Promise<Profile> {
    try {
      const { user } = await client.users.info({ user: member.user, include_locale: true });
      return {
        ...(user?.locale ? { locale: user.locale.slice(0, 50) } : {}),
        ...(user?.tz ? { timezone: user.tz.slice(0, 80) } : {}),
      };
    } catch (error) {
      log.warn({ err: error }, 'users.info failed; going on without locale and time zone');
      cache.delete(memberKey(member));
      return {};
    }
  }

  return {
    of(member: MemberRef, now = Date.now()): Promise<Profile> {
      const key = memberKey(member);
      const kept = cache.get(key);
      if (kept && now - kept.at < KEEP_MS) return kept.profile;
      const profile = ask(member);
      cache.set(key, { at: now, profile });
      return profile;
    },
    forget(member: MemberRef): void {
      cache.delete(memberKey(member));
    },
  };
}

export type Profiles = ReturnType<typeof createProfiles>;
