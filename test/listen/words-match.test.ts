import { describe, expect, it } from 'vitest';
import type { Choice, Lang } from '../../src/core/types.js';
import { LANGS } from '../../src/core/types.js';
import { type Match, matchChoice, quotable, timesIn, vocabulary } from '../../src/engine/match.js';
import { texts } from '../helpers/engine.js';

const vocab = vocabulary(LANGS.map((lang) => texts.words(lang)));

/** Choices as the steps build them: the label's text and its words, in one language. */
function options(
  lang: Lang,
  ids: readonly string[],
  key: (id: string) => string,
  label?: (id: string) => string,
) {
  const say = texts.forLang(lang) as (key: string) => string;
  const words = texts.words(lang);
  return ids.map((id): Choice => ({ id, label: label ? label(id) : say(key(id)), words: words(key(id)) }));
}

const NEEDS = ['information', 'introduction', 'advice', 'feedback', 'opportunity'];
const CHANNELS = ['call', 'inperson', 'video', 'message'];
const need = (lang: Lang) => options(lang, NEEDS, (n) => `need.${n}`);
const channel = (lang: Lang) => options(lang, CHANNELS, (c) => `channel.${c}`);
const belief = (lang: Lang) =>
  options(
    lang,
    ['b1', 'b2', 'b3', 'b4', 'b5', 'b0'],
    (b) => `belief.${b.slice(1)}`,
    (b) => b.slice(1),
  );
const hour = (lang: Lang) =>
  options(
    lang,
    ['h9', 'h12', 'h15', 'h19'],
    (h) => `hour.${h.slice(1)}`,
    (h) => `${h.slice(1).padStart(2, '0')}:00`,
  );
const yesNo = (lang: Lang) => options(lang, ['yes', 'no'], (id) => `common.${id}`);
const checkin = (lang: Lang) => options(lang, ['met', 'later', 'missed'], (id) => `coffee.checkin.${id}`);
const scale = (lang: Lang) => options(lang, ['1', '2', '3', '4', '5'], (id) => `coffee.scale.${id}`);

const one = (id: string): Match => ({ kind: 'one', id });
const many = (...ids: string[]): Match => ({ kind: 'many', ids });

