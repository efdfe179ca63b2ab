import { describe, expect, it } from 'vitest';
import { MAX_NAME_LENGTH } from '../../src/network/model.js';
import { cleanName, MAX_NAMES_PER_ANSWER, parseNames } from '../../src/network/names.js';

describe('parseNames', () => {
  it.each([
    ['Anna, Piet and Mo', ['Anna', 'Piet', 'Mo']],
    ['Anna en Piet; Mo\nKees', ['Anna', 'Piet', 'Mo', 'Kees']],
    ['  anna , ANNA, Anna B ', ['anna', 'Anna B']],
    ['Zoë & Jürgen', ['Zoë', 'Jürgen']],
    ['محمد، سارة', ['محمد', 'سارة']],
    ['👋, ,,, ---', []],
    ['1, 42, A.B.', ['A.B.']],
    ['Ann\u0000a\u202e, B\u0007', ['Ann', 'B']],
    ['', []],
  ])('%j → %j', (text, expected) => {
    expect(parseNames(text)).toEqual(expected);
  });

  it('cuts long names and long lists', () => {
    expect([...cleanName('x'.repeat(500))].length).toBe(MAX_NAME_LENGTH);
    const many = Array.from({ length: 80 }, (_, i) => `P${i}`).join(',');
    expect(parseNames(many)).toHaveLength(MAX_NAMES_PER_ANSWER);
  });
});
