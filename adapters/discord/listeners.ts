import {
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Client,
  ComponentType,
  Events,
  type Interaction,
  type Message,
  MessageFlags,
  type ModalSubmitInteraction,
  PermissionFlagsBits,
  type StringSelectMenuInteraction,
} from 'discord.js';
import type { Config } from '../../src/config.js';
import type { Inbound } from '../../src/core/types.js';
import { guessLang } from '../../src/core/types.js';
import type { Engine } from '../../src/engine/engine.js';
import type { RetryLine } from '../../src/engine/retry.js';
import type { Logger } from '../../src/log.js';
import type { Say, Texts } from '../../src/texts/texts.js';
import type { Questions } from '../questions.js';
import { ACTION_OPTION, COACH_COMMAND, LANGUAGE_OPTION } from './commands.js';
import { afterPart, currentForm, type PendingForms } from './forms.js';
import { fromChoice, fromCommand, fromDirectMessage, fromModal, fromPicks, memberOf } from './inbound.js';
import type { DiscordOutbox, Send } from './outbox.js';
import {
  answeredComponents,
  customId,
  modalCount,
  NO_MENTIONS,
  type Outgoing,
  readCustomId,
  renderComponents,
  renderModal,
  renderNextPart,
  renderText,
  wordsOf,
} from './render.js';

/** What the listeners share: the engine, the adapter's memory of members, and its way out. */
export interface Wiring {
  engine: Engine;
  /** Hands events to the engine, and tries again those it could not handle while the store was down. */
  retries: RetryLine;
  texts: Texts;
  config: Pick<Config, 'defaultLang'> & { homeGuild?: string };
  log: Logger;
  questions: Questions;
  forms: PendingForms;
  outbox: DiscordOutbox;
  selfId(): string;
  /** A community admin's command ("coffee set …", "stats"): answered where it was used. */
  isAdminCommand(inbound: Inbound): boolean;
}

type ComponentInteraction = ButtonInteraction | StringSelectMenuInteraction;
type Note = 'discord.stale' | 'discord.movedToDm';

/**
 * Direct messages, the /coach command, buttons, selects and modals, on one discord.js client.
 * Every interaction is acknowledged (an update, a deferral, a modal or an ephemeral note)
 * before the engine runs, well within Discord's 3 s.
 */
