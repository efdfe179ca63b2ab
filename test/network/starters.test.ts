/** Whom to start with after the map: the pure chooser, and where it looks first. */
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/types.js';
import type { Ctx } from '../../src/engine/flow.js';
import { newState } from '../../src/engine/step.js';
import { focusOf, nextStepFlow } from '../../src/exercises/awareness/next-step.js';
import { mapMetrics } from '../../src/network/metrics.js';
import type { Contact, Domain, Person, Ring } from '../../src/network/model.js';
import { chooseStarters, gapDomains, tieOf } from '../../src/network/starters.js';

let n = 0;
const person = (name: string, domain: Domain | null, ring: Ring | null, contact: Contact | null): Person => ({
  id: `p${++n}`,
  name,
  domain,
  ring,
  contact,
  named: [],
  addedAt: '2026-01-01T00:00:00.000Z',
});

const names = (people: Person[], focus: Domain[], count?: number) =>
  chooseStarters(people, focus, count).map((s) => s.person.name);

describe('the tie of a first contact', () => {
  it('is an acquaintance (outer ring), a dormant tie (three years or more), or both; close and active ties are not', () => {
    expect(tieOf(person('A', 'work', 'outer', 'monthly'))).toBe('acquaintance');
    expect(tieOf(person('B', 'work', 'middle', 'dormant'))).toBe('dormant');
    expect(tieOf(person('C', 'work', 'outer', 'dormant'))).toBe('both');
    expect(tieOf(person('D', 'work', 'inner', 'weekly'))).toBeUndefined();
    expect(tieOf(person('E', 'work', 'middle', 'yearly'))).toBeUndefined();
  });
});

describe('choosing whom to start with', () => {
  const map = [
    person('Anna', 'work', 'inner', 'weekly'),
    person('Mo', 'work', 'outer', 'monthly'),
    person('Piet', 'work', 'outer', 'dormant'),
    person('Sara', 'study', 'middle', 'dormant'),
    person('Lex', 'friends', 'outer', 'yearly'),
    person('Ria', 'associations', 'outer', 'weekly'),
    person('Zoe', null, 'outer', 'dormant'),
    person('Dad', 'family', 'inner', 'dormant'),
  ];

  it('takes weak or dormant ties in the focus first, one per part of life, the quietest first', () => {
    // Work first: Piet (dormant) before Mo (monthly); then studies; Mo waits while other parts have someone.
    expect(names(map, ['work', 'study'])).toEqual(['Piet', 'Sara', 'Dad']);
    // Outside the focus, Dad and Piet are both dormant: by name.
    expect(names(map, ['associations', 'friends'])).toEqual(['Ria', 'Lex', 'Dad']);
  });

  it('without a focus: dormant ties before acquaintances, one per part of life, then by name', () => {
    expect(names(map, [])).toEqual(['Dad', 'Piet', 'Sara']);
    expect(names(map, [], 5)).toEqual(['Dad', 'Piet', 'Sara', 'Lex', 'Ria']);
  });

  it('fills from the same part of life when the others have nobody', () => {
    const work = [
      person('Mo', 'work', 'outer', 'monthly'),
      person('Bo', 'work', 'outer', 'yearly'),
      person('Al', 'work', 'outer', 'weekly'),
      person('Cy', 'work', 'outer', 'monthly'),
    ];
    expect(names(work, ['work'])).toEqual(['Bo', 'Cy', 'Mo']);
  });

  it('leaves out people without a part of life, without a name, or a second entry of the same name', () => {
    const odd = [
      person('Zoe', null, 'outer', 'dormant'),
      person('…', 'work', 'outer', 'dormant'),
      person('Eva', 'work', 'outer', 'yearly'),
      person('eva', 'study', 'outer', 'yearly'),
    ];
    expect(names(odd, [])).toEqual(['Eva']);
  });

  it('is deterministic: the order of the map does not matter', () => {
    const reversed = [...map].reverse();
    expect(names(reversed, ['work', 'study'])).toEqual(names(map, ['work', 'study']));
    expect(names(reversed, [])).toEqual(names(map, []));
  });

  it('chooses nobody from a map of close, active ties', () => {
    expect(chooseStarters([person('Anna', 'work', 'inner', 'weekly')], ['work'])).toEqual([]);
  });
});

describe('where to look first', () => {
  it('the help the member lacks points at the parts of life that carry it, likeliest first', () => {
    expect(gapDomains(['board'])).toEqual(['volunteering', 'associations', 'former']);
    expect(gapDomains(['hires', 'salaries']).slice(0, 2)).toEqual(['work', 'former']);
    expect(gapDomains([])).toEqual([]);
  });

  const ctx = { now: new Date('2026-03-02T10:00:00Z') } as Ctx;
  const stateWith = (people: Person[], lang: Lang = 'en') => ({
    ...newState({ platform: 'console', space: 'local', user: 'U' }, lang, ctx.now),
    network: { people, resources: { board: 'nobody' as const, hires: 'acquaintance' as const } },
  });
  const people = [
    person('Mo', 'work', 'outer', 'monthly'),
    person('Vera', 'volunteering', 'outer', 'yearly'),
    person('Sam', 'study', 'outer', 'yearly'),
  ];

  it('without a goal: the gaps among the resources (someone on a board: boards and volunteering)', () => {
    const state = stateWith(people);
    const metrics = mapMetrics(state.network);
    expect(focusOf(state, metrics)).toMatchObject({ why: 'gaps', gaps: ['board'] });
    expect(nextStepFlow(state, metrics)).toEqual({
      at: 'nextStep.offer',
      // Vera on a board first; then Sam (this year) before Mo (this month), outside the focus.
      people: [people[1]?.id, people[2]?.id, people[0]?.id],
      why: 'gaps',
      gaps: ['board'],
    });
  });

  it('with an ask-for-help goal: the parts of life it names, then those that carry its kind of help', () => {
    const state = {
      ...stateWith(people),
      completed: [
        {
          exercise: 'ask-for-help' as const,
          at: '2026-02-01T00:00:00.000Z',
          metrics: { goal: 'Find a course at the university', need: 'feedback' },
        },
      ],
    };
    const focus = focusOf(state, mapMetrics(state.network));
    expect(focus).toMatchObject({ why: 'goal', goal: 'Find a course at the university' });
    // "course", "university" name studies; feedback is found at work, former work and studies.
    expect(focus.domains).toEqual(['study', 'work', 'former']);
    expect(nextStepFlow(state, mapMetrics(state.network))).toMatchObject({
      people: [people[2]?.id, people[0]?.id, people[1]?.id],
      why: 'goal',
    });
  });

  it('offers no next step when nobody on the map is a weak or dormant tie', () => {
    const state = stateWith([person('Anna', 'work', 'inner', 'weekly')]);
    expect(nextStepFlow(state, mapMetrics(state.network))).toBeUndefined();
  });
});
