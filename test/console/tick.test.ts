import { describe, expect, it } from 'vitest';
import { runCli, useCli } from '../helpers/cli.js';
import { quickExercise } from '../helpers/scripts.js';

const e2e = useCli();

describe('tick', () => {
  it('two tick processes at the same moment fire each job once between them', {
    timeout: 30_000,
  }, async () => {
    const sandbox = e2e.sandbox();
    const members = ['A', 'B', 'C'];
    let completedAt = 0;
    for (const user of members) {
      const session = e2e.start(sandbox, { user, lang: 'en', json: true });
      await session.question();
      const done = await quickExercise(session, ['Anna'], { ring: 'inner', contact: 'weekly' });
      completedAt = Math.max(completedAt, Date.parse(String(done.at(-1)?.events[0]?.data.at)));
      await session.end();
    }
    const now = new Date(completedAt + 8 * 86_400_000).toISOString();
    const ticks = await Promise.all([
      runCli(sandbox, ['tick', '--now', now]),
      runCli(sandbox, ['tick', '--now', now]),
    ]);
    for (const tick of ticks) expect(tick.code).toBe(0);
    const delivered = ticks.map((t) => JSON.parse(t.stdout).delivered as number);
    expect(delivered.reduce((a, b) => a + b, 0)).toBe(members.length);
    // Each member has the nudge exactly once.
    for (const user of members) {
      const exported = await runCli(sandbox, ['export', '--user', user]);
      const data = JSON.parse(exported.stdout);
      expect(data.member.inbox).toHaveLength(1);
      expect(data.member.flow.at).toBe('network.revisit');
    }
  });
});
