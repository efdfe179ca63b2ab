/** Slack's rules, through the real Bolt app: signatures, retries, duplicates, commands, Home, escaping. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { METHOD_SCOPES } from '../../adapters/slack/scopes.js';
import { silentLogger } from '../../src/log.js';
import { createMemberRepo } from '../../src/store/members.js';
import { openEvents } from '../helpers/commitments.js';
import { storedState } from '../helpers/stored.js';
import { say } from '../helpers/texts.js';
import { appMention, eventEnvelope, homeOpened, imMessage, newTs, TEAM } from './fixtures.js';
import { en, type Harness, nl, SlackMember, sectionText, signature, startHarness } from './harness.js';

let h: Harness;
let anna: SlackMember;
beforeEach(async () => {
  h = await startHarness({
    users: { U1: { locale: 'en-US', tz: 'Europe/London' }, U2: { locale: 'nl-NL' } },
  });
  anna = new SlackMember(h, 'U1');
});
const must = <T>(value: T | undefined): T => {
  if (value === undefined) throw new Error('missing');
  return value;
};

afterEach(async () => {
  // Every Web API method the adapter called is one whose scope the manifest grants.
  const methods = new Set(
    h.fake.calls.map((c) => c.method.replace(/:429$/, '')).filter((m) => m !== 'upload'),
  );
  await h.close();
  expect([...methods].filter((m) => !(m in METHOD_SCOPES))).toEqual([]);
});

const posts = () => h.fake.callsOf('chat.postMessage');

describe('HTTP mode', () => {
  it('answers GET /healthz', async () => {
    expect(await h.get('/healthz')).toEqual({ status: 200, body: 'ok' });
  });

  it('answers the url_verification challenge Slack sends when the Request URL is saved', async () => {
    const body = JSON.stringify({
      token: 'Jhj5dZrVaK7ZwHHjRyZWjbDl',
      challenge: '3eZbrw1aBm2r',
      type: 'url_verification',
    });
    const sent = await h.post(body, { 'content-type': 'application/json', ...signature(body) });
    expect(sent.status).toBe(200);
    expect(JSON.parse(sent.body)).toEqual({ challenge: '3eZbrw1aBm2r' });
  });

  it('refuses a bad signature with 401 and changes nothing', async () => {
    const body = JSON.stringify(eventEnvelope(imMessage('U1', 'hello')));
    const forged = signature(body, 'not-the-signing-secret');
    const sent = await h.post(body, { 'content-type': 'application/json', ...forged });
    expect(sent.status).toBe(401);
    expect(await storedState(h.app, anna.member)).toBeUndefined();
    expect(posts()).toHaveLength(0);
  });

  it('refuses a stale signature (older than five minutes) with 401 and changes nothing', async () => {
    const body = JSON.stringify(eventEnvelope(imMessage('U1', 'hello')));
    const old = signature(body, undefined, Math.floor(Date.now() / 1000) - 6 * 60);
    const sent = await h.post(body, { 'content-type': 'application/json', ...old });
    expect(sent.status).toBe(401);
    expect(await storedState(h.app, anna.member)).toBeUndefined();
    expect(posts()).toHaveLength(0);
  });

  it('answers a retried event (x-slack-retry-num) once', async () => {
    const ts = newTs();
    await anna.say('hello', { eventId: 'Ev0RETRY', ts });
    const retried = await anna.say('hello', { eventId: 'Ev0RETRY', ts, retry: 1 });
    expect(retried.status).toBe(200);
    expect(posts()).toHaveLength(1);
  });

  it('answers a message once when it arrives as both message.im and app_mention', async () => {
    await anna.say('hello');
    const ts = newTs();
    await h.event(imMessage('U1', '<@UBOT> help', ts));
    await h.event(appMention('U1', 'DU1', '<@UBOT> help', ts));
    const helps = anna.texts().filter((t) => t === en('common.help'));
    expect(helps).toHaveLength(1);
  });

  it('ignores edits, other bots and its own messages', async () => {
    await h.event(imMessage('U1', 'x', undefined, { subtype: 'message_changed' }));
    await h.event(imMessage('U3', 'x', undefined, { subtype: 'bot_message', bot_id: 'B3' }));
    await h.event(imMessage('UBOT', 'x', undefined, { bot_id: 'BBOT' }));
    expect(posts()).toHaveLength(0);
  });

  it('keeps a reply when Slack rate-limits the first try (429 with Retry-After)', async () => {
    h.fake.rateLimitOnce('chat.postMessage');
    await anna.say('hello');
    expect(h.fake.calls.map((c) => c.method)).toContain('chat.postMessage:429');
    expect(anna.lastText()).toBe(en('welcome.intro'));
  });
});

describe('a mention in a channel', () => {
  it('answers in its thread with an invitation to a DM, and nothing personal', async () => {
    await anna.say('hello');
    await anna.press('begin');
    const ts = newTs();
    await h.event(appMention('U1', 'C0GENERAL', '<@UBOT> what do you do?', ts));
    await h.event(appMention('U1', 'C0GENERAL', '<@UBOT> what do you do?', ts), { retry: 1 });
    const inChannel = posts().filter((c) => c.args.channel === 'C0GENERAL');
    expect(inChannel).toHaveLength(1);
    expect(inChannel[0]?.args).toMatchObject({
      thread_ts: ts,
      text: say('en', 'slack.invite.text', { user: '<@U1>' }),
    });
    expect(JSON.stringify(inChannel[0]?.args.blocks)).toContain(
      'https://slack.com/app_redirect?app=A0001&team=T0001',
    );
    expect(await storedState(h.app, anna.member)).toMatchObject({ flow: { at: 'awareness.intro' } });
  });
});

describe('delivery', () => {
  it('speaks the language and names the question the engine gives with each delivery', async () => {
    // Nobody is stored for U9: the adapter has nothing to read but what the delivery says.
    const stranger = { platform: 'slack' as const, space: TEAM, user: 'U9' };
    const form = { id: 'names', title: 'Namen', submit: 'Klaar', fields: [{ id: 'names', label: 'Wie?' }] };
    await h.adapter.outbox.deliver(stranger, [{ text: 'Wie ken je?', form }], {
      lang: 'nl',
      questionKey: 'K1',
    });
    const blocks = (posts().at(-1)?.args.blocks ?? []) as { type: string; block_id?: string }[];
    const actions = blocks.find((b) => b.type === 'actions');
    expect(actions?.block_id).toBe('weakties.question:K1');
    expect(JSON.stringify(actions)).toContain(JSON.stringify(say('nl', 'slack.form.open')));
    expect(await storedState(h.app, stranger)).toBeUndefined();
  });

  it("puts a Dutch member's own words on the buttons of their questions", async () => {
    const bas = new SlackMember(h, 'U2');
    await bas.say('hallo');
    await bas.press('begin');
    await bas.press('begin');
    const button = bas.elements().find((e) => e.action_id === 'weakties.form');
    expect(button?.text?.text).toBe(say('nl', 'slack.form.open'));
  });
});

describe('the slash command', () => {
  it.each([
    ['help', 'common.help'],
    ['', 'welcome.intro'],
    ['start', 'welcome.intro'],
    ['my network', 'network.empty'],
    ['network', 'network.empty'],
    ['language', 'language.prompt'],
    ['forget', 'forget.confirm'],
  ])('"/weakties %s" answers in the DM', async (text, key) => {
    await anna.say('hello');
    const sent = await anna.command(text);
    expect(sent.status).toBe(200);
    expect(anna.texts()).toContain(en(key));
  });

  it('"/weakties language nl" switches to Dutch', async () => {
    await anna.command('start');
    await anna.command('language nl');
    expect(anna.texts()).toContain(nl('language.set'));
    expect((await storedState(h.app, anna.member))?.lang).toBe('nl');
  });

  it('"/weakties export" uploads the export file into the DM', async () => {
    await anna.command('start');
    await anna.command('export');
    const url = h.fake.callsOf('files.getUploadURLExternal').at(-1);
    expect(url?.args.filename).toBe('weakties-export.json');
    const upload = h.fake.uploads.find((u) => u.fileId === url?.result.file_id);
    expect(upload?.bytes.toString('utf8')).toContain('"exportedAt"');
    expect(h.fake.callsOf('files.completeUploadExternal').at(-1)?.args).toMatchObject({
      channel_id: 'DU1',
      initial_comment: en('export.attached'),
    });
  });

  it('"/weakties forget" then yes deletes the member', async () => {
    await anna.command('start');
    await anna.command('forget');
    await anna.press('yes');
    expect(anna.lastText()).toBe(en('forget.done'));
    expect(await storedState(h.app, anna.member)).toBeUndefined();
  });

  it('typed in a channel, says (only to the member) that the answer is in the DM', async () => {
    const sent = await anna.command('help', 'C0GENERAL');
    expect(JSON.parse(sent.body)).toEqual({
      response_type: 'ephemeral',
      text: say('en', 'slack.command.inDm'),
    });
    expect(posts().every((c) => c.args.channel === 'DU1')).toBe(true);
  });

  it('greets a Dutch Slack user in Dutch (users.info locale)', async () => {
    await new SlackMember(h, 'U2').command('');
    expect(new SlackMember(h, 'U2').lastText()).toBe(nl('welcome.intro'));
  });
});

describe('answered and stale buttons', () => {
  it('answers a press on an old question politely and changes nothing', async () => {
    await anna.say('hello');
    const welcome = anna.question();
    await anna.press('begin');
    const before = await storedState(h.app, anna.member);
    await anna.press('menu', welcome);
    expect(anna.lastText()).toBe(en('slack.stale'));
    const after = await storedState(h.app, anna.member);
    expect(after).toEqual(before);
  });

  it('lets a double click answer once', async () => {
    await anna.say('hello');
    const welcome = anna.question();
    await Promise.all([anna.press('begin', welcome), anna.press('begin', welcome)]);
    expect(anna.texts().filter((t) => t === en('awareness.intro'))).toHaveLength(1);
    expect(anna.texts()).toContain(en('slack.stale'));
    expect((await storedState(h.app, anna.member))?.flow.at).toBe('awareness.intro');
  });

  it('after a restart, still tells an old question from the current one', async () => {
    await anna.say('hello');
    const welcome = anna.question();
    await anna.press('begin');
    const intro = anna.question();
    const before = await storedState(h.app, anna.member);
    await h.restart();
    // "menu" is also a choice of the current question, but the button belongs to the welcome:
    // the question key in its block_id tells, from the stored state alone.
    await anna.press('menu', welcome);
    expect(anna.lastText()).toBe(en('slack.stale'));
    expect(await storedState(h.app, anna.member)).toEqual(before);
    // The current question still works, and afterwards the adapter knows again which one is live.
    await anna.press('begin', intro);
    expect(anna.lastText()).toContain(en('recall.work'));
    await anna.press('begin', intro);
    expect(anna.lastText()).toBe(en('slack.stale'));
  });

  it('retires the old buttons when the member answers by typing', async () => {
    await anna.say('hello');
    const welcome = anna.question();
    await anna.say('1');
    const update = h.fake.callsOf('chat.update').find((c) => c.args.ts === welcome.ts);
    expect(JSON.stringify(update?.args.blocks)).not.toContain('actions');
    expect(anna.lastText()).toBe(en('awareness.intro'));
  });

  it('shows choices past five as a select menu that answers like buttons', async () => {
    await anna.command('start');
    await anna.command('my network');
    await anna.press('add');
    const select = anna.elements().find((e) => e.type === 'static_select');
    expect(select?.options?.length).toBeGreaterThan(5);
    await anna.press('friends');
    expect(anna.lastText()).toBe(en('add.names', { domain: say('en', 'domainFrom.friends') }));
    await anna.fillForm({ names: 'Jo, Kim' });
    expect(anna.texts()).toContain(en('people.added', { names: 'Jo, Kim', total: 2 }));
  });
});

describe('escaping', () => {
  it('shows mention tricks and links in member text instead of triggering them', async () => {
    await anna.say('hello');
    await anna.press('begin');
    await anna.press('begin');
    // Typed literally, Slack sends the brackets as entities; a real @channel arrives as <!channel>.
    await anna.say('&lt;!channel&gt; Bo, &lt;@U999&gt; Cy, <!here>, <https://evil.example|Dee>');
    const added = anna.posted().find((m) => sectionText(m.blocks as never).startsWith('Added'));
    const shown = sectionText(added?.blocks as never);
    expect(shown).toContain('&lt;!channel&gt; Bo');
    expect(shown).toContain('&lt;@U999&gt; Cy');
    expect(shown).toContain('Dee');
    const everything = JSON.stringify(posts().map((c) => [c.args.text, c.args.blocks]));
    expect(everything).not.toMatch(/<!channel>|<!here>|<@U999>|<https:/);
    const blocks = added?.blocks as { text?: { verbatim?: boolean } }[];
    expect(blocks.every((b) => b.text?.verbatim === true)).toBe(true);
  });
});

describe('App Home', () => {
  it('publishes the dashboard when the Home tab opens', async () => {
    await anna.say('hello');
    await anna.press('begin');
    await anna.press('begin');
    await anna.fillForm({ names: 'Anna, Piet' });
    await h.event(homeOpened('U1'));
    const published = h.fake.callsOf('views.publish').at(-1);
    expect(published?.args.user_id).toBe('U1');
    const view = published?.args.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe('home');
    const text = JSON.stringify(view.blocks);
    expect(text).toContain(
      say('en', 'slack.home.current', { exercise: say('en', 'slack.home.exercise.awareness') }),
    );
    expect(text).toContain(
      say('en', 'slack.home.mapNumbers', { size: 2, strong: 0, middle: 0, weak: 0, dormant: 0, domains: 1 }),
    );
    expect(text).toContain('weakties.home.map');
  });

  it('publishes a Home tab Slack accepts with 40 open commitments (issue 15.8)', async () => {
    await anna.say('hello');
    const repo = createMemberRepo(h.app.store, silentLogger);
    const state = must(await storedState(h.app, anna.member));
    const commitments = openEvents(
      40,
      (n) => `the regional meetup of product designers and researchers, evening ${n - 1}`,
    );
    await repo.save({ ...state, commitments });
    await h.event(homeOpened('U1'));
    const published = h.fake.callsOf('views.publish').at(-1);
    expect(published?.result.ok).toBe(true);
    expect(h.fake.violations).toEqual([]);
    expect(JSON.stringify(published?.args.view)).toContain('evening 39');
  });

  it('lists 131 open commitments in full, "Back to the menu" still a button, and takes the last (issue 15.13)', async () => {
    await anna.say('hello');
    const repo = createMemberRepo(h.app.store, silentLogger);
    const state = must(await storedState(h.app, anna.member));
    const commitments = openEvents(131);
    await repo.save({ ...state, commitments });
    await anna.press('menu');
    await anna.press('commitments');
    const elements = anna.elements();
    const options = elements.flatMap((e) => e.options?.map((o) => o.value) ?? []);
    expect(options).toHaveLength(131);
    expect(elements.at(-1)).toMatchObject({ type: 'button', value: 'menu' });
    expect(h.fake.violations).toEqual([]);
    await anna.press('k131');
    expect(JSON.stringify(anna.question().blocks)).toContain('Meetup 131');
  });

  it('sends the map picture to the DM from its button, without changing the exercise', async () => {
    await anna.say('hello');
    await anna.press('begin');
    await anna.press('begin');
    await anna.fillForm({ names: 'Anna' });
    const before = await storedState(h.app, anna.member);
    const asked = anna.question();
    const handle = vi.spyOn(h.app.engine, 'handle');
    await anna.home('weakties.home.map');
    // The button is an ordinary command, as if "map" had been typed in the DM.
    expect(handle.mock.calls.map(([payload]) => payload)).toEqual([
      expect.objectContaining({ kind: 'command', member: anna.member, name: 'map', args: [] }),
    ]);
    expect(h.fake.callsOf('files.completeUploadExternal').at(-1)?.args).toMatchObject({
      channel_id: 'DU1',
      initial_comment: en('map.caption'),
    });
    // Then the question the member was at is asked again, with the same key on its buttons.
    const again = anna.question();
    expect(again.ts).not.toBe(asked.ts);
    expect(again.text).toBe(asked.text);
    const keyOf = (m: typeof asked) => m.blocks.find((b) => b.type === 'actions')?.block_id;
    expect(keyOf(again)).toBe(keyOf(asked));
    expect((await storedState(h.app, anna.member))?.flow).toEqual(before?.flow);
    expect(h.fake.callsOf('views.publish')).toHaveLength(0);
  });

  it('answers the map button of someone with nobody on their map, as typing "map" does', async () => {
    await anna.say('hello');
    await anna.home('weakties.home.map');
    expect(h.fake.callsOf('files.completeUploadExternal')).toHaveLength(0);
    expect(anna.texts().slice(-2)).toEqual([en('network.empty'), en('welcome.intro')]);
  });

  it('continues in the DM from its button and republishes the Home tab', async () => {
    await anna.home('weakties.home.continue');
    expect(anna.lastText()).toBe(en('welcome.intro'));
    expect(h.fake.callsOf('views.publish')).toHaveLength(1);
  });
});
