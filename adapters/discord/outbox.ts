import { type Client, DiscordAPIError, type Message, RESTJSONErrorCodes } from 'discord.js';
import type { Delivery, MemberRef, Outbox, Reply } from '../../src/core/types.js';
import type { Logger } from '../../src/log.js';
import type { Texts } from '../../src/texts/texts.js';
import type { Questions } from '../questions.js';
import { type Outgoing, renderReply, wordsOf } from './render.js';

/** Where one member's next messages go: their DM channel, or the interaction they are using. */
export type Send = (message: Outgoing) => Promise<Message>;

export interface DiscordOutboxDeps {
  client: Client;
  texts: Texts;
  questions: Questions;
  log: Logger;
}

const dmsClosed = (error: unknown) =>
  error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.CannotSendMessagesToThisUser;

/**
 * The engine's replies to Discord members. Replies go to the member's DM channel (created on
 * demand, so follow-ups need no earlier event) unless an interaction of theirs is being
 * answered. A member whose DMs are closed is remembered: the engine keeps their replies until
 * they are reachable again, and their next command tells them how to open their DMs.
 */
export function createDiscordOutbox(deps: DiscordOutboxDeps) {
  const closed = new Set<string>();
  const routes = new Map<string, Send>();
  const toDm =
    (user: string): Send =>
    (message) =>
      deps.client.users.send(user, message);

  async function deliver(member: MemberRef, replies: Reply[], delivery: Delivery): Promise<boolean> {
    const send = routes.get(member.user) ?? toDm(member.user);
    const wording = wordsOf(deps.texts.forLang(delivery.lang));
    try {
      for (const reply of replies) {
        for (const message of renderReply(reply, wording)) {
          const sent = await send(message);
          if (message.components) deps.questions.asked(member, sent.id);
        }
      }
    } catch (error) {
      // Thrown errors would make the engine retry with an apology that fails the same way.
      if (dmsClosed(error)) {
        closed.add(member.user);
        deps.log.warn({ user: member.user }, 'discord: the member does not accept direct messages');
        return false;
      }
      deps.log.error({ err: error, user: member.user }, 'discord: delivery failed');
    }
    return true;
  }

  const outbox: Outbox = {
    deliver,
    reachable: (member) => !closed.has(member.user),
    forgotten: async (member) => {
      deps.questions.forget(member);
      closed.delete(member.user);
    },
  };

  return {
    outbox,
    /** True when the last DM to the member failed because they do not accept DMs. */
    dmsClosed: (user: string) => closed.has(user),
    /** The member is talking to us: try their DMs again. */
    reopen: (user: string) => closed.delete(user),
    /** Runs fn with the member's replies going to `send`; tells whether any reply went there. */
    async through(user: string, send: Send, fn: () => Promise<void>): Promise<boolean> {
      let used = false;
      routes.set(user, (message) => {
        used = true;
        return send(message);
      });
      try {
        await fn();
      } finally {
        routes.delete(user);
      }
      return used;
    },
  };
}

export type DiscordOutbox = ReturnType<typeof createDiscordOutbox>;
