import { describe, expect, it } from 'vitest';
import { type Input, runCli, runScript, type ScriptStep, useCli } from '../helpers/cli.js';
import { part } from '../helpers/scripts.js';
import { say, variants } from '../helpers/texts.js';

const e2e = useCli();

/** From the welcome question to the first resource question, skipping every part (no people). */
function toResources(): ScriptStep[] {
  const steps: ScriptStep[] = [
    { send: { choice: 'begin' }, expect: say('en', 'awareness.intro') },
    { send: { choice: 'begin' }, expect: part(1) },
  ];
  for (let n = 2; n <= 10; n++) steps.push({ send: { choice: 'none' }, expect: part(n) });
  steps.push({ send: { choice: 'none' }, expect: say('en', 'career.discuss') });
  steps.push({ send: { choice: 'none' }, expect: say('en', 'career.jobChange') });
  steps.push({ send: { choice: 'none' }, expect: say('en', 'career.career') });
  steps.push({ send: { choice: 'none' }, expect: say('en', 'resource.organisation') });
  return steps;
}

describe('console --json: bad and odd input', () => {
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
    const next = await session.ask({ choice: 'begin' });
    expect(next.lines.map((l) => l.type)).toEqual(['error', 'error', 'error', 'error', 'error', 'reply']);
    for (const error of next.errors) {
      expect(typeof error.error).toBe('string');
      expect(error.error.length).toBeGreaterThan(0);
      expect(error.error.length).toBeLessThan(200);
    }
    // The valid line after the bad ones was answered: the welcome's "begin" led to the intro.
    expect(next.question.text).toBe(say('en', 'awareness.intro'));
    expect(await session.end()).toEqual({ code: 0, signal: null });
  });

  it('gives a short reply to odd input and asks the same question again', { timeout: 20_000 }, async () => {
    const sandbox = e2e.sandbox();
    const session = e2e.start(sandbox, { user: 'U', lang: 'en', json: true });
    await session.question();
    const turns = await runScript(session, toResources());
    const asked = turns.at(-1)?.question;
    if (!asked) throw new Error('no question');
    expect(asked.choices?.map((c) => c.id)).toEqual(['family', 'friend', 'acquaintance', 'nobody', 'myself']);

    const tooLong = say('en', 'common.tooLong', { max: 2000 });
    // What was read is quoted back as words only: no control characters, no mentions.
    const options = new Intl.ListFormat('en', { type: 'disjunction' }).format(
      asked.choices?.map((c) => c.label) ?? [],
    );
    // These answers are a question of their own, with the same options, in place of the question.
    const none = (text: string) => ({ asks: say('en', 'choose.none', { text, options }) });
    const range = (said: string) => ({ asks: say('en', 'choose.range', { said, min: 1, max: 5 }) });
    const odd: [Input, string | string[] | { asks: string }][] = [
      ['x'.repeat(50_000), tooLong],
      [{ text: 'y'.repeat(50_000) }, tooLong],
      ['', variants('en', 'common.empty')],
      [{ text: ' \t ' }, variants('en', 'common.empty')],
      ['👩‍🔬🎉 مرحبا بالعالم \u202eevil\u202c שלום', none('مرحبا بالعالم evil שלום')],
      [{ text: '\u0000\u0001\u0007\u001b[2J\u001b[31mred\u007f' }, none('2J 31mred')],
      ['\u0007\u001b[2J\u001b]0;title\u0007bell', none('2J 0 title bell')],
      ['<!channel> @everyone', none('channel everyone')],
      ['🎉', { asks: say('en', 'choose.miss', { options }) }],
      ['7', range('7')],
      ['0', range('0')],
      ['99999999999999999999', range('99999999999999999999')],
      ['/frobnicate', say('en', 'common.unknownCommand', { word: 'frobnicate' })],
      [{ command: 'frobnicate', args: ['now'] }, say('en', 'common.unknownCommand', { word: 'frobnicate' })],
      [{ choice: 'begin' }, say('en', 'common.stale')],
    ];
    for (const [input, expected] of odd) {
      const turn = await session.ask(input);
      const label = JSON.stringify(input).slice(0, 60);
      expect(turn.errors, label).toEqual([]);
      if (typeof expected === 'object' && 'asks' in expected) {
        expect(turn.replies, label).toEqual([]);
        expect(turn.question.text, label).toBe(expected.asks);
        expect(turn.question.text.length, label).toBeLessThan(300);
        expect(turn.question.choices, label).toEqual(asked.choices);
        continue;
      }
      expect(
        turn.replies.map((r) => r.text),
        label,
      ).toHaveLength(1);
      const reply = turn.replies[0]?.text ?? '';
      if (Array.isArray(expected)) expect(expected, label).toContain(reply);
      else expect(reply, label).toBe(expected);
      expect(reply.length, label).toBeLessThan(300);
      expect(turn.question.text, label).toBe(asked.text);
      expect(turn.question.choices, label).toEqual(asked.choices);
    }

    // The question still takes its answer, and nothing odd was stored on the way.
    const after = await session.ask({ choice: 'friend' });
    expect(after.question.text).toContain(say('en', 'resource.salaries'));
    expect(await session.end()).toEqual({ code: 0, signal: null });

    const exported = await runCli(sandbox, ['export', '--user', 'U']);
    expect(exported.code).toBe(0);
    const member = JSON.parse(exported.stdout).member;
    expect(member.network).toEqual({ people: [], resources: { organisation: 'friend' } });
    expect(member.flow).toEqual({ at: 'awareness.resources', item: 1 });
  });
});
