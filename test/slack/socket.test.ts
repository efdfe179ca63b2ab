/**
 * Socket Mode: the fake answers apps.connections.open with a ws:// URL, its WebSocket server sends
 * `hello` and then envelopes; the real Bolt SocketModeReceiver acks each by its envelope_id.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { escapeMrkdwn } from '../../adapters/slack/render.js';
import { say } from '../helpers/texts.js';
import { blockActions, eventEnvelope, imMessage, slashCommand } from './fixtures.js';
import { type Harness, SlackMember, startHarness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ mode: 'socket', users: { U1: { locale: 'en-US' } } });
});
afterEach(async () => {
  await h.close();
});

/** Sends one envelope and waits for its ack and for the work that follows it. */
async function deliver(envelopeId: string, type: string, payload: Record<string, unknown>) {
  h.fake.sendEnvelope({
    envelope_id: envelopeId,
    payload,
    type,
    accepts_response_payload: type !== 'events_api',
    retry_attempt: 0,
    retry_reason: '',
  });
  await h.fake.until(() => h.fake.socketFrames.some((f) => f.envelope_id === envelopeId));
  await h.adapter.idle();
}

it('connects through apps.connections.open, acks envelopes by envelope_id and replies in the DM', async () => {
  expect(h.adapter.port).toBeUndefined();
  expect(h.fake.callsOf('apps.connections.open')).toHaveLength(1);
  const member = new SlackMember(h, 'U1');

  await deliver(
    '57d6a792-4d35-4d0b-b6aa-3361493e1caf',
    'events_api',
    eventEnvelope(imMessage('U1', 'hello')),
  );
  expect(h.fake.socketFrames).toContainEqual({
    envelope_id: '57d6a792-4d35-4d0b-b6aa-3361493e1caf',
    payload: {},
  });
  expect(member.lastText()).toBe(escapeMrkdwn(say('en', 'welcome.intro')));

  const press = blockActions('U1', member.question(), {
    action_id: 'weakties.choice.0',
    type: 'button',
    value: 'begin',
    label: 'Map my network',
  });
  await deliver('e2', 'interactive', press);
  expect(h.fake.socketFrames.some((f) => f.envelope_id === 'e2')).toBe(true);
  expect(member.lastText()).toBe(escapeMrkdwn(say('en', 'awareness.intro')));

  await deliver('e3', 'slash_commands', slashCommand('U1', 'help'));
  expect(member.texts()).toContain(escapeMrkdwn(say('en', 'common.help')));
});
