import { describe, expect, it } from 'vitest';
import { quickMap } from '../exercises/scripts.js';
import { runCli, useCli } from '../helpers/cli.js';
import { conversation, DAY_MS } from '../helpers/conversation.js';
import { say } from '../helpers/texts.js';

const e2e = useCli();

describe('tick', () => {
  it('two tick processes at the same moment fire each job once between them; the next console shows it', {
    timeout: 30_000,
  }, async () => {
    const sandbox = e2e.sandbox();
    const members = ['A', 'B', 'C'];
    // Three maps drawn in process on the sandbox's SQLite file: each leaves a revisit job.
    const first = await conversation({ user: 'A', engine: { storeUrl: `sqlite://${sandbox.dbPath}` } });
    for (const user of members) {
      const c = user === 'A' ? first : await conversation({ with: first, user });
      await c.start();
      await quickMap(c, ['Anna']);
    }
    const now = new Date(first.clock.now().getTime() + 8 * DAY_MS).toISOString();
    await first.close();

    const ticks = await Promise.all([
      runCli(sandbox, ['tick', '--now', now]),
      runCli(sandbox, ['tick', '--now', now]),
    ]);
    for (const tick of ticks) {
      expect(tick.stderr).toBe('');
      expect(tick.code).toBe(0);
    }
    const outs = ticks.map((t) => JSON.parse(t.stdout) as { now: string; delivered: number });
    for (const out of outs) expect(Object.keys(out).sort()).toEqual(['delivered', 'now']);
    expect(outs.map((o) => o.now)).toEqual([now, now]);
    expect(outs.reduce((sum, o) => sum + o.delivered, 0)).toBe(members.length);

    // No adapter is open to a tick from the terminal: each nudge waits, once, in the member's record.
    const after = await conversation({ user: 'A', engine: { storeUrl: `sqlite://${sandbox.dbPath}` } });
    for (const user of members) {
      const { member } = await (await conversation({ with: after, user })).exported();
      expect(member.inbox).toHaveLength(1);
      expect(member.inbox[0].text).toBe(say('en', 'revisit.prompt'));
    }
    await after.close();
    // The next console starts with it, on its own, as the question.
    const session = e2e.start(sandbox, { user: 'B', lang: 'en', json: true });
    const nudge = await session.question();
    expect(nudge.lines).toHaveLength(1);
    expect(nudge.question.text).toBe(say('en', 'revisit.prompt'));
    expect(await session.end()).toEqual({ code: 0, signal: null });
  });
});
