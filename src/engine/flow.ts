import type { CoachAsk } from '../coach/schemas.js';
import type { CoachEvent, Job, Reply } from '../core/types.js';
import type { CoffeeChange } from '../pairing/community.js';
import type { Say } from '../texts/texts.js';
import type { Flow, FlowAt, FlowOf, State } from './state.js';

/** What a step may read besides the state: the member's translator and the clock. */
export interface Ctx {
  say: Say;
  now: Date;
  revisitDays: number;
}

/** A member's input after the engine matched it against the question's choices. */
export type Answer =
  | { kind: 'choice'; value: string }
  | { kind: 'text'; text: string }
  | { kind: 'form'; fields: Record<string, string> };

export type Effect =
  | { type: 'schedule'; job: Job }
  | { type: 'event'; event: CoachEvent }
  | { type: 'unschedule'; jobId: string }
  | { type: 'export' }
  | { type: 'forget' }
  /** Tell the community: the member's coffee choices changed, they answered a check-in, or chose to stay. */
  | ({ type: 'coffee' } & CoffeeChange)
  /** Ask the optional language-model coach; the scripted replies stand on their own without it. */
  | ({ type: 'coach' } & CoachAsk);

/** The result of answering: the engine appends the question of the (new) flow. */
export interface Outcome {
  state: State;
  replies: Reply[];
  effects?: Effect[];
}

export interface FlowHandler<A extends FlowAt> {
  ask(flow: FlowOf<A>, state: State, ctx: Ctx): Reply[];
  answer(flow: FlowOf<A>, state: State, answer: Answer, ctx: Ctx): Outcome;
}

export type FlowHandlers = { [A in FlowAt]: FlowHandler<A> };

export const moveTo = (state: State, flow: Flow, replies: Reply[] = [], effects: Effect[] = []): Outcome => ({
  state: { ...state, flow },
  replies,
  effects,
});

/** Typed or form text of a free-text step, trimmed; undefined for a button or an empty answer. */
export const typedText = (answer: Answer): string | undefined =>
  answer.kind === 'choice' ? undefined : (answerText(answer) ?? '').trim() || undefined;

/** The free text of an answer: typed text, or the first field of a form. */
export function answerText(answer: Answer): string | undefined {
  if (answer.kind === 'text') return answer.text;
  if (answer.kind === 'form') return Object.values(answer.fields)[0];
  return undefined;
}
