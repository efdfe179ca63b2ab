import { type MemberRef, memberKey } from '../src/core/types.js';

/**
 * Whether a press is on the member's open question: `live`, `stale` (an older message, or one
 * answered already), or `unknown` when this process has not asked the member anything yet (after
 * a restart; the engine's question key then decides).
 */
export type Freshness = 'live' | 'stale' | 'unknown';

/** A claim on the open question; a live one hands over what the adapter kept of its message. */
export type Claim<Posted> = { fresh: 'live'; posted: Posted } | { fresh: 'stale' } | { fresh: 'unknown' };

/**
 * The one question per member whose buttons still count: the newest message with buttons or a
 * form, until it is answered. An adapter keeps what it needs of that message (`Posted`): Slack its
 * text and blocks, to take the buttons off later; Discord nothing but its id. In memory only.
 */
export function createQuestions<Posted = void>() {
  /** null: the member's last question was answered or taken away, so every press is stale. */
  const open = new Map<string, { id: string; posted: Posted } | null>();

  function check(member: MemberRef, id: string): Freshness {
    const key = memberKey(member);
    if (!open.has(key)) return 'unknown';
    return open.get(key)?.id === id ? 'live' : 'stale';
  }

  return {
    /** A message with buttons or a form was sent to the member: it is their open question now. */
    asked(member: MemberRef, id: string, posted: Posted): void {
      open.set(memberKey(member), { id, posted });
    },
    /** Whether a press is on the open question, without answering it (opening a form). */
    check,
    /** Synchronous on purpose: of two quick presses on one question, only the first claims it. */
    claim(member: MemberRef, id: string): Claim<Posted> {
      const key = memberKey(member);
      const entry = open.get(key);
      if (!entry) return { fresh: open.has(key) ? 'stale' : 'unknown' };
      if (entry.id !== id) return { fresh: 'stale' };
      open.set(key, null);
      return { fresh: 'live', posted: entry.posted };
    },
    /** Takes the open question away, whatever it was; the next question will be posted instead. */
    take(member: MemberRef): Posted | undefined {
      const key = memberKey(member);
      const entry = open.get(key);
      open.set(key, null);
      return entry?.posted;
    },
    /** The member's data was deleted: nothing is known of them any more. */
    forget(member: MemberRef): void {
      open.delete(memberKey(member));
    },
  };
}

export type Questions<Posted = void> = ReturnType<typeof createQuestions<Posted>>;
