import { z } from 'zod';
import { LANGS, type Lang, PLATFORMS } from '../core/types.js';
import type { CommunityRef } from '../pairing/community.js';
import type { Store } from '../store/open.js';
import { hashToken, isTokenShape, newToken } from './tokens.js';

/** A sign-in link lasts ten minutes and works once. */
export const LINK_MINUTES = 10;
/** A session lasts twelve hours from sign-in. */
export const SESSION_HOURS = 12;

/**
 * Sign-in links and sessions, kept in the store's `community` space under their own key prefixes
 * (hashed), so a link made by one process (the chat, `weakties dashboard link`) works in another,
 * on SQLite or Redis. Community scans skip these records: they are not communities.
 */
const LINK_PREFIX = 'dashboard:link:';
const SESSION_PREFIX = 'dashboard:session:';

const RefSchema = z.object({ platform: z.enum(PLATFORMS), space: z.string().min(1).max(200) });
const LinkSchema = z.object({ ref: RefSchema, lang: z.enum(LANGS), expiresAt: z.iso.datetime() });
const SessionSchema = z.object({
  ref: RefSchema,
  lang: z.enum(LANGS),
  expiresAt: z.iso.datetime(),
  /** The session's CSRF token (a form's hidden field must carry it). */
  csrf: z.string(),
});
export type Session = z.infer<typeof SessionSchema> & { id: string };

const minutes = (n: number) => n * 60_000;
/** The store forgets a record a while after it expires (the check itself uses the app's clock). */
const keepMs = (ms: number) => ms + minutes(60);

/** The address a sign-in link opens: `base` is PUBLIC_URL (or http://localhost:PORT). */
export const signInUrl = (base: string, token: string): string => `${base}/dashboard/signin?token=${token}`;

export type Exchange = { session: Session; token: string } | { refused: 'used' | 'expired' };

export function createAccess(store: Store, clock: () => Date) {
  const space = store.spaces.community;

  return {
    /** A new one-time sign-in token for one community; its page speaks `lang`. */
    async issueLink(ref: CommunityRef, lang: Lang): Promise<string> {
      const token = newToken();
      const ms = minutes(LINK_MINUTES);
      const expiresAt = new Date(clock().getTime() + ms).toISOString();
      await space.set(LINK_PREFIX + hashToken(token), { ref, lang, expiresAt }, keepMs(ms));
      return token;
    },

    /**
     * Trades a link's token for a new session. Read and delete happen under the store's lock (it
     * holds across processes), so a link works once even when two processes race for it.
     */
    async exchange(token: unknown): Promise<Exchange> {
      if (!isTokenShape(token)) return { refused: 'used' };
      const key = LINK_PREFIX + hashToken(token);
      const link = await store.locks.withLock(key, async () => {
        const parsed = LinkSchema.safeParse(await space.get(key));
        return parsed.success && (await space.delete(key)) ? parsed : undefined;
      });
      if (!link) return { refused: 'used' };
      const parsed = link;
      if (Date.parse(parsed.data.expiresAt) <= clock().getTime()) return { refused: 'expired' };
      const sessionToken = newToken();
      const ms = SESSION_HOURS * minutes(60);
      const record = {
        ref: parsed.data.ref,
        lang: parsed.data.lang,
        expiresAt: new Date(clock().getTime() + ms).toISOString(),
        csrf: newToken(),
      };
      const id = hashToken(sessionToken);
      await space.set(SESSION_PREFIX + id, record, keepMs(ms));
      return { session: { ...record, id }, token: sessionToken };
    },

    /** The live session a cookie's token names, or undefined. */
    async session(token: string | undefined): Promise<Session | undefined> {
      if (!isTokenShape(token)) return undefined;
      const id = hashToken(token);
      const parsed = SessionSchema.safeParse(await space.get(SESSION_PREFIX + id));
      if (!parsed.success || Date.parse(parsed.data.expiresAt) <= clock().getTime()) return undefined;
      return { ...parsed.data, id };
    },

    /** Keeps the session's language choice. */
    async setLang(session: Session, lang: Lang): Promise<void> {
      const { id, ...record } = session;
      const left = Date.parse(record.expiresAt) - clock().getTime();
      if (left > 0) await space.set(SESSION_PREFIX + id, { ...record, lang }, keepMs(left));
    },

    async signOut(session: Session): Promise<void> {
      await space.delete(SESSION_PREFIX + session.id);
    },
  };
}

export type Access = ReturnType<typeof createAccess>;
