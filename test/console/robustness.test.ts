import { describe, expect, it } from 'vitest';
import { useCli } from '../helpers/cli.js';
import { say } from '../helpers/texts.js';

const e2e = useCli();

/** What the JSON-lines adapter does with lines it cannot read; odd input to the engine is in test/exercises/odd-input. */
describe('console --json: bad lines', () => {
  it('answers malformed JSON lines with error objects and carries on', { timeout: 20_000 }, async () => {
    const sandbox = e2e.sandbox();
    const session = e2e.start(sandbox, { user: 'U', lang: 'en', json: true });
    const welcome = await session.question();
    expect(welcome.question.text).toBe(say('en', 'welcome.intro'));

    session.send('{bad');
    session.send({ nope: 1 });
    session.send({ choice: 5, x: 1 });
    session.send({ text: 'z'.repeat(100_001) });
    session.send({ command: '' });
    session.send({ choice: 5 });
    session.send({ picks: 'p1' });
    session.send(`{"text":"${'y'.repeat(1_000_000)}"}`);
    const next = await session.ask({ choice: 'begin' });
    expect(next.lines.map((l) => l.type)).toEqual([...Array(8).fill('error'), 'reply']);
    // Each says what was wrong: a wrong type is a protocol error, a long text is too long.
    expect(next.errors.map((e) => e.error.split(':')[0])).toEqual([
      'malformed JSON',
      'unknown message',
      'unknown message',
      'too long',
      'protocol error',
      'protocol error',
      'protocol error',
      'too long',
    ]);
    expect(next.errors[4]?.error).toBe('protocol error: "command" must be a command name (a string)');
    expect(next.errors[5]?.error).toBe('protocol error: "choice" must be a string (the option\'s id)');
    for (const error of next.errors) {
      expect(typeof error.error).toBe('string');
      expect(error.error.length).toBeGreaterThan(0);
      expect(error.error.length).toBeLessThan(200);
    }
    // The valid line after the bad ones was answered: the welcome's "begin" led to the intro.
    expect(next.question.text).toBe(say('en', 'awareness.intro'));
    expect(await session.end()).toEqual({ code: 0, signal: null });
  });
});
