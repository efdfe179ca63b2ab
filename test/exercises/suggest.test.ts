import { describe, expect, it } from 'vitest';
import { suggestPeople, tieScore } from '../../src/exercises/ask-for-help/suggest.js';
import type { Person } from '../../src/network/model.js';

const person = (name: string, over: Partial<Person>): Person => ({
  id: name,
  name,
  domain: 'work',
  ring: 'outer',
  contact: 'yearly',
  named: [],
  addedAt: '',
  ...over,
});

describe('tieScore', () => {
  it.each([
    [{ contact: 'dormant', ring: 'inner' }, 3, 'dormant'],
    [{ ring: 'middle', contact: 'monthly' }, 2.5, 'moderate'],
    [{ ring: 'outer', contact: 'yearly' }, 2, 'weak'],
    [{ ring: 'outer', contact: 'weekly' }, 1.5, 'weak'],
    [{ ring: null, contact: null }, 2, 'weak'],
    [{ ring: 'inner', contact: 'weekly' }, 0, 'close'],
  ] as [Partial<Person>, number, string][])('%j → %d (%s)', (over, score, reason) => {
    expect(tieScore(person('x', over))).toEqual({ score, reason });
  });
});

describe('suggestPeople', () => {
  const map = [
    person('Inge', { domain: 'former', ring: 'inner', contact: 'weekly' }),
    person('Dirk', { domain: 'former', ring: 'outer', contact: 'dormant' }),
    person('Mia', { domain: 'associations', ring: 'middle', contact: 'monthly' }),
    person('Fam', { domain: 'family', ring: 'middle', contact: 'weekly' }),
    person('Bob', { domain: 'work', ring: 'outer', contact: 'weekly' }),
  ];

  it('puts dormant and moderately weak ties in relevant domains first, close ties last, one per reason', () => {
    // Fam is a second moderately weak tie: Mia already gives that reason.
    expect(suggestPeople(map, 'introduction', '', 5).map((s) => [s.person.name, s.score])).toEqual([
      ['Dirk', 6],
      ['Mia', 5.5],
      ['Bob', 4.5],
      ['Inge', 3],
    ]);
  });

  it('weighs the need: feedback does not look in associations', () => {
    expect(suggestPeople(map, 'feedback').map((s) => s.person.name)).toEqual(['Dirk', 'Bob', 'Inge']);
  });

  it('is empty for an empty map', () => {
    expect(suggestPeople([], 'advice')).toEqual([]);
  });
});
