import { copyFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type MemberRef, memberKey } from '../../src/core/types.js';
import { runCli, type Sandbox, useCli } from '../helpers/cli.js';
import { testEngine } from '../helpers/engine.js';
import { sqliteRows } from '../helpers/sqlite.js';

const e2e = useCli();

const MEMBERS = 1_001;
const JOBS_EACH = 2;
const KILLS = 10;
const START = new Date('2026-03-02T10:00:00.000Z');
const NOW = '2026-03-10T10:00:00.000Z';

/** 1,001 members at the terminal, each with two follow-ups due before NOW (map revisits). */
async function seed(sandbox: Sandbox): Promise<void> {
  const t = await testEngine({ storeUrl: `sqlite://${sandbox.dbPath}`, now: () => START });
  for (let i = 0; i < MEMBERS; i++) {
    const member: MemberRef = { platform: 'console', space: 'local', user: `m${i}` };
    await t.command('start', [], member);
    const state = await t.state(member);
    if (!state) throw new Error(`no record for ${member.user}`);
    const ids = Array.from(
      { length: JOBS_EACH },
      (_, n) => `${memberKey(member)}:awareness.revisit:${n + 1}`,
    );
    for (const [n, id] of ids.entries())
      await t.jobs.schedule({
        id,
        kind: 'awareness.revisit',
        member,
        due: `2026-03-0${3 + n}T09:00:00.000Z`,
      });
    await t.members.save({ ...state, jobs: [...state.jobs, ...ids] });
  }
  await t.store.close();
}

function copyStore(from: Sandbox, to: Sandbox): void {
  for (const suffix of ['', '-wal', '-shm'])
    if (existsSync(from.dbPath + suffix)) copyFileSync(from.dbPath + suffix, to.dbPath + suffix);
}

type Row = { key: string; value: string };
const rowsOf = (sandbox: Sandbox) =>
  sqliteRows<Row>(sandbox.dbPath, 'SELECT key, value FROM keyv ORDER BY key');

describe('weakties tick, killed at random moments', () => {
  it('loses no follow-up, fires none twice and leaves no job, claim or lease row behind', {
    timeout: 600_000,
  }, async () => {
    const killed = e2e.sandbox();
    const control = e2e.sandbox();
    await seed(killed);
    copyStore(killed, control);
    expect((await rowsOf(killed)).filter((r) => r.key.startsWith('job:'))).toHaveLength(MEMBERS * JOBS_EACH);

    // The same store ticked once without a kill: what every member's record should end as.
    const begun = Date.now();
    const clean = await runCli(control, ['tick', '--now', NOW], { timeoutMs: 300_000 });
    const fullMs = Date.now() - begun;
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.stdout)).toEqual({ now: NOW, delivered: MEMBERS * JOBS_EACH });

    // Ticks killed somewhere between start-up and the end of the work, then one that runs to its end.
    const moments = Array.from({ length: KILLS }, () => Math.round(Math.random() * fullMs));
    let delivered = 0;
    for (const killAfterMs of moments) {
      const run = await runCli(killed, ['tick', '--now', NOW], { timeoutMs: 300_000, killAfterMs });
      if (run.signal === null) delivered += (JSON.parse(run.stdout) as { delivered: number }).delivered;
    }
    const last = await runCli(killed, ['tick', '--now', NOW], { timeoutMs: 300_000 });
    expect(last.code, `killed at ${moments.join(', ')} ms`).toBe(0);
    delivered += (JSON.parse(last.stdout) as { delivered: number }).delivered;

    const [after, expected] = [await rowsOf(killed), await rowsOf(control)];
    const members = (rows: Row[]) => rows.filter((r) => r.key.startsWith('member:'));
    // Every record the same as the clean run's: each revisit asked once, none lost, none twice.
    expect(members(after), `killed at ${moments.join(', ')} ms`).toEqual(members(expected));
    expect(members(after)).toHaveLength(MEMBERS);
    expect(after.filter((r) => !r.key.startsWith('member:')).map((r) => r.key)).toEqual([]);
    expect(await sqliteRows(killed.dbPath, 'SELECT key FROM weakties_locks')).toEqual([]);
    // The runs that finished never counted more than there were.
    expect(delivered).toBeLessThanOrEqual(MEMBERS * JOBS_EACH);
  });
});
