import { InteractionResponseType, Locale, MessageFlags } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { storedState } from '../helpers/stored.js';
import { say } from '../helpers/texts.js';
import { openExercise } from './conversation.js';
import { APPLICATION_ID } from './fake-discord.js';
import { guildCommand, interactionCreate } from './fixtures.js';
import { callbackOf, type Harness, Member, must, startHarness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

type Body = Record<string, unknown>;
const TIMEOUT = 30_000;
const discordMember = (user: string) => ({ platform: 'discord' as const, space: 'global', user });

/** Sends `/coach <sub>` from a server channel and waits for the ephemeral answer. */
async function inServer(harness: Harness, member: Member, sub: string, locale = Locale.EnglishUS) {
  const command = guildCommand(member.user, sub, locale);
  harness.fake.dispatch(interactionCreate(command));
  const path = `/webhooks/${APPLICATION_ID}/${command.token}/messages/@original`;
  const answer = await harness.fake.waitFor(() =>
    harness.fake.calls.find((c) => c.method === 'PATCH' && c.path === path),
  );
  return { callback: callbackOf(harness.fake.calls, command.id), answer: answer.body as Body };
}

describe('/coach', () => {
  it(
    'in a server answers ephemerally and moves the coaching to a DM',
    async () => {
      h = await startHarness();
      const ada = new Member(h, '200000000000000001');
      const { callback, answer } = await inServer(h, ada, 'start');
      expect(callback?.body).toEqual({
        type: InteractionResponseType.DeferredChannelMessageWithSource,
        data: { flags: MessageFlags.Ephemeral },
      });
      expect(answer.content).toBe(say('en', 'discord.movedToDm'));
      expect(answer.allowed_mentions).toEqual({ parse: [] });
      // The welcome went to the DM, created for the occasion; nothing was posted in the server channel.
      expect(h.fake.calls.some((c) => c.path === '/users/@me/channels')).toBe(true);
      const dm = h.fake.messages.filter((m) => m.channel_id === ada.channel);
      expect(dm.map((m) => m.content)).toEqual([say('en', 'welcome.intro')]);
      expect(h.fake.calls.filter((c) => c.path.startsWith('/channels/7'))).toEqual([]);
      // The conversation goes on in the DM.
      await ada.nextQuestion();
      const intro = await ada.press('begin');
      expect(intro.question.content).toContain('Your network is bigger than you think');
    },
    TIMEOUT,
  );

  it(
    'takes the language from the locale of a first contact',
    async () => {
      h = await startHarness();
      const bas = new Member(h, '200000000000000002', 'Bas');
      const { answer } = await inServer(h, bas, 'start', Locale.Dutch);
      expect(answer.content).toBe(say('nl', 'discord.movedToDm'));
      const welcome = await h.fake.waitFor(() => h?.fake.messages.find((m) => m.channel_id === bas.channel));
      expect(welcome.content).toBe(say('nl', 'welcome.intro'));
      expect((await storedState(h.app, discordMember(bas.user.id)))?.lang).toBe('nl');
    },
    TIMEOUT,
  );

  it(
    'switches the language with /coach language',
    async () => {
      h = await startHarness();
      const ada = new Member(h, '200000000000000006');
      await ada.type('hi');
      const command = guildCommand(ada.user, 'language', Locale.EnglishUS, 'nl');
      h.fake.dispatch(interactionCreate(command));
      const path = `/webhooks/${APPLICATION_ID}/${command.token}/messages/@original`;
      const answer = await h.fake.waitFor(() => h?.fake.calls.find((c) => c.path === path));
      expect((answer.body as Body).content).toBe(say('nl', 'discord.movedToDm'));
      const { before } = await ada.nextQuestion();
      expect(before.map((m) => m.content)).toContain(say('nl', 'language.set'));
    },
    TIMEOUT,
  );

  it(
    'in a DM answers with the engine replies themselves, whose buttons then work',
    async () => {
      h = await startHarness();
      const ada = new Member(h, '200000000000000003');
      await ada.type('hi');
      const menu = await ada.command('menu');
      expect(menu.question.content).toBe(say('en', 'menu.prompt'));
      const deferred = h.fake.calls.find((c) => c.path.startsWith('/interactions/'));
      expect(deferred?.body).toEqual({
        type: InteractionResponseType.DeferredChannelMessageWithSource,
        data: { flags: 0 },
      });
      expect(h.fake.calls.at(-1)?.path).toMatch(/^\/webhooks\/\d+\/token-\d+\/messages\/@original$/);
      const network = await ada.press('network');
      expect(network.question.content).toBe(say('en', 'network.prompt'));
    },
    TIMEOUT,
  );

  it(
    'export attaches the member data as a JSON file; forget deletes it after a yes',
    async () => {
      h = await startHarness();
      const ada = new Member(h, '200000000000000004');
      await openExercise(ada);
      await ada.command('export');
      const upload = h.fake.calls.find((c) => c.files.length > 0);
      expect(upload?.files.map((f) => f.name)).toEqual(['weakties-export.json']);
      const exported = JSON.parse(upload?.files[0]?.bytes.toString('utf8') ?? '{}');
      expect(exported.member.member).toEqual(discordMember(ada.user.id));

      const confirm = await ada.command('forget');
      expect(confirm.question.content).toBe(say('en', 'forget.confirm'));
      ada.pressOnly('yes');
      await h.fake.waitFor(() => h?.fake.messages.find((m) => m.content === say('en', 'forget.done')));
      expect(await storedState(h.app, discordMember(ada.user.id))).toBeUndefined();
    },
    TIMEOUT,
  );

  it(
    'registers /coach globally and in one guild',
    async () => {
      h = await startHarness();
      await h.register();
      await h.register('700000000000000009');
      const puts = h.fake.calls.filter((c) => c.method === 'PUT');
      expect(puts.map((c) => c.path)).toEqual([
        `/applications/${APPLICATION_ID}/commands`,
        `/applications/${APPLICATION_ID}/guilds/700000000000000009/commands`,
      ]);
      const coach = must((must(puts[0], 'the global PUT').body as Body[])[0], 'the /coach command');
      expect(coach).toMatchObject({ name: 'coach', type: 1, contexts: [0, 1], integration_types: [0] });
      const subs = (coach.options as Body[]).map((o) => o.name);
      expect(subs).toEqual([
        'start',
        'menu',
        'network',
        'progress',
        'commitments',
        'help',
        'language',
        'export',
        'forget',
        'coffee',
        'stats',
        'dashboard',
      ]);
      // /coach coffee takes the rest of a "coffee …" command as one optional text.
      const coffee = must(
        (coach.options as Body[]).find((o) => o.name === 'coffee'),
        '/coach coffee',
      );
      expect(coffee.options).toEqual([
        expect.objectContaining({ type: 3, name: 'action', required: false, max_length: 200 }),
      ]);
      expect((coffee.description_localizations as Body).nl).toBe(say('nl', 'discord.command.coffee'));
      expect((coach.description_localizations as Body).nl).toBe(say('nl', 'discord.command.coach'));
      // Discord refuses descriptions over 100 characters, in any language.
      const described = [
        coach,
        ...(coach.options as Body[]),
        ...(coach.options as Body[]).flatMap((o) => (o.options ?? []) as Body[]),
      ];
      for (const item of described) {
        const texts = [item.description, ...Object.values(item.description_localizations as Body)];
        for (const text of texts) expect(String(text).length).toBeLessThanOrEqual(100);
      }
    },
    TIMEOUT,
  );
});

describe('closed DMs', () => {
  it(
    'a member who refuses DMs gets a hint with the next command, and the coaching once they allow them',
    async () => {
      h = await startHarness();
      const ada = new Member(h, '200000000000000005');
      h.fake.closedDms.add(ada.user.id);
      const refused = await inServer(h, ada, 'start');
      expect(refused.answer.content).toBe(say('en', 'discord.dmClosed'));
      expect(h.fake.calls.some((c) => c.status === 403)).toBe(true);

      h.fake.closedDms.delete(ada.user.id);
      const allowed = await inServer(h, ada, 'start');
      expect(allowed.answer.content).toBe(say('en', 'discord.movedToDm'));
      // The welcome that could not be delivered was kept, and arrives now instead of a "welcome back".
      const { question, before } = await ada.nextQuestion();
      expect(before.map((m) => m.content)).toEqual([]);
      expect(question.content).toBe(say('en', 'welcome.intro'));
    },
    TIMEOUT,
  );
});
