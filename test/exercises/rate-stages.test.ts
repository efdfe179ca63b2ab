/** Rating by groups: pages, the value a tick gives, the rest value, and rating flows saved before it. */
import { describe, expect, it } from 'vitest';
import type { MemberRef } from '../../src/core/types.js';
import { migrateState, STATE_VERSION } from '../../src/engine/state.js';
import { newState, type StepEnv, step } from '../../src/engine/step.js';
import {
  firstPosition,
  nextPosition,
  pageCount,
  pageMembers,
  setValue,
} from '../../src/exercises/rate-stages.js';
import type { Person } from '../../src/network/model.js';
import { texts } from '../helpers/engine.js';
import { say } from '../helpers/texts.js';

const person = (i: number, over: Partial<Person> = {}): Person => ({
  id: `p${i}`,
  name: `P${i}`,
  domain: 'work',
  ring: null,
  contact: null,
  named: [],
  addedAt: '2026-03-01T09:00:00.000Z',
  ...over,
});
const many = (n: number) => Array.from({ length: n }, (_, i) => person(i + 1));
const ids = (people: Person[]) => people.map((p) => p.id);

describe('pages', () => {
  it.each([
    [25, [25]],
    [26, [13, 13]],
    [30, [15, 15]],
    [51, [17, 17, 17]],
  ])('%i people are asked in even pages %j', (n, sizes) => {
    const people = many(n);
    const pos = firstPosition(ids(people), people);
    if (!pos) throw new Error('no position');
    expect(pos).toMatchObject({ stage: 'inner', page: 0 });
    expect(pageCount(pos)).toBe(sizes.length);
    const seen = sizes.map((_, page) => pageMembers({ ...pos, page }, people).length);
    expect(seen).toEqual(sizes);
  });
});

describe('a round', () => {
  it('ticks give the question value, the last question of an attribute gives the rest its value', () => {
    let people = many(4);
    const queue = ids(people);
    let pos = firstPosition(queue, people);
    const answers: [stage: string, ticked: string[]][] = [
      ['inner', ['p1']],
      ['middle', ['p2']],
      ['weekly', ['p1', 'p3']],
      ['monthly', []],
      ['yearly', ['p2']],
    ];
    const closed: string[] = [];
    for (const [stage, ticked] of answers) {
      if (!pos) throw new Error(`the round ended before ${stage}`);
      expect(pos.stage).toBe(stage);
      const moved = nextPosition(pos, queue, setValue(pos, people, ticked));
      people = moved.people;
      closed.push(...moved.closed);
      pos = moved.position;
    }
    expect(pos).toBeUndefined();
    expect(closed).toEqual(['inner', 'middle', 'weekly', 'monthly', 'yearly']);
    expect(people.map((p) => [p.id, p.ring, p.contact])).toEqual([
      ['p1', 'inner', 'weekly'],
      ['p2', 'middle', 'yearly'],
      ['p3', 'outer', 'weekly'],
      ['p4', 'outer', 'dormant'],
    ]);
  });

  it('skips questions nobody is left for, and asks the part of life only of those without one', () => {
    const people = [person(1, { domain: null }), person(2)];
    const queue = ids(people);
    const start = firstPosition(queue, people);
    if (!start) throw new Error('no position');
    // Everyone close and in touch this week: no "in between", "this month" or "three years" question.
    let moved = nextPosition(start, queue, setValue(start, people, queue));
    expect(moved.position?.stage).toBe('weekly');
    const weekly = moved.position;
    if (!weekly) throw new Error('no position');
    moved = nextPosition(weekly, queue, setValue(weekly, moved.people, queue));
    expect(moved.position).toMatchObject({ stage: 'domain', group: ['p1'], page: 0 });
    expect(moved.closed).toEqual(['weekly']);
  });

  it('a tick for someone not on the page changes nothing', () => {
    const people = many(30);
    const pos = firstPosition(ids(people), people);
    if (!pos) throw new Error('no position');
    const rated = setValue(pos, people, ['p20']);
    expect(rated.find((p) => p.id === 'p20')?.ring).toBeNull();
  });
});

const member: MemberRef = { platform: 'console', space: 'local', user: 'u' };
const env: StepEnv = { texts, now: new Date('2026-03-01T09:00:00Z'), revisitDays: 7, defaultLang: 'en' };

describe('flows saved before rating by groups', () => {
  it('an old rate flow half-way through a person loads and goes on with the first group question', () => {
    const saved = {
      ...newState(member, 'en', env.now),
      nextPersonId: 3,
      network: {
        people: [person(1, { ring: 'inner' }), person(2, { name: 'Bo' })],
        resources: {},
      },
      flow: { at: 'rate', queue: ['p1', 'p2'], next: 'resources' },
    };
    const state = migrateState(JSON.parse(JSON.stringify(saved)));
    expect(state.v).toBe(STATE_VERSION);
    expect(state.flow).toEqual({ at: 'rate', queue: ['p1', 'p2'], next: 'resources' });
    // Closeness is asked of Bo only; P1 keeps the ring given one at a time.
    const asked = step(state, { kind: 'command', id: 'e', member, name: 'continue', args: [] }, env);
    const question = asked.replies.at(-1);
    expect(question?.text).toBe(say('en', 'rateGroup.inner'));
    expect(question?.pick?.options).toEqual([{ id: 'p2', label: 'Bo' }]);
    const next = step(asked.state ?? undefined, { kind: 'picks', id: 'e2', member, values: ['p2'] }, env);
    expect(next.state?.network.people.map((p) => p.ring)).toEqual(['inner', 'inner']);
    expect(next.state?.flow).toMatchObject({ at: 'rate', stage: 'weekly', group: ['p1', 'p2'], page: 0 });
  });

  it('an old resource flow, one item per question, begins again at the first theme', () => {
    const saved = { ...newState(member, 'en', env.now), flow: { at: 'awareness.resources', item: 4 } };
    const state = migrateState(JSON.parse(JSON.stringify(saved)));
    expect(state.flow).toEqual({ at: 'awareness.resources' });
    const asked = step(state, { kind: 'command', id: 'e', member, name: 'continue', args: [] }, env);
    expect(asked.replies.at(-1)?.text).toContain(say('en', 'resourceTheme.career'));
  });
});
