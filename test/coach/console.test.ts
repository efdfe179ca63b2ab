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

describe('console --json with the language-model coach', () => {
  // The whole conversation with the coach, and its scripted fallback, is in conversation.test.ts.
  it('wires OPENAI_BASE_URL into the terminal adapter: the model reflects the goal', async () => {
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
    expect(await session.end()).toEqual({ code: 0, signal: null });
  });

  it('coach check prints latency and the answer, or the error with exit 1', async () => {
    // A second fake that answers 500, so the three checks run side by side.
    const broken = await startFakeOpenAi();
    broken.mode = '500';
    try {
      const env = { COACH_TIMEOUT_MS: '1000' };
      const [ok, failed, none] = await Promise.all([
        runCli(e2e.sandbox({ ...env, OPENAI_BASE_URL: fake.url }), ['coach', 'check']),
        runCli(e2e.sandbox({ ...env, OPENAI_BASE_URL: broken.url }), ['coach', 'check']),
        runCli(e2e.sandbox(), ['coach', 'check']),
      ]);
      expect(ok.code).toBe(0);
      expect(ok.stdout).toMatch(
        /^openai gpt-4\.1-mini@127\.0\.0\.1:\d+: \d+ ms \(model gpt-4\.1-mini\)\nMODEL SAYS: ready to help\.\n$/,
      );
      expect(failed.code).toBe(1);
      expect(failed.stderr).toMatch(/failed after \d+ ms: http 500/);
      expect(none.code).toBe(1);
      expect(none.stderr).toContain('no coach configured');
    } finally {
      await broken.close();
    }
  });
});
