import { z } from 'zod';
import { dayFirst, parseDate } from '../core/dates.js';
import { addDays, isTimeZone, localDate, NUDGE_HOURS, zonedInstant } from '../core/time.js';
import { type Choice, type Job, memberKey, type Reply } from '../core/types.js';
import {
  type Answer,
  answerText,
  type Ctx,
  type Effect,
  type ExerciseDefinition,
  type FlowHandler,
  type Handlers,
  moveTo,
} from '../engine/flow.js';
import type { Commitment } from '../engine/records.js';
import type { ExerciseId, Flow, State } from '../engine/state.js';
import { choiceStep, reask, unexpected } from './kit.js';

/** `resume` is the exercise that continues once the time zone and hour are known. */
export const flows = [
  z.object({ at: z.literal('when.timezone'), resume: z.string().max(40) }),
  z.object({ at: z.literal('when.hour'), resume: z.string().max(40) }),
  z.object({ at: z.literal('when.move'), commitment: z.string() }),
] as const;

/** Days offered as buttons when the member picks a date; typing a date works too. */
const DAY_CHOICES = [1, 3, 7, 14] as const;
export const ZONES = [
  'Europe/Amsterdam',
  'Europe/London',
  'America/New_York',
  'Asia/Kolkata',
  'UTC',
] as const;

export const today = (state: State, ctx: Ctx) => localDate(ctx.now, state.timezone ?? 'UTC');

export function dateChoices(ctx: Ctx, withToday = false): Choice[] {
  const days = withToday ? [0, ...DAY_CHOICES] : DAY_CHOICES;
  return days.map((n) => ({ id: `d${n}`, label: ctx.say(`when.in${n as 0 | 1 | 3 | 7 | 14}`) }));
}

/** A picked or typed date, today or later and within a year; or the reply that says why not. */
export function readDate(answer: Answer, state: State, ctx: Ctx): { date: string } | { problem: Reply } {
  const now = today(state, ctx);
  if (answer.kind === 'choice') {
    const days = Number(answer.value.slice(1));
    return answer.value.startsWith('d') && Number.isInteger(days)
      ? { date: addDays(now, days) }
      : { problem: unexpected(ctx) };
  }
  const reading = { lang: state.lang, dayFirst: dayFirst(state.lang, state.locale) };
  const date = parseDate(answerText(answer) ?? '', now, reading);
  if (!date || date < now || date > addDays(now, 366)) return { problem: { text: ctx.say('when.badDate') } };
  return { date };
}

/** The next question needed before anything can be scheduled: the time zone, then the hour. */
export function askTimeFirst(state: State, resume: ExerciseId): Flow | undefined {
  if (!state.timezone) return { at: 'when.timezone', resume };
  if (state.nudgeHour === null) return { at: 'when.hour', resume };
  return undefined;
}

type Planned = Omit<Commitment, 'id' | 'jobId' | 'status' | 'createdAt'>;

const JOB_KIND = {
  ask: 'help.followup',
  event: 'hook.debrief',
  coffee: 'coffee.next',
  reconnect: 'reconnect.followup',
} as const;

/**
 * Days after the date the coach comes back: the day after an ask or a coffee's next step, two
 * days after an event; on the day itself for getting back in touch, whose date is already "by then".
 */
const FOLLOW_UP_DAYS = { ask: 1, event: 2, coffee: 1, reconnect: 0 } as const;

function jobFor(state: State, commitment: Commitment): Job {
  const hour = state.nudgeHour ?? NUDGE_HOURS[0];
  const due = zonedInstant(
    addDays(commitment.date, FOLLOW_UP_DAYS[commitment.kind]),
    hour,
    state.timezone ?? 'UTC',
  );
  return {
    id: commitment.jobId,
    kind: JOB_KIND[commitment.kind],
    member: state.member,
    due: due.toISOString(),
    commitment: commitment.id,
  };
}

