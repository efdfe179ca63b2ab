import { describe, expect, it } from 'vitest';
import { addSentence } from '../../src/exercises/ask-for-help/index.js';
import { hasEasyOut, missingSmart } from '../../src/exercises/ask-for-help/smart.js';

describe('missingSmart', () => {
  it.each([
    ['Can you help me?', ['S', 'M', 'A', 'R', 'T']],
    ['Could we have a 20 minute call next week, because I want to move into data science?', []],
    ['Could you review my CV before Friday? It would take 15 minutes and matters because I apply soon.', []],
    ['Would you introduce me to your manager at the hospital?', ['M', 'R', 'T']],
    ['Heb je zin in een kort gesprek volgende week, omdat ik wil overstappen naar de zorg?', []],
    ['Wil je mijn cv bekijken voor 12-3? Het kost je een kwartier.', ['M']],
    ['I would love to hear how you made the switch to consulting last year', ['M', 'A', 'R', 'T']],
  ])('%s → %j', (request, missing) => {
    expect(missingSmart(request)).toEqual(missing);
  });
});

describe('hasEasyOut', () => {
  it.each([
    ['No problem if it does not suit you.', true],
    ["No worries if you're busy!", true],
    ['Geen probleem als het niet uitkomt.', true],
    ['Please answer by Friday.', false],
  ])('%s → %s', (request, expected) => {
    expect(hasEasyOut(request)).toBe(expected);
  });
});

describe('addSentence', () => {
  it.each([
    ['Could we talk', 'by Friday?', 'Could we talk. By Friday?'],
    ['Could we talk?', 'no problem if not.', 'Could we talk? No problem if not.'],
    ['', 'Hello.', 'Hello.'],
  ])('%j + %j', (request, sentence, expected) => {
    expect(addSentence(request, sentence)).toBe(expected);
  });
});
