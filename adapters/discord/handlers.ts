import {
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  ComponentType,
  type Interaction,
  type Message,
  MessageFlags,
  type ModalSubmitInteraction,
  type StringSelectMenuInteraction,
} from 'discord.js';
import type { Config } from '../../src/config.js';
import type { Engine } from '../../src/engine/engine.js';
import { guessLang } from '../../src/engine/step.js';
import type { Inbound } from '../../src/engine/types.js';
import type { Logger } from '../../src/log.js';
import type { Say, Texts } from '../../src/texts/texts.js';
import { COACH_COMMAND, LANGUAGE_OPTION } from './commands.js';
import { currentForm } from './current-form.js';
import { customId, readCustomId } from './custom-ids.js';
import type { Delivery, Send } from './delivery.js';
import { fromChoice, fromCommand, fromDirectMessage, fromModal, memberOf } from './inbound.js';
import type { Questions } from './questions.js';
import { answeredComponents, type Outgoing, renderModal, renderText } from './render.js';

export interface HandlerDeps {
  engine: Engine;
  texts: Texts;
  config: Pick<Config, 'revisitDays' | 'defaultLang'>;
  log: Logger;
  questions: Questions;
  delivery: Delivery;
  selfId(): string;
}

type ComponentInteraction = ButtonInteraction | StringSelectMenuInteraction;

/**
 * What the door does with each Discord event. Every interaction is acknowledged (an update, a
 * deferral, a modal or an ephemeral note) before the engine runs, well within Discord's 3 s.
 */
export function createHandlers(deps: HandlerDeps) {
  const { engine, questions, delivery, log } = deps;

  async function sayFor(user: string, locale?: string | null): Promise<Say> {
    const stored = (await engine.peek(memberOf(user)))?.lang;
    return deps.texts.forLang(stored ?? guessLang(locale ?? undefined) ?? deps.config.defaultLang);
  }

  const note = async (interaction: Interaction, key: 'discord.stale' | 'discord.movedToDm') => {
    if (!interaction.isRepliable()) return;
    const say = await sayFor(interaction.user.id, interaction.locale);
    await interaction.reply({ ...renderText(say(key)), flags: MessageFlags.Ephemeral });
  };

  async function run(inbound: Inbound): Promise<void> {
    delivery.reopen(inbound.member.user);
    await engine.handle(inbound);
  }

  async function onMessage(message: Message): Promise<void> {
    const inbound = fromDirectMessage(message, deps.selfId());
    if (inbound) await run(inbound);
  }

  /** The engine's replies answer the command: the first edits the deferred reply, the rest follow up. */
  function answerTo(interaction: ChatInputCommandInteraction): Send {
    let first = true;
    return (message: Outgoing) => {
      if (!first) return interaction.followUp(message);
      first = false;
      return interaction.editReply(message);
    };
  }

  async function onCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    if (interaction.commandName !== COACH_COMMAND) return;
    const user = interaction.user.id;
    const inbound = fromCommand({
      id: interaction.id,
      locale: interaction.locale,
      user: interaction.user,
      subcommand: interaction.options.getSubcommand(false),
      language: interaction.options.getString(LANGUAGE_OPTION),
    });
    if (interaction.inGuild()) {
      // In a server the coach only points to the DM, where the conversation continues.
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      if (inbound) await run(inbound);
      const say = await sayFor(user, interaction.locale);
      const key = delivery.dmsClosed(user) ? 'discord.dmClosed' : 'discord.movedToDm';
      await interaction.editReply(renderText(say(key)));
      return;
    }
    await interaction.deferReply();
    const answered = inbound && (await delivery.through(user, answerTo(interaction), () => run(inbound)));
    if (!answered) await interaction.deleteReply();
  }

  async function onComponent(interaction: ComponentInteraction): Promise<void> {
    if (interaction.inGuild()) return note(interaction, 'discord.movedToDm');
    const action = readCustomId(interaction.customId);
    const user = interaction.user.id;
    if (action.type === 'openForm') {
      const fresh = questions.check(user, interaction.message.id) !== 'stale';
      const form = fresh && (await currentForm(engine, deps.texts, deps.config, memberOf(user), action.form));
      if (!form) return note(interaction, 'discord.stale');
      return interaction.showModal(renderModal(form));
    }
    const values = interaction.isStringSelectMenu() ? interaction.values : [];
    const value = action.type === 'choice' ? action.value : action.type === 'select' ? values[0] : undefined;
    if (value === undefined || !questions.claim(user, interaction.message.id))
      return note(interaction, 'discord.stale');
    const components = interaction.message.components.map((c) => c.toJSON());
    await interaction.update({
      components: answeredComponents(components, { customId: interaction.customId, values }),
    });
    await run(fromChoice(interaction, value));
  }

  async function onModal(interaction: ModalSubmitInteraction): Promise<void> {
    const action = readCustomId(interaction.customId);
    const message = interaction.message;
    if (action.type !== 'submitForm' || !message || !questions.claim(interaction.user.id, message.id))
      return note(interaction, 'discord.stale');
    const fields = [...interaction.fields.fields.values()].flatMap((f) =>
      f.type === ComponentType.TextInput ? [{ customId: f.customId, value: f.value }] : [],
    );
    if (interaction.isFromMessage()) {
      const components = message.components.map((c) => c.toJSON());
      await interaction.update({
        components: answeredComponents(components, { customId: customId.openForm(action.form) }),
      });
    } else {
      await interaction.deferUpdate();
    }
    await run(fromModal(interaction, fields));
  }

  return {
    onMessage,
    async onInteraction(interaction: Interaction): Promise<void> {
      if (interaction.isChatInputCommand()) return onCommand(interaction);
      if (interaction.isButton() || interaction.isStringSelectMenu()) return onComponent(interaction);
      if (interaction.isModalSubmit()) return onModal(interaction);
      log.debug({ type: interaction.type }, 'discord: interaction ignored');
    },
  };
}
