/**
 * Scale-out through the real CLI: two `weakties start` processes (Slack HTTP mode) on one Redis
 * and one fake Slack Web API, fed signed Events API requests as Slack would send them. What each
 * member ends with is compared to a serial run of the same messages through one in-process adapter.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import { createMemberRepo, type Loaded } from '../../src/store/members.js';
import { openStore, type Store } from '../../src/store/open.js';
import { readAll } from '../../src/store/scan.js';
import { BIN, makeSandbox, type Sandbox, useCli } from '../helpers/cli.js';
import { texts } from '../helpers/engine.js';
import { freePort, type RedisServer, startRedis } from '../helpers/redis.js';
import { storedState } from '../helpers/stored.js';
import { FakeSlack } from '../slack/fake-slack.js';
import { eventEnvelope, imMessage, TEAM } from '../slack/fixtures.js';
import { SIGNING_SECRET, signature, startHarness } from '../slack/harness.js';

useCli();

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.close();
});

/** One Slack message of one member: its text, its ts (the engine's event id is channel + ts) and its envelope. */
interface Message {
  user: string;
  text: string;
  ts: string;
  eventId: string;
  body: string;
}

const UNAVAILABLE = texts.forLang('en')('common.unavailable');

/** Each test has members of its own: they share one Redis. */
const userOf = (i: number, run: string) => `U${run}${String(i).padStart(4, '0')}`;
const idOf = (m: Message) => `slack:msg:D${m.user}:${m.ts}`;

