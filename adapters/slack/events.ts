import { isTakeover, settled } from './durable.js';
import { fromAppMention, fromHomeOpened, fromMessageEvent, type MessageOutcome } from './inbound.js';
import { appLink, renderInvite } from './render.js';
import { publishHome, teamOf, toEngine, type Wiring } from './wiring.js';

/** Invitations answered lately, so a retried channel mention gets one (no member state is kept for it). */
const INVITES_KEPT = 500;

type Invite = Extract<MessageOutcome, { invite: unknown }>['invite'];

/** The Events API: DMs to the engine, channel mentions to an invitation, the Home tab to its dashboard. */
export function listenToEvents(w: Wiring): void {
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
