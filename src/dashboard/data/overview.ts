import type { Commitment } from '../../engine/records.js';
import type { ExerciseId, State } from '../../engine/state.js';
import { EXERCISE_IDS } from '../../exercises/index.js';
import type { Community } from '../../pairing/community.js';
import { communityStats } from '../../pairing/stats.js';
import { shareOf } from '../format.js';
import { perWeek, weekOf, weekRange } from './weeks.js';

/** Per exercise: members who started it, members who completed it, and completions in all. */
export interface ExerciseFigures {
  exercise: ExerciseId;
  started: number;
  completed: number;
  completions: number;
}

/** One coffee round as the charts show it (real rounds only; dry runs are previews). */
export interface RoundFigures {
  round: number;
  at: string;
  participants: number;
  /** Of the round's groups, the share that set a time (src/pairing/stats.ts). */
  timeSetRate: number | null;
  metRate: number | null;
  crossGroupRate: number | null;
  noAnswerRate: number | null;
  /** Rounds in `gaps` mode: of the groups, the share where a need met an offer; else null. */
  needMetRate: number | null;
}

export interface Overview {
  members: number;
  /** The weeks the weekly series run over, by their Monday. */
  weeks: string[];
  /** Members taking part by the end of each week (by the day their record began). */
  membersByWeek: number[];
  exercises: ExerciseFigures[];
  completionsByWeek: Record<ExerciseId, number[]>;
  asks: {
    made: number;
    answered: number;
    yes: number;
    /** What members expected (predicted of 5, averaged over answered asks with a guess) and what happened. */
    predictedRate: number | null;
    yesRate: number | null;
    byWeek: { made: number[]; predictedRate: (number | null)[]; yesRate: (number | null)[] };
  };
  events: { prepared: number; debriefed: number; byWeek: { prepared: number[]; debriefed: number[] } };
  rounds: RoundFigures[];
  coffee: {
    rounds: number;
    timeSetRate: number | null;
    metRate: number | null;
    crossGroupRate: number | null;
    noAnswerRate: number | null;
    needMetRate: number | null;
  };
}

/**
 * An exercise counts as started when the member completed it, keeps a draft or a parked place in
 * it, or is in one of its flows now. Records keep no start date, so this is a count as of today.
 */
export function startedExercises(state: State): Set<ExerciseId> {
  const started = new Set<ExerciseId>();
  const known = (id: string): id is ExerciseId => (EXERCISE_IDS as readonly string[]).includes(id);
  for (const c of state.completed) started.add(c.exercise);
  for (const id of Object.keys(state.drafts)) if (known(id)) started.add(id);
  for (const id of Object.keys(state.parked)) if (known(id)) started.add(id);
  const current = state.flow.at.split('.')[0] ?? '';
  if (known(current)) started.add(current);
  return started;
}

const commitmentsOf = (states: State[], kind: Commitment['kind']) =>
  states.flatMap((s) => s.commitments.filter((c) => c.kind === kind && c.status !== 'cancelled'));

/** Asks are dated by their planned day; the guess is `predicted` of five saying yes. */
function askFigures(states: State[], weeks: string[]): Overview['asks'] {
  const asks = commitmentsOf(states, 'ask');
  const answered = asks.filter((c) => c.outcome !== undefined);
  const rates = (list: Commitment[]) => {
    const guessed = list.filter((c) => c.predicted !== undefined);
    const predicted = guessed.reduce((n, c) => n + (c.predicted ?? 0) / 5, 0);
    return {
      predictedRate: guessed.length === 0 ? null : predicted / guessed.length,
      yesRate: shareOf(list.filter((c) => c.outcome === 'yes').length, list.length),
    };
  };
  // Grouped by week in one pass: filtering all asks once per week costs a tenth of a second at 5,000 members.
  const byWeek = new Map<string, Commitment[]>();
  for (const c of answered) {
    const week = weekOf(c.date);
    if (week === undefined) continue;
    const list = byWeek.get(week);
    if (list) list.push(c);
    else byWeek.set(week, [c]);
  }
  const perWeekRates = weeks.map((w) => rates(byWeek.get(w) ?? []));
  return {
    made: asks.length,
    answered: answered.length,
    yes: answered.filter((c) => c.outcome === 'yes').length,
    ...rates(answered),
    byWeek: {
      made: perWeek(weeks, asks, (c) => c.date),
      predictedRate: perWeekRates.map((r) => r.predictedRate),
      yesRate: perWeekRates.map((r) => r.yesRate),
    },
  };
}

