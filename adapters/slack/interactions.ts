import type { MemberRef } from '../../src/core/types.js';
import {
  choiceInbound,
  commandInbound,
  decodeForm,
  fromBlockActions,
  fromViewSubmission,
  type Press,
} from './inbound.js';
import { ACTION, FORM_CALLBACK, renderModal } from './render.js';
import { publishHome, toEngine, type Wiring } from './wiring.js';

/**
 * Buttons, selects and modals. Only the member's open question may be answered: a press on any
 * other message is answered politely and changes nothing. Every listener acks before its work.
 */
export function listenToInteractions(w: Wiring): void {
  const { bolt, engine, questions, slack } = w;

  async function stale(member: MemberRef, press?: Press): Promise<void> {
    if (press?.message) {
      const { channel, ts, text, blocks } = press.message;
      await slack.retire(channel, ts, text, blocks);
    }
    const say = await w.sayFor(member);
    await slack.note(member, say('slack.stale'));
  }

  /** When this process has not posted the open question itself (after a restart), the engine's key decides. */
  async function outdated(member: MemberRef, key: string | undefined): Promise<boolean> {
    if (key === undefined) return false;
    const current = await engine.questionKey(member);
    return current !== undefined && current !== key;
  }

  async function answer(press: Press): Promise<void> {
    const { member, message } = press;
    if (!message) {
      await toEngine(w, choiceInbound(press));
      return;
    }
    const claim = questions.claim(member, message.ts);
    if (claim.fresh === 'stale') return stale(member, press);
    if (claim.fresh === 'unknown' && (await outdated(member, press.questionKey))) return stale(member, press);
    const say = await w.sayFor(member);
    const answered = claim.fresh === 'live' ? say('slack.answered', { answer: press.label }) : undefined;
    await slack.retire(message.channel, message.ts, message.text, message.blocks, answered);
    await toEngine(w, choiceInbound(press));
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
    const member = inbound.member;
    if (origin.ts) {
      const claim = questions.claim(member, origin.ts);
      if (claim.fresh === 'stale') return stale(member);
      if (claim.fresh === 'unknown' && (await outdated(member, origin.key))) return stale(member);
      if (claim.fresh === 'live') {
        const { channel, ts, text, blocks } = claim.posted;
        const say = await w.sayFor(member);
        const answered = say('slack.answered', { answer: Object.values(inbound.fields).join(' · ') });
        await slack.retire(channel, ts, text, blocks, answered);
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
