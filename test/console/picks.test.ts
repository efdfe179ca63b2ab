/**
 * A multi-select question in the terminal: its options numbered with a hint and the buttons on
 * one line (en and nl), a `pick` in the JSON reply line, and a `{"picks": [...]}` input line that
 * the built CLI hands to the engine.
 */
import { describe, expect, it } from 'vitest';
import { parseLine } from '../../adapters/console/inbound.js';
import { renderJson, renderText, wordsOf } from '../../adapters/console/render.js';
import type { Reply } from '../../src/core/types.js';
import { PROMPTS_DIR } from '../../src/paths.js';
import { loadTexts } from '../../src/texts/texts.js';
import { useCli } from '../helpers/cli.js';
import { say } from '../helpers/texts.js';

const e2e = useCli();
const texts = loadTexts(PROMPTS_DIR);
const member = { platform: 'console' as const, space: 'local', user: 'me' };

const question = (none: string, skip: string): Reply => ({
  text: 'Which of these people are close to you?',
  pick: {
    options: ['Anna', 'Piet', 'Joost'].map((name, i) => ({ id: `p${i}`, label: name })),
    placeholder: 'Pick the people',
  },
  choices: [
    { id: 'none', label: none },
    { id: 'skip', label: skip },
  ],
});

describe('console text mode: a pick', () => {
  it('numbers the options, puts the buttons on one line without numbers, and says how to answer', () => {
    const text = renderText(question('None of them', 'Skip the rest'), {}, wordsOf(texts.forLang('en')));
    expect(text).toBe(
      [
        'Which of these people are close to you?',
        '  1. Anna',
        '  2. Piet',
        '  3. Joost',
        '  Or: None of them · Skip the rest',
        '  Type the numbers, such as 1, 4, 7, or the names.',
        '',
      ].join('\n'),
    );
  });

  it('in Dutch too', () => {
    const text = renderText(question('Geen van hen', 'Sla de rest over'), {}, wordsOf(texts.forLang('nl')));
    expect(text).toContain('  3. Joost\n  Of: Geen van hen · Sla de rest over\n');
    expect(text).toContain(`  ${say('nl', 'console.pick.hint')}`);
    expect(say('nl', 'console.pick.hint')).toBe('Typ de nummers, bijvoorbeeld 1, 4, 7, of de namen.');
  });

  it('still numbers the choices of a question without a pick', () => {
    const { pick: _pick, ...plain } = question('Yes', 'No');
    expect(renderText(plain, {}, wordsOf(texts.forLang('en')))).toBe(
      'Which of these people are close to you?\n  1. Yes\n  2. No\n',
    );
  });
});

describe('console --json: a pick', () => {
  it('shows the pick in the reply line, with ids, labels and the placeholder', () => {
    const line = JSON.parse(renderJson(question('None of them', 'Skip'), {}));
    expect(line.pick).toEqual({
      options: [
        { id: 'p0', label: 'Anna' },
        { id: 'p1', label: 'Piet' },
        { id: 'p2', label: 'Joost' },
      ],
      placeholder: 'Pick the people',
    });
    expect(line.choices).toEqual([
      { id: 'none', label: 'None of them' },
      { id: 'skip', label: 'Skip' },
    ]);
  });

  it('reads {"picks": [...]} as the picks of a multi-select, and refuses more than 25', () => {
    expect(parseLine('{"picks": ["p0", "p2"]}', member, true)).toEqual({
      payload: { kind: 'picks', id: expect.stringMatching(/^console:/), member, values: ['p0', 'p2'] },
    });
    expect(parseLine('{"picks": []}', member, true)).toMatchObject({ payload: { values: [] } });
    const tooMany = JSON.stringify({ picks: Array.from({ length: 26 }, (_, i) => `p${i}`) });
    expect(parseLine(tooMany, member, true)).toHaveProperty('error');
  });

  it('hands a picks line to the engine through the built CLI', { timeout: 20_000 }, async () => {
    const session = e2e.start(e2e.sandbox(), { user: 'U', lang: 'en', json: true });
    const welcome = await session.question();
    expect(welcome.question.text).toBe(say('en', 'welcome.intro'));
    // The welcome asks no multi-select: the engine takes the picks as an outdated answer.
    const stale = await session.ask({ picks: ['p1'] });
    expect(stale.errors).toEqual([]);
    expect(stale.replies.map((r) => r.text)).toContain(say('en', 'common.stale'));
    expect(stale.question.text).toBe(say('en', 'welcome.intro'));
    session.send({ picks: 'p1' });
    const [bad] = await session.until((l) => l.type === 'error', 'an error line');
    expect(bad).toMatchObject({
      error: 'protocol error: "picks" must be a list of at most 25 option ids (strings)',
    });
    expect(await session.end()).toEqual({ code: 0, signal: null });
  });
});
