import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, useCli } from '../helpers/cli.js';
import { say } from '../helpers/texts.js';
import { type FakeOpenAi, startFakeOpenAi } from './fake-openai.js';

const e2e = useCli();
let fake: FakeOpenAi;
let open = false;
beforeEach(async () => {
  fake = await startFakeOpenAi();
  open = true;
});
afterEach(async () => {
  if (open) await fake.close();
});

const GOAL = 'Move into a data role at a health company';
const REQUEST = 'Could you introduce me to someone at Acme because I want to move into data work';

describe('console --json with the language-model coach', () => {
  it('shows the model reflection and draft, then completes scripted once the server is gone', async () => {
    const sandbox = e2e.sandbox({ OPENAI_BASE_URL: fake.url, COACH_TIMEOUT_MS: '1500', TZ: 'UTC' });
    const session = e2e.start(sandbox, { user: 'U', lang: 'en', json: true });
    await session.question();
    await session.ask({ choice: 'menu' });
    await session.ask({ choice: 'ask-for-help' });
    await session.ask({ choice: 'begin' });
    const goal = await session.ask({ text: GOAL });
    expect(goal.replies.map((r) => r.text)).toContain('MODEL REFLECTION: you care about this (goal).');
    expect(goal.question.text).toBe('MODEL QUESTION: what would a first small step be?');
    const need = await session.ask({ choice: 'skip' });
    expect(need.question.text).toBe(say('en', 'help.need'));
    await session.ask({ choice: 'introduction' });
    const reversal = await session.ask({ choice: 'b3' });
    expect(reversal.question.text).toBe(say('en', 'help.reversal'));
    const request = await session.ask({ text: 'I help, gladly' });
    expect(request.replies[0]?.text).toBe('MODEL REFLECTION: you care about this (reversal).');
    const draft = await session.ask({ text: REQUEST });
    expect(draft.replies.map((r) => r.text)).toContain(
      'MODEL FEEDBACK: clear and kind; a time frame would help.',
    );
    expect(draft.question.choices?.map((c) => c.id)).toEqual(['use', 'keep']);

    // The server goes away mid-session: the rest of the exercise runs on the scripted path.
    await fake.close();
    open = false;
    // The same session carries on, scripted, to the end card.
    let turn = await session.ask({ choice: 'keep' });
    const planned: Record<string, Record<string, unknown>> = {
      [say('en', 'help.whomEmpty')]: { text: 'Dirk' },
      [say('en', 'help.why', { name: 'Dirk' })]: { choice: 'skip' },
      [say('en', 'help.channel')]: { choice: 'call' },
      [say('en', 'help.date', { name: 'Dirk' })]: { choice: 'd7' },
      [say('en', 'when.hour')]: { choice: 'h9' },
      [say('en', 'help.offer')]: { text: 'A CV review' },
    };
    for (let i = 0; i < 12 && turn.question.text !== say('en', 'menu.prompt'); i++) {
      const smart = turn.question.choices?.some((c) => c.id === 'keep');
      const review = turn.question.choices?.some((c) => c.id === 'take');
      const input = smart ? { choice: 'keep' } : review ? { choice: 'take' } : planned[turn.question.text];
      if (!input) throw new Error(`no planned answer for: ${turn.question.text}`);
      turn = await session.ask(input);
    }
    expect(turn.replies.some((r) => r.text.startsWith('Your request\n'))).toBe(true);
    expect(turn.events.map((e) => e.exercise)).toEqual(['ask-for-help']);
    await session.end();

    const again = e2e.start(sandbox, { user: 'U', lang: 'en', json: true });
    await again.question();
    await again.ask({ text: 'menu' });
    await again.ask({ choice: 'hook' });
    await again.ask({ text: 'Data in Care conference' });
    await again.ask({ choice: 'd0' });
    await again.ask({ choice: 'inperson' });
    await again.ask({ text: 'AI ethics' });
    await again.ask({ text: 'Meet two people' });
    const hook = await again.ask({ text: 'we struggle with fair models at work' });
    expect(hook.replies).toEqual([]);
    expect(hook.question.text).toBe(say('en', 'hook.people'));
    const opener = await again.ask({ choice: 'open' });
    const suggestion = say('en', 'hook.are', {
      topic: 'AI ethics',
      hook: 'we struggle with fair models at work',
    });
    expect(opener.question.text).toBe(say('en', 'hook.opener', { topic: 'AI ethics', suggestion }));
    await again.end();
  });

  it('coach check prints latency and the answer, or the error with exit 1', async () => {
    const sandbox = e2e.sandbox({ OPENAI_BASE_URL: fake.url, COACH_TIMEOUT_MS: '1000' });
    const ok = await runCli(sandbox, ['coach', 'check']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(
      /^openai gpt-4\.1-mini@127\.0\.0\.1:\d+: \d+ ms \(model gpt-4\.1-mini\)\nMODEL SAYS: ready to help\.\n$/,
    );
    fake.mode = '500';
    const failed = await runCli(sandbox, ['coach', 'check']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/failed after \d+ ms: http 500/);
    const none = await runCli(e2e.sandbox(), ['coach', 'check']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('no coach configured');
  });
});