/** Events are prepared when planned (kind 'event') and debriefed once done; dated by the event's day. */
function eventFigures(states: State[], weeks: string[]): Overview['events'] {
  const events = commitmentsOf(states, 'event');
  const debriefed = events.filter((c) => c.status === 'done');
  return {
    prepared: events.length,
    debriefed: debriefed.length,
    byWeek: {
      prepared: perWeek(weeks, events, (c) => c.date),
      debriefed: perWeek(weeks, debriefed, (c) => c.date),
    },
  };
}

function coffeeFigures(community: Community | undefined): Pick<Overview, 'rounds' | 'coffee'> {
  if (!community)
    return {
      rounds: [],
      coffee: {
        rounds: 0,
        timeSetRate: null,
        metRate: null,
        crossGroupRate: null,
        noAnswerRate: null,
        needMetRate: null,
      },
    };
  const stats = communityStats(community);
  return {
    rounds: stats.rounds.map((r) => ({
      round: r.round,
      at: r.at,
      participants: r.participants,
      timeSetRate: r.timeSetRate,
      metRate: r.metRate,
      crossGroupRate: r.crossGroupRate,
      noAnswerRate: r.ghostRate,
      needMetRate: r.needMetRate,
    })),
    coffee: {
      rounds: stats.overall.rounds,
      timeSetRate: stats.overall.timeSetRate,
      metRate: stats.overall.metRate,
      crossGroupRate: stats.overall.crossGroupRate,
      noAnswerRate: stats.overall.ghostRate,
      needMetRate: stats.overall.needMetRate,
    },
  };
}

/** The overview's figures from the members' records and the community's coffee record. */
export function overviewOf(states: State[], community: Community | undefined, now: Date): Overview {
  const dated = [
    ...states.map((s) => s.createdAt),
    ...states.flatMap((s) => s.completed.map((c) => c.at)),
    ...states.flatMap((s) =>
      s.commitments.filter((c) => c.kind === 'ask' || c.kind === 'event').map((c) => c.date),
    ),
  ];
  const weeks = weekRange(
    dated.flatMap((d) => weekOf(d) ?? []),
    now,
  );
  const joined = perWeek(weeks, states, (s) => s.createdAt);
  const before = states.filter((s) => (weekOf(s.createdAt) ?? '') < (weeks[0] ?? '')).length;
  let running = before;
  const membersByWeek = joined.map((n) => (running += n));
  const started = states.map(startedExercises);
  const exercises = EXERCISE_IDS.map(
    (exercise): ExerciseFigures => ({
      exercise,
      started: started.filter((s) => s.has(exercise)).length,
      completed: states.filter((s) => s.completed.some((c) => c.exercise === exercise)).length,
      completions: states.reduce((n, s) => n + s.completed.filter((c) => c.exercise === exercise).length, 0),
    }),
  );
  const completionsByWeek = Object.fromEntries(
    EXERCISE_IDS.map((exercise) => [
      exercise,
      perWeek(
        weeks,
        states.flatMap((s) => s.completed.filter((c) => c.exercise === exercise)),
        (c) => c.at,
      ),
    ]),
  ) as Record<ExerciseId, number[]>;
  return {
    members: states.length,
    weeks,
    membersByWeek,
    exercises,
    completionsByWeek,
    asks: askFigures(states, weeks),
    events: eventFigures(states, weeks),
    ...coffeeFigures(community),
  };
}
