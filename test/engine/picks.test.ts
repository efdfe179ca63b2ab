import { describe, expect, it } from 'vitest';
import { readPicks } from '../../src/engine/picks.js';

const options = ['Anna', 'Piet de Vries', 'Marleen', 'Rob', 'Ümit'].map((label, i) => ({
  id: `p${i + 1}`,
  label,
}));
const all = ['all', 'allemaal'];

describe('reading a typed multi-select answer', () => {
  it('takes numbers, ranges and spaces between numbers', () => {
    expect(readPicks('1, 4, 5', options, all)).toEqual({ kind: 'picks', values: ['p1', 'p4', 'p5'] });
    expect(readPicks('2-4', options, all)).toEqual({ kind: 'picks', values: ['p2', 'p3', 'p4'] });
    expect(readPicks('5 1', options, all)).toEqual({ kind: 'picks', values: ['p1', 'p5'] });
  });

  it('takes names, first names and "all", in any case and accent', () => {
    expect(readPicks('anna en Piet', options, all)).toEqual({ kind: 'picks', values: ['p1', 'p2'] });
    expect(readPicks('umit and 3', options, all)).toEqual({ kind: 'picks', values: ['p3', 'p5'] });
    expect(readPicks('Allemaal', options, all)).toEqual({
      kind: 'picks',
      values: ['p1', 'p2', 'p3', 'p4', 'p5'],
    });
  });

  it('names what it could not find, and leaves a sentence alone', () => {
    expect(readPicks('1, 9, Zebulon', options, all)).toEqual({ kind: 'unknown', parts: ['9', 'Zebulon'] });
    expect(readPicks('I am not sure about this', options, all)).toEqual({ kind: 'text' });
  });
});
