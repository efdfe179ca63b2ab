import {
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandSubcommandOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  Locale,
  REST,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  Routes,
} from 'discord.js';
import type { Config } from '../../src/config.js';
import type { COMMAND_WORDS } from '../../src/engine/commands.js';
import type { Texts } from '../../src/texts/texts.js';

export type CommandName = keyof typeof COMMAND_WORDS;

/** The /coach subcommands and the engine command each one runs. */
export const SUBCOMMANDS = {
  start: 'start',
  menu: 'menu',
  network: 'network',
  progress: 'progress',
  commitments: 'commitments',
  help: 'help',
  language: 'language',
  export: 'export',
  forget: 'forget',
  coffee: 'coffee',
  stats: 'stats',
  dashboard: 'dashboard',
} as const satisfies Record<string, CommandName>;

export type Subcommand = keyof typeof SUBCOMMANDS;

export const COACH_COMMAND = 'coach';
export const LANGUAGE_OPTION = 'language';
/** `/coach coffee action:…`: the rest of a typed "coffee …" command ("join", "set channel 123", "round now"). */
export const ACTION_OPTION = 'action';
/** Longest action Discord lets a member type; the engine takes at most 20 words of it. */
export const ACTION_MAX_LENGTH = 200;

/** The texts that describe /coach, its subcommands and their options. */
type Described = Subcommand | 'languageOption' | 'coffeeAction';

/** The /coach command, described in English with Dutch localisations; usable in servers and in DMs. */
export function coachCommand(texts: Texts): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const en = texts.forLang('en');
  const nl = texts.forLang('nl');
  const option = (key: Described) => ({
    description: en(`discord.command.${key}`),
    description_localizations: { [Locale.Dutch]: nl(`discord.command.${key}`) },
  });
  const options: Partial<Record<Subcommand, APIApplicationCommandBasicOption[]>> = {
    language: [
      {
        type: ApplicationCommandOptionType.String,
        name: LANGUAGE_OPTION,
        ...option('languageOption'),
        required: false,
        choices: [
          { name: 'English', value: 'en' },
          { name: 'Nederlands', value: 'nl' },
        ],
      },
    ],
    coffee: [
      {
        type: ApplicationCommandOptionType.String,
        name: ACTION_OPTION,
        ...option('coffeeAction'),
        required: false,
        max_length: ACTION_MAX_LENGTH,
      },
    ],
  };
  const sub = (name: Subcommand): APIApplicationCommandSubcommandOption => ({
    type: ApplicationCommandOptionType.Subcommand,
    name,
    ...option(name),
    ...(options[name] ? { options: options[name] } : {}),
  });
  return {
    type: ApplicationCommandType.ChatInput,
    name: COACH_COMMAND,
    description: en('discord.command.coach'),
    description_localizations: { [Locale.Dutch]: nl('discord.command.coach') },
    integration_types: [ApplicationIntegrationType.GuildInstall],
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
    options: (Object.keys(SUBCOMMANDS) as Subcommand[]).map(sub),
  };
}

/** A REST client for the configured API (the real one, or a local fake in tests). */
export function restFor(discord: NonNullable<Config['discord']>): REST {
  return new REST({ version: '10', ...(discord.apiUrl ? { api: discord.apiUrl } : {}) }).setToken(
    discord.token,
  );
}

/**
 * Replaces the app's commands with /coach: in one guild (shows at once, for testing) or
 * globally (every server and DM).
 */
export async function putCommands(
  rest: REST,
  applicationId: string,
  texts: Texts,
  guild?: string,
): Promise<void> {
  const route = guild
    ? Routes.applicationGuildCommands(applicationId, guild)
    : Routes.applicationCommands(applicationId);
  await rest.put(route, { body: [coachCommand(texts)] });
}
