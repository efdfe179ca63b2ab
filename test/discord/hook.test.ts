import { afterEach, expect, it } from 'vitest';
import { storedState } from '../helpers/stored.js';
import { say } from '../helpers/texts.js';
import { type Harness, Member, startHarness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

it('prepares an event in a DM: typed answers, buttons and the answer form, to the event card', async () => {
  h = await startHarness();
  const ada = new Member(h, '100000000000000007');
  await ada.type('hello');
  await ada.press('menu');
  const event = await ada.press('hook');
  expect(event.question.content).toContain(say('en', 'hook.event'));
  // The event's name through the form (a modal), the rest typed or pressed.
  await ada.fill('answer', { answer: 'Data Summit @everyone' });
  await ada.press('d3');
  await ada.press('online');
  await ada.type('AI ethics, Dashboards');
  await ada.type('Meet two people who hire data scientists');
  await ada.type('I build models and worry about bias');
  await ada.type('we are rebuilding our dashboards');
  await ada.press('open');
  await ada.press('use');
  await ada.type('How do you keep dashboards simple?');
  await ada.type('What would you start with? Who should I talk to?');
  await ada.type('I am a data scientist at a hospital');
  await ada.press('coffee');
  await ada.press('use');
  // Discord gives no time zone: it is asked once, then the hour.
  const zone = await ada.press('Europe/Amsterdam');
  expect(zone.question.content).toBe(say('en', 'when.hour'));
  const end = await ada.press('h19');
  const card = end.before.map((m) => m.content).find((c) => c?.startsWith('Event card: Data Summit'));
  expect(card).toContain('Opener: "That part about AI ethics caught my attention.');
  expect(card).toContain('Opener: "How do you keep dashboards simple?"');
  expect(card).toContain('Follow-up questions: What would you start with? Who should I talk to?');
  expect(end.question.content).toBe(say('en', 'menu.prompt'));
  // Echoed member text never pings anyone.
  const posts = h.fake.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/messages'));
  expect(posts.length).toBeGreaterThan(0);
  for (const post of posts) expect(JSON.stringify(post.body)).toContain('"allowed_mentions":{"parse":[]}');

  const state = await storedState(h.app, { platform: 'discord', space: 'global', user: ada.user.id });
  expect(state?.timezone).toBe('Europe/Amsterdam');
  expect(state?.commitments[0]).toMatchObject({
    kind: 'event',
    title: 'Data Summit @everyone',
    status: 'open',
  });
}, 60_000);
