/**
 * Due questions in turn. A due job's question opens at once when the member is free (at the menu or
 * another idle place, or paused); otherwise it waits in `state.waiting`, in the order of dueRank, and
 * the member hears one line that it waits. Whenever a step lands in an idle place, the next waiting
 * question that still has something to ask opens by itself: one question at a time, none twice.
 */
import type { Reply } from '../core/types.js';
import { dueRank, dueWhat, exerciseOf, HANDLERS, IDLE_FLOWS } from '../exercises/index.js';
import type { Ctx, Effect, FlowHandler } from './flow.js';
import type { Flow, FlowAt, State, Waiting } from './state.js';

/** The longest line of waiting questions kept; past it the least urgent give way. */
const MAX_WAITING = 50;

/** Leaves the current flow for another; an exercise in progress is kept to resume from the menu. */
export function leave(state: State, flow: Flow): State {
  const exercise = exerciseOf(state.flow);
  const parked = exercise ? { ...state.parked, [exercise]: state.flow } : state.parked;
  return { ...state, overlay: null, parked, flow };
}

/** The member may be asked a due question now: they are in the middle of nothing, or paused. */
export const free = (state: State): boolean =>
  state.overlay === 'paused' || (state.overlay === null && IDLE_FLOWS.has(state.flow.at));

const same = (a: Flow, b: Flow) => JSON.stringify(a) === JSON.stringify(b);

/** How long a due question may stay unanswered before the next one that falls due takes its place. */
export const STALE_MS = 12 * 3_600_000;

/**
 * A due question the member has left unanswered for STALE_MS or more (an ignored offer to prepare
 * a coffee, by the time its check-in comes) gives way: it is dropped, and the newer question can
 * open. An ask left so stays on the list of commitments. Questions that fall due together still
 * come one after the other.
 */
export function ignored(state: State, now: Date): State {
  const last = state.lastDue;
  const old = last && state.overlay === null && same(last.flow, state.flow);
  if (!old || now.getTime() - Date.parse(last.at) < STALE_MS) return state;
  return { ...leave(state, { at: 'menu' }), lastDue: undefined };
}

/** Puts a due question in its place in line; one already asked now or waiting is not added again. */
export function enqueue(state: State, item: Waiting): State {
  if (same(item.flow, state.flow) || state.waiting.some((w) => same(w.flow, item.flow))) return state;
  const rank = dueRank(item.kind);
  const behind = state.waiting.findIndex((w) => dueRank(w.kind) > rank);
  const at = behind < 0 ? state.waiting.length : behind;
  const waiting = [...state.waiting.slice(0, at), item, ...state.waiting.slice(at)];
  return { ...state, waiting: waiting.slice(0, MAX_WAITING) };
}

/** A question whose job was unscheduled since (its commitment moved) no longer waits. */
export function dropUnscheduled(state: State, effects: readonly Effect[]): State {
  const gone = new Set(effects.flatMap((e) => (e.type === 'unschedule' ? [e.jobId] : [])));
  if (gone.size === 0 || !state.waiting.some((w) => gone.has(w.job))) return state;
  return { ...state, waiting: state.waiting.filter((w) => !gone.has(w.job)) };
}

/**
 * When the member is free, opens the first waiting question that still asks something (one about
 * a commitment since reported or a coffee since answered asks nothing and is dropped).
 */
export function pull(state: State, ctx: Ctx): State {
  if (!free(state) || state.waiting.length === 0) return state;
  let rest = state.waiting;
  for (const next of state.waiting) {
    rest = rest.slice(1);
    const handler = HANDLERS[next.flow.at] as FlowHandler<FlowAt>;
    const waited = { ...state, waiting: rest };
    if (handler.ask(next.flow, waited, ctx).length > 0)
      return { ...leave(waited, next.flow), lastDue: { flow: next.flow, at: ctx.now.toISOString() } };
  }
  return { ...state, waiting: [] };
}

/** The one line a member hears when a question falls due while they are busy. */
export function waitNote(state: State, kind: string, ctx: Ctx): Reply {
  const what = ctx.say(dueWhat(kind));
  const text = exerciseOf(state.flow)
    ? ctx.say('queue.afterExercise', { what })
    : ctx.say('queue.afterThis', { what });
  return { text };
}