function messagesFor(i: number, texts: string[], run: string): Message[] {
  const user = userOf(i, run);
  return texts.map((text, k) => {
    const ts = `1710000000.${String(i * 100 + k).padStart(6, '0')}`;
    const eventId = `Ev${run}${String(i * 100 + k).padStart(6, '0')}`;
    const body = JSON.stringify(eventEnvelope(imMessage(user, text, ts), eventId));
    return { user, text, ts, eventId, body };
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One running `weakties start` process with its Slack adapter on `port`. */
interface Adapter {
  port: number;
  child: ChildProcessWithoutNullStreams;
  exited: Promise<void>;
  dead: () => boolean;
  stderr: () => string;
}

const running: Adapter[] = [];
const sandboxes: Sandbox[] = [];

afterEach(async () => {
  for (const adapter of running.splice(0)) {
    if (!adapter.dead()) adapter.child.kill('SIGKILL');
    await adapter.exited;
  }
  for (const sandbox of sandboxes.splice(0)) sandbox.cleanup();
});

async function startAdapter(fake: FakeSlack): Promise<Adapter> {
  const port = await freePort();
  const sandbox = makeSandbox({
    STORE_URL: redis.url,
    SLACK_BOT_TOKEN: 'xoxb-1-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: String(port),
    LOG_LEVEL: 'silent',
    // The ticker is not under test here.
    TICK_SECONDS: '3600',
  });
  sandboxes.push(sandbox);
  const child = spawn(process.execPath, [BIN, 'start'], { cwd: sandbox.dir, env: sandbox.env });
  let stderr = '';
  let gone = false;
  child.stdout.resume();
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const exited = new Promise<void>((resolve) =>
    child.once('close', () => {
      gone = true;
      resolve();
    }),
  );
  const adapter: Adapter = { port, child, exited, dead: () => gone, stderr: () => stderr };
  running.push(adapter);
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (gone) throw new Error(`weakties start exited before its adapter opened:\n${stderr}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.status === 200) return adapter;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`weakties start: no /healthz on ${port}\n${stderr}`);
    await sleep(50);
  }
}

/** Posts one signed event as Slack does; status 0 when the connection was refused or reset. */
async function deliver(port: number, message: Message, retry = 0): Promise<number> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    ...signature(message.body),
    ...(retry ? { 'x-slack-retry-num': String(retry), 'x-slack-retry-reason': 'http_error' } : {}),
  };
  try {
    const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
      method: 'POST',
      headers,
      body: message.body,
    });
    await res.text();
    return res.status;
  } catch {
    return 0;
  }
}

type State = Loaded['state'];

/** The member's record as the engine reads it (validated and migrated). */
async function readState(store: Store, user: string): Promise<State> {
  const loaded = await createMemberRepo(store, silentLogger).load(
    { platform: 'slack', space: TEAM, user },
    new Date(),
  );
  if (loaded.corrupt) throw new Error(`the record of ${user} is unreadable`);
  return loaded.state;
}

/**
 * Waits until the member's stored state has handled the message (its id is in `seen`): the ack
 * comes before the work, so this is how the sender knows the turn is done. False when `gaveUp`
 * says no one will handle it any more.
 */
async function handled(store: Store, message: Message, gaveUp: () => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  let lastLook = false;
  for (;;) {
    const state = await readState(store, message.user);
    if (state?.seen.some(([id]) => id === idOf(message))) return true;
    if (lastLook) return false;
    if (gaveUp()) {
      // One more look after whatever was already on its way to Redis has landed.
      await sleep(100);
      lastLook = true;
      continue;
    }
    if (Date.now() > deadline) throw new Error(`${message.user} "${message.text}" was never handled`);
    await sleep(10);
  }
}

/** What must match a serial run: everything but wall-clock times. */
function comparable(state: State) {
  if (!state) return undefined;
  const { createdAt: _created, seen, network, completed, ...rest } = state;
  return {
    ...rest,
    seen: seen.map(([id]) => id),
    network: { ...network, people: network.people.map(({ addedAt: _at, ...p }) => p) },
    completed: completed.map(({ at: _at, ...c }) => c),
  };
}

/**
 * The same messages, one at a time, through one in-process Slack adapter: the expected states and
 * reply counts. Its store is in memory: what a serial run leaves does not depend on the store.
 */
async function serialRun(members: Message[][]) {
  const h = await startHarness({ env: { STORE_URL: 'memory://' } });
  try {
    for (const messages of members)
      for (const m of messages) {
        const sent = await h.post(m.body, { 'content-type': 'application/json', ...signature(m.body) });
        expect(sent.status).toBe(200);
      }
    const posts = h.fake.callsOf('chat.postMessage');
    const expected = new Map<string, { state: ReturnType<typeof comparable>; posted: number }>();
    for (const messages of members) {
      const user = messages[0]?.user ?? '';
      const state = await storedState(h.app, { platform: 'slack', space: TEAM, user });
      const posted = posts.filter((c) => c.args.channel === `D${user}`).length;
      expected.set(user, { state: comparable(state), posted });
    }
    return expected;
  } finally {
    await h.close();
  }
}

/** Replies posted to the member, leaving out the "try again in a minute" notes of turns not handled. */
const postedTo = (fake: FakeSlack, user: string) =>
  fake.callsOf('chat.postMessage').filter((c) => c.args.channel === `D${user}` && c.args.text !== UNAVAILABLE)
    .length;

/** Waits until the fake has seen no Web API call for `quietMs`: the adapters' work after the turns is done. */
async function settle(fake: FakeSlack, quietMs = 300): Promise<void> {
  let count = -1;
  while (fake.calls.length !== count) {
    count = fake.calls.length;
    await sleep(quietMs);
  }
}

describe('two `weakties start` processes on one Redis (Slack HTTP mode)', () => {
  it('interleaved events for 50 members: each state as a serial run gives, no reply twice', async () => {
    const members = Array.from({ length: 50 }, (_, i) =>
      messagesFor(i, ['hello', '1', '1', `Ann${i}, Bo${i}`, `Cy${i}`], 'A'),
    );
    const fake = await new FakeSlack().start();
    const store = await openStore(redis.url, silentLogger);
    try {
      // The serial run works in this process while the two adapters start in theirs.
      const [expected, adapters] = await Promise.all([
        serialRun(members),
        Promise.all([startAdapter(fake), startAdapter(fake)]),
      ]);
      await Promise.all(
        members.map(async (messages, i) => {
          for (const [k, m] of messages.entries()) {
            const adapter = adapters[(i + k) % 2] as Adapter;
            expect(await deliver(adapter.port, m), adapter.stderr()).toBe(200);
            expect(await handled(store, m, () => false)).toBe(true);
          }
        }),
      );
      await settle(fake);
      for (const messages of members) {
        const user = messages[0]?.user ?? '';
        const want = expected.get(user);
        expect(comparable(await readState(store, user)), user).toEqual(want?.state);
        expect(postedTo(fake, user), user).toBe(want?.posted);
      }
      for (const adapter of adapters) expect(adapter.dead(), adapter.stderr()).toBe(false);
    } finally {
      await store.close();
      await fake.stop();
    }
  }, 90_000);
});

describe('a process killed during a burst (Slack HTTP mode, one Redis)', () => {
  it('SIGKILL one of two processes amid 1,000 events; retries go to the other: nothing lost, nothing doubled', async () => {
    const script = (i: number) => [
      'hello',
      '1',
      '1',
      ...Array.from({ length: 7 }, (_, k) => `N${k}a${i}, N${k}b${i}`),
    ];
    const members = Array.from({ length: 100 }, (_, i) => messagesFor(i, script(i), 'K'));
    const fake = await new FakeSlack().start();
    const store = await openStore(redis.url, silentLogger);
    try {
      const [expected, [doomed, survivor]] = (await Promise.all([
        serialRun(members),
        Promise.all([startAdapter(fake), startAdapter(fake)]),
      ])) as [Awaited<ReturnType<typeof serialRun>>, [Adapter, Adapter]];
      let sent = 0;
      let retried = 0;
      let killed = false;
      await Promise.all(
        members.map(async (messages, i) => {
          for (const [k, m] of messages.entries()) {
            const first = (i + k) % 2 === 0 ? doomed : survivor;
            sent += 1;
            let status = await deliver(first.port, m);
            // Half-way, the process is killed right after it acknowledged a message: the
            // message is in Redis, its turn has not finished.
            if (status === 200 && first === doomed && sent >= 500 && !killed) {
              killed = true;
              doomed.child.kill('SIGKILL');
            }
            // Slack retries what got no 200; the retries reach the process that is still up.
            if (status !== 200) {
              retried += 1;
              status = await deliver(survivor.port, m, 1);
            }
            expect(status, survivor.stderr()).toBe(200);
            // Events a killed process had acknowledged wait in Redis until the survivor takes them over.
            expect(await handled(store, m, () => false, 90_000)).toBe(true);
          }
        }),
      );
      await settle(fake);
      expect(doomed.dead()).toBe(true);
      expect(retried).toBeGreaterThan(0);
      // Every accepted event leaves the durable queue, the killed process's too (a retry that
      // found the member's lock still held by the dead process goes on the next sweep).
      const queued = async () =>
        (await readAll(store.spaces.inbound)).filter(([key]) => !key.startsWith('alive:'));
      for (let i = 0; i < 120 && (await queued()).length > 0; i++) await sleep(500);
      expect(await queued()).toEqual([]);
      for (const messages of members) {
        const user = messages[0]?.user ?? '';
        const want = expected.get(user);
        const state = await readState(store, user);
        // Nothing lost: every message was handled, in order, as in a serial run.
        expect(comparable(state), user).toEqual(want?.state);
        // Nothing doubled: never more replies than the serial run posted.
        expect(postedTo(fake, user), user).toBeLessThanOrEqual(want?.posted ?? 0);
      }
      expect(survivor.dead(), survivor.stderr()).toBe(false);
    } finally {
      await store.close();
      await fake.stop();
    }
  }, 180_000);
});