export function listen(client: Client, deps: Wiring): void {
  const { engine, questions, forms, outbox, log } = deps;

  async function sayFor(user: string, locale?: string | null): Promise<Say> {
    const stored = await engine.language(memberOf(user));
    return deps.texts.forLang(stored ?? guessLang(locale ?? undefined) ?? deps.config.defaultLang);
  }

  async function note(interaction: Interaction, key: Note): Promise<void> {
    if (!interaction.isRepliable()) return;
    const say = await sayFor(interaction.user.id, interaction.locale);
    await interaction.reply({ ...renderText(say(key)), flags: MessageFlags.Ephemeral });
  }

  const formOf = (user: string, form: string) => currentForm(engine, memberOf(user), form);

  /**
   * Waits for an answer's acknowledgement. The question is claimed by then, so even when Discord
   * refused it (too late, or a network error) the answer still goes to the engine.
   */
  async function acknowledged(ack: Promise<unknown>): Promise<void> {
    await ack.catch((err: unknown) => log.warn({ err }, 'discord: acknowledging an answer failed'));
  }

  async function run(inbound: Inbound): Promise<void> {
    outbox.reopen(inbound.member.user);
    // Discord never sends an event again: one the store could not take is retried from memory.
    await deps.retries.handle(inbound);
  }

  async function onMessage(message: Message): Promise<void> {
    const inbound = fromDirectMessage(message, deps.selfId());
    if (inbound) await run(inbound);
  }

  /**
   * The engine's replies answer the command: the first edits the deferred reply, the rest follow
   * up (privately too, when the deferred reply was private).
   */
  function answerTo(interaction: ChatInputCommandInteraction, ephemeral = false): Send {
    let first = true;
    return (message: Outgoing) => {
      if (!first)
        return interaction.followUp(ephemeral ? { ...message, flags: MessageFlags.Ephemeral } : message);
      first = false;
      return interaction.editReply(message);
    };
  }

  async function onCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    if (interaction.commandName !== COACH_COMMAND) return;
    const user = interaction.user.id;
    const inGuild = interaction.inGuild();
    const inbound = fromCommand({
      id: interaction.id,
      locale: interaction.locale,
      user: interaction.user,
      subcommand: interaction.options.getSubcommand(false),
      language: interaction.options.getString(LANGUAGE_OPTION),
      action: interaction.options.getString(ACTION_OPTION),
      // Server admins (of the home server, when one is set) run the community's coffee rounds;
      // in a DM nobody is an admin.
      admin:
        inGuild &&
        (!deps.config.homeGuild || interaction.guildId === deps.config.homeGuild) &&
        (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false),
    });
    if (inGuild) {
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      // A community command is answered right here, privately: it has no conversation to move.
      if (inbound && deps.isAdminCommand(inbound)) {
        const answered = await outbox.through(user, answerTo(interaction, true), () => run(inbound));
        if (answered) return;
      } else if (inbound) await run(inbound);
      // Everything else continues in the DM; in the server the coach only points there.
      const say = await sayFor(user, interaction.locale);
      const key = outbox.dmsClosed(user) ? 'discord.dmClosed' : 'discord.movedToDm';
      await interaction.editReply(renderText(say(key)));
      return;
    }
    await interaction.deferReply();
    const answered = inbound && (await outbox.through(user, answerTo(interaction), () => run(inbound)));
    if (!answered) await interaction.deleteReply();
  }

  /** The question message a form part belongs to: the pressed message, or where part one was opened. */
  const questionOf = (user: string, form: string, part: number, message: string | undefined) =>
    part === 0 ? message : forms.get(user, form)?.question;

  async function openForm(interaction: ButtonInteraction, form: string, part: number): Promise<void> {
    const user = interaction.user.id;
    const question = questionOf(user, form, part, interaction.message.id);
    const fresh = question !== undefined && questions.check(memberOf(user), question) !== 'stale';
    const found = fresh ? await formOf(user, form) : undefined;
    if (!found || part >= modalCount(found)) return note(interaction, 'discord.stale');
    await interaction.showModal(renderModal(found, part));
  }

  /**
   * The next page of a long list: the same question's components, rendered again from what the
   * engine asks the member now, showing page `page`. Nothing is answered.
   */
  async function turnPage(interaction: ButtonInteraction, page: number): Promise<void> {
    const user = interaction.user.id;
    const member = memberOf(user);
    if (questions.check(member, interaction.message.id) === 'stale')
      return note(interaction, 'discord.stale');
    const reply = (await engine.currentQuestion(member)).findLast((r) => (r.choices?.length ?? 0) > 0);
    if (!reply) return note(interaction, 'discord.stale');
    const say = await sayFor(user, interaction.locale);
    await acknowledged(
      interaction.update({
        components: renderComponents(reply, wordsOf(say), page),
        allowedMentions: NO_MENTIONS,
      }),
    );
  }

  async function onComponent(interaction: ComponentInteraction): Promise<void> {
    if (interaction.inGuild()) return note(interaction, 'discord.movedToDm');
    const action = readCustomId(interaction.customId);
    if (action.type === 'openForm' && interaction.isButton())
      return openForm(interaction, action.form, action.part);
    if (action.type === 'page' && interaction.isButton()) return turnPage(interaction, action.page);
    const values = interaction.isStringSelectMenu() ? interaction.values : [];
    const value = action.type === 'choice' ? action.value : action.type === 'select' ? values[0] : undefined;
    const picks = action.type === 'picks' && interaction.isStringSelectMenu();
    const member = memberOf(interaction.user.id);
    if ((value === undefined && !picks) || questions.claim(member, interaction.message.id).fresh === 'stale')
      return note(interaction, 'discord.stale');
    await acknowledged(
      interaction.update({
        components: answeredComponents(
          interaction.message.components.map((c) => c.toJSON()),
          { customId: interaction.customId, values },
        ),
        allowedMentions: NO_MENTIONS,
      }),
    );
    await run(picks ? fromPicks(interaction, values) : fromChoice(interaction, value ?? ''));
  }

  async function onModal(interaction: ModalSubmitInteraction): Promise<void> {
    const action = readCustomId(interaction.customId);
    if (action.type !== 'submitForm') return note(interaction, 'discord.stale');
    const user = interaction.user.id;
    const question = questionOf(user, action.form, action.part, interaction.message?.id);
    const form =
      question && questions.check(memberOf(user), question) !== 'stale'
        ? await formOf(user, action.form)
        : undefined;
    if (!question || !form) return note(interaction, 'discord.stale');
    const submitted = Object.fromEntries(
      [...interaction.fields.fields.values()].flatMap((f) =>
        f.type === ComponentType.TextInput ? [[f.customId, f.value] as const] : [],
      ),
    );
    const step = afterPart(form, action.part, forms.get(user, action.form)?.fields ?? {}, submitted);
    if ('next' in step) {
      forms.keep(user, action.form, question, step.fields);
      const say = await sayFor(user, interaction.locale);
      const content = say('discord.formPart', { n: step.next + 1, of: modalCount(form) });
      await interaction.reply({
        ...renderNextPart(form, step.next, content, wordsOf(say)),
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    forms.drop(user);
    if (questions.claim(memberOf(user), question).fresh === 'stale')
      return note(interaction, 'discord.stale');
    await acknowledged(
      interaction.isFromMessage()
        ? interaction.update({
            components: answeredComponents(
              interaction.message.components.map((c) => c.toJSON()),
              { customId: customId.openForm(action.form) },
            ),
            allowedMentions: NO_MENTIONS,
          })
        : interaction.deferUpdate(),
    );
    const fields = Object.entries(step.done).map(([customId, value]) => ({ customId, value }));
    await run(fromModal(interaction, fields));
  }

  async function onInteraction(interaction: Interaction): Promise<void> {
    if (interaction.isChatInputCommand()) return onCommand(interaction);
    if (interaction.isButton() || interaction.isStringSelectMenu()) return onComponent(interaction);
    if (interaction.isModalSubmit()) return onModal(interaction);
    log.debug({ type: interaction.type }, 'discord: interaction ignored');
  }

  const guard =
    <T>(what: string, fn: (event: T) => Promise<void>) =>
    (event: T) =>
      void fn(event).catch((err: unknown) => log.error({ err }, `discord: ${what} failed`));
  client.on(Events.MessageCreate, guard('message', onMessage));
  client.on(Events.InteractionCreate, guard('interaction', onInteraction));
}
