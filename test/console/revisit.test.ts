import { describe, expect, it } from 'vitest';
import { runCli, runScript, useCli } from '../helpers/cli.js';
import { quickExercise } from '../helpers/scripts.js';
import { say } from '../helpers/texts.js';

const e2e = useCli();

const DAY = 86_400_000;

describe('tick: the revisit a week after the map', () => {
  it('is delivered once, waits for the next console, and leads to adding people', {
    timeout: 30_000,
  }, async () => {
    const sandbox = e2e.sandbox();
    const first = e2e.start(sandbox, { user: 'U', lang: 'en', json: true });
    await first.question();
    const done = await quickExercise(first, ['Anna'], { ring: 'inner', contact: 'weekly' });
    const completedAt = Date.parse(String(done.at(-1)?.events[0]?.data.at));
    expect(Number.isNaN(completedAt)).toBe(false);
    expect(done.at(-1)?.replies.map((r) => r.text)).toContain(say('en', 'summary.closing', { days: 7 }));
    expect(await first.end()).toEqual({ code: 0, signal: null });

    // Not yet due six days later.
    const early = new Date(completedAt + 6 * DAY).toISOString();
    const none = await runCli(sandbox, ['tick', '--now', early]);
    expect(none.code).toBe(0);
    expect(JSON.parse(none.stdout)).toEqual({ now: early, delivered: 0 });

    const now = new Date(completedAt + 8 * DAY).toISOString();
    const tick = await runCli(sandbox, ['tick', '--now', now]);
    expect(tick.stderr).toBe('');
    expect(tick.code).toBe(0);
    expect(JSON.parse(tick.stdout)).toEqual({ now, delivered: 1 });
    const again = await runCli(sandbox, ['tick', '--now', now]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({ now, delivered: 0 });

    const second = e2e.start(sandbox, { user: 'U', lang: 'en', json: true });
    const nudge = await second.question();
    // The nudge comes first, on its own, as the question.
    expect(nudge.lines).toHaveLength(1);
    expect(nudge.question.text).toBe(say('en', 'revisit.prompt'));
    expect(nudge.question.choices?.map((c) => c.id)).toEqual(['add', 'later']);

    const turns = await runScript(second, [
      { send: { choice: 'add' }, expect: say('en', 'add.domain') },
      { send: { choice: 'former' }, expect: say('en', 'add.names', { domain: 'Former work' }) },
      { send: { text: 'Bob, Cleo' }, expect: say('en', 'add.domain') },
      { send: { choice: 'done' }, expect: say('en', 'rate.ring', { name: 'Bob', left: 1 }) },
      { send: { choice: 'outer' }, expect: say('en', 'rate.contact', { name: 'Bob' }) },
      { send: { choice: 'dormant' }, expect: say('en', 'rate.ring', { name: 'Cleo', left: 0 }) },
      { send: { choice: 'outer' }, expect: say('en', 'rate.contact', { name: 'Cleo' }) },
      { send: { choice: 'yearly' }, expect: say('en', 'network.prompt') },
    ]);
    expect(turns[2]?.replies.map((r) => r.text)).toEqual([
      say('en', 'people.added', { names: 'Bob, Cleo', total: 3 }),
    ]);
    const grew = say('en', 'people.changed', {
      before: 1,
      after: 3,
      weakBefore: 0,
      weakAfter: 2,
      domainsBefore: 1,
      domainsAfter: 2,
    });
    expect(turns.at(-1)?.replies.map((r) => r.text)).toEqual([grew]);
    expect(grew).toContain('Your map grew. People: 1 → 3.');
    expect(await second.end()).toEqual({ code: 0, signal: null });

    // The revisit is spent: a third console starts with a plain welcome back, not the nudge again.
    const third = e2e.start(sandbox, { user: 'U', lang: 'en', json: true });
    const back = await third.question();
    expect(back.question.text).toBe(say('en', 'network.prompt'));
    expect(back.lines.map((l) => (l.type === 'reply' ? l.text : l.type))).not.toContain(
      say('en', 'revisit.prompt'),
    );
    expect(await third.end()).toEqual({ code: 0, signal: null });
    const dump = JSON.parse((await runCli(sandbox, ['export', '--user', 'U'])).stdout);
    expect(dump.jobs).toEqual([]);
    expect(dump.member.jobs).toEqual([]);
    expect(dump.member.inbox).toEqual([]);
  });
});
