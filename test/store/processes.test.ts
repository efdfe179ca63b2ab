import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberRef } from '../../src/core/types.js';
import { silentLogger } from '../../src/log.js';
import { createJobs } from '../../src/store/jobs.js';
import { openStore } from '../../src/store/open.js';
import { BIN, type ReplyLine, useCli } from '../helpers/cli.js';
import { tempSqliteUrl, testEngine } from '../helpers/engine.js';
import { type RedisServer, startRedis } from '../helpers/redis.js';

const e2e = useCli();
let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.close();
});

function run(
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c;
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('several processes on one Redis', () => {
  it('two overlapping `weakties tick` processes fire each job once', async () => {
    const t = await testEngine({ storeUrl: redis.url });
    const members = Array.from(
      { length: 30 },
      (_, i): MemberRef => ({ platform: 'console', space: 'local', user: `tick${i}` }),
    );
    for (const who of members) expect(await t.command('start', ['en'], who)).toBe('done');
    const jobs = createJobs(t.store, silentLogger);
    for (const [i, who] of members.entries())
      await jobs.schedule({
        id: `tick-job-${i}`,
        kind: 'awareness.revisit',
        member: who,
        due: '2026-01-01T00:00:00.000Z',
      });
    const sandbox = e2e.sandbox({ STORE_URL: redis.url });
    const runs = await Promise.all(
      [1, 2].map(() => run(['tick', '--now', '2026-02-01T00:00:00Z'], sandbox.env, sandbox.dir)),
    );
    // A later tick, as cron would run, picks up any job a loaded machine made a turn give up on
    // (a Redis command past its 2 s timeout); across all ticks each job still fires exactly once.
    runs.push(await run(['tick', '--now', '2026-02-01T00:00:00Z'], sandbox.env, sandbox.dir));
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const delivered = runs.map((r) => JSON.parse(r.stdout).delivered as number);
    expect(delivered.reduce((a, b) => a + b, 0)).toBe(30);
    expect(await jobs.due(new Date('2026-02-01'))).toEqual([]);
    for (const who of members)
      expect((await t.state(who))?.seen.filter(([id]) => id.startsWith('job:'))).toHaveLength(1);
    await t.store.close();
  });
});

describe('coffee rounds across processes', () => {
  it('overlapping `weakties tick` processes make a due round once, and introduce each member once', async () => {
    const t = await testEngine({ storeUrl: redis.url });
    const community = { platform: 'slack', space: 'TROUNDS' } as const;
    const members = Array.from({ length: 12 }, (_, i): MemberRef => ({ ...community, user: `UR${i}` }));
    for (const who of members) expect(await t.command('coffee', ['join'], who)).toBe('done');
    const admin = members[0] as MemberRef;
    await t.engine.handle({
      kind: 'command',
      id: 'on',
      member: admin,
      name: 'coffee',
      args: ['set', 'on'],
      admin: true,
    });
    const due = (await t.pairing.load(community)).nextRoundAt ?? '';
    expect(due).not.toBe('');
    const sandbox = e2e.sandbox({ STORE_URL: redis.url });
    const runs = await Promise.all(
      [1, 2, 3].map(() => run(['tick', '--now', due], sandbox.env, sandbox.dir)),
    );
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    // The intros are jobs due at the round; a later tick delivers any still waiting.
    await run(['tick', '--now', due], sandbox.env, sandbox.dir);
    const made = await t.pairing.load(community);
    expect(made.rounds).toHaveLength(1);
    expect(made.rounds[0]?.groups.flatMap((g) => g.users).sort()).toEqual(members.map((m) => m.user).sort());
    for (const who of members) {
      const state = await t.state(who);
      expect(state?.coffee.coffees.map((c) => c.round)).toEqual([1]);
      expect(state?.inbox.filter((r) => r.text.startsWith('☕'))).toHaveLength(1);
    }
    await t.store.close();
  });
});

describe('two processes on one SQLite file', () => {
  it('member locks hold across both: never two turns of one member at once', async () => {
    const url = tempSqliteUrl();
    const [a, b] = [await openStore(url, silentLogger), await openStore(url, silentLogger)];
    let inside = 0;
    let most = 0;
    const work = async () => {
      inside += 1;
      most = Math.max(most, inside);
      await new Promise((r) => setTimeout(r, 5));
      inside -= 1;
    };
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).locks.withLock('m', work)));
    expect(most).toBe(1);
    await Promise.all([a.close(), b.close()]);
  });

  it('one event delivered to both engines is handled once, the state as a serial run', async () => {
    const url = tempSqliteUrl();
    const now = () => new Date('2026-03-02T10:00:00Z');
    const [a, b] = [await testEngine({ storeUrl: url, now }), await testEngine({ storeUrl: url, now })];
    const serial = await testEngine({ storeUrl: 'memory://', now });
    const who: MemberRef = { platform: 'slack', space: 'T', user: 'U' };
    const events = [
      { kind: 'command', member: who, name: 'start', args: ['en'] },
      { kind: 'choice', member: who, value: 'begin' },
      { kind: 'choice', member: who, value: 'begin' },
      { kind: 'text', member: who, text: 'Anna, Piet' },
    ].map((e, k) => ({ ...e, id: `e${k}` }));
    for (const event of events) {
      const pair = await Promise.all([a.engine.handle(event), b.engine.handle(event)]);
      expect(pair.sort()).toEqual(['done', 'duplicate']);
      await serial.engine.handle(event);
    }
    expect(await a.state(who)).toEqual(await serial.state(who));
    await Promise.all([a.store.close(), b.store.close()]);
  });
});

describe('graceful shutdown', () => {
  it('SIGTERM during a burst: the console stops reading, the turn in flight finishes and is saved', async () => {
    const sandbox = e2e.sandbox();
    const session = e2e.start(sandbox, { user: 'U', lang: 'en', json: true });
    await session.question();
    session.burst([
      { choice: 'begin' },
      { choice: 'begin' },
      { text: 'Anna, Piet' },
      { text: 'Mo' },
      { choice: 'none' },
      { text: 'Cleo' },
      { choice: 'none' },
      { text: 'Mama' },
    ]);
    await session.question();
    await session.kill('SIGTERM');
    const exit = await session.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    const printed = session.lines.filter(
      (l): l is ReplyLine => l.type === 'reply' && l.choices !== undefined,
    );
    // Every answer printed was saved, and nothing beyond it: the next session asks the last question again.
    const next = e2e.start(sandbox, { user: 'U', lang: 'en', json: true });
    const resumed = await next.question();
    expect(resumed.question.text).toBe(printed.at(-1)?.text);
  });
});
