import { describe, expect, it } from 'vitest';
import type { Job } from '../../src/core/types.js';
import type { Commitment } from '../../src/engine/records.js';
import type { State } from '../../src/engine/state.js';
import { newState } from '../../src/engine/step.js';
import { summarize, whereabouts } from '../../src/engine/summary.js';

const member = { platform: 'slack' as const, space: 'T0001', user: 'U1' };
const now = new Date('2026-11-27T10:00:00Z');
const base = newState(member, 'nl', now);

describe('whereabouts', () => {
  it.each([
    [{ at: 'menu' }, null, 'none'],
    [{ at: 'welcome' }, null, 'none'],
    [{ at: 'awareness.intro' }, null, 'awareness'],
    [{ at: 'rate', queue: ['p1'], next: 'resources' }, null, 'awareness'],
    [{ at: 'rate', queue: ['p1'], next: 'network' }, null, 'network'],
    [{ at: 'network.overview' }, null, 'network'],
    [{ at: 'menu' }, 'paused', 'paused'],
    [{ at: 'ask-for-help.request' }, null, 'ask-for-help'],
    [{ at: 'hook.opener', index: 0 }, null, 'hook'],
    [{ at: 'coffee.reflect', round: 0, step: 'story' }, null, 'coffee'],
    [{ at: 'commitments.list' }, null, 'other'],
  ] as const)('%j with overlay %s is %s', (flow, overlay, expected) => {
    expect(whereabouts({ flow: flow as State['flow'], overlay })).toBe(expected);
  });
});

describe('summarize', () => {
  it('tells a newcomer: nothing on the map, nothing planned, out of the coffees', () => {
    expect(summarize(base, [], now)).toEqual({
      lang: 'nl',
      today: '2026-11-27',
      at: 'none',
      map: { size: 0, strong: 0, middle: 0, weak: 0, dormant: 0, domains: 0 },
      commitments: [],
      completed: { count: 0 },
      followUps: [],
      coffee: { joined: false, everyOther: false, count: 0, met: 0 },
    });
  });

  it('keeps the open commitments, the follow-ups soonest first, the last completion and the coffees', () => {
    const commitment = (id: string, status: Commitment['status'], person?: string): Commitment => ({
      id,
      kind: 'ask',
      title: `ask ${id}`,
      date: '2026-12-04',
      jobId: `j-${id}`,
      status,
      createdAt: now.toISOString(),
      ...(person ? { person } : {}),
    });
    const job = (id: string, due: string): Job => ({ id, kind: 'awareness.revisit', member, due });
    const state: State = {
      ...base,
      flow: { at: 'ask-for-help.goal' },
      commitments: [commitment('c1', 'open', 'Dirk'), commitment('c2', 'done'), commitment('c3', 'open')],
      completed: [
        { exercise: 'awareness', at: '2026-11-20T10:00:00.000Z', metrics: {} },
        { exercise: 'hook', at: '2026-11-25T10:00:00.000Z', metrics: {} },
      ],
      coffee: {
        prefs: { ...base.coffee.prefs, joined: true, every: 2, snoozeUntil: '2026-11-01' },
        coffees: [
          { round: 1, at: now.toISOString(), partners: [], organiser: true, outcome: 'met' },
          { round: 2, at: now.toISOString(), partners: [], organiser: false, outcome: 'missed' },
        ],
      },
    };
    const summary = summarize(
      state,
      [job('late', '2027-01-01T09:00:00.000Z'), job('soon', '2026-12-01T09:00:00.000Z')],
      now,
    );
    expect(summary.at).toBe('ask-for-help');
    expect(summary.commitments).toEqual([
      { kind: 'ask', title: 'ask c1', person: 'Dirk', date: '2026-12-04' },
      { kind: 'ask', title: 'ask c3', date: '2026-12-04' },
    ]);
    expect(summary.completed).toEqual({ count: 2, lastAt: '2026-11-25T10:00:00.000Z' });
    expect(summary.followUps.map((f) => f.due)).toEqual([
      '2026-12-01T09:00:00.000Z',
      '2027-01-01T09:00:00.000Z',
    ]);
    // A snooze that is over is not mentioned.
    expect(summary.coffee).toEqual({ joined: true, everyOther: true, count: 2, met: 1 });
    const snoozed = {
      ...state,
      coffee: { ...state.coffee, prefs: { ...state.coffee.prefs, snoozeUntil: '2026-12-10' } },
    };
    expect(summarize(snoozed, [], now).coffee.snoozedUntil).toBe('2026-12-10');
  });
});
