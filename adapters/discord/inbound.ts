import type { Inbound, MemberRef } from '../../src/core/types.js';
import { MAX_INBOUND_TEXT, MAX_PICK_OPTIONS } from '../../src/core/types.js';
import { introTextOf } from '../../src/pairing/intro-template.js';
import { type CommandName, SUBCOMMANDS, type Subcommand } from './commands.js';

/**
 * Discord events as engine payloads. Each function reads only the few fields it needs, in the
 * shape discord.js gives them, so a Message or an Interaction can be passed as it is.
 */

/** Discord users are global and DMs have no guild: one member per user, wherever they write. */
export const memberOf = (userId: string): MemberRef => ({
  platform: 'discord',
  space: 'global',
  user: userId,
});

const eventId = (snowflake: string) => `discord:${snowflake}`;

/** A Discord user as discord.js gives it: the display name is optional, the username is not. */
export interface UserView {
  id: string;
  username?: string;
  globalName?: string | null;
}

/** The name the member shows on Discord: their display name, else their username. */
const displayName = (user: UserView) => (user.globalName || user.username)?.slice(0, 200);

/** What Discord tells about the member: their locale ("en-US", "nl") and name, where it sent them. */
function profile(user: UserView, locale?: string | null) {
  const name = displayName(user);
  return { ...(locale ? { locale } : {}), ...(name ? { displayName: name } : {}) };
}

export interface MessageView {
  id: string;
  content: string;
  guildId: string | null;
  author: UserView & { bot: boolean };
}

/** A direct message from a person; undefined for server messages, bots and the coach itself. */
export function fromDirectMessage(message: MessageView, selfId: string): Inbound | undefined {
  if (message.guildId !== null || message.author.bot || message.author.id === selfId) return undefined;
  return {
    kind: 'text',
    id: eventId(message.id),
    member: memberOf(message.author.id),
    text: message.content.slice(0, MAX_INBOUND_TEXT),
    ...profile(message.author),
  };
}

export interface InteractionView {
  id: string;
  locale?: string | null;
  user: UserView;
}

/** A pressed button or a picked select option: the choice id the engine offered. */
export function fromChoice(interaction: InteractionView, value: string): Inbound {
  return {
    kind: 'choice',
    id: eventId(interaction.id),
    member: memberOf(interaction.user.id),
    value,
    ...profile(interaction.user, interaction.locale),
  };
}

/** Options of a pick's menu, by id: what the member chose in one go. */
export function fromPicks(interaction: InteractionView, values: readonly string[]): Inbound {
  return {
    kind: 'picks',
    id: eventId(interaction.id),
    member: memberOf(interaction.user.id),
    values: values.slice(0, MAX_PICK_OPTIONS),
    ...profile(interaction.user, interaction.locale),
  };
}

export interface ModalFieldView {
  customId: string;
  value?: string | null;
}

/** A submitted modal: its text inputs by field id. */
export function fromModal(interaction: InteractionView, fields: ModalFieldView[]): Inbound {
  const values = Object.fromEntries(
    fields.map((f) => [f.customId, (f.value ?? '').slice(0, MAX_INBOUND_TEXT)] as const),
  );
  return {
    kind: 'form',
    id: eventId(interaction.id),
    member: memberOf(interaction.user.id),
    fields: values,
    ...profile(interaction.user, interaction.locale),
  };
}

export interface CommandView extends InteractionView {
  subcommand: string | null;
  language: string | null;
  /** `/coach coffee action:…`: its words are the command's arguments. */
  action?: string | null;
  /** May manage the server the command was used in (never true in a DM). */
  admin?: boolean;
}

/** At most as many words as the engine takes, each within its length. */
const words = (text: string) =>
  text
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 20)
    .map((word) => word.slice(0, 1000));

/** The words of an action; "set intro …" keeps the community's own text whole, with its case. */
function argsOf(name: string, action: string): string[] {
  const introText = name === 'coffee' ? introTextOf(action) : undefined;
  return introText === undefined ? words(action) : ['set', 'intro', introText.slice(0, 1000)];
}

const isSubcommand = (name: string | null): name is Subcommand =>
  name !== null && Object.hasOwn(SUBCOMMANDS, name);

/** A /coach subcommand as the engine command it stands for; undefined for one we do not know. */
export function fromCommand(interaction: CommandView): Inbound | undefined {
  if (!isSubcommand(interaction.subcommand)) return undefined;
  const name: CommandName = SUBCOMMANDS[interaction.subcommand];
  return {
    kind: 'command',
    id: eventId(interaction.id),
    member: memberOf(interaction.user.id),
    name,
    args: interaction.language ? [interaction.language] : argsOf(name, interaction.action ?? ''),
    ...profile(interaction.user, interaction.locale),
    ...(interaction.admin ? { admin: true } : {}),
  };
}
