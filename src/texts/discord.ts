/** The texts only the Discord door says: key → placeholders the code fills. Keys start with "discord.". */
export const DISCORD_TEXTS = {
  'discord.formButton': [],
  'discord.formPart': ['n', 'of'],
  'discord.choose': [],
  'discord.stale': [],
  'discord.movedToDm': [],
  'discord.dmClosed': [],
  'discord.command.coach': [],
  'discord.command.start': [],
  'discord.command.menu': [],
  'discord.command.network': [],
  'discord.command.language': [],
  'discord.command.languageOption': [],
  'discord.command.export': [],
  'discord.command.forget': [],
} as const satisfies Record<string, readonly string[]>;
