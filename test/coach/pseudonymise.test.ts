import { describe, expect, it } from 'vitest';
import { createPseudonymiser } from '../../src/coach/pseudonymise.js';
import { namesOf } from '../../src/coach/uses.js';
import { newState } from '../../src/engine/step.js';

describe('pseudonymise', () => {
  it('replaces known names, capitalised words, emails, phones and URLs, and maps them back', () => {
    const p = createPseudonymiser(['Anna de Vries', 'Piet', 'marieke']);
    const text =
      'I want to ask Anna de Vries and Piet, or Zbigniew at Acme; mail me at m.jansen@example.nl or call +31 6 1234 5678, see https://example.nl/cv. My friend marieke too.';
    const masked = p.mask(text);
    for (const secret of [
      'Anna',
      'Vries',
      'Piet',
      'Zbigniew',
      'Acme',
      'jansen',
      '1234',
      'example.nl',
      'marieke',
    ])
      expect(masked).not.toContain(secret);
    expect(masked).toContain('I want to ask [P');
    expect(masked).toContain('My friend');
    expect(p.unmask(masked)).toBe(text);
  });

  it('masks names with capitals inside, and leaves abbreviations', () => {
    const p = createPseudonymiser([]);
    const text = 'Chris McKenzie, a health-IT blogger I follow on LinkedIn, knows DeShawn from the EHR team';
    const masked = p.mask(text);
    for (const secret of ['McKenzie', 'LinkedIn', 'DeShawn', 'Chris']) expect(masked).not.toContain(secret);
    expect(masked).toContain('health-IT blogger');
    expect(masked).toContain('the EHR team');
    expect(p.unmask(masked)).toBe(text);
  });

  it('masks what leaked before: name parts in any case, marked lowercase names, spelled-out emails; keeps dates', () => {
    const p = createPseudonymiser(['Zebulon Quixote', 'anna', 'piet']);
    const text =
      'ZEBULON and zebulon and quixote; my neighbour anna and piet; my buurman marmaduke; McDonald, DeShawn and LaToya; write zeb at example dot org before 2027-03-01 or 1-3-2027';
    const masked = p.mask(text);
    for (const secret of [
      'ZEBULON',
      'zebulon',
      'quixote',
      'anna',
      'piet',
      'marmaduke',
      'McDonald',
      'DeShawn',
      'LaToya',
      'zeb',
      'example',
    ])
      expect(masked, masked).not.toMatch(new RegExp(`\\b${secret}\\b`));
    expect(masked).toContain('before 2027-03-01 or 1-3-2027');
    expect(masked).toContain('my neighbour [P');
    expect(p.unmask(masked)).toBe(
      text.replace('ZEBULON', 'Zebulon').replace('zebulon', 'Zebulon').replace('quixote', 'Quixote'),
    );
  });

  it('gives one person one placeholder, whatever the case', () => {
    const p = createPseudonymiser(['Anna']);
    expect(p.mask('Anna met anna')).toBe('[P1] met [P1]');
    expect(p.unmask('Say hi to [P1] and [P9].')).toBe('Say hi to Anna and [P9].');
  });
});

describe('namesOf', () => {
  it('keeps coffee partners (members) and the member’s own coffee name out of requests', () => {
    const base = newState({ platform: 'slack', space: 'T1', user: 'U1' }, 'en', new Date('2026-12-01'));
    const state = {
      ...base,
      coffee: {
        prefs: { ...base.coffee.prefs, name: 'Ria' },
        coffees: [
          {
            round: 1,
            at: '2026-12-01T09:00:00Z',
            partners: [{ user: 'U2', name: 'Bartholomeus' }],
            organiser: true,
          },
        ],
      },
    };
    const names = namesOf(state);
    expect(names).toEqual(expect.arrayContaining(['Bartholomeus', 'Ria']));
    const { mask } = createPseudonymiser(names);
    expect(mask('koffie met bartholomeus en Ria')).not.toMatch(/bartholomeus|Ria/i);
  });
});
