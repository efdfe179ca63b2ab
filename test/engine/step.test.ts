import { describe, expect, it } from 'vitest';
import type { Inbound, MemberRef } from '../../src/core/types.js';
import type { Flow, State } from '../../src/engine/state.js';
import { newState, type StepEnv, step } from '../../src/engine/step.js';
import { texts } from '../helpers/engine.js';

const member: MemberRef = { platform: 'console', space: 'local', user: 'u' };
const env: StepEnv = { texts, now: new Date('2026-03-01T09:00:00Z'), revisitDays: 7, defaultLang: 'en' };
const at = (flow: Flow, over: Partial<State> = {}): State => ({
  ...newState(member, 'en', env.now),
  flow,
  ...over,
});
const text = (t: string): Inbound => ({ kind: 'text', id: 'e', member, text: t });
const choice = (value: string): Inbound => ({ kind: 'choice', id: 'e', member, value });
const recall = (domain = 0, probed = false): Flow => ({ at: 'awareness.recall', domain, probed });

describe('first contact', () => {
  it.each([
    [undefined, 'en', /Hello! I'm weakties/],
    ['nl-NL', 'nl', /Hallo! Ik ben weakties/],
    ['en-GB', 'en', /Hello!/],
    ['fr-FR', 'en', /Hello!/],
  ])('locale %s → %s', (locale, lang, greeting) => {
    const result = step(undefined, { kind: 'text', id: 'e', member, text: 'hoi', locale }, env);
    expect(result.state?.lang).toBe(lang);
    expect(result.state?.flow).toEqual({ at: 'welcome' });
    expect(result.replies[0]?.text).toMatch(greeting);
  });

  it('a command works from the very first message, then the welcome follows', () => {
    const result = step(undefined, { kind: 'command', id: 'e', member, name: 'help', args: [] }, env);
    expect(result.replies[0]?.text).toMatch(/networking coach/);
    expect(result.replies.at(-1)?.text).toMatch(/Hello! I'm weakties/);
    expect(result.state?.flow).toEqual({ at: 'welcome' });
  });

  it('switches language from the welcome buttons', () => {
    const result = step(at({ at: 'welcome' }), text('Nederlands'), env);
    expect(result.state?.lang).toBe('nl');
    expect(result.replies.at(-1)?.text).toMatch(/Hallo!/);
  });
});

describe('answers to a question with choices', () => {
  const intro = at({ at: 'awareness.intro' });
  it.each([
    ['by number', text('1'), recall()],
    ['by label', text("  let's START "), recall()],
    ['by button', choice('begin'), recall()],
    ['back to the menu by number', text('2'), { at: 'menu' }],
  ])('%s', (_name, inbound, flow) => {
    expect(step(intro, inbound, env).state?.flow).toEqual(flow);
  });

  it.each([
    ['a number out of range', text('7'), /from 1 to 2/],
    [
      'free text where only choices fit',
      text('maybe'),
      /^I couldn't find any of the options in “maybe”\. Which will it be: “Let's start” or “Back to the menu”\?$/,
    ],
    ['an empty line', text('   '), /empty/],
    ['a huge message', text('x'.repeat(50_000)), /at most 2000 characters/],
    ['a stale button', choice('none'), /earlier question/],
    ['an unknown command', text('/frobnicate'), /don't know the command "frobnicate"/],
  ])('%s gets a clear answer and the step stays', (_name, inbound, message) => {
    const result = step(intro, inbound, env);
    expect(result.state?.flow).toEqual({ at: 'awareness.intro' });
    expect(result.replies[0]?.text).toMatch(message);
    expect(result.replies.at(-1)?.choices?.map((c) => c.id)).toEqual(['begin', 'menu']);
  });
});

describe('recall', () => {
  it('adds names, probes once, then moves to the next domain', () => {
    const first = step(at(recall()), text('Anna, Piet'), env);
    expect(first.state?.network.people.map((p) => [p.name, p.domain])).toEqual([
      ['Anna', 'work'],
      ['Piet', 'work'],
    ]);
    expect(first.state?.flow).toEqual(recall(0, true));
    expect(first.replies.at(-1)?.text).toMatch(/Who else|Anyone else|Think once more/);
    // The probe brought nobody: the next two parts go without one.
    const second = step(first.state ?? undefined, choice('none'), env);
    expect(second.state?.flow).toEqual({ ...recall(1, false), quiet: 2 });
  });

  it('after a fruitless probe, the next two parts go without the probe; the third has it again', () => {
    let state = step(at(recall()), text('Anna'), env).state as State;
    state = step(state, text('anna'), env).state as State; // only a name already on the map
    expect(state.flow).toEqual({ ...recall(1), quiet: 2 });
    state = step(state, text('Bo'), env).state as State;
    expect(state.flow).toEqual({ ...recall(2), quiet: 1 });
    state = step(state, choice('none'), env).state as State;
    expect(state.flow).toEqual(recall(3));
    state = step(state, text('Cas'), env).state as State;
    expect(state.flow).toEqual(recall(3, true));
    // A probe that brings someone keeps probing.
    state = step(state, text('Dirk'), env).state as State;
    state = step(state, text('Eva'), env).state as State;
    expect(state.flow).toEqual(recall(4, true));
  });

  it('skipping a domain skips its probe', () => {
    expect(step(at(recall(3)), text('Nobody here'), env).state?.flow).toEqual(recall(4, false));
  });

  it('a duplicate name is not added twice and is explained', () => {
    const state = step(at(recall()), text('Anna'), env).state as State;
    const again = step(state, text('anna, Bo'), env);
    expect(again.state?.network.people.map((p) => p.name)).toEqual(['Anna', 'Bo']);
    expect(again.replies[0]?.text).toMatch(/Already on your map: Anna/);
  });

  it('text without a name gets a clear answer and changes nothing', () => {
    const state = at(recall(2));
    const result = step(state, text('🙂 , ---'), env);
    expect(result.state?.flow).toEqual(recall(2));
    expect(result.state?.network.people).toEqual([]);
    expect(result.replies[0]?.text).toMatch(/couldn't find a name/);
  });

  it('markup and mention tricks are kept as plain names, tags dropped', () => {
    const result = step(at(recall()), text('<!channel>, @everyone, <b>Bo</b>'), env);
    expect(result.state?.network.people.map((p) => p.name)).toEqual(['<!channel>', '@everyone', 'Bo']);
  });

  it('after the last domain come the career questions', () => {
    expect(step(at(recall(9, true)), choice('none'), env).state?.flow).toEqual({
      at: 'awareness.career',
      question: 0,
    });
  });
});

describe('career questions and rating', () => {
  it('marks people already on the map and adds new ones without a domain', () => {
    const base = step(at(recall()), text('Anna'), env).state as State;
    const result = step({ ...base, flow: { at: 'awareness.career', question: 1 } }, text('anna, Joost'), env);
    const people = result.state?.network.people ?? [];
    expect(people.map((p) => [p.name, p.domain, p.named])).toEqual([
      ['Anna', 'work', ['jobChange']],
      ['Joost', null, ['jobChange']],
    ]);
  });

  it('rates by groups (closeness, then last contact), asks the part of life of the unknown, then goes to resources', () => {
    let state = step(at(recall()), text('Anna'), env).state as State;
    state = step({ ...state, flow: { at: 'awareness.career', question: 2 } }, text('Joost'), env)
      .state as State;
    expect(state.flow).toMatchObject({ at: 'rate', next: 'resources' });
    // "1" is Anna among the close; Joost is nobody in between, so outer; Anna this week; Joost dormant.
    const answers = [
      text('1'),
      choice('none'),
      text('Anna'),
      choice('none'),
      choice('none'),
      choice('study'),
    ];
    for (const answer of answers) state = step(state, answer, env).state as State;
    expect(state.network.people.map((p) => [p.name, p.ring, p.contact, p.domain])).toEqual([
      ['Anna', 'inner', 'weekly', 'work'],
      ['Joost', 'outer', 'dormant', 'study'],
    ]);
    expect(state.flow).toEqual({ at: 'awareness.resources', theme: 0 });
  });
});

describe('the end of the exercise', () => {
  it('shows the summary and picture, emits the metrics, and schedules the revisit in seven days', () => {
    const state = at({ at: 'awareness.resources', theme: 1, known: ['legal'] });
    const result = step(state, choice('none'), env);
    expect(result.state?.network.resources.legal).toBe('friend');
    expect(result.state?.flow).toEqual({ at: 'menu' });
    expect(result.replies.some((r) => r.draw && r.draw.people.length === state.network.people.length)).toBe(
      true,
    );
    expect(result.effects).toContainEqual(
      expect.objectContaining({ type: 'event', event: expect.objectContaining({ exercise: 'awareness' }) }),
    );
    const schedule = result.effects.find((e) => e.type === 'schedule');
    expect(schedule).toMatchObject({ job: { kind: 'awareness.revisit', due: '2026-03-08T09:00:00.000Z' } });
    expect(result.state?.jobs).toHaveLength(1);
  });
});

describe('commands', () => {
  it.each([
    ['help', /networking coach/],
    ['hulp', /networking coach/],
    ['/help', /networking coach/],
    ['menu', /What would you like to do/],
  ])('%s works anywhere', (word, reply) => {
    const result = step(at(recall(4)), text(word), env);
    expect(result.replies.map((r) => r.text).join('\n')).toMatch(reply);
  });

  it('pause keeps the place; any message resumes it', () => {
    const paused = step(at(recall(4)), text('pauze'), env).state as State;
    expect(paused.overlay).toBe('paused');
    const resumed = step(paused, text('hi'), env);
    expect(resumed.state?.overlay).toBeNull();
    expect(resumed.state?.flow).toEqual(recall(4));
    expect(resumed.replies.at(-1)?.text).toMatch(/Part 5 of 10/);
  });

  it('language switches at any moment and the question follows', () => {
    const asked = step(at(recall(4)), text('taal'), env).state as State;
    const result = step(asked, text('2'), env);
    expect(result.state?.lang).toBe('nl');
    expect(result.replies.at(-1)?.text).toMatch(/Deel 5 van 10/);
    expect(step(at(recall(4)), text('language nl'), env).state?.lang).toBe('nl');
  });

  it('forget asks first; yes deletes, no keeps', () => {
    const asked = step(at(recall(4)), text('forget'), env).state as State;
    expect(asked.overlay).toBe('forget');
    const no = step(asked, text('No'), env);
    expect(no.state?.flow).toEqual(recall(4));
    const yes = step(asked, choice('yes'), env);
    expect(yes.state).toBeNull();
    expect(yes.effects).toEqual([{ type: 'forget' }]);
  });

  it('"my network" shows the numbers and offers changes', () => {
    const state = step(at(recall()), text('Anna'), env).state as State;
    const result = step(state, text('mijn netwerk'), env);
    expect(result.state?.flow).toEqual({ at: 'network.overview' });
    expect(result.replies.some((r) => r.draw)).toBe(true);
    expect(result.replies.at(-1)?.choices?.map((c) => c.id)).toEqual([
      'add',
      'edit',
      'remove',
      'details',
      'menu',
    ]);
  });

  it('"my network" shows the indices behind the summary to those who ask, one line each', () => {
    const state = step(at(recall()), text('Anna, Bo'), env).state as State;
    const overview = step(state, text('my network'), env).state as State;
    const details = step(overview, text('the numbers in detail'), env);
    expect(details.state?.flow).toEqual({ at: 'network.overview' });
    const shown = details.replies.map((r) => r.text).join('\n');
    // Two people in one part of life of eleven: Blau 0, no spread; nobody placed in a ring yet.
    expect(shown).toContain('\n• Blau index 0: the chance that two people picked at random');
    expect(shown).toContain('\n• Normalised Blau index 0%:');
    expect(shown).toContain('\n• Share of weak ties 0%: 0 of the 0 people you placed');
    expect(shown).toContain('\n• Resource Generator: 0 of the 10 kinds of help within reach');
  });
});

describe('my network: add, edit, remove later', () => {
  it('edits and removes a person by typing the name', () => {
    let state = step(at(recall()), text('Anna, Bo'), env).state as State;
    state = { ...state, flow: { at: 'network.overview' } };
    for (const input of ['edit', 'bo', 'name']) state = step(state, text(input), env).state as State;
    state = step(state, { kind: 'form', id: 'e', member, fields: { name: 'Bob' } }, env).state as State;
    expect(state.network.people.map((p) => p.name)).toEqual(['Anna', 'Bob']);
    for (const input of ['Back', 'remove', 'Anna', 'yes'])
      state = step(state, text(input), env).state as State;
    expect(state.network.people.map((p) => p.name)).toEqual(['Bob']);
    expect(state.flow).toEqual({ at: 'network.overview' });
  });

  it('renaming to a name already on the map is refused', () => {
    let state = step(at(recall()), text('Anna, Bo'), env).state as State;
    const bo = state.network.people[1]?.id as string;
    state = { ...state, flow: { at: 'network.editValue', person: bo, field: 'name' } };
    const result = step(state, text('ANNA'), env);
    expect(result.state?.network.people.map((p) => p.name)).toEqual(['Anna', 'Bo']);
    expect(result.replies[0]?.text).toMatch(/Already on your map/);
  });
});

describe('the seven-day revisit', () => {
  const job = { id: 'j', kind: 'awareness.revisit' as const, member, due: '2026-03-08T09:00:00.000Z' };
  const due: Inbound = { kind: 'due', id: 'job:j', member, job };

  it('asks "whom did you forget?" when the member is idle', () => {
    const result = step(at({ at: 'menu' }, { jobs: ['j'] }), due, env);
    expect(result.state?.flow).toMatchObject({ at: 'network.revisit' });
    expect(result.state?.jobs).toEqual([]);
    expect(result.replies.at(-1)?.text).toMatch(/Whom did you forget/);
  });

  it('only leaves a note when the member is in the middle of something', () => {
    const result = step(at(recall(3), { jobs: ['j'] }), due, env);
    expect(result.state?.flow).toEqual(recall(3));
    expect(result.replies).toHaveLength(1);
  });

  it('ignores a job that was cancelled', () => {
    expect(step(at({ at: 'menu' }), due, env).replies).toEqual([]);
  });
});
