import type { webApi } from '@slack/bolt';
import { type MemberRef, memberKey } from '../../src/core/types.js';
import type { Logger } from '../../src/log.js';

/** What Slack knows of a member that the engine uses: language, time zone, name, admin rights. */
export interface Profile {
  locale?: string;
  timezone?: string;
  /** Their first name, else their display name, else their full name. */
  displayName?: string;
  /** A workspace admin or owner, or named in ADMIN_USERS: may change the community's coffee settings. */
  admin?: boolean;
}

/** One users.info answer, as the adapter keeps it. */
interface Known {
  profile: Profile;
  /** The first name partners see in a coffee intro. */
  firstName?: string;
  /** A person with an active account: not a bot (nor Slackbot), not deactivated. */
  human: boolean;
}

const KEEP_MS = 60 * 60_000;

type SlackUser = NonNullable<webApi.UsersInfoResponse['user']>;

const words = (text: string | undefined) => text?.trim().split(/\s+/).filter(Boolean) ?? [];

/** profile.first_name, else the first word of the full or display name. */
export function firstNameOf(user: SlackUser): string | undefined {
  const first = user.profile?.first_name?.trim();
  if (first) return first;
  const full = user.real_name || user.profile?.real_name || user.profile?.display_name;
  return words(full)[0];
}

function known(user: SlackUser | undefined, listed: boolean): Known {
  const name =
    user?.profile?.first_name?.trim() ||
    user?.real_name?.trim() ||
    user?.profile?.real_name?.trim() ||
    user?.profile?.display_name?.trim();
  const admin =
    listed || user?.is_admin === true || user?.is_owner === true || user?.is_primary_owner === true;
  const firstName = user ? firstNameOf(user) : undefined;
  return {
    profile: {
      ...(user?.locale ? { locale: user.locale.slice(0, 50) } : {}),
      ...(user?.tz ? { timezone: user.tz.slice(0, 80) } : {}),
      ...(name ? { displayName: name.slice(0, 200) } : {}),
      admin,
    },
    ...(firstName ? { firstName } : {}),
    human: user?.is_bot !== true && user?.deleted !== true && user?.id !== 'USLACKBOT',
  };
}

/**
 * What users.info (include_locale) says of a member, asked at most once an hour: locale, time
 * zone, name and whether they are a workspace admin or owner. `adminUsers` (ADMIN_USERS) are admins
 * whatever Slack says.
 */
export function createProfiles(client: webApi.WebClient, log: Logger, adminUsers: readonly string[] = []) {
  const cache = new Map<string, { at: number; known: Promise<Known | undefined> }>();
  const admins = new Set(adminUsers.filter(Boolean));

  async function ask(member: MemberRef): Promise<Known | undefined> {
    try {
      const { user } = await client.users.info({ user: member.user, include_locale: true });
      return known(user, admins.has(member.user));
    } catch (error) {
      log.warn({ err: error }, 'users.info failed; going on without locale, time zone and name');
      cache.delete(memberKey(member));
      return undefined;
    }
  }

  function lookup(member: MemberRef, now = Date.now()): Promise<Known | undefined> {
    const key = memberKey(member);
    const kept = cache.get(key);
    if (kept && now - kept.at < KEEP_MS) return kept.known;
    const asked = ask(member);
    cache.set(key, { at: now, known: asked });
    return asked;
  }

  return {
    async of(member: MemberRef, now = Date.now()): Promise<Profile> {
      const found = await lookup(member, now);
      return found?.profile ?? { admin: admins.has(member.user) };
    },
    /** The member's first name as Slack knows it; undefined when users.info failed or has none. */
    async firstName(member: MemberRef, now = Date.now()): Promise<string | undefined> {
      return (await lookup(member, now))?.firstName;
    },
    /** False for a bot or a deactivated account; true when Slack says so or could not tell. */
    async human(member: MemberRef, now = Date.now()): Promise<boolean> {
      return (await lookup(member, now))?.human ?? true;
    },
    forget(member: MemberRef): void {
      cache.delete(memberKey(member));
    },
  };
}

export type Profiles = ReturnType<typeof createProfiles>;
