/**
 * A model that asks to wait a minute (429, Retry-After: 60) holds no Slack turn past
 * COACH_TIMEOUT_MS: ten members writing a sentence at once are all answered, scripted, in time.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type FakeOpenAi, startFakeOpenAi } from '../coach/fake-openai.js';
import { storedState } from '../helpers/stored.js';
import { type Harness, SlackMember, startHarness } from './harness.js';

const TIMEOUT_MS = 400;
let fake: FakeOpenAi;
let h: Harness;
beforeAll(async () => {
  fake = await startFakeOpenAi();
  fake.mode = '429-minute';
  h = await startHarness({
    env: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: fake.url, COACH_TIMEOUT_MS: String(TIMEOUT_MS) },
  });
});
afterAll(async () => {
  await h.close();
  await fake.close();
});

it('answers ten members at once within the coach timeout, not after the Retry-After', async () => {
  const members = Array.from({ length: 10 }, (_, i) => new SlackMember(h, `UW${i}`));
  for (const m of members) {
    await m.say('hello');
    await m.press('begin');
    await m.press('begin');
  }
  const started = performance.now();
  // A sentence at recall asks the model; the model asks to wait a minute.
  await Promise.all(members.map((m) => m.say('my neighbour Anna and my old colleague Piet')));
  const took = performance.now() - started;
  expect(fake.requests('people').length).toBeGreaterThanOrEqual(10);
  // Each got the scripted reading of the sentence.
  for (const m of members) {
    const people = (await storedState(h.app, m.member))?.network.people.map((p) => p.name);
    expect(people).toEqual(['Anna', 'Piet']);
    expect(m.texts().join('\n')).toContain('Anna');
  }
  // Eight turns run at a time per process, each held at most the timeout (and its one retry's).
  expect(took).toBeLessThan(10 * TIMEOUT_MS + 5_000);
});
