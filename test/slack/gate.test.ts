/** What Bolt's HTTP receiver gets to see: signed bodies of Slack's shape, answered at once otherwise. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventEnvelope, imMessage } from './fixtures.js';
import { type Harness, signature, startHarness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const json = 'application/json';
const formType = 'application/x-www-form-urlencoded';
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

/** Posts a signed body and times the answer. */
async function signed(body: string, type = json, at?: number) {
  const started = performance.now();
  const sent = await h.post(body, { 'content-type': type, ...signature(body, undefined, at) });
  return { status: sent.status, ms: performance.now() - started };
}

describe('the Slack request gate', () => {
  it.each([
    ['JSON null', 'null', json],
    ['a JSON array', '[1,2]', json],
    ['a JSON string', '"hello"', json],
    ['an event_callback without an event', JSON.stringify({ type: 'event_callback', event_id: 'Ev1' }), json],
    [
      'a url_verification without a challenge',
      JSON.stringify({ type: 'url_verification', challenge: 7 }),
      json,
    ],
    ['a form without a payload', form({ hello: 'there' }), formType],
    [
      'block_actions without actions',
      form({ payload: JSON.stringify({ type: 'block_actions', actions: [] }) }),
      formType,
    ],
    ['a payload that is not JSON', form({ payload: '{nope' }), formType],
  ])('answers %s with a quick 400, and the process lives on', async (_name, body, type) => {
    const answer = await signed(body, type);
    expect(answer.status).toBe(400);
    // Not Bolt's 3 s wait for a 404.
    expect(answer.ms).toBeLessThan(2_000);
    expect((await h.get('/healthz')).status).toBe(200);
  });

  it('refuses a timestamp more than five minutes ahead, as one five minutes old', async () => {
    const body = JSON.stringify(eventEnvelope(imMessage('U1', 'hi')));
    const now = Math.floor(Date.now() / 1000);
    expect((await signed(body, json, now + 6 * 60)).status).toBe(401);
    expect((await signed(body, json, now - 6 * 60)).status).toBe(401);
  });

  it('still lets through what Slack sends: a challenge, a message, a slash command', async () => {
    const challenge = await h.post(JSON.stringify({ type: 'url_verification', challenge: 'c-1' }), {
      'content-type': json,
      ...signature(JSON.stringify({ type: 'url_verification', challenge: 'c-1' })),
    });
    expect(challenge).toMatchObject({ status: 200 });
    expect(challenge.body).toContain('c-1');
    expect((await h.event(imMessage('U1', 'hello'))).status).toBe(200);
    expect(
      (await h.command({ command: '/weakties', text: 'help', user_id: 'U1', team_id: 'T1' })).status,
    ).toBe(200);
  });
});
