import type { types, webApi } from '@slack/bolt';
import { clip } from '../../src/core/clip.js';
import { type MemberRef, memberKey, type Outbox, type Reply } from '../../src/core/types.js';
import type { Logger } from '../../src/log.js';
import type { Texts } from '../../src/texts/texts.js';
import type { Questions } from '../questions.js';
import {
  escapeMrkdwn,
  isQuestion,
  renderReply,
  renderText,
  retiredBlocks,
  type SlackMessage,
  wordsOf,
} from './render.js';

export interface SlackOutboxDeps {
  client: webApi.WebClient;
  questions: Questions<Posted>;
  texts: Texts;
  /** Called after a member's data was deleted, to drop what the adapter keeps of them. */
  onForgotten(member: MemberRef): void;
  log: Logger;
}

/** A posted question: where it is, and its text and blocks, to take its buttons away later. */
export interface Posted {
  channel: string;
  ts: string;
  text: string;
  blocks: types.KnownBlock[];
}

const MESSAGE_OPTIONS = { unfurl_links: false, unfurl_media: false } as const;

/** Replies into the member's DM: messages, uploads, and one live question at a time. */
export function createSlackOutbox(deps: SlackOutboxDeps) {
  const { client, questions, log } = deps;
  const channels = new Map<string, string>();

  /** The member's DM with the bot; conversations.open also works for someone who never wrote. */
  async function dm(member: MemberRef): Promise<string> {
    const key = memberKey(member);
    const known = channels.get(key);
    if (known) return known;
    const opened = await client.conversations.open({ users: member.user });
    const id = opened.channel?.id;
    if (!id) throw new Error('conversations.open returned no channel');
    channels.set(key, id);
    return id;
  }

  /** Takes the buttons off the member's open question, so only the newest question can be answered. */
  async function retireOpen(member: MemberRef): Promise<void> {
    const open = questions.take(member);
    if (open) await retire(open.channel, open.ts, open.text, open.blocks);
  }

  /** Replaces a question's message by its text without buttons, and what was answered, if known. */
  async function retire(channel: string, ts: string, text: string, blocks: unknown[], answered?: string) {
    try {
      await client.chat.update({ channel, ts, text, blocks: retiredBlocks(blocks, answered) });
    } catch (error) {
      log.warn({ err: error }, 'could not take the buttons off an answered question');
    }
  }

  async function upload(channel: string, reply: Reply, comment: boolean): Promise<void> {
    const initial_comment = comment ? escapeMrkdwn(reply.text) : undefined;
    if (reply.image) {
      await client.filesUploadV2({
        channel_id: channel,
        file: Buffer.from(reply.image.png),
        filename: 'network-map.png',
        title: clip(reply.image.alt, 250),
        alt_text: clip(reply.image.alt, 1000),
        initial_comment,
      });
    }
    if (reply.file) {
      await client.filesUploadV2({
        channel_id: channel,
        content: reply.file.content,
        filename: reply.file.name,
        title: reply.file.name,
        initial_comment: reply.image ? undefined : initial_comment,
      });
    }
  }

  async function post(member: MemberRef, channel: string, message: SlackMessage, asks: boolean) {
    if (asks) await retireOpen(member);
    const posted = await client.chat.postMessage({ channel, ...message, ...MESSAGE_OPTIONS });
    if (asks && posted.ts)
      questions.asked(member, posted.ts, {
        channel,
        ts: posted.ts,
        text: message.text,
        blocks: message.blocks,
      });
  }

  const outbox: Outbox = {
    reachable: () => true,
    async deliver(member, replies, delivery) {
      const channel = await dm(member);
      const words = wordsOf(deps.texts.forLang(delivery.lang));
      for (const reply of replies) {
        const attached = reply.image !== undefined || reply.file !== undefined;
        if (attached) await upload(channel, reply, !isQuestion(reply));
        if (!attached || isQuestion(reply))
          await post(member, channel, renderReply(reply, words, delivery.questionKey), isQuestion(reply));
      }
    },
    async forgotten(member) {
      channels.delete(memberKey(member));
      questions.forget(member);
      deps.onForgotten(member);
    },
  };

  /** The adapter's own note to the member in their DM ("that button is outdated"). */
  async function note(member: MemberRef, text: string): Promise<void> {
    await post(member, await dm(member), renderText(text), false);
  }

  return { outbox, retire, note };
}

export type SlackOutbox = ReturnType<typeof createSlackOutbox>;
