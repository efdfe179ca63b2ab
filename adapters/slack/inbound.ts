import { z } from 'zod';
import {
  type Form,
  type Inbound,
  MAX_INBOUND_TEXT,
  MAX_PICK_OPTIONS,
  type MemberRef,
} from '../../src/core/types.js';
import { parseCommandText } from '../../src/engine/commands.js';
import { introTextOf } from '../../src/pairing/intro-template.js';
import { ACTION, FORM_INPUT, keyOfBlock } from './render.js';

/**
 * Pure conversions from Slack's documented payloads to engine events. Each function parses the
 * few fields it reads with zod and answers `undefined` (or an `ignore` reason) for anything else,
 * so an odd payload is dropped here instead of failing deeper in.
 */

export const slackMember = (team: string, user: string): MemberRef => ({
  platform: 'slack',
  space: team,
  user,
});

/** An engine event without the profile fields, which the adapter adds after asking users.info. */
export type Unprofiled = Exclude<Inbound, { kind: 'due' }>;

/**
 * Slack sends typed text with `&`, `<` and `>` as entities and links, mentions and channels as
 * `<…>` tokens; the engine wants what the member saw: labels of links, "@U…" for a mention.
 */
export function slackToPlain(text: string): string {
  const tokens = text.replace(/<([^<>|]*)(?:\|([^<>]*))?>/g, (_all, target: string, label?: string) => {
    if (label) return target.startsWith('@') || target.startsWith('#') ? `${target[0]}${label}` : label;
    if (target.startsWith('!')) return `@${target.slice(1).split('^')[0]}`;
    return target.replace(/^mailto:/, '');
  });
  return tokens.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Drops a leading mention of the bot ("<@UBOT> help" → "help"). */
export function withoutBotMention(text: string, botUserId: string): string {
  return text.replace(new RegExp(`^\\s*<@${botUserId}(?:\\|[^>]*)?>[\\s,:]*`), '');
}

/** One key for one message, however it arrives: as message.im, as app_mention, or retried. */
export const messageId = (channel: string, ts: string) => `slack:msg:${channel}:${ts}`;

const isDirect = (channel: string, channelType?: string) =>
  channelType === 'im' || (channelType === undefined && channel.startsWith('D'));

const MessageEventSchema = z.object({
  type: z.literal('message'),
  channel: z.string(),
  channel_type: z.string().optional(),
  user: z.string().optional(),
  text: z.string().optional(),
  ts: z.string(),
  subtype: z.string().optional(),
  bot_id: z.string().optional(),
  bot_profile: z.unknown().optional(),
});

const AppMentionSchema = z.object({
  type: z.literal('app_mention'),
  channel: z.string(),
  channel_type: z.string().optional(),
  user: z.string().optional(),
  text: z.string().optional(),
  ts: z.string(),
  thread_ts: z.string().optional(),
  bot_id: z.string().optional(),
});

export interface Bot {
  userId: string;
  botId?: string;
}

export type MessageOutcome =
  | { inbound: Unprofiled }
  | { invite: { channel: string; ts: string; threadTs: string; user: string } }
  | { ignore: string };

function textInbound(team: string, user: string, channel: string, ts: string, raw: string, bot: Bot) {
  const text = slackToPlain(withoutBotMention(raw, bot.userId)).slice(0, MAX_INBOUND_TEXT);
  return {
    inbound: { kind: 'text', id: messageId(channel, ts), member: slackMember(team, user), text },
  } as const;
}

/** A `message` event: only a member's own new message in their DM with the bot counts. */
export function fromMessageEvent(event: unknown, team: string, bot: Bot): MessageOutcome {
  const parsed = MessageEventSchema.safeParse(event);
  if (!parsed.success) return { ignore: 'not a message' };
  const m = parsed.data;
  if (!isDirect(m.channel, m.channel_type)) return { ignore: 'not a direct message' };
  if (m.subtype !== undefined) return { ignore: `subtype ${m.subtype}` };
  if (m.bot_id !== undefined || m.bot_profile !== undefined) return { ignore: 'from a bot' };
  if (!m.user || m.user === bot.userId) return { ignore: 'from the bot itself' };
  return textInbound(team, m.user, m.channel, m.ts, m.text ?? '', bot);
}

/**
 * An `app_mention`: in a DM it is the member's message (the same key as its message.im twin);
 * in a channel it only earns an invitation in the thread, since nothing personal goes there.
 */
export function fromAppMention(event: unknown, team: string, bot: Bot): MessageOutcome {
  const parsed = AppMentionSchema.safeParse(event);
  if (!parsed.success) return { ignore: 'not an app_mention' };
  const m = parsed.data;
  if (m.bot_id !== undefined) return { ignore: 'from a bot' };
  if (!m.user || m.user === bot.userId) return { ignore: 'from the bot itself' };
  if (isDirect(m.channel, m.channel_type))
    return textInbound(team, m.user, m.channel, m.ts, m.text ?? '', bot);
  return { invite: { channel: m.channel, ts: m.ts, threadTs: m.thread_ts ?? m.ts, user: m.user } };
}

const SlashCommandSchema = z.object({
  command: z.string(),
  text: z.string().default(''),
  team_id: z.string(),
  user_id: z.string(),
  channel_id: z.string(),
  trigger_id: z.string(),
});

export interface SlashOutcome {
  inbound: Unprofiled;
  /** Where it was typed: the adapter says "see our DM" when that was not the DM. */
  channel: string;
}

/** A whole `<#C…|name>`, `<@U…|name>` or `<!subteam^S…>` token: an id the engine reads as it is. */
const ID_TOKEN = /^<(?:#C|#G|@U|@W|!subteam\^)[A-Za-z0-9]+(?:\|[^<>]*)?>$/;

/**
 * The words of a slash command's text, each `<…>` token one word even when its label has spaces.
 * Channel, member and user-group tokens stay as Slack sent them (the engine wants their ids, as in
 * "coffee set channel <#C123|coffee>"); other words become plain text, lower-cased like the DM's.
 */
function slashArgs(raw: string): string[] {
  const words = raw.match(/(?:<[^<>]*>|[^\s<>])+/g) ?? [];
  return words.map((word) =>
    ID_TOKEN.test(word) ? word : slackToPlain(word).toLowerCase().replace(/\s+/g, ' '),
  );
}

/**
 * `/weakties [subcommand]`: the words work as in the DM ("help", "my network", "language nl",
 * "coffee join", "coffee set channel #coffee", "stats", "export", "forget"); nothing after the
 * command starts or resumes the coaching.
 */
export function fromSlashCommand(body: unknown): SlashOutcome | undefined {
  const parsed = SlashCommandSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const c = parsed.data;
  const raw = c.text.trim().slice(0, 1000);
  const words = slackToPlain(raw).trim();
  const command = parseCommandText(`/${words || 'start'}`);
  const name = !command || command.name === 'unknown' ? (words.split(/\s+/)[0] ?? '') : command.name;
  let args: string[] = [];
  if (command && command.name !== 'unknown' && command.args.length > 0) {
    // The command's own words ("my network" is two) come first; the arguments are read from the
    // raw text, so that a channel or member token keeps its id.
    const commandWords = words.split(/\s+/).length - command.args.length;
    args = slashArgs(raw).slice(commandWords, commandWords + 20);
    // "coffee set intro …": the community's own words, kept whole with their case.
    const introText = introTextOf(words.slice(words.split(/\s/, 1)[0]?.length ?? 0));
    if (introText !== undefined && /^(coffee|koffie)$/i.test(name)) args = ['set', 'intro', introText];
  }
  return {
    channel: c.channel_id,
    inbound: {
      kind: 'command',
      id: `slack:command:${c.trigger_id}`,
      member: slackMember(c.team_id, c.user_id),
      name: name.slice(0, 100),
      args,
    },
  };
}

const ActionSchema = z.object({
  action_id: z.string(),
  block_id: z.string().optional(),
  action_ts: z.string(),
  value: z.string().optional(),
  selected_option: z.object({ value: z.string(), text: z.object({ text: z.string() }) }).optional(),
  /** A multi-select's options as the member left them (empty when they took every one away). */
  selected_options: z
    .array(z.object({ value: z.string(), text: z.object({ text: z.string() }) }))
    .max(100)
    .optional(),
  text: z.object({ text: z.string() }).optional(),
});

const BlockActionsSchema = z.object({
  type: z.literal('block_actions'),
  trigger_id: z.string(),
  user: z.object({ id: z.string(), team_id: z.string().optional() }),
  team: z.object({ id: z.string() }).nullable().optional(),
  container: z
    .object({ type: z.string(), channel_id: z.string().optional(), message_ts: z.string().optional() })
    .optional(),
  message: z
    .object({ ts: z.string(), text: z.string().optional(), blocks: z.array(z.unknown()).optional() })
    .optional(),
  actions: z.array(ActionSchema).min(1),
  /** What the message's menus hold now, by block and action id: a multi-select's ticks wait here. */
  state: z
    .object({
      values: z.record(
        z.string(),
        z.record(z.string(), z.object({ selected_options: ActionSchema.shape.selected_options }).loose()),
      ),
    })
    .optional(),
});

/** The ticks of the question's multi-select, as the message's state holds them when "Done" is pressed. */
function ticked(state: z.infer<typeof BlockActionsSchema>['state']) {
  for (const block of Object.values(state?.values ?? {})) {
    const picks = block[ACTION.picks]?.selected_options;
    if (picks) return picks;
  }
  return [];
}

/** A press on one interactive element, with where it was pressed. */
export interface Press {
  member: MemberRef;
  actionId: string;
  /** The button's value or the selected option's value ('' for a multi-select). */
  value: string;
  /** A multi-select's selected options, by value; undefined for a button or a single select. */
  values?: string[];
  /** What the member saw on the element they used. */
  label: string;
  triggerId: string;
  /** A key for this press: Slack does not retry interactions, but a double click sends two. */
  id: string;
  /** The key of the question the pressed element belongs to, when it carries one. */
  questionKey?: string;
  /** Set when the element sat in a message (not in App Home). */
  message?: { channel: string; ts: string; text: string; blocks: unknown[] };
}

/** A block_actions payload: the first action, which is the one the member used. */
export function fromBlockActions(body: unknown): Press | undefined {
  const parsed = BlockActionsSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const b = parsed.data;
  const action = b.actions[0];
  const team = b.team?.id ?? b.user.team_id;
  if (!action || !team) return undefined;
  // "Done" under a multi-select sends its ticks; a tick on its own only fills the menu.
  const many = action.action_id === ACTION.picksDone ? ticked(b.state) : action.selected_options;
  const value = many ? '' : (action.selected_option?.value ?? action.value);
  if (value === undefined) return undefined;
  const channel = b.container?.channel_id;
  const ts = b.container?.message_ts ?? b.message?.ts;
  return {
    member: slackMember(team, b.user.id),
    actionId: action.action_id,
    value,
    ...(many ? { values: many.map((o) => o.value) } : {}),
    label: many
      ? many.map((o) => o.text.text).join(', ')
      : (action.selected_option?.text.text ?? action.text?.text ?? value),
    triggerId: b.trigger_id,
    id: `slack:action:${b.user.id}:${action.action_ts}`,
    questionKey: keyOfBlock(action.block_id),
    message:
      channel && ts
        ? { channel, ts, text: b.message?.text ?? '', blocks: b.message?.blocks ?? [] }
        : undefined,
  };
}

/** A choice answer from a press on a question's button or select. */
export const choiceInbound = (press: Press): Unprofiled => ({
  kind: 'choice',
  id: press.id,
  member: press.member,
  value: press.value.slice(0, 200),
});

/** A multi-select answer: the chosen options' ids, at most as many as a pick holds. */
export const picksInbound = (press: Press): Unprofiled => ({
  kind: 'picks',
  id: press.id,
  member: press.member,
  values: (press.values ?? []).slice(0, MAX_PICK_OPTIONS).map((v) => v.slice(0, 200)),
});

/** An engine command from a press (the App Home buttons). */
export const commandInbound = (press: Press, name: string): Unprofiled => ({
  kind: 'command',
  id: press.id,
  member: press.member,
  name,
  args: [],
});

const FormSchema = z.object({
  id: z.string().max(100),
  title: z.string(),
  submit: z.string(),
  fields: z
    .array(
      z.object({
        id: z.string().max(100),
        label: z.string(),
        multiline: z.boolean().optional(),
        optional: z.boolean().optional(),
        value: z.string().optional(),
      }),
    )
    .min(1)
    .max(20),
});

/** The form a form button carries (see render.ts `encodeForm`); undefined when it does not parse. */
export function decodeForm(value: string): Form | undefined {
  try {
    const parsed = FormSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Where a form's modal came from, kept in the modal's private_metadata. */
export const FormOriginSchema = z.object({
  form: z.string(),
  /** The key of the question the form answers. */
  key: z.string().optional(),
  channel: z.string().optional(),
  ts: z.string().optional(),
});
export type FormOrigin = z.infer<typeof FormOriginSchema>;

const ViewSubmissionSchema = z.object({
  type: z.literal('view_submission'),
  user: z.object({ id: z.string(), team_id: z.string().optional() }),
  team: z.object({ id: z.string() }).nullable().optional(),
  view: z.object({
    id: z.string(),
    private_metadata: z.string().default(''),
    state: z.object({
      values: z.record(
        z.string(),
        z.record(z.string(), z.object({ value: z.string().nullable().optional() })),
      ),
    }),
  }),
});

export interface Submission {
  inbound: Unprofiled & { kind: 'form' };
  origin: FormOrigin;
}

function origin(metadata: string): FormOrigin | undefined {
  try {
    const parsed = FormOriginSchema.safeParse(JSON.parse(metadata));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** A view_submission of a form modal: each input block is one field, named by its block_id. */
export function fromViewSubmission(body: unknown): Submission | undefined {
  const parsed = ViewSubmissionSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const b = parsed.data;
  const team = b.team?.id ?? b.user.team_id;
  const from = origin(b.view.private_metadata);
  if (!team || !from) return undefined;
  const fields = Object.fromEntries(
    Object.entries(b.view.state.values).map(([field, inputs]) => [
      field.slice(0, 100),
      (inputs[FORM_INPUT]?.value ?? '').slice(0, MAX_INBOUND_TEXT),
    ]),
  );
  return {
    origin: from,
    inbound: { kind: 'form', id: `slack:view:${b.view.id}`, member: slackMember(team, b.user.id), fields },
  };
}

const HomeOpenedSchema = z.object({
  type: z.literal('app_home_opened'),
  user: z.string(),
  tab: z.string().optional(),
});

/** The member whose App Home tab was opened; undefined for the Messages tab. */
export function fromHomeOpened(event: unknown, team: string): MemberRef | undefined {
  const parsed = HomeOpenedSchema.safeParse(event);
  if (!parsed.success || (parsed.data.tab !== undefined && parsed.data.tab !== 'home')) return undefined;
  return slackMember(team, parsed.data.user);
}
