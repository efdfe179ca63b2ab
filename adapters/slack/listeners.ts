import type { App } from '@slack/bolt';
import type { Engine } from '../../src/engine/engine.js';
import type { MemberRef } from '../../src/engine/types.js';
import { mapPicture } from '../../src/exercises/picture.js';
import type { Logger } from '../../src/log.js';
import type { Say } from '../../src/texts/texts.js';
import type { Identity } from './connection.js';
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
  type Unprofiled,
} from './inbound.js';
import type { SlackOutbox } from './outbox.js';
import type { Profiles } from './profile.js';
import type { Questions } from './questions.js';
import { ACTION, FORM_CALLBACK, renderModal } from './render.js';

export interface Wiring {
  engine: Engine;
  identity: Identity;
  profiles: Profiles;
  questions: Questions;
  slack: SlackOutbox;
  /** The member's translator: their stored language, else their Slack locale, else the default. */
  sayFor(member: MemberRef): Promise<Say>;
  /** The same without asking Slack, for answers that must leave within three seconds. */
  sayNow(member: MemberRef): Promise<Say>;
  revisitDays: number;
  log: Logger;
}

/** Invitations answered lately, so a retried channel mention gets one (no member state is kept for it). */
const INVITES_KEPT = 500;

const teamOf = (body: unknown): string => {
  const b = body as { team_id?: string; authorizations?: { team_id?: string | null }[] };
  return b.authorizations?.[0]?.team_id ?? b.team_id ?? '';
};

