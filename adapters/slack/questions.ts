import type { types } from '@slack/bolt';
import { type MemberRef, memberKey } from '../../src/core/types.js';

/** A posted question: where it is, and its text and blocks, to take its buttons away later. */
export interface Posted {
  channel: string;
  ts: string;
  text: string;
  blocks: types.KnownBlock[];
}

/**
 * Whether a pressed message is the member's open question: `live` (and now taken), `stale`, or
 * `unknown` when this process has not asked the member anything yet (after a restart).
 */
export type Claim = { fresh: 'live'; posted: Posted } | { fresh: 'stale' } | { fresh: 'unknown' };

/**
 * The one question per member whose buttons still count: the newest one, until it is answered.
 * Once this process has asked a member something, a press anywhere else is stale; before that
 * the engine's own check (is this one of the current choices?) decides.
 */
export function createQuestions() {
  const open = new Map<string, Posted | null>();
  return {
    /** Synchronous on purpose: of two quick presses on one question, only the first claims it. */
    claim(member: MemberRef, ts: string): Claim {
      const key = memberKey(member);
      if (!open.has(key)) return { fresh: 'unknown' };
      const posted = open.get(key);
      if (!posted || posted.ts !== ts) return { fresh: 'stale' };
      open.set(key, null);
      return { fresh: 'live', posted };
    },
    /** Whether a press is on the open question, without answering it (opening a form). */
    peek(member: MemberRef, ts: string): Claim['fresh'] {
      const key = memberKey(member);
      if (!open.has(key)) return 'unknown';
      return open.get(key)?.ts === ts ? 'live' : 'stale';
    },
    /** Takes the open question away, whatever it was; the next question will be posted instead. */
    take(member: MemberRef): Posted | undefined {
      const key = memberKey(member);
      const posted = open.get(key) ?? undefined;
      open.set(key, null);
      return posted;
    },
    set(member: MemberRef, posted: Posted): void {
      open.set(memberKey(member), posted);
    },
    forget(member: MemberRef): void {
      open.delete(memberKey(member));
    },
  };
}

export type Questions = ReturnType<typeof createQuestions>;
