import { describe, expect, it } from 'vitest';
import { runScript, type ScriptStep, useCli } from '../helpers/cli.js';
import { conversation } from '../helpers/conversation.js';
import { part } from '../helpers/scripts.js';
import { say, variants } from '../helpers/texts.js';

const e2e = useCli();

describe('console --json: a killed process', () => {
  it('resumes at the same question for the same member, keeping the names', { timeout: 30_000 }, async () => {
    const sandbox = e2e.sandbox();
    const first = e2e.start(sandbox, { user: 'U', lang: 'en', json: true });
    await first.question();
    // Three parts in: Anna and Piet (work), Bob and Bo (former), Cleo (studies). The probe after
    // work brings nobody, so former work and studies go without one.
    const before = await runScript(first, [
      { send: { choice: 'begin' }, expect: say('en', 'awareness.intro') },
      { send: { choice: 'begin' }, expect: part(1) },
      { send: { text: 'Anna, Piet' }, expect: 'your current work' },
      { send: { choice: 'none' }, expect: part(2) },
      { send: { text: 'Bob, Bo' }, expect: part(3) },
      { send: { text: 'Cleo' }, expect: part(4) },
    ]);
    const current = before.at(-1)?.question;
    if (!current) throw new Error('no question');
    expect(current.text).toBe(`${part(4)}${say('en', 'recall.school')}`);

    const killed = await first.kill('SIGKILL');
    expect(killed.signal).toBe('SIGKILL');

    const second = e2e.start(sandbox, { user: 'U', lang: 'en', json: true });
    const resumed = await second.question();
    // First a welcome back, then the very question the member was looking at.
    expect(resumed.lines[0]?.type).toBe('reply');
    expect(variants('en', 'common.welcomeBack')).toContain(resumed.replies[0]?.text);
    expect(resumed.replies).toHaveLength(1);
    expect(resumed.question.text).toBe(current.text);
    expect(resumed.question.choices).toEqual(current.choices);
    expect(resumed.question.form).toEqual(current.form);

    // Finish: Dina in school, everything else skipped; all six outer; every resource "nobody".
    const steps: ScriptStep[] = [
      { send: { text: 'Dina' }, expect: 'from school' },
      { send: { choice: 'none' }, expect: part(5) },
    ];
    for (let n = 6; n <= 10; n++) steps.push({ send: { choice: 'none' }, expect: part(n) });
    steps.push({ send: { choice: 'none' }, expect: say('en', 'career.discuss') });
    steps.push({ send: { choice: 'none' }, expect: say('en', 'career.jobChange') });
    steps.push({ send: { choice: 'none' }, expect: say('en', 'career.career') });
    // Rating by groups: nobody close or in between, so all outer; all six this year ("all").
    steps.push({ send: { choice: 'none' }, expect: say('en', 'rateGroup.inner') });
    for (const stage of ['middle', 'weekly', 'monthly', 'yearly'])
      steps.push({ send: { choice: 'none' }, expect: say('en', `rateGroup.${stage}`) });
    steps.push({ send: 'all', expect: say('en', 'resourceTheme.career') });
    steps.push({ send: { choice: 'none' }, expect: say('en', 'resourceTheme.expertise') });
    steps.push({ send: { choice: 'none' }, expect: 'To start: Bo (an acquaintance from a former job)' });
    const rest = await runScript(second, steps);
    const event = rest.at(-1)?.events[0];
    expect(event?.name).toBe('exercise.completed');
    expect(event?.data).toMatchObject({
      size: 6,
      weak: 6,
      strong: 0,
      dormant: 0,
      perDomain: { work: 2, former: 2, study: 1, school: 1 },
      domainsUsed: 4,
    });
    await runScript(second, [{ send: { choice: 'menu' }, expect: say('en', 'menu.prompt') }]);
    expect(await second.end()).toEqual({ code: 0, signal: null });
  });

  it('killed in the middle of a burst, it resumes at a consistent step', { timeout: 30_000 }, async () => {
    const sandbox = e2e.sandbox();
    const first = e2e.start(sandbox, { user: 'U', lang: 'en', json: true });
    await first.question();
    await runScript(first, [
      { send: { choice: 'begin' }, expect: say('en', 'awareness.intro') },
      { send: { choice: 'begin' }, expect: part(1) },
    ]);
    const burst = [{ text: 'Anna' }, { choice: 'none' }, { text: 'Bob' }, { choice: 'none' }];
    burst.push({ text: 'Cleo' }, { choice: 'none' });
    first.burst(burst);
    // Kill as soon as the first answer is out, while the rest may be anywhere in the pipeline.
    await first.until((l) => l.type === 'reply', 'the first reply to the burst');
    await first.kill('SIGKILL');

    const second = e2e.start(sandbox, { user: 'U', lang: 'en', json: true });
    const resumed = await second.question();
    const menu = await second.ask({ command: 'menu' });
    expect(menu.question.text).toBe(say('en', 'menu.prompt'));
    expect(await second.end()).toEqual({ code: 0, signal: null });

    const stored = await conversation({ engine: { storeUrl: `sqlite://${sandbox.dbPath}` } });
    const names: string[] = (await stored.exported()).member.network.people.map(
      (p: { name: string }) => p.name,
    );
    // After k handled lines of the burst, the member sees question k and the names of the first k lines.
    // The probe after work brings nobody: former work and studies go without one; school has it again.
    const questions = [part(1), 'your current work', part(2), part(3), part(4), 'from school', part(5)];
    const people = [[], ['Anna'], ['Anna'], ['Anna', 'Bob'], ['Anna', 'Bob'], ['Anna', 'Bob', 'Cleo']];
    people.push(['Anna', 'Bob', 'Cleo']);
    const k = people.findIndex(
      (p, i) =>
        JSON.stringify(p) === JSON.stringify(names) && resumed.question.text.includes(questions[i] ?? '?'),
    );
    expect(
      k,
      `resumed at "${resumed.question.text.slice(0, 60)}" with ${JSON.stringify(names)}`,
    ).toBeGreaterThanOrEqual(1);
  });
});
