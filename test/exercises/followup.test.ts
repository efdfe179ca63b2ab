import { describe, expect, it } from 'vitest';
import type { Inbound, Job, MemberRef } from '../../src/core/types.js';
import type { Commitment } from '../../src/engine/records.js';
import type { Flow, State } from '../../src/engine/state.js';
import { newState, type StepEnv, step } from '../../src/engine/step.js';
import { texts } from '../helpers/engine.js';

const member: MemberRef = { platform: 'console', space: 'local', user: 'u' };
const env: StepEnv = { texts, now: new Date('2026-03-01T09:00:00Z'), revisitDays: 7, defaultLang: 'en' };
const text = (t: string): Inbound => ({ kind: 'text', id: 'e', member, text: t });
const choice = (value: string): Inbound => ({ kind: 'choice', id: 'e', member, value });

const ask: Commitment = {
  id: 'c1',
  kind: 'ask',
  title: 'a new job',
  person: 'Dirk',
  date: '2026-03-05',
  jobId: 'console:local:u:c1:1',
  status: 'open',
  predicted: 2,
  createdAt: '2026-03-01T09:00:00.000Z',
};
const job: Job = {
  id: ask.jobId,
  kind: 'help.followup',
  member,
  due: '2026-03-06T08:00:00.000Z',
  commitment: 'c1',
};
const due: Inbound = { kind: 'due', id: 'job:x', member, job };

const with_ = (flow: Flow, over: Partial<State> = {}): State => ({
  ...newState(member, 'en', env.now),
  timezone: 'Europe/Amsterdam',
  nudgeHour: 9,
  commitments: [ask],
  jobs: [ask.jobId],
  flow,
  ...over,
});

/** Runs inputs one after the other from a state. */
function run(state: State, ...inputs: Inbound[]) {
  let result = { state, replies: [] as { text: string }[], effects: [] as unknown[] };
  for (const input of inputs) result = step(result.state, input, env) as typeof result;
  return result;
}

describe('the follow-up of an ask', () => {
  it('asks "did you ask?" when the member is idle, and records a yes with its story', () => {
    const first = step(with_({ at: 'menu' }), due, env);
    expect(first.state?.flow).toEqual({ at: 'followup.asked', commitment: 'c1' });
    expect(first.replies.at(-1)?.text).toMatch(/ask Dirk on Thursday 5 March about: a new job/);
    const done = run(first.state as State, choice('yes'), text('She introduced me to two people'));
    const c = done.state.commitments[0];
    expect(c).toMatchObject({ outcome: 'yes', status: 'done', story: 'She introduced me to two people' });
    // One answer is no rate: counts until there are five.
    expect(done.replies.map((r) => r.text).join('\n')).toContain(
      '1 of 1 said yes so far; you expected 2 of five.',
    );
  });

  it('only leaves a note when the member is busy, keeps their place, and puts the question in line', () => {
    const busy: Flow = { at: 'awareness.recall', domain: 2, probed: false };
    const result = step(with_(busy), due, env);
    expect(result.state?.flow).toEqual(busy);
    expect(result.replies).toHaveLength(1);
    expect(result.replies[0]?.text).toMatch(/follow-up on your ask.*after this exercise/);
    expect(result.state?.waiting).toMatchObject([
      { kind: 'help.followup', job: ask.jobId, flow: { at: 'followup.asked', commitment: 'c1' } },
    ]);
  });

  it('"not yet" moves the commitment: the old job is cancelled and a new one planned', () => {
    const result = run(with_({ at: 'followup.asked', commitment: 'c1' }), choice('notyet'), choice('d7'));
    expect(result.state.commitments[0]).toMatchObject({
      date: '2026-03-08',
      status: 'open',
      jobId: 'console:local:u:c1:2',
    });
    expect(result.effects).toEqual([
      { type: 'unschedule', jobId: 'console:local:u:c1:1' },
      {
        type: 'schedule',
        job: { ...job, id: 'console:local:u:c1:2', due: '2026-03-09T08:00:00.000Z' },
      },
    ]);
    expect(result.state.jobs).toEqual(['console:local:u:c1:2']);
  });

  it('a cancelled commitment gets no follow-up', () => {
    const listed = step(with_({ at: 'menu' }), text('commitments'), env);
    expect(listed.replies.at(-1)?.choices?.map((c) => c.id)).toEqual(['c1', 'menu']);
    const cancelled = run(listed.state as State, choice('c1'), choice('cancel'));
    expect(cancelled.state.commitments[0]?.status).toBe('cancelled');
    expect(cancelled.effects).toEqual([{ type: 'unschedule', jobId: ask.jobId }]);
    expect(step(cancelled.state, due, env).replies).toEqual([]);
  });
});