describe('matching typed words to the options of a question', () => {
  const table: [string, Lang, () => Choice[], string, Match][] = [
    ['need', 'en', () => need('en'), 'an introduction and advice', many('introduction', 'advice')],
    ['need', 'nl', () => need('nl'), 'een introductie en advies', many('introduction', 'advice')],
    ['need', 'en', () => need('en'), 'I think some tips', one('advice')],
    ['need', 'nl', () => need('nl'), 'raad denk ik', one('advice')],
    ['need', 'en', () => need('en'), 'Introduction!', one('introduction')],
    ['need', 'nl', () => need('nl'), 'Een Introductie', one('introduction')],
    ['need', 'en', () => need('en'), 'a new job', one('opportunity')],
    ['need', 'nl', () => need('nl'), 'misschien een nieuwe baan', one('opportunity')],
    ['need', 'en', () => need('en'), 'purple', { kind: 'none' }],
    ['belief', 'en', () => belief('en'), 'maybe two', one('b2')],
    ['belief', 'nl', () => belief('nl'), 'misschien twee', one('b2')],
    ['belief', 'nl', () => belief('nl'), 'twee denk ik', one('b2')],
    ['belief', 'en', () => belief('en'), 'a couple', one('b2')],
    ['belief', 'en', () => belief('en'), 'three out of five', one('b3')],
    ['belief', 'nl', () => belief('nl'), 'drie van de vijf', one('b3')],
    ['belief', 'en', () => belief('en'), '0', one('b0')],
    ['belief', 'en', () => belief('en'), 'nobody', one('b0')],
    ['belief', 'nl', () => belief('nl'), 'niemand', one('b0')],
    ['belief', 'nl', () => belief('nl'), 'een', one('b1')],
    ['belief', 'nl', () => belief('nl'), 'allemaal', one('b5')],
    ['belief', 'en', () => belief('en'), 'two or three', many('b2', 'b3')],
    ['belief', 'en', () => belief('en'), 'seven', { kind: 'range', said: 'seven', min: 0, max: 5 }],
    ['belief', 'nl', () => belief('nl'), '7', { kind: 'range', said: '7', min: 0, max: 5 }],
    ['channel', 'en', () => channel('en'), 'a message on LinkedIn', one('message')],
    ['channel', 'nl', () => channel('nl'), 'een berichtje via LinkedIn', one('message')],
    ['channel', 'nl', () => channel('nl'), 'bellen', one('call')],
    ['channel', 'en', () => channel('en'), 'give her a ring', one('call')],
    ['channel', 'nl', () => channel('nl'), 'videobellen', one('video')],
    ['channel', 'nl', () => channel('nl'), 'video bellen', one('video')],
    ['channel', 'en', () => channel('en'), 'a video call on Teams', one('video')],
    ['channel', 'en', () => channel('en'), 'over coffee', one('inperson')],
    ['channel', 'nl', () => channel('nl'), 'koffie drinken', one('inperson')],
    ['channel', 'en', () => channel('en'), 'a call or an email', many('call', 'message')],
    ['hour', 'en', () => hour('en'), '7pm', one('h19')],
    ['hour', 'en', () => hour('en'), '7 p.m.', one('h19')],
    ['hour', 'nl', () => hour('nl'), '19 uur', one('h19')],
    ['hour', 'nl', () => hour('nl'), '19:00', one('h19')],
    ['hour', 'nl', () => hour('nl'), '19u', one('h19')],
    ['hour', 'nl', () => hour('nl'), "7 uur 's avonds", one('h19')],
    ['hour', 'nl', () => hour('nl'), "'s avonds", one('h19')],
    ['hour', 'en', () => hour('en'), 'in the evening', one('h19')],
    ['hour', 'nl', () => hour('nl'), 'tussen de middag', one('h12')],
    ['hour', 'nl', () => hour('nl'), "'s middags", one('h15')],
    ['hour', 'en', () => hour('en'), '9am', one('h9')],
    ['hour', 'en', () => hour('en'), '12', one('h12')],
    ['hour', 'en', () => hour('en'), '8pm', { kind: 'none', time: '20:00' }],
    ['hour', 'nl', () => hour('nl'), '21 uur', { kind: 'none', time: '21:00' }],
    ['hour', 'en', () => hour('en'), '7', { kind: 'none', time: '07:00' }],
    ['hour', 'en', () => hour('en'), '9 or 12', many('h9', 'h12')],
    ['yes/no', 'en', () => yesNo('en'), 'sure', one('yes')],
    ['yes/no', 'en', () => yesNo('en'), 'yes please', one('yes')],
    ['yes/no', 'en', () => yesNo('en'), 'nope', one('no')],
    ['yes/no', 'nl', () => yesNo('nl'), 'ja', one('yes')],
    ['yes/no', 'nl', () => yesNo('nl'), 'nee hoor', one('no')],
    ['yes/no', 'nl', () => yesNo('nl'), 'ja graag', one('yes')],
    ['yes/no', 'en', () => yesNo('en'), 'not sure', { kind: 'none' }],
    ['checkin', 'en', () => checkin('en'), 'no, not yet', one('later')],
    ['checkin', 'nl', () => checkin('nl'), 'nee, nog niet', one('later')],
    ['checkin', 'nl', () => checkin('nl'), 'het is niet gelukt', one('missed')],
    ['checkin', 'en', () => checkin('en'), 'yes we did', one('met')],
    ['scale', 'en', () => scale('en'), 'not much', one('1')],
    ['scale', 'en', () => scale('en'), 'very much', one('5')],
    ['scale', 'nl', () => scale('nl'), 'een beetje', one('2')],
    ['scale', 'nl', () => scale('nl'), 'vier', one('4')],
  ];
  for (const [question, lang, choices, typed, expected] of table)
    it(`${question} (${lang}): "${typed}"`, () => {
      expect(matchChoice(typed, choices(), vocab, true)).toEqual(expected);
    });

  it('keeps a free-text step free: only the whole message picks its button', () => {
    const skip: Choice[] = [{ id: 'skip', label: 'Skip', words: ['skip it', 'pass'] }];
    expect(matchChoice('skip', skip, vocab, false)).toEqual(one('skip'));
    expect(matchChoice('skip it please', skip, vocab, false)).toEqual(one('skip'));
    expect(matchChoice('I would skip the small talk and ask about her project', skip, vocab, false)).toEqual({
      kind: 'text',
    });
    expect(matchChoice('3', skip, vocab, false)).toEqual({ kind: 'text' });
    expect(matchChoice('two', skip, vocab, false)).toEqual({ kind: 'text' });
    expect(matchChoice('1', skip, vocab, false)).toEqual(one('skip'));
  });

  it('names the real range, also when the labels are the numbers', () => {
    expect(matchChoice('9', need('en'), vocab, true)).toEqual({ kind: 'range', said: '9', min: 1, max: 5 });
    expect(matchChoice('6', belief('en'), vocab, true)).toEqual({ kind: 'range', said: '6', min: 0, max: 5 });
  });

  it('reads times in both languages', () => {
    expect(timesIn('7pm')).toEqual(['19:00']);
    expect(timesIn('om half acht of 19:30')).toEqual(['19:30']);
    expect(timesIn('3 uur s middags')).toEqual(['15:00']);
    expect(timesIn('12am')).toEqual(['00:00']);
    expect(timesIn('about 5')).toEqual([]);
  });

  it('quotes back only words, cut at a word', () => {
    expect(quotable('<!channel> @everyone')).toBe('channel everyone');
    expect(quotable('\u0007\u001b[2J')).toBe('2J');
    expect(quotable('one two three four five six seven eight nine ten eleven')).toBe(
      'one two three four five six seven eight…',
    );
  });
});

