import type { CoachAsk } from '../coach/schemas.js';
import type { CoachEvent, Job, Reply } from '../core/types.js';
import type { CoffeeChange } from '../pairing/community.js';
import type { TextKey } from '../texts/catalog.js';
import type { Say, Words } from '../texts/texts.js';
import type { ExerciseId, Flow, FlowAt, FlowOf, State } from './state.js';

/** What a step may read besides the state: the member's translator and the clock. */
export interface Ctx {
  say: Say;
  /** Other words for a choice's label, by the label's key, in the member's language. */
  words: Words;
  now: Date;
  revisitDays: number;
  /** A stored date (YYYY-MM-DD) as the coach says it to this member: "Friday 4 December". */
  day(date: string): string;
}

/** A member's input after the engine matched it against the question's choices. */
export type Answer =
  | { kind: 'choice'; value: string }
  /** The options of the question's `pick` that were chosen (typed as numbers or names, or picked). */
  | { kind: 'picks'; values: string[] }
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
  /**
   * True when the question takes nothing but its options: the engine then also finds them named
   * inside a sentence, and answers a miss itself. Otherwise typed text that is not a whole option
   * goes to `answer`.
   */
  onlyOptions?(flow: FlowOf<A>): boolean;
  answer(flow: FlowOf<A>, state: State, answer: Answer, ctx: Ctx): Outcome;
}

/** The handlers of a set of flows, one per flow. */
export type Handlers<A extends FlowAt> = { [K in A]: FlowHandler<K> };
export type FlowHandlers = Handlers<FlowAt>;

/** What a due job does for its member: what they hear at once, and the question it brings. */
export interface DueOutcome {
  state: State;
  /** The question to ask: the engine opens it now when the member is free, else it waits its turn. */
  flow?: Flow;
  replies: Reply[];
  effects: Effect[];
}
export type DueHandler = (state: State, job: Job, ctx: Ctx) => DueOutcome;

/**
 * One exercise, declared in its own module: the registry (src/exercises/index.ts) composes the
 * engine's handler map, menu, parking rules and job handling from these.
 */
export interface ExerciseDefinition<A extends FlowAt = never> {
  id: ExerciseId;
  /** Where the exercise begins when it is not parked. */
  start: Flow;
  /** The menu entry: its label, its label while parked half-way, and whether it follows the tools. */
  menu: { start: TextKey; resume: TextKey; afterTools?: boolean };
  handlers: Handlers<A>;
  /** Places where the member is not in the middle of anything, so a due follow-up may take over. */
  idle?: readonly FlowAt[];
  /** True for the places worth coming back to: leaving one for the menu parks it. */
  parks(flow: Flow): boolean;
  /** Continues once the member's time zone and follow-up hour are known. */
  afterTime?(state: State, ctx: Ctx): Outcome;
  /** The jobs this exercise schedules, by kind. */
  jobs?: Record<string, DueHandler>;
  /** The exercise's lines in "my progress", when the member has done it. */
  progress?(state: State, ctx: Ctx): string | undefined;
  /** Typed shortcuts after the exercise's command word ("coffee join"); undefined opens the exercise. */
  shortcut?(state: State, args: string[], ctx: Ctx): Outcome | undefined;
}

export const moveTo = (state: State, flow: Flow, replies: Reply[] = [], effects: Effect[] = []): Outcome => ({
  state: { ...state, flow },
  replies,
  effects,
});

/** Typed or form text of a free-text step, trimmed; undefined for a button or an empty answer. */
export const typedText = (answer: Answer): string | undefined =>
  answer.kind === 'choice' || answer.kind === 'picks'
    ? undefined
    : (answerText(answer) ?? '').trim() || undefined;

/** The free text of an answer: typed text, or the first field of a form. */
export function answerText(answer: Answer): string | undefined {
  if (answer.kind === 'text') return answer.text;
  if (answer.kind === 'form') return Object.values(answer.fields)[0];
  return undefined;
}