describe('ask for help', () => {
  it('reads a typed "2" at the belief question as the choice labelled 2', () => {
    const result = step(
      with_({ at: 'ask-for-help.belief' }, { drafts: { 'ask-for-help': { smartAsked: [] } } }),
      text('2'),
      env,
    );
    expect(result.state?.drafts['ask-for-help']?.belief).toBe(2);
  });

  it('asks per missing SMART letter once, and never loops', () => {
    let state = with_(
      { at: 'ask-for-help.request' },
      { drafts: { 'ask-for-help': { smartAsked: [], goal: 'x', whom: 'Bob', parts: { name: 'Bob' } } } },
    );
    state = step(state, text('Can you help me?'), env).state as State;
    const asked: unknown[] = [];
    for (let i = 0; i < 5; i++) {
      asked.push(state.flow);
      state = run(state, choice('keep')).state;
    }
    expect(asked).toEqual(['S', 'M', 'A', 'R', 'T'].map((letter) => ({ at: 'ask-for-help.smart', letter })));
    expect(state.flow).toEqual({ at: 'ask-for-help.review' });
  });

  it('asks whom before any SMART letter when no one is chosen yet', () => {
    const state = with_(
      { at: 'ask-for-help.request' },
      { drafts: { 'ask-for-help': { smartAsked: [], goal: 'x' } } },
    );
    expect((step(state, text('Can you help me?'), env).state as State).flow).toEqual({
      at: 'ask-for-help.whom',
    });
  });

  it('asks the time zone once when the platform gave none, then schedules at the hour', () => {
    const state = with_(
      { at: 'ask-for-help.date' },
      {
        timezone: null,
        nudgeHour: null,
        commitments: [],
        jobs: [],
        drafts: { 'ask-for-help': { smartAsked: [], goal: 'g', belief: 3 } },
      },
    );
    const result = run(state, choice('d1'), text('Europe/Amsterdam'), choice('h19'));
    expect(result.state.timezone).toBe('Europe/Amsterdam');
    expect(result.state.flow).toEqual({ at: 'ask-for-help.offer' });
    expect(result.effects).toEqual([
      {
        type: 'schedule',
        job: expect.objectContaining({ kind: 'help.followup', due: '2026-03-03T18:00:00.000Z' }),
      },
    ]);
    expect(
      step(with_({ at: 'when.timezone', resume: 'ask-for-help' }), text('Mars/Base'), env).replies[0]?.text,
    ).toMatch(/don't know that time zone/);
  });
});

describe('leaving an exercise', () => {
  it('parks it on "menu" and resumes it from the menu', () => {
    const inHelp = with_(
      { at: 'ask-for-help.reversal' },
      { drafts: { 'ask-for-help': { smartAsked: [], goal: 'g', belief: 1 } } },
    );
    const atMenu = step(inHelp, text('menu'), env);
    expect(atMenu.replies.at(-1)?.choices?.find((c) => c.id === 'ask-for-help')?.label).toBe(
      'Continue asking for help',
    );
    const resumed = step(atMenu.state as State, choice('ask-for-help'), env);
    expect(resumed.state?.flow).toEqual({ at: 'ask-for-help.reversal' });
    expect(resumed.state?.drafts['ask-for-help']?.goal).toBe('g');
  });
});

describe('the event debrief', () => {
  it('adds the people met as weak ties from events', () => {
    const event: Commitment = {
      ...ask,
      id: 'c2',
      kind: 'event',
      title: 'Data Summit',
      jobId: 'j2',
      person: undefined,
    };
    const state = with_({ at: 'debrief.people', commitment: 'c2' }, { commitments: [event] });
    const result = step(state, text('Sara, Tom'), env);
    expect(result.state?.network.people.map((p) => [p.name, p.domain, p.ring, p.contact])).toEqual([
      ['Sara', 'event', 'outer', 'weekly'],
      ['Tom', 'event', 'outer', 'weekly'],
    ]);
    expect(result.state?.commitments[0]).toMatchObject({ status: 'done', met: 2 });
  });
});
