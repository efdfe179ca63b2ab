/** Fuzz: hostile and malformed signed requests to a real Bolt app (HTTP mode) against the fake Slack. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { openSlackAdapter } from '../../adapters/slack/index.js';
import { ACTION, FORM_CALLBACK } from '../../adapters/slack/render.js';
import { routingOutbox } from '../../src/adapter.js';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { memberKey, type Outbox, type Platform } from '../../src/core/types.js';
import type { HandleResult } from '../../src/engine/engine.js';
import { migrateState } from '../../src/engine/state.js';
import { FakeSlack } from '../slack/fake-slack.js';
import { eventEnvelope, imMessage, slashCommand, TEAM } from '../slack/fixtures.js';
import { SIGNING_SECRET, signature } from '../slack/harness.js';
import { FUZZ_COUNTS, Gen, json, recordingLogger, watchProcess } from './fuzz.js';

watchProcess();

describe('fuzz: the Slack adapter', () => {
  it(`answers ${FUZZ_COUNTS.slack} hostile and malformed requests without failing`, {
    timeout: 60_000,
  }, async () => {
    const g = new Gen(0x51ac);
    const fake = await new FakeSlack().start();
    const dir = mkdtempSync(join(tmpdir(), 'weakties-fuzz-slack-'));
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: '0',
      STORE_URL: `sqlite://${join(dir, 'db.sqlite')}`,
      OUTPUT_DIR: join(dir, 'out'),
      LOG_LEVEL: 'warn',
    });
    const logs = recordingLogger();
    const log = pino(
      {
        level: 'warn',
        serializers: {
          err: (e: Error & { originals?: Error[] }) => ({
            message: [e.message, ...(e.originals ?? []).map((o) => o.message)].join(' | '),
            stack: [e.stack, ...(e.originals ?? []).map((o) => o.stack)].join('\n'),
          }),
        },
      },
      logs.stream,
    );
    const routes: Partial<Record<Platform, Outbox>> = {};
    const app = await createApp(config, log, routingOutbox(routes));
    // Every engine turn the adapter starts, with how it ended.
    const turns: { payload: unknown; result: HandleResult | 'refused' }[] = [];
    const handle = app.engine.handle.bind(app.engine);
    app.engine.handle = async (payload: unknown) => {
      try {
        const result = await handle(payload);
        turns.push({ payload, result });
        return result;
      } catch (error) {
        turns.push({ payload, result: 'refused' });
        throw error;
      }
    };
    const adapter = await openSlackAdapter({ app, config, log });
    routes.slack = adapter.outbox;
    const url = `http://127.0.0.1:${adapter.port}/slack/events`;

    const post = async (raw: string, type: string) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': type, ...signature(raw) },
        body: raw,
        // Bolt answers a request no listener takes after 3 s; a loaded machine needs room beyond that.
        signal: AbortSignal.timeout(15_000),
      }).catch((error: unknown) => {
        throw new Error(`no answer to ${type} ${JSON.stringify(raw.slice(0, 300))}: ${String(error)}`);
      });
      await response.text();
      await adapter.idle();
      return response.status;
    };
    // A bare `null` once crashed Bolt's receiver; the gate (adapters/slack/gate.ts) answers it now.
    const body = (value: unknown) => json(value) ?? 'null';
    const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
    const users = Array.from({ length: 12 }, (_, i) => `UF${i}`);
    const statuses = new Map<number, number>();
    const problems: string[] = [];
    const posts = () =>
      fake.callsOf('chat.postMessage').length + fake.callsOf('files.completeUploadExternal').length;

    const later: [number, string, string][] = [];
    let boltFailed = 0;
    const count = (status: number, kind: number) => {
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      // A negative kind is a payload with a field taken away or retyped: Bolt itself may fail on it
      // before any listener of ours runs (a 500 and "An unhandled error occurred while Bolt
      // processed an event"); Slack never sends one. Everything else must get a 2xx or 4xx.
      if (status >= 500 && kind < 0) boltFailed += 1;
      else if (status >= 500) problems.push(`status ${status} for request kind ${kind}`);
    };
    // Direct messages one by one, each checked for its turn and reply; the rest is kept for later.
    for (let n = 0; n < FUZZ_COUNTS.slack; n++) {
      const user = g.pick(users);
      const kind = g.int(8);
      const turnsBefore = turns.length;
      const postsBefore = posts();
      if (kind <= 2) {
        // A DM with hostile text: a member-level input that must get a turn and a reply.
        const text = g.text();
        const status = await post(JSON.stringify(eventEnvelope(imMessage(user, text))), 'application/json');
        count(status, kind);
        const turn = turns.slice(turnsBefore);
        if (turn.length !== 1 || turn[0]?.result !== 'done')
          problems.push(
            `DM ${JSON.stringify(text).slice(0, 200)}: ${JSON.stringify(turn.map((t) => t.result))}`,
          );
        else if (posts() === postsBefore)
          problems.push(`no reply to DM ${JSON.stringify(text).slice(0, 200)}`);
      } else if (kind === 3) {
        later.push([
          kind,
          form(slashCommand(user, g.text().slice(0, 4000))),
          'application/x-www-form-urlencoded',
        ]);
      } else if (kind === 4) {
        const actionId = g.pick([
          `${ACTION.choice}.0`,
          ACTION.select,
          ACTION.openForm,
          ACTION.homeContinue,
          'x',
        ]);
        const payload = {
          type: 'block_actions',
          team: { id: TEAM },
          user: { id: user },
          trigger_id: '1.2.3',
          container: { type: 'message', message_ts: '1.1', channel_id: `D${user}` },
          channel: { id: `D${user}` },
          message: { ts: '1.1', text: g.text().slice(0, 300), blocks: g.chance(0.5) ? [] : g.garbage(2) },
          actions: [
            {
              action_id: actionId,
              block_id: g.pick(['weakties.question', g.text().slice(0, 200)]),
              type: g.pick(['button', 'static_select']),
              value: g.chance(0.5) ? g.choiceId() : g.text().slice(0, 2000),
              selected_option: g.chance(0.3) ? { value: g.choiceId(), text: { text: g.text() } } : undefined,
            },
          ],
        };
        const mangled = g.chance(0.3);
        const sent = mangled ? g.mangle(payload) : payload;
        later.push([
          mangled ? -kind : kind,
          form({ payload: body(sent) }),
          'application/x-www-form-urlencoded',
        ]);
      } else if (kind === 5) {
        const values: Record<string, unknown> = {};
        for (let i = g.int(4); i > 0; i--)
          values[g.pick(['names', 'goal', g.word()])] = {
            value: { type: 'plain_text_input', value: g.text() },
          };
        const payload = {
          type: 'view_submission',
          team: { id: TEAM },
          user: { id: user },
          view: {
            id: 'V1',
            callback_id: g.chance(0.8) ? FORM_CALLBACK : g.word(),
            private_metadata: g.pick([
              JSON.stringify({ form: 'names', key: g.text().slice(0, 100), channel: `D${user}`, ts: '1.1' }),
              g.text(),
              '',
              '{"form":',
            ]),
            state: { values: g.chance(0.8) ? values : g.garbage(2) },
          },
        };
        const mangled = g.chance(0.3);
        const sent = mangled ? g.mangle(payload) : payload;
        later.push([
          mangled ? -kind : kind,
          form({ payload: body(sent) }),
          'application/x-www-form-urlencoded',
        ]);
      } else if (kind === 6) {
        // An Events API envelope with a mangled event, or another event type with hostile fields.
        const mangledEvent = g.chance(0.5);
        const event = mangledEvent
          ? g.mangle(imMessage(user, g.text()))
          : {
              type: g.pick(['app_mention', 'app_home_opened', 'reaction_added']),
              user,
              text: g.text(),
              channel: g.pick(['C1', `D${user}`]),
              ts: '1.2',
              tab: 'home',
            };
        const mangled = g.chance(0.3);
        const envelope = mangled
          ? g.mangle(eventEnvelope(event as Record<string, unknown>))
          : eventEnvelope(event as Record<string, unknown>);
        later.push([mangled || mangledEvent ? -kind : kind, body(envelope), 'application/json']);
      } else {
        // Bodies that are not what they claim to be.
        const [raw, type] = g.pick<() => [string, string]>([
          () => [`{${g.text()}`, 'application/json'],
          () => [body(g.garbage(3)), 'application/json'],
          () => [form({ payload: `{${g.text()}` }), 'application/x-www-form-urlencoded'],
          () => [form({ payload: body(g.garbage(3)) }), 'application/x-www-form-urlencoded'],
          () => [form({ command: '/weakties' }), 'application/x-www-form-urlencoded'],
          () => [g.text(), 'text/plain'],
        ])();
        later.push([kind, raw, type]);
      }
    }
    // The rest at once, 200 at a time: a request no listener acknowledges waits out Bolt's 3 s
    // unhandled-request timeout and gets a 404, which is a fine answer but slow one by one.
    await Promise.all(
      Array.from({ length: 200 }, async () => {
        for (let next = later.shift(); next; next = later.shift()) {
          const [kind, raw, type] = next;
          count(await post(raw, type), kind);
        }
      }),
    );

    expect(problems).toEqual([]);
    expect(boltFailed).toBeLessThan(FUZZ_COUNTS.slack * 0.05);
    // Nothing of ours failed: no failed turn, no error thrown from the adapter's or the engine's code.
    // (Bolt logs its own 3 s unhandled-request timeouts, and its failures on mangled payloads, at
    // error level too; their stacks are all inside Bolt.)
    const ours = logs
      .errors()
      .filter((r) => r.msg === 'turn failed' || /\/(adapters|src)\//.test(r.err?.stack ?? ''));
    expect(ours.map((r) => `${r.msg}: ${r.err?.stack ?? ''}`)).toEqual([]);
    expect(turns.filter((t) => t.result === 'unavailable')).toEqual([]);
    expect(turns.length).toBeGreaterThan(FUZZ_COUNTS.slack / 3);

    // Every stored record still reads.
    let records = 0;
    for (const user of users) {
      const raw = await app.store.spaces.member.get(memberKey({ platform: 'slack', space: TEAM, user }));
      if (raw === undefined) continue;
      expect(() => migrateState(raw)).not.toThrow();
      records += 1;
    }
    expect(records).toBeGreaterThan(0);

    await adapter.stop();
    await app.close();
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  });
});