/** Records a commitment and schedules its follow-up at the member's hour in their zone. */
export function commit(state: State, planned: Planned, ctx: Ctx): { state: State; effects: Effect[] } {
  const id = `c${state.commitments.length + 1}`;
  const commitment: Commitment = {
    ...planned,
    id,
    jobId: `${memberKey(state.member)}:${id}:1`,
    status: 'open',
    createdAt: ctx.now.toISOString(),
  };
  const job = jobFor(state, commitment);
  return {
    state: { ...state, commitments: [...state.commitments, commitment], jobs: [...state.jobs, job.id] },
    effects: [{ type: 'schedule', job }],
  };
}

/** Moves an open commitment to a new date: the old follow-up is cancelled, a new one planned. */
export function reschedule(state: State, id: string, date: string): { state: State; effects: Effect[] } {
  const old = state.commitments.find((c) => c.id === id);
  if (!old) return { state, effects: [] };
  const version = Number(old.jobId.split(':').at(-1)) + 1;
  const moved = { ...old, date, jobId: `${memberKey(state.member)}:${id}:${version}` };
  const job = jobFor(state, moved);
  return {
    state: {
      ...state,
      commitments: state.commitments.map((c) => (c.id === id ? moved : c)),
      jobs: [...state.jobs.filter((j) => j !== old.jobId), job.id],
    },
    effects: [
      { type: 'unschedule', jobId: old.jobId },
      { type: 'schedule', job },
    ],
  };
}

/**
 * The time zone and hour questions, asked once before the first follow-up is planned; then the
 * exercise named in `resume` continues with its `afterTime`.
 */
export function whenFlows(exercises: readonly ExerciseDefinition[]): Handlers<'when.timezone' | 'when.hour'> {
  const proceed = (state: State, flow: { resume: string }, ctx: Ctx) => {
    const exercise = exercises.find((e) => e.id === flow.resume);
    const next = exercise ? askTimeFirst(state, exercise.id) : undefined;
    if (next) return moveTo(state, next);
    return exercise?.afterTime ? exercise.afterTime(state, ctx) : moveTo(state, { at: 'menu' });
  };
  return {
    'when.timezone': {
      ask: (_flow, _state, ctx) => [
        {
          text: ctx.say('when.timezone'),
          choices: ZONES.map((zone) => ({
            id: zone,
            label: zone,
            words: ctx.words(`zone.${zone.replace('/', '-')}`),
          })),
        },
      ],
      answer(flow, state, answer, ctx) {
        const zone = answer.kind === 'choice' ? answer.value : (answerText(answer) ?? '').trim();
        if (!isTimeZone(zone)) return reask(state, { text: ctx.say('when.badZone') });
        return proceed({ ...state, timezone: zone }, flow, ctx);
      },
    },
    'when.hour': choiceStep({
      ask: (_flow, _state, ctx) => ({
        text: ctx.say('when.hour'),
        choices: NUDGE_HOURS.map((h) => ({
          id: `h${h}`,
          label: `${String(h).padStart(2, '0')}:00`,
          words: ctx.words(`hour.${h}`),
        })),
      }),
      pick(value, flow, state, ctx) {
        const hour = Number(value.slice(1));
        if (!NUDGE_HOURS.includes(hour as (typeof NUDGE_HOURS)[number])) return undefined;
        return proceed({ ...state, nudgeHour: hour }, flow, ctx);
      },
    }),
  };
}

const whenMove: FlowHandler<'when.move'> = {
  ask: (_flow, _state, ctx) => [{ text: ctx.say('when.move'), choices: dateChoices(ctx) }],
  answer(flow, state, answer, ctx) {
    const read = readDate(answer, state, ctx);
    if ('problem' in read) return reask(state, read.problem);
    const moved = reschedule(state, flow.commitment, read.date);
    return moveTo(
      moved.state,
      { at: 'commitments.list' },
      [{ text: ctx.say('when.moved', { date: ctx.day(read.date) }) }],
      moved.effects,
    );
  },
};

export const handlers: Handlers<'when.move'> = { 'when.move': whenMove };
