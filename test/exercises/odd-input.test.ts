/** Odd and hostile input on a question, and the regressions typed input once hit, in process. */
import { describe, expect, it } from 'vitest';
import { DOMAINS } from '../../src/network/model.js';
import { type Conversation, conversation, type Step } from '../helpers/conversation.js';
import { say, variants } from '../helpers/texts.js';
import { part } from './scripts.js';

// C0 controls other than newline, DEL, C1 controls.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

/**
 * From the welcome question to "where do you know Zoe from?": every part skipped, Zoe named only at
 * the first work question, nobody ticked in the rating round (so Zoe is outer and dormant).
 */
async function toWhere(c: Conversation) {
  await c.press('begin').asks('awareness.intro');
  await c.press('begin').asksText(part(1), 'contains');
  for (let n = 2; n <= 10; n++) await c.press('none').asksText(part(n), 'contains');
  await c.press('none').asks('career.discuss');
  await c.send('Zoe').asks('career.jobChange');
  await c.press('none').asks('career.career');
  await c.press('none').asks('rateGroup.inner');
  for (const stage of ['middle', 'weekly', 'monthly', 'yearly'])
    await c.press('none').asks(`rateGroup.${stage}`);
  return c.press('none').asks('rateGroup.where', { name: 'Zoe' });
}

describe('bad and odd input', () => {
  it('gives a short reply to odd input and asks the same question again', async () => {
    const c = await conversation({ lang: 'en' });
    await c.start();
    const asked = (await toWhere(c)).question;
    expect(asked?.choices?.map((ch) => ch.id)).toEqual([...DOMAINS, 'skip']);

    const tooLong = say('en', 'common.tooLong', { max: 2000 });
    const unknown = say('en', 'common.unknownCommand', { word: 'frobnicate' });
    // What was read is quoted back as words only: no control characters, no mentions.
    const options = new Intl.ListFormat('en', { type: 'disjunction' }).format(
      asked?.choices?.map((ch) => `“${ch.label}”`) ?? [],
    );
    // These answers are a question of their own, with the same options, in place of the question.
    const none = (text: string) => ({ asks: say('en', 'choose.none', { text, options }) });
    const range = (said: string) => ({ asks: say('en', 'choose.range', { said, min: 1, max: 12 }) });
    const odd: [string, () => Step, string | string[] | { asks: string }][] = [
      ['50,000 x', () => c.send('x'.repeat(50_000)), tooLong],
      ['50,000 y', () => c.send('y'.repeat(50_000)), tooLong],
      ['empty', () => c.send(''), variants('en', 'common.empty')],
      ['blanks', () => c.send(' \t '), variants('en', 'common.empty')],
      [
        'scripts',
        () => c.send('👩‍🔬🎉 مرحبا بالعالم \u202eevil\u202c שלום'),
        none('مرحبا بالعالم evil שלום'),
      ],
      // Escape sequences go whole, before the engine reads the text: only "red" and "bell" are left.
      ['controls', () => c.send('\u0000\u0001\u0007\u001b[2J\u001b[31mred\u007f'), none('red')],
      ['escapes', () => c.send('\u0007\u001b[2J\u001b]0;title\u0007bell'), none('bell')],
      ['mention', () => c.send('<!channel> @everyone'), none('channel everyone')],
      ['emoji', () => c.send('🎉'), { asks: say('en', 'choose.miss', { options }) }],
      ['13', () => c.send('13'), range('13')],
      ['0', () => c.send('0'), range('0')],
      ['huge number', () => c.send('99999999999999999999'), range('99999999999999999999')],
      ['typed unknown command', () => c.send('/frobnicate'), unknown],
      ['unknown command', () => c.command('frobnicate', 'now'), unknown],
      ['stale button', () => c.press('begin'), say('en', 'common.stale')],
    ];
    for (const [label, input, expected] of odd) {
      const turn = await input();
      if (typeof expected === 'object' && 'asks' in expected) {
        expect(turn.texts, label).toEqual([]);
        expect(turn.question?.text, label).toBe(expected.asks);
        expect(turn.question?.text.length, label).toBeLessThan(300);
        expect(turn.question?.choices, label).toEqual(asked?.choices);
        continue;
      }
      expect(turn.texts, label).toHaveLength(1);
      const reply = turn.texts[0] ?? '';
      if (Array.isArray(expected)) expect(expected, label).toContain(reply);
      else expect(reply, label).toBe(expected);
      expect(reply.length, label).toBeLessThan(300);
      expect(turn.question?.text, label).toBe(asked?.text);
      expect(turn.question?.choices, label).toEqual(asked?.choices);
    }

    // The question still takes its answer, and nothing odd was stored on the way.
    await c.press('online').asksText(say('en', 'resourceTheme.career'), 'contains');
    const member = (await c.exported()).member;
    expect(member.network.resources).toEqual({});
    expect(member.network.people).toMatchObject([
      { name: 'Zoe', domain: 'online', ring: 'outer', contact: 'dormant', named: ['discuss'] },
    ]);
    expect(member.network.people).toHaveLength(1);
    // The member stands on the first resource question.
    expect((await c.current())?.text).toContain(say('en', 'resourceTheme.career'));
  });
});

describe('fixed bugs', () => {
  // Bug: "begin" is both the id of the first choice of the welcome and intro questions (which
  // resolve() accepts as typed text) and a command word for "start", and commands won: typing it
  // answered "Welcome back!" on first contact and repeated the question.
  it('typing the choice id "begin" at the welcome starts the exercise', async () => {
    const c = await conversation({ lang: 'en' });
    await c.start();
    await c.send('begin').saysOnly().asks('awareness.intro');
  });

  // Bug: the unknown-command reply echoed the typed word with its control characters, so "/" plus
  // a terminal escape sequence was written back raw to the terminal.
  it('the reply to an unknown command carries no control characters', async () => {
    const c = await conversation({ lang: 'en' });
    const welcome = await c.start();
    const turn = await c.send('/\u001b[2J\u001b]0;title\u0007');
    expect(turn.question?.text).toBe(welcome.question?.text);
    expect(turn.texts).toHaveLength(1);
    expect(turn.texts[0]).not.toMatch(CONTROL);
  });
});
