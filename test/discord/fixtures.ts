/** Gateway payloads shaped after Discord's documentation, type-checked by discord-api-types. */
import {
  type APIChatInputApplicationCommandDMInteraction,
  type APIChatInputApplicationCommandGuildInteraction,
  type APIInteraction,
  type APIMessage,
  type APIMessageComponentButtonInteraction,
  type APIMessageComponentSelectMenuInteraction,
  type APIModalSubmitInteraction,
  type APIUser,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ChannelType,
  ComponentType,
  GatewayDispatchEvents,
  type GatewayDispatchPayload,
  type GatewayMessageCreateDispatchData,
  type GuildMemberFlags,
  InteractionContextType,
  InteractionType,
  Locale,
  MessageType,
  PermissionFlagsBits,
  type Permissions,
} from 'discord-api-types/v10';
import { APPLICATION_ID } from './fake-discord.js';

let counter = 5_000_000_000_000_000n;
export const snowflake = () => String(++counter);

export const GUILD_ID = '700000000000000001';
export const GUILD_CHANNEL_ID = '700000000000000002';

export const person = (id: string, name = 'Ada'): APIUser => ({
  id,
  username: name.toLowerCase(),
  discriminator: '0',
  global_name: name,
  avatar: null,
});

export const messageCreate = (d: GatewayMessageCreateDispatchData): GatewayDispatchPayload => ({
  op: 0,
  t: GatewayDispatchEvents.MessageCreate,
  s: 0,
  d,
});

export const interactionCreate = (d: APIInteraction): GatewayDispatchPayload => ({
  op: 0,
  t: GatewayDispatchEvents.InteractionCreate,
  s: 0,
  d,
});

/** A member typing in their DM with the bot. */
export function directMessage(author: APIUser, channel: string, content: string) {
  return {
    id: snowflake(),
    type: MessageType.Default,
    channel_id: channel,
    // Discord names the channel type of DM messages; discord.js needs it for an uncached DM channel.
    channel_type: ChannelType.DM,
    author,
    content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
  } satisfies GatewayMessageCreateDispatchData;
}

const common = (locale: Locale) => ({
  id: snowflake(),
  application_id: APPLICATION_ID,
  token: `token-${snowflake()}`,
  version: 1 as const,
  locale,
  app_permissions: '0' as Permissions,
  entitlements: [],
  attachment_size_limit: 10_485_760,
  authorizing_integration_owners: {},
});

const dm = (user: APIUser, channel: string) => ({
  user,
  channel_id: channel,
  channel: { id: channel, type: ChannelType.DM as const, recipients: [user] },
  context: InteractionContextType.BotDM as const,
});

/** A press on a button of a message the bot sent to the member's DM. */
export function buttonPress(user: APIUser, message: APIMessage, customId: string, locale = Locale.EnglishUS) {
  return {
    ...common(locale),
    ...dm(user, message.channel_id),
    type: InteractionType.MessageComponent,
    message,
    data: { component_type: ComponentType.Button, custom_id: customId },
  } satisfies APIMessageComponentButtonInteraction;
}

/** An option picked in a string select of a message in the member's DM. */
export function selectPick(user: APIUser, message: APIMessage, customId: string, values: string[]) {
  return {
    ...common(Locale.EnglishUS),
    ...dm(user, message.channel_id),
    type: InteractionType.MessageComponent,
    message,
    data: { component_type: ComponentType.StringSelect, custom_id: customId, values },
  } satisfies APIMessageComponentSelectMenuInteraction;
}

/** A modal opened from a button of `message`, submitted with these text inputs (Label components). */
export function modalSubmit(
  user: APIUser,
  message: APIMessage,
  customId: string,
  fields: Record<string, string>,
) {
  return {
    ...common(Locale.EnglishUS),
    ...dm(user, message.channel_id),
    type: InteractionType.ModalSubmit,
    message,
    data: {
      custom_id: customId,
      components: Object.entries(fields).map(([id, value], i) => ({
        type: ComponentType.Label as const,
        id: i + 1,
        component: { type: ComponentType.TextInput as const, id: i + 10, custom_id: id, value },
      })),
    },
  } satisfies APIModalSubmitInteraction;
}

/** The string options of a subcommand, by name: `{ language: 'nl' }`, `{ action: 'round now' }`. */
export type CommandOptions = Record<string, string>;

const coachData = (subcommand: string, options: CommandOptions = {}) => ({
  id: snowflake(),
  name: 'coach',
  type: ApplicationCommandType.ChatInput as const,
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand as const,
      name: subcommand,
      ...(Object.keys(options).length > 0
        ? {
            options: Object.entries(options).map(([name, value]) => ({
              type: ApplicationCommandOptionType.String as const,
              name,
              value,
            })),
          }
        : {}),
    },
  ],
});

/** `/coach <subcommand>` used in the member's DM with the bot. */
export function dmCommand(
  user: APIUser,
  channel: string,
  subcommand: string,
  locale = Locale.EnglishUS,
  options: CommandOptions = {},
) {
  return {
    ...common(locale),
    ...dm(user, channel),
    type: InteractionType.ApplicationCommand,
    data: coachData(subcommand, options),
  } satisfies APIChatInputApplicationCommandDMInteraction;
}

/** The permission bits of Manage Server, as Discord sends them in `member.permissions`. */
export const MANAGE_GUILD = String(PermissionFlagsBits.ManageGuild);

/** `/coach <subcommand>` used in a server text channel, by a member with these permissions. */
export function guildCommand(
  user: APIUser,
  subcommand: string,
  locale = Locale.EnglishUS,
  language?: string,
  { options = {}, permissions = '0' }: { options?: CommandOptions; permissions?: string } = {},
) {
  return {
    ...common(locale),
    type: InteractionType.ApplicationCommand,
    guild_id: GUILD_ID,
    guild_locale: Locale.EnglishUS,
    channel_id: GUILD_CHANNEL_ID,
    channel: { id: GUILD_CHANNEL_ID, type: ChannelType.GuildText as const },
    context: InteractionContextType.Guild as const,
    member: {
      user,
      roles: [],
      joined_at: '2026-01-01T00:00:00.000Z',
      permissions: permissions as Permissions,
      deaf: false,
      mute: false,
      flags: 0 as GuildMemberFlags,
    },
    data: coachData(subcommand, { ...(language ? { language } : {}), ...options }),
  } satisfies APIChatInputApplicationCommandGuildInteraction;
}