/** Connects Slack's events, commands, actions and views to the engine; the slow part runs after ack. */
export function listen(bolt: App, w: Wiring): void {
  const { engine, questions, slack, log } = w;
  const invited: string[] = [];

  async function handle(inbound: Unprofiled): Promise<void> {
    const profile = await w.profiles.of(inbound.member);
    try {
      await engine.handle({ ...inbound, ...profile });
    } catch (error) {
      log.warn({ err: error, kind: inbound.kind }, 'a Slack payload was not accepted by the engine');
    }
  }

  const tell = async (member: MemberRef, text: string) => slack.outbox.deliver(member, [{ text }]);

  async function invite(outcome: Extract<MessageOutcome, { invite: unknown }>['invite'], body: unknown) {
    const key = `${outcome.channel}:${outcome.threadTs}:${outcome.user}`;
    if (invited.includes(key)) return;
    invited.push(key);
    if (invited.length > INVITES_KEPT) invited.shift();
    const team = teamOf(body);
    const say = await w.sayFor({ platform: 'slack', space: team, user: outcome.user });
    const text = say('slack.invite.text', { user: `<@${outcome.user}>` });
    const app = (body as { api_app_id?: string }).api_app_id;
    const link = app ? `https://slack.com/app_redirect?app=${app}&team=${team}` : undefined;
    await bolt.client.chat.postMessage({
      channel: outcome.channel,
      thread_ts: outcome.threadTs,
      text,
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text } },
        ...(link
          ? [
              {
                type: 'actions' as const,
                elements: [
                  {
                    type: 'button' as const,
                    action_id: ACTION.invite,
                    text: { type: 'plain_text' as const, text: say('slack.invite.button') },
                    url: link,
                  },
                ],
              },
            ]
          : []),
      ],
    });
  }

  async function onMessage(outcome: MessageOutcome, body: unknown): Promise<void> {
    if ('inbound' in outcome) await handle(outcome.inbound);
    else if ('invite' in outcome) await invite(outcome.invite, body);
  }

  async function publishHome(member: MemberRef): Promise<void> {
    const state = await engine.peek(member);
    const jobs = state ? ((await engine.exportMember(member))?.jobs ?? []) : [];
    const view = renderHome(state, jobs, await w.sayFor(member));
    await bolt.client.views.publish({ user_id: member.user, view });
  }

  async function stale(member: MemberRef, press?: Press): Promise<void> {
    if (press?.message) {
      const { channel, ts, text, blocks } = press.message;
      await slack.retire(channel, ts, text, blocks);
    }
    await tell(member, (await w.sayFor(member))('slack.stale'));
  }

  async function answer(press: Press): Promise<void> {
    const { member, message } = press;
    if (!message) return handle(choiceInbound(press));
    const claim = questions.claim(member, message.ts);
    if (claim.fresh === 'stale') return stale(member, press);
    const say = await w.sayFor(member);
    const answered = claim.fresh === 'live' ? say('slack.answered', { answer: press.label }) : undefined;
    await slack.retire(message.channel, message.ts, message.text, message.blocks, answered);
    await handle(choiceInbound(press));
  }

  async function openForm(press: Press): Promise<void> {
    const { member, message } = press;
    const form = decodeForm(press.value);
    if (!message || !form) return;
    if (questions.peek(member, message.ts) === 'stale') return stale(member, press);
    const origin = JSON.stringify({ form: form.id, channel: message.channel, ts: message.ts });
    const say = await w.sayNow(member);
    await bolt.client.views.open({
      trigger_id: press.triggerId,
      view: renderModal(form, origin, say('slack.form.cancel')),
    });
  }

  async function sendMap(member: MemberRef): Promise<void> {
    const state = await engine.peek(member);
    if (!state || state.network.people.length === 0) return;
    const ctx = { say: await w.sayFor(member), now: new Date(), revisitDays: w.revisitDays };
    await slack.outbox.deliver(member, [mapPicture(state, ctx)]);
  }

  bolt.event('message', async ({ event, body }) => {
    await onMessage(fromMessageEvent(event, teamOf(body), w.identity), body);
  });

  bolt.event('app_mention', async ({ event, body }) => {
    await onMessage(fromAppMention(event, teamOf(body), w.identity), body);
  });

  bolt.event('app_home_opened', async ({ event, body }) => {
    const member = fromHomeOpened(event, teamOf(body));
    if (member) await publishHome(member);
  });

  bolt.command('/weakties', async ({ ack, body }) => {
    const slash = fromSlashCommand(body);
    if (!slash) return ack();
    // Typed in a channel: the answer (which may be personal) goes to the DM, and this says so.
    if (slash.channel.startsWith('D')) await ack();
    else
      await ack({
        response_type: 'ephemeral',
        text: (await w.sayNow(slash.inbound.member))('slack.command.inDm'),
      });
    await handle(slash.inbound);
  });

  bolt.action(new RegExp(`^(${ACTION.choice}\\.\\d+|${ACTION.select})$`), async ({ ack, body }) => {
    await ack();
    const press = fromBlockActions(body);
    if (press) await answer(press);
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
    if (origin.ts) {
      const claim = questions.claim(inbound.member, origin.ts);
      if (claim.fresh === 'stale') return stale(inbound.member);
      if (claim.fresh === 'live') {
        const { channel, ts, text, blocks } = claim.posted;
        const answer = Object.values(inbound.fields).join(' · ');
        await slack.retire(
          channel,
          ts,
          text,
          blocks,
          (await w.sayFor(inbound.member))('slack.answered', { answer }),
        );
      }
    }
    await handle(inbound);
  });

  const homeCommands = { [ACTION.homeContinue]: 'continue', [ACTION.homeLanguage]: 'language' } as const;
  for (const [actionId, command] of Object.entries(homeCommands)) {
    bolt.action(actionId, async ({ ack, body }) => {
      await ack();
      const press = fromBlockActions(body);
      if (!press) return;
      await handle(commandInbound(press, command));
      await publishHome(press.member);
    });
  }

  bolt.action(ACTION.homeMap, async ({ ack, body }) => {
    await ack();
    const press = fromBlockActions(body);
    if (press) await sendMap(press.member);
  });

  // The invitation's button only opens a link; Slack still tells us it was pressed.
  bolt.action(ACTION.invite, async ({ ack }) => ack());

  bolt.error(async (error) => {
    log.error({ err: error }, 'slack listener failed');
  });
}