describe('numbers as places', () => {
  it('counts places where the labels are words or times, not where they are the numbers', () => {
    expect(matchChoice('2', need('en'), vocab, true)).toEqual(one('introduction'));
    expect(matchChoice('4', hour('nl'), vocab, true)).toEqual(one('h19'));
    expect(matchChoice('two', channel('en'), vocab, true)).toEqual(one('inperson'));
    expect(matchChoice('5', belief('en'), vocab, true)).toEqual(one('b5'));
  });
});

describe('did you ask?', () => {
  const asked = (lang: Lang) =>
    options(
      lang,
      ['yes', 'no', 'notyet', 'drop'],
      (id) => `followup.${{ yes: 'saidYes', no: 'saidNo', notyet: 'notYet', drop: 'drop' }[id]}`,
    );
  it.each([
    ['en', 'yes', many('yes', 'no')],
    ['nl', 'ja', many('yes', 'no')],
    ['en', 'yes, she said yes', one('yes')],
    ['en', 'yes, but she said no', one('no')],
    ['nl', 'ja maar hij zei nee', one('no')],
    ['en', 'no, not yet', one('notyet')],
    ['nl', 'nee', one('notyet')],
    ['nl', 'laat maar', one('drop')],
  ] as const)('%s: "%s"', (lang, typed, expected) => {
    expect(matchChoice(typed, asked(lang), vocab, true)).toEqual(expected);
  });
});

describe('a number inside a label', () => {
  it('is no label number: "3" on last contact is the third option, not "3+ years ago"', () => {
    const contact = options('nl', ['weekly', 'monthly', 'yearly', 'dormant'], (id) => `contact.${id}`);
    expect(contact.map((c) => c.label)).toContain('3+ jaar geleden');
    expect(matchChoice('3', contact, vocab, true)).toEqual(one('yearly'));
    expect(matchChoice('3+ jaar geleden', contact, vocab, true)).toEqual(one('dormant'));
  });
});

describe('a question with one option', () => {
  it('has the range 1 to 1, which the engine says as "just one option"', () => {
    const only: Choice[] = [{ id: 'join', label: 'Join the coffees' }];
    expect(matchChoice('3', only, vocab, true)).toEqual({ kind: 'range', said: '3', min: 1, max: 1 });
    expect(matchChoice('join', only, vocab, true)).toEqual(one('join'));
  });
});
