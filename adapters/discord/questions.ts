/**
 * Which message holds each member's open question, so a press on an older message is
 * recognised as stale before it reaches the engine, and a double press counts once.
 * Kept in memory: after a restart nothing is known, and the engine judges stale choices itself.
 */
export type QuestionCheck = 'current' | 'stale' | 'unknown';

export function createQuestions() {
  const open = new Map<string, { message: string; answered: boolean }>();

  const check = (user: string, message: string): QuestionCheck => {
    const latest = open.get(user);
    if (!latest) return 'unknown';
    return latest.message === message && !latest.answered ? 'current' : 'stale';
  };

  return {
    /** A message with components was sent to the member: it is their open question now. */
    asked(user: string, message: string): void {
      open.set(user, { message, answered: false });
    },
    check,
    /** Claims the answer to a question: false when it is stale or was answered already. */
    claim(user: string, message: string): boolean {
      const result = check(user, message);
      if (result === 'stale') return false;
      if (result === 'current') open.set(user, { message, answered: true });
      return true;
    },
    forget(user: string): void {
      open.delete(user);
    },
  };
}

export type Questions = ReturnType<typeof createQuestions>;
