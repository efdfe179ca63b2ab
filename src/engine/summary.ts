import { localDate } from '../core/time.js';
import type { Job, Lang } from '../core/types.js';
import { exerciseOf } from '../exercises/index.js';
import { mapMetrics } from '../network/metrics.js';
import type { Commitment } from './records.js';
import type { State } from './state.js';

/** Where a member is, as a dashboard names it. */
export type Whereabouts =
  | 'none'
  | 'awareness'
  | 'ask-for-help'
  | 'hook'
  | 'coffee'
  | 'network'
  | 'paused'
  | 'other';

/**
 * What a dashboard (Slack's App Home) shows of a member: plain data, nothing an adapter must know
 * about flows or records to read.
 */
export interface Summary {
  lang: Lang;
  /** The member's own calendar day (YYYY-MM-DD) in their time zone, to say dates against. */
  today: string;
  at: Whereabouts;
  /** The map in numbers; `size` 0 when nobody is on it yet. */
  map: { size: number; strong: number; middle: number; weak: number; dormant: number; domains: number };
  /** The commitments still open, in the order they were made. */
  commitments: { kind: Commitment['kind']; title: string; person?: string; date: string }[];
  /** Exercises finished, and when the last one was (an ISO instant). */
  completed: { count: number; lastAt?: string };
  /** The member's scheduled follow-ups, soonest first. */
  followUps: { kind: Job['kind']; due: string }[];
  coffee: {
    joined: boolean;
    /** The first day back in the pool, while a snooze lasts. */
    snoozedUntil?: string;
    everyOther: boolean;
    /** Coffees so far, and how many of them took place. */
    count: number;
    met: number;
  };
}

/** Which exercise or part of the coach the member is in the middle of. */
export function whereabouts(state: Pick<State, 'flow' | 'overlay'>): Whereabouts {
  if (state.overlay === 'paused') return 'paused';
  const exercise = exerciseOf(state.flow);
  if (exercise) return exercise;
  const at = state.flow.at;
  if (at === 'rate' || at.startsWith('network.')) return 'network';
  return at === 'menu' || at === 'welcome' ? 'none' : 'other';
}

/** The summary of a stored member, with their scheduled jobs, as of `now`. */
export function summarize(state: State, jobs: Job[], now: Date): Summary {
  const m = mapMetrics(state.network);
  const prefs = state.coffee.prefs;
  const joined = prefs.joined === true;
  const snoozed = joined && prefs.snoozeUntil && prefs.snoozeUntil > now.toISOString().slice(0, 10);
  const last = state.completed.at(-1);
  return {
    lang: state.lang,
    today: localDate(now, state.timezone ?? 'UTC'),
    at: whereabouts(state),
    map: {
      size: m.size,
      strong: m.strong,
      middle: m.middle,
      weak: m.weak,
      dormant: m.dormant,
      domains: m.domainsUsed,
    },
    commitments: state.commitments
      .filter((c) => c.status === 'open')
      .map((c) => ({
        kind: c.kind,
        title: c.title,
        date: c.date,
        ...(c.person !== undefined ? { person: c.person } : {}),
      })),
    completed: { count: state.completed.length, ...(last ? { lastAt: last.at } : {}) },
    followUps: jobs.map((j) => ({ kind: j.kind, due: j.due })).sort((a, b) => a.due.localeCompare(b.due)),
    coffee: {
      joined,
      ...(snoozed ? { snoozedUntil: prefs.snoozeUntil } : {}),
      everyOther: joined && prefs.every === 2,
      count: state.coffee.coffees.length,
      met: state.coffee.coffees.filter((c) => c.outcome === 'met').length,
    },
  };
}
