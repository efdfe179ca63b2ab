/** The texts only the Discord door says: key → placeholders the code fills. Keys start with "discord.". */
export const DISCORD_TEXTS = {} as const satisfies Record<string, readonly string[]>;
