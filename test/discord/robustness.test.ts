import { type APIMessage, ComponentType, InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { part } from '../helpers/scripts.js';
import { storedState } from '../helpers/stored.js';
import { say } from '../helpers/texts.js';
import { finishExercise, openExercise } from './conversation.js';
import { BOT_USER } from './fake-discord.js';
import {
  buttonPress,
  directMessage,
  interactionCreate,
  messageCreate,
  modalSubmit,
  person,
  selectPick,
} from './fixtures.js';
import { callbackOf, type Harness, Member, must, startHarness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

type Body = Record<string, unknown>;
const TIMEOUT = 30_000;
const DAY = 86_400_000;
const discordMember = (user: string) => ({ platform: 'discord' as const, space: 'global', user });

describe('stale and repeated presses', () => {
  it(
    'answers a press on an earlier question ephemerally and changes nothing',
    async () => {
      h = await startHarness();
      const ada = new Member(h, '300000000000000001');
      const { question: welcome } = await ada.type('hello');
      await ada.press('begin');
      const before = await storedState(h.app, discordMember(ada.user.id));
      const sent = h.fake.messages.length;
      const shown = () => h?.fake.messages.find((m) => m.id === welcome.id)?.components;
      const welcomeBefore = shown();

      const stale = ada.pressOnly('menu', welcome);
      const callback = await h.fake.waitFor(() => callbackOf(h?.fake.calls ?? [], stale.id));
      expect(callback.body).toEqual({
        type: InteractionResponseType.ChannelMessageWithSource,
        data: expect.objectContaining({
          content: say('en', 'discord.stale'),
          flags: MessageFlags.Ephemeral,
          allowed_mentions: { parse: [] },
        }),
      });
      expect(await storedState(h.app, discordMember(ada.user.id))).toEqual(before);
      // The current question still works, and is the next thing that happens.
      const next = await ada.press('begin');
      expect(next.question.content).toContain(part(1));
      expect(h.fake.messages.slice(sent).filter((m) => m.flags !== MessageFlags.Ephemeral)).toEqual([
        next.question,
      ]);
      expect(before?.flow).toEqual({ at: 'awareness.intro' });
      expect(shown()).toEqual(welcomeBefore);
    },
    TIMEOUT,
  );

  it(
    'counts a double press once: the second gets the stale note',
    async () => {
      h = await startHarness();
      const ada = new Member(h, '300000000000000002');
      await openExercise(ada);
      const first = ada.pressOnly('none');
      const second = ada.pressOnly('none');
      const next = await ada.nextQuestion();
      expect(next.question.content).toContain(part(2));
      const late = await h.fake.waitFor(() => callbackOf(h?.fake.calls ?? [], second.id));
      expect((late.body as Body).type).toBe(InteractionResponseType.ChannelMessageWithSource);
      expect(callbackOf(h.fake.calls, first.id)?.body).toMatchObject({
        type: InteractionResponseType.UpdateMessage,
      });
      const state = await storedState(h.app, discordMember(ada.user.id));
      expect(state?.flow).toEqual({ at: 'awareness.recall', domain: 1, probed: false });
    },
    TIMEOUT,
  );
});

describe('select menus and forms', () => {
  it(
    'takes a choice from a string select, like a button',
    async () => {
      h = await startHarness();
      const ada = new Member(h, '300000000000000007');
      const { question } = await ada.type('hello');
      // The welcome as it would look with more choices than buttons: one select of the same options.
      const asSelect = {
        ...question,
        components: [
          {
            type: ComponentType.ActionRow,
            components: [
              {
                type: ComponentType.StringSelect,
                custom_id: 's:0',
                options: [
                  { label: 'Begin', value: 'begin' },
                  { label: 'Menu', value: 'menu' },
                ],
              },
            ],
          },
        ],
      } satisfies APIMessage;
      const pick = selectPick(ada.user, asSelect, 's:0', ['menu']);
      h.fake.dispatch(interactionCreate(pick));
      const menu = await ada.nextQuestion();
      expect(menu.question.content).toBe(say('en', 'menu.prompt'));
      const update = must(callbackOf(h.fake.calls, pick.id), 'the select callback').body as Body;
      expect(update.type).toBe(InteractionResponseType.UpdateMessage);
      const [row] = (update.data as { components: { components: Body[] }[] }).components;
      expect(row?.components[0]).toMatchObject({
        disabled: true,
        options: [{ default: false }, { default: true }],
      });
    },
    TIMEOUT,
  );

  it(
    'refuses to open or accept the form of a question that was answered',
    async () => {
      h = await startHarness();
      const ada = new Member(h, '300000000000000008');
      const first = await openExercise(ada);
      await ada.press('none');
      const open = buttonPress(ada.user, first.question, 'f:0:names');
      h.fake.dispatch(interactionCreate(open));
      const refused = must(await h.fake.waitFor(() => callbackOf(h?.fake.calls ?? [], open.id)), 'callback');
      expect((refused.body as Body).type).toBe(InteractionResponseType.ChannelMessageWithSource);
      const submit = modalSubmit(ada.user, first.question, 'm:0:names', { names: 'Late' });
      h.fake.dispatch(interactionCreate(submit));
      const late = await h.fake.waitFor(() => callbackOf(h?.fake.calls ?? [], submit.id));
      expect(late.body).toMatchObject({ data: { content: say('en', 'discord.stale'), flags: 64 } });
      const state = await storedState(h.app, discordMember(ada.user.id));
      expect(state?.network.people).toEqual([]);
    },
    TIMEOUT,
  );
});

describe('the gateway', () => {
  it(
    'resumes after a disconnect in the middle of an exercise, and the missed press is answered',
    async () => {
      h = await startHarness();
      const ada = new Member(h, '300000000000000003');
      await openExercise(ada);
      await ada.fill('names', { names: 'Anna' });

      h.fake.hold();
      await h.fake.disconnect(4000);
      // Pressed while the bot is away: Discord keeps the event and replays it on RESUME.
      ada.pressOnly('none');
      await h.fake.waitFor(() => (h?.fake.waiting ?? 0) > 0);
      h.fake.release();

      const next = await ada.nextQuestion();
      expect(next.question.content).toContain(part(2));
      expect(h.fake.resumes).toBe(1);
      expect(h.fake.identifies).toBe(1);
      const more = await ada.press('none');
      expect(more.question.content).toContain(part(3));
      const state = await storedState(h.app, discordMember(ada.user.id));
      expect(state?.network.people.map((p) => p.name)).toEqual(['Anna']);
    },
    TIMEOUT,
  );

  it(
    'ignores messages from bots and from itself',
    async () => {
      h = await startHarness();
      const ada = new Member(h, '300000000000000004');
      const robot = { ...person('300000000000000005', 'Robot'), bot: true };
      h.fake.dispatch(messageCreate(directMessage(robot, h.fake.dmChannelOf(robot.id), 'hello')));
      h.fake.dispatch(messageCreate(directMessage(BOT_USER, ada.channel, 'hello')));
      const { question } = await ada.type('hello');
      expect(question.content).toBe(say('en', 'welcome.intro'));
      expect(h.fake.messages.map((m) => m.channel_id)).toEqual([ada.channel]);
      expect(await storedState(h.app, discordMember(robot.id))).toBeUndefined();
      expect(await storedState(h.app, discordMember(BOT_USER.id))).toBeUndefined();
    },
    TIMEOUT,
  );
});

describe('follow-ups', () => {
  it(
    'delivers a due revisit as a DM from a fresh client, without any event from the member',
    async () => {
      h = await startHarness();
      const ada = new Member(h, '300000000000000006');
      await openExercise(ada);
      await finishExercise(ada, ['Anna']);
      await h.restartAdapter();
      const from = h.fake.calls.length;

      expect(await h.app.engine.tick(new Date(Date.now() + 8 * DAY))).toBe(1);
      const calls = h.fake.calls.slice(from).map((c) => `${c.method} ${c.path}`);
      expect(calls).toContain('POST /users/@me/channels');
      const { question } = await ada.nextQuestion();
      expect(question.content).toBe(say('en', 'revisit.prompt'));
      const add = await ada.press('add');
      expect(add.question.content).toBe(say('en', 'add.domain'));
    },
    TIMEOUT,
  );
});

describe('delivery', () => {
  it(
    'speaks the language the engine gives with each delivery, reading no stored record',
    async () => {
      h = await startHarness();
      // Nobody is stored for this user: the adapter has nothing to go by but the delivery.
      const user = person('300000000000000009');
      const form = { id: 'names', title: 'Namen', submit: 'Klaar', fields: [{ id: 'names', label: 'Wie?' }] };
      await h.outbox.deliver(discordMember(user.id), [{ text: 'Wie ken je?', form }], { lang: 'nl' });
      const sent = await h.fake.waitFor(() => h?.fake.messages.find((m) => m.content === 'Wie ken je?'));
      const button = sent.components?.[0];
      expect(button && 'components' in button ? button.components[0] : undefined).toMatchObject({
        type: ComponentType.Button,
        custom_id: 'f:0:names',
        label: say('nl', 'discord.formButton'),
      });
      expect(await storedState(h.app, discordMember(user.id))).toBeUndefined();
    },
    TIMEOUT,
  );
});
