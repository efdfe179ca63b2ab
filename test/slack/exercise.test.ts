/**
 * A whole network-map exercise in a DM, through the real Bolt app: message.im to begin, buttons
 * (block_actions) for every choice, the names modal (views.open, then view_submission), down to
 * the summary and the map picture uploaded with files.uploadV2.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { METHOD_SCOPES } from '../../adapters/slack/scopes.js';
import { PNG_SIGNATURE } from '../helpers/scripts.js';
import { storedState } from '../helpers/stored.js';
import { say } from '../helpers/texts.js';
import { en, type Harness, SlackMember, startHarness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ users: { U1: { locale: 'en-GB', tz: 'Europe/Amsterdam' } } });
});
afterEach(async () => {
  await h.close();
});

/** What the member picks whenever a question offers it, in this order of preference. */
// Every group question answered "none of them"; then the map's next step back to the menu.
const PICKS = ['none', 'menu'];

it('runs the network map exercise in a DM from hello to the summary and the picture', async () => {
  const member = new SlackMember(h, 'U1');
  await member.say('hello');
  expect(member.lastText()).toBe(en('welcome.intro'));
  expect(h.fake.callsOf('users.info')[0]?.args).toMatchObject({ user: 'U1', include_locale: 'true' });
  expect(h.fake.callsOf('conversations.open')[0]?.args).toEqual({ users: 'U1' });

  const welcome = member.question();
  await member.press('begin');
  // The answered question loses its buttons and shows what was picked.
  const update = h.fake.callsOf('chat.update').at(-1);
  expect(update?.args).toMatchObject({ channel: 'DU1', ts: welcome.ts });
  expect(JSON.stringify(update?.args.blocks)).not.toContain('"actions"');
  expect(JSON.stringify(update?.args.blocks)).toContain(`✓ ${say('en', 'welcome.begin')}`);
  expect(member.lastText()).toBe(en('awareness.intro'));

  await member.press('begin');
  expect(member.lastText()).toContain(en('recall.work'));

  // The names of the first part of life go through the form: a button opens the modal.
  const view = await member.openForm();
  expect(view).toMatchObject({ type: 'modal', callback_id: 'weakties.form' });
  const opened = h.fake.callsOf('views.open').at(-1);
  expect(opened?.args.trigger_id).toMatch(/\.333649436676\./);
  const submitted = await member.submit(view, { names: 'Anna, Piet' });
  expect(submitted.status).toBe(200);
  expect(member.texts()).toContain(en('people.added', { names: 'Anna, Piet', total: 2 }));

  for (let turn = 0; turn < 100; turn += 1) {
    const choices = member.elements().map((e) => e.value ?? e.options?.map((o) => o.value));
    if (choices.flat().includes('awareness') && choices.flat().includes('network')) break;
    const pick = PICKS.find((p) => choices.flat().includes(p));
    if (!pick) throw new Error(`no planned answer for ${JSON.stringify(choices)}`);
    await member.press(pick);
  }

  const texts = member.texts();
  expect(texts).toContain(en('summary.closing', { days: 7 }));
  expect(texts.at(-1)).toBe(en('menu.prompt'));

  // The map picture: URL, upload, completion into the DM, with its alt text.
  const urlCall = h.fake.callsOf('files.getUploadURLExternal').at(-1);
  expect(urlCall?.args).toMatchObject({
    filename: 'network-map.png',
    alt_text: say('en', 'map.alt', { size: 2 }),
  });
  const fileId = urlCall?.result.file_id;
  const upload = h.fake.uploads.find((u) => u.fileId === fileId);
  expect(upload?.bytes.includes(PNG_SIGNATURE)).toBe(true);
  const complete = h.fake.callsOf('files.completeUploadExternal').at(-1);
  expect(complete?.args).toMatchObject({ channel_id: 'DU1', initial_comment: en('map.caption') });
  expect(complete?.args.files).toEqual([{ id: fileId, title: say('en', 'map.alt', { size: 2 }) }]);
  const order = h.fake.calls.map((c) => c.method);
  const at = order.lastIndexOf('files.getUploadURLExternal');
  expect(order.slice(at, at + 3)).toEqual([
    'files.getUploadURLExternal',
    'upload',
    'files.completeUploadExternal',
  ]);

  // Only the newest question has buttons; every earlier one was updated without them.
  const questions = member.posted().filter((m) => m.blocks.some((b) => b.type === 'actions'));
  const updated = new Set(h.fake.callsOf('chat.update').map((c) => c.args.ts));
  expect(questions.slice(0, -1).every((q) => updated.has(q.ts))).toBe(true);
  expect(updated.has(questions.at(-1)?.ts)).toBe(false);

  // Every Web API method called is one the manifest grants a scope for.
  const methods = new Set(h.fake.calls.map((c) => c.method).filter((m) => m !== 'upload'));
  expect([...methods].filter((m) => !(m in METHOD_SCOPES))).toEqual([]);

  // The engine kept the member's time zone from users.info.
  const state = await storedState(h.app, member.member);
  expect(state?.timezone).toBe('Europe/Amsterdam');
  expect(state?.completed).toHaveLength(1);
  expect(state?.flow.at).toBe('menu');
});

it('delivers the follow-up as a DM when its time comes, opening the DM itself', async () => {
  const member = new SlackMember(h, 'U1');
  await member.say('hello');
  await member.press('begin');
  await member.press('begin');
  await member.fillForm({ names: 'Anna' });
  for (let turn = 0; turn < 100; turn += 1) {
    const values = member.elements().flatMap((e) => [e.value, ...(e.options?.map((o) => o.value) ?? [])]);
    if (values.includes('awareness')) break;
    const pick = PICKS.find((p) => values.includes(p));
    if (!pick) throw new Error(`no planned answer for ${JSON.stringify(values)}`);
    await member.press(pick);
  }
  const inAWeek = new Date(Date.now() + 8 * 86_400_000);
  expect(await h.app.engine.tick(inAWeek)).toBe(1);
  expect(member.lastText()).toBe(en('revisit.prompt'));
  expect(member.question().blocks.some((b) => b.type === 'actions')).toBe(true);
});

it('posts to a member who never wrote, by opening the DM with conversations.open', async () => {
  const stranger = { platform: 'slack' as const, space: 'T0001', user: 'U9' };
  await h.adapter.outbox.deliver(stranger, [{ text: 'Hello <!here>' }], { lang: 'en' });
  expect(h.fake.callsOf('conversations.open').at(-1)?.args).toEqual({ users: 'U9' });
  expect(h.fake.callsOf('chat.postMessage').at(-1)?.args).toMatchObject({
    channel: 'DU9',
    text: 'Hello &lt;!here&gt;',
  });
});
