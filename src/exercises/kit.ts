/**
 * Step helpers shared by every exercise: a choice step, a text step, the re-ask replies and the
 * completion of an exercise. They own validation and the re-ask, the way a prompt library's
 * prompts own their retry prompt; irregular steps are written by hand with the same replies.
 */
import type { Choice, Reply } from '../core/types.js';
import {
  type Answer,
  type Ctx,
  type Effect,
  type FlowHandler,
  moveTo,
  type Outcome,
  typedText,
} from '../engine/flow.js';
import type { ExerciseId, Flow, FlowAt, FlowOf, State } from '../engine/state.js';
import type { TextKey } from '../texts/catalog.js';

/** The answer was not one of the options. */
export const unexpected = (ctx: Ctx): Reply => ({ text: ctx.say('common.pickChoice') });

/** The answer to a free-text step was empty or a button: ask for words. */
export const askForText = (ctx: Ctx): Reply => ({ text: ctx.say('common.typeAnswer') });

/** The same question again, after the replies that say why (the engine repeats the question). */
export const reask = (state: State, ...replies: Reply[]): Outcome => ({ state, replies });

/** A choice labelled by the text under `key`, with the other words that mean it (`words.<key>`). */
export function option(ctx: Ctx, id: string, key: TextKey): Choice {
  const label = (ctx.say as (key: TextKey) => string)(key);
  const words = ctx.words(key);
  return words.length > 0 ? { id, label, words } : { id, label };
}

export const backToMenu = (ctx: Ctx): Choice => ({ id: 'menu', label: ctx.say('common.backToMenu') });

export const yesNo = (ctx: Ctx): Choice[] => [
  option(ctx, 'yes', 'common.yes'),
  option(ctx, 'no', 'common.no'),
];

/** A question answered in free text, with a one-field form for the adapters that show forms. */
export const freeTextQuestion = (
  text: string,
  title: string,
  ctx: Ctx,
  options: { multiline?: boolean; choices?: Reply['choices'] } = {},
): Reply => ({
  text,
  ...(options.choices ? { choices: options.choices } : {}),
  form: {
    id: 'answer',
    title,
    submit: ctx.say('common.submit'),
    fields: [{ id: 'answer', label: ctx.say('help.answerLabel'), multiline: options.multiline ?? false }],
  },
});

type Asker<A extends FlowAt> = (flow: FlowOf<A>, state: State, ctx: Ctx) => Reply | Reply[];
const asList = (r: Reply | Reply[]) => (Array.isArray(r) ? r : [r]);

/**
 * A question answered by one of its options. `pick` gets the chosen id and returns what follows,
 * or undefined for an id it does not take; anything but a choice is answered with the re-ask.
 */
export function choiceStep<A extends FlowAt>(step: {
  ask: Asker<A>;
  pick(value: string, flow: FlowOf<A>, state: State, ctx: Ctx): Outcome | undefined;
}): FlowHandler<A> {
  return {
    ask: (flow, state, ctx) => asList(step.ask(flow, state, ctx)),
    onlyOptions: () => true,
    answer(flow, state, answer, ctx) {
      const picked = answer.kind === 'choice' ? step.pick(answer.value, flow, state, ctx) : undefined;
      return picked ?? reask(state, unexpected(ctx));
    },
  };
}

/**
 * A question answered in the member's own words (typed, or a form). Buttons the question offers
 * besides typing ("skip", "back") are handled by `choices`, by id; an empty answer is asked again.
 */
export function textStep<A extends FlowAt>(step: {
  ask: Asker<A>;
  text(text: string, flow: FlowOf<A>, state: State, ctx: Ctx): Outcome;
  choices?: Record<string, (flow: FlowOf<A>, state: State, ctx: Ctx) => Outcome>;
}): FlowHandler<A> {
  return {
    ask: (flow, state, ctx) => asList(step.ask(flow, state, ctx)),
    answer(flow, state, answer: Answer, ctx) {
      if (answer.kind === 'choice') {
        const chosen = step.choices?.[answer.value];
        return chosen ? chosen(flow, state, ctx) : reask(state, unexpected(ctx));
      }
      const text = typedText(answer);
      return text ? step.text(text, flow, state, ctx) : reask(state, askForText(ctx));
    },
  };
}

/**
 * A step about one record (a person, a commitment) that may be gone by the time the member answers:
 * its question is then empty, so the menu's shows, and any answer at all leads to `gone`.
 */
export function whileFound<A extends FlowAt>(
  found: (flow: FlowOf<A>, state: State) => boolean,
  gone: Flow,
  step: FlowHandler<A>,
): FlowHandler<A> {
  return {
    ask: step.ask,
    answer: (flow, state, answer, ctx) =>
      found(flow, state) ? step.answer(flow, state, answer, ctx) : moveTo(state, gone),
  };
}

/**
 * Ends an exercise: its draft and parked place are dropped, the result is recorded and announced
 * as `exercise.completed`, and the member is back at the menu.
 */
export function complete(
  state: State,
  exercise: ExerciseId,
  data: Record<string, unknown> & { at: string },
  replies: Reply[],
  effects: Effect[] = [],
): Outcome {
  const drafts = Object.fromEntries(Object.entries(state.drafts).filter(([id]) => id !== exercise));
  const { [exercise]: _parked, ...parked } = state.parked;
  const next: State = {
    ...state,
    drafts: drafts as State['drafts'],
    parked,
    completed: [...state.completed, { exercise, at: data.at, metrics: data }],
  };
  return moveTo(next, { at: 'menu' }, replies, [
    ...effects,
    { type: 'event', event: { name: 'exercise.completed', exercise, data } },
  ]);
}
