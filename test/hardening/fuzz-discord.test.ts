/** Fuzz: hostile and malformed gateway dispatches to a real discord.js client against the fake Discord. */
import type { APIMessage, GatewayDispatchPayload } from 'discord-api-types/v10';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { startDiscord } from '../../adapters/discord/index.js';
import { routingOutbox } from '../../src/adapter.js';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { memberKey, type Outbox, type Platform } from '../../src/core/types.js';
import type { HandleResult } from '../../src/engine/engine.js';
import { migrateState } from '../../src/engine/state.js';
import { BOT_TOKEN, FakeDiscord } from '../discord/fake-discord.js';
import {
  buttonPress,
  directMessage,
  dmCommand,
  interactionCreate,
  messageCreate,
  modalSubmit,
  person,
  selectPick,
} from '../discord/fixtures.js';
import { tempSqliteUrl } from '../helpers/engine.js';
import { FUZZ_COUNTS, Gen, recordingLogger, watchProcess } from './fuzz.js';

watchProcess();

describe('fuzz: the Discord adapter', () => {
  it(`handles ${FUZZ_COUNTS.discord} hostile and malformed dispatches without failing`, {
    timeout: 60_000,
  }, async () => {
    const g = new Gen(0xd15c0);
    const fake = await FakeDiscord.start();
    const config = loadConfig({
      STORE_URL: tempSqliteUrl(),
      DISCORD_TOKEN: BOT_TOKEN,
      DISCORD_APPLICATION_ID: '900000000000000001',
      DISCORD_API_URL: fake.apiUrl,
    });
    const logs = recordingLogger();
    const log = pino(
      {
        level: 'warn',
        serializers: { err: (e: Error) => ({ message: e.message, stack: e.stack }) },
      },
      logs.stream,
    );
    const routes: Partial<Record<Platform, Outbox>> = {};
    const app = await createApp(config, log, routingOutbox(routes));
    const turns: { payload: unknown; result: HandleResult | 'refused' }[] = [];
    let inflight = 0;
    const handle = app.engine.handle.bind(app.engine);
    app.engine.handle = async (payload: unknown) => {
      inflight += 1;
      try {
        const result = await handle(payload);
        turns.push({ payload, result });
        return result;
      } catch (error) {
        turns.push({ payload, result: 'refused' });
        throw error;
      } finally {
        inflight -= 1;
      }
    };
    const adapter = await startDiscord({ app, config, log });
    routes.discord = adapter.outbox;

    const users = Array.from({ length: 10 }, (_, i) => person(`31000000000000000${i}`, `Fuzz${i}`));
    const dmsSent = new Map<string, number>();
    const someMessage = (user: (typeof users)[number]): APIMessage =>
      ({
        ...directMessage(users[0] ?? user, fake.dmChannelOf(user.id), g.text().slice(0, 2000)),
        author: {
          id: '900000000000000001',
          username: 'weakties',
          discriminator: '0',
          global_name: null,
          avatar: null,
          bot: true,
        },
        components: [],
      }) as unknown as APIMessage;

    for (let n = 0; n < FUZZ_COUNTS.discord; n++) {
      const user = g.pick(users);
      const channel = fake.dmChannelOf(user.id);
      const kind = g.int(8);
      let dispatch: GatewayDispatchPayload;
      if (kind <= 3) {
        // A DM with hostile content: a member-level input that must get a turn and a reply.
        dispatch = messageCreate(directMessage(user, channel, g.text()));
        dmsSent.set(user.id, (dmsSent.get(user.id) ?? 0) + 1);
      } else if (kind === 4) {
        const customId = g.pick([
          `c:${g.choiceId()}`,
          `f:0:${g.word()}`,
          `f:9:names`,
          's',
          g.text().slice(0, 100),
          'c:',
        ]);
        dispatch = interactionCreate(
          g.chance(0.5)
            ? buttonPress(user, someMessage(user), customId)
            : selectPick(user, someMessage(user), customId, [g.choiceId()]),
        );
      } else if (kind === 5) {
        const fields: Record<string, string> = {};
        for (let i = g.int(4); i > 0; i--)
          fields[g.pick(['names', 'goal', g.word()])] = g.text().slice(0, 4000);
        const customId = g.pick([`m:0:${g.word()}`, 'm:0:names', `m:7:names`, g.text().slice(0, 100)]);
        dispatch = interactionCreate(modalSubmit(user, someMessage(user), customId, fields));
      } else if (kind === 6) {
        dispatch = interactionCreate(
          dmCommand(
            user,
            channel,
            g.pick(['start', 'help', 'menu', 'forget', g.word(), g.text().slice(0, 32)]),
          ),
        );
      } else {
        // Odd but well-typed: what Discord does send and the adapter must ignore or answer. (Payloads
        // with fields taken away or retyped are not sent here: discord.js itself throws on them,
        // uncaught, in its gateway handlers, before the adapter sees anything; see the report.)
        const message = directMessage(user, channel, g.text());
        dispatch = messageCreate(
          g.pick([
            { ...message, guild_id: '700000000000000001', channel_type: 0 },
            // Another bot (a person never turns into one: discord.js would remember the flag).
            { ...message, author: { ...person('320000000000000001', 'Bot'), bot: true } },
            { ...message, content: '' },
            { ...message, type: 7 },
            { ...message, mention_everyone: true, content: '@everyone <@&1> <@1>' },
          ]) as typeof message,
        );
      }
      fake.dispatch(dispatch);
      // Let the client breathe now and then, as a real gateway would.
      if (n % 50 === 49) await new Promise((resolve) => setTimeout(resolve, 5));
    }

    // A last message from a calm member: once it is answered, every dispatch before it was read.
    const calm = person('319999999999999999', 'Calm');
    const calmChannel = fake.dmChannelOf(calm.id);
    fake.dispatch(messageCreate(directMessage(calm, calmChannel, 'hello')));
    await fake.waitFor(() => fake.messages.some((m) => m.channel_id === calmChannel));
    // Then for a text turn of every DM (the adapter sends one by one, so this takes a while).
    const dms = [...dmsSent.values()].reduce((a, b) => a + b, 0);
    const textTurns = () => turns.filter((t) => (t.payload as { kind?: string }).kind === 'text').length;
    const started = Date.now();
    while (textTurns() < dms + 1 && Date.now() - started < 40_000)
      await new Promise((resolve) => setTimeout(resolve, 100));
    // Then wait for the turns still running and the adapter's last sends.
    for (let quiet = 0, seen = -1; quiet < 5; ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const now = fake.calls.length + turns.length;
      quiet = inflight === 0 && now === seen ? quiet + 1 : 0;
      seen = now;
    }

    expect(turns.filter((t) => t.result === 'unavailable')).toEqual([]);
    const ours = logs
      .errors()
      .filter((r) => r.msg === 'turn failed' || /\/(adapters|src)\//.test(r.err?.stack ?? ''));
    expect(ours.map((r) => `${r.msg}: ${r.err?.stack ?? ''}`)).toEqual([]);

    // Every DM got its turn, and each member got at least one message back per DM.
    for (const [id, sent] of dmsSent) {
      const mine = turns.filter(
        (t) =>
          (t.payload as { kind?: string; member?: { user?: string } }).kind === 'text' &&
          (t.payload as { member: { user: string } }).member.user === id,
      );
      expect(mine.filter((t) => t.result === 'done').length, id).toBeGreaterThanOrEqual(sent);
      const replies = fake.messages.filter((m) => m.channel_id === fake.dmChannelOf(id)).length;
      expect(replies, id).toBeGreaterThanOrEqual(sent);
    }

    // Every stored record still reads.
    let records = 0;
    for (const user of [...users, calm]) {
      const raw = await app.store.spaces.member.get(
        memberKey({ platform: 'discord', space: 'global', user: user.id }),
      );
      if (raw === undefined) continue;
      expect(() => migrateState(raw)).not.toThrow();
      records += 1;
    }
    expect(records).toBeGreaterThan(1);

    await adapter.stop();
    await app.close();
    await fake.close();
  });
});
