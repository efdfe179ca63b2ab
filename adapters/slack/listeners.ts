import type { App } from '@slack/bolt';
import { guessLang, type Lang, type MemberRef } from '../../src/core/types.js';
import type { Engine, HandleOptions, HandleResult } from '../../src/engine/engine.js';
import type { Logger } from '../../src/log.js';
import type { Say, Texts } from '../../src/texts/texts.js';
import type { Questions } from '../questions.js';
import type { Identity } from './connection.js';
import { isTakeover, settled } from './durable.js';
import { renderHome } from './home.js';
import {
  choiceInbound,
  commandInbound,
  decodeForm,
  fromAppMention,
  fromBlockActions,
  fromHomeOpened,
  fromMessageEvent,
  fromSlashCommand,
  fromViewSubmission,
  type MessageOutcome,
  type Press,
  picksInbound,
  type Unprofiled,
} from './inbound.js';
import type { Posted, SlackOutbox } from './outbox.js';
import type { Profiles } from './profile.js';
import { ACTION, appLink, FORM_CALLBACK, renderInvite, renderModal } from './render.js';

/** What the listeners share: the engine, the adapter's memory of members, and its way out. */
export interface Wiring {
  bolt: App;
  engine: Engine;
  identity: Identity;
  profiles: Profiles;
  questions: Questions<Posted>;
  outbox: SlackOutbox;
  texts: Texts;
  defaultLang: Lang;
  log: Logger;
}

/** The wiring, with the adapter's own words in each member's language. */
interface Listening extends Wiring {
  /** Their stored language, else their Slack locale (users.info), else the default. */
  sayFor(member: MemberRef): Promise<Say>;
  /** The same without asking Slack, for answers that must leave within three seconds. */
  sayNow(member: MemberRef): Promise<Say>;
}

/** The Events API, the slash command, and the buttons, selects and modals, on one Bolt app. */
export function listen(wiring: Wiring): void {
  const { engine, profiles, texts, defaultLang } = wiring;
  const w: Listening = {
    ...wiring,
    sayNow: async (member) => texts.forLang((await engine.language(member)) ?? defaultLang),
    sayFor: async (member) =>
      texts.forLang(
        (await engine.language(member)) ?? guessLang((await profiles.of(member)).locale) ?? defaultLang,
      ),
  };
  listenToEvents(w);
  listenToCommand(w);
  listenToInteractions(w);
}

/** The workspace an Events API envelope came from. */
const teamOf = (body: unknown): string => {
  const b = body as { team_id?: string; authorizations?: { team_id?: string | null }[] };
  return b.authorizations?.[0]?.team_id ?? b.team_id ?? '';
};

/** One engine turn, with the member's Slack locale and time zone added. */
async function toEngine(
  w: Wiring,
  inbound: Unprofiled,
  options?: HandleOptions,
): Promise<HandleResult | undefined> {
  const profile = await w.profiles.of(inbound.member);
  try {
    return await w.engine.handle({ ...inbound, ...profile }, options);
  } catch (error) {
    w.log.warn({ err: error, kind: inbound.kind }, 'a Slack payload was not accepted by the engine');
  }
}

/** Publishes the member's App Home dashboard from the engine's summary of them. */
async function publishHome(w: Listening, member: MemberRef): Promise<void> {
  const view = renderHome(await w.engine.summary(member), await w.sayFor(member));
  await w.bolt.client.views.publish({ user_id: member.user, view });
}

/** Invitations answered lately, so a retried channel mention gets one (no member state is kept for it). */
const INVITES_KEPT = 500;

type Invite = Extract<MessageOutcome, { invite: unknown }>['invite'];

/** The Events API: DMs to the engine, channel mentions to an invitation, the Home tab to its dashboard. */
function listenToEvents(w: Listening): void {
  const invited: string[] = [];

  async function invite(outcome: Invite, body: unknown): Promise<void> {
    const key = `${outcome.channel}:${outcome.ts}`;
    if (invited.includes(key)) return;
    invited.push(key);
    if (invited.length > INVITES_KEPT) invited.shift();
    const team = teamOf(body);
    const say = await w.sayFor({ platform: 'slack', space: team, user: outcome.user });
    const text = say('slack.invite.text', { user: `<@${outcome.user}>` });
    const app = (body as { api_app_id?: string }).api_app_id;
    const message = renderInvite(text, say('slack.invite.button'), app ? appLink(app, team) : undefined);
    await w.bolt.client.chat.postMessage({
      channel: outcome.channel,
      thread_ts: outcome.threadTs,
      ...message,
    });
  }

  async function onMessage(outcome: MessageOutcome, body: unknown): Promise<void> {
    // A retry of a stored event stays quiet when it fails again: the member was told once already.
    if ('inbound' in outcome) settled(body, await toEngine(w, outcome.inbound, { quiet: isTakeover(body) }));
    else if ('invite' in outcome) await invite(outcome.invite, body);
  }

  // Events are acknowledged by Bolt before these run.
  w.bolt.event('message', async ({ event, body }) => {
    await onMessage(fromMessageEvent(event, teamOf(body), w.identity), body);
  });

  w.bolt.event('app_mention', async ({ event, body }) => {
    await onMessage(fromAppMention(event, teamOf(body), w.identity), body);
  });

  w.bolt.event('app_home_opened', async ({ event, body }) => {
    const member = fromHomeOpened(event, teamOf(body));
    if (member) await publishHome(w, member);
  });
}

