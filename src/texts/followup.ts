/** The texts of asking for help, the hook and their follow-ups: key → placeholders the code fills. */
export const FOLLOWUP_TEXTS = {} as const satisfies Record<string, readonly string[]>;