/** `/weakties [subcommand]`: acknowledged at once, answered in the member's DM. */
function listenToCommand(w: Listening): void {
  w.bolt.command('/weakties', async ({ ack, body }) => {
    const slash = fromSlashCommand(body);
    if (!slash) return ack();
    // Typed in a channel: the answer (which may be personal) goes to the DM, and this says so.
    if (slash.channel.startsWith('D')) await ack();
    else {
      const say = await w.sayNow(slash.inbound.member);
      await ack({ response_type: 'ephemeral', text: say('slack.command.inDm') });
    }
    await toEngine(w, slash.inbound);
  });
}

/**
 * Buttons, selects and modals. Only the member's open question may be answered: a press on any
 * other message is answered politely and changes nothing. Every listener acks before its work.
 */
function listenToInteractions(w: Listening): void {
  const { bolt, engine, questions, outbox } = w;

  async function stale(member: MemberRef, press?: Press): Promise<void> {
    if (press?.message) {
      const { channel, ts, text, blocks } = press.message;
      await outbox.retire(channel, ts, text, blocks);
    }
    const say = await w.sayFor(member);
    await outbox.note(member, say('slack.stale'));
  }

  /** When this process has not posted the open question itself (after a restart), the engine's key decides. */
  async function outdated(member: MemberRef, key: string | undefined): Promise<boolean> {
    if (key === undefined) return false;
    const current = await engine.questionKey(member);
    return current !== undefined && current !== key;
  }

  /** A press as the engine's answer: the options of a multi-select, else one choice. */
  const inboundOf = (press: Press): Unprofiled =>
    press.values !== undefined ? picksInbound(press) : choiceInbound(press);

  async function answer(press: Press): Promise<void> {
    const { member, message } = press;
    if (!message) {
      await toEngine(w, inboundOf(press));
      return;
    }
    const claim = questions.claim(member, message.ts);
    if (claim.fresh === 'stale') return stale(member, press);
    if (claim.fresh === 'unknown' && (await outdated(member, press.questionKey))) return stale(member, press);
    const say = await w.sayFor(member);
    const answered = claim.fresh === 'live' ? say('slack.answered', { answer: press.label }) : undefined;
    await outbox.retire(message.channel, message.ts, message.text, message.blocks, answered);
    await toEngine(w, inboundOf(press));
  }

  async function openForm(press: Press): Promise<void> {
    const { member, message } = press;
    const form = decodeForm(press.value);
    if (!message || !form) return;
    const fresh = questions.check(member, message.ts);
    if (fresh === 'stale' || (fresh === 'unknown' && (await outdated(member, press.questionKey))))
      return stale(member, press);
    const origin = { form: form.id, key: press.questionKey, channel: message.channel, ts: message.ts };
    const say = await w.sayNow(member);
    // The trigger_id expires three seconds after the press: the modal opens before anything slow.
    await bolt.client.views.open({
      trigger_id: press.triggerId,
      view: renderModal(form, JSON.stringify(origin), say('slack.form.cancel')),
    });
  }

  bolt.action(
    new RegExp(`^(${ACTION.choice}\\.\\d+|${ACTION.select}(?:\\.\\d+)?|${ACTION.picksDone})$`),
    async ({ ack, body }) => {
      await ack();
      const press = fromBlockActions(body);
      if (press) await answer(press);
    },
  );

  // A tick in a multi-select only fills the menu; "Done" sends the ticks (see renderReply).
  bolt.action(ACTION.picks, async ({ ack }) => {
    await ack();
  });

  bolt.action(ACTION.openForm, async ({ ack, body }) => {
    await ack();
    const press = fromBlockActions(body);
    if (press) await openForm(press);
  });

  bolt.view(FORM_CALLBACK, async ({ ack, body }) => {
    await ack();
    const submission = fromViewSubmission(body);
    if (!submission) return;
    const { inbound, origin } = submission;
    const member = inbound.member;
    if (origin.ts) {
      const claim = questions.claim(member, origin.ts);
      if (claim.fresh === 'stale') return stale(member);
      if (claim.fresh === 'unknown' && (await outdated(member, origin.key))) return stale(member);
      if (claim.fresh === 'live') {
        const { channel, ts, text, blocks } = claim.posted;
        const say = await w.sayFor(member);
        const answered = say('slack.answered', { answer: Object.values(inbound.fields).join(' · ') });
        await outbox.retire(channel, ts, text, blocks, answered);
      }
    }
    await toEngine(w, inbound);
  });

  // The Home tab's buttons are commands, as if typed in the DM, where their answers go.
  const homeCommands = {
    [ACTION.homeContinue]: 'continue',
    [ACTION.homeLanguage]: 'language',
    [ACTION.homeCoffee]: 'coffee',
    [ACTION.homeMap]: 'map',
  } as const;
  for (const [actionId, command] of Object.entries(homeCommands)) {
    bolt.action(actionId, async ({ ack, body }) => {
      await ack();
      const press = fromBlockActions(body);
      if (!press) return;
      await toEngine(w, commandInbound(press, command));
      // The map changes nothing the Home tab shows.
      if (command !== 'map') await publishHome(w, press.member);
    });
  }

  // The invitation's button only opens a link; Slack still reports the press, which wants an ack.
  bolt.action(ACTION.invite, async ({ ack }) => ack());
}
