import type { Reply } from '../../core/types.js';
import {
  type Ctx,
  type Effect,
  type FlowHandler,
  type Handlers,
  moveTo,
  type Outcome,
  typedText,
} from '../../engine/flow.js';
import type { Coffee } from '../../engine/records.js';
import type { Flow, State } from '../../engine/state.js';
import { askForText, freeTextQuestion, option, reask, unexpected, yesNo } from '../kit.js';
import { dateChoices, readDate } from '../when.js';
import { coffeeOf, names, skipChoice, withCoffee } from './round.js';

/**
 * Exercise 4, after the coffee: how it went, the liking gap (how much you enjoyed it beside how
 * much you think they did), what was new, what they need and what you can give, whether you
 * asked for anything, and the next step.
 */
const SCALE = ['1', '2', '3', '4', '5'];
const scale = (ctx: Ctx) => SCALE.map((id) => option(ctx, id, `coffee.scale.${id}` as 'coffee.scale.1'));

const coffeeReflect: FlowHandler<'coffee.reflect'> = {
  onlyOptions: (flow) => ['enjoyedSelf', 'enjoyedThem', 'askedFor'].includes(flow.step),
  ask(flow, state, ctx) {
    const coffee = coffeeOf(state, flow.round);
    const who = coffee ? names(coffee, ctx) : '…';
    const title = ctx.say('coffee.reflect.title');
    switch (flow.step) {
      case 'story':
        return [
          freeTextQuestion(ctx.say('coffee.reflect.story'), title, ctx, {
            multiline: true,
            choices: skipChoice(ctx),
          }),
        ];
      case 'enjoyedSelf':
        return [{ text: ctx.say('coffee.reflect.enjoyedSelf'), choices: scale(ctx) }];
      case 'enjoyedThem':
        return [{ text: ctx.say('coffee.reflect.enjoyedThem', { names: who }), choices: scale(ctx) }];
      case 'learned':
        return [
          freeTextQuestion(ctx.say('coffee.reflect.learned'), title, ctx, { choices: skipChoice(ctx) }),
        ];
      case 'theirNeed':
        return [
          freeTextQuestion(ctx.say('coffee.reflect.theirNeed', { names: who }), title, ctx, {
            choices: skipChoice(ctx),
          }),
        ];
      case 'askedFor':
        return [{ text: ctx.say('coffee.reflect.askedFor'), choices: yesNo(ctx) }];
      case 'next':
        return [
          {
            text: ctx.say('coffee.reflect.next'),
            choices: [...dateChoices(ctx).slice(1), { id: 'none', label: ctx.say('coffee.reflect.noNext') }],
          },
        ];
    }
  },
  answer(flow, state, answer, ctx): Outcome {
    const go = (patch: Partial<Coffee>, step: Flow, replies: Reply[] = [], effects: Effect[] = []) =>
      moveTo(withCoffee(state, flow.round, patch), step, replies, effects);
    const at = (step: (typeof flow)['step']): Flow => ({ ...flow, step });
    const choice = answer.kind === 'choice' ? answer.value : undefined;
    switch (flow.step) {
      case 'story':
      case 'learned':
      case 'theirNeed': {
        const text = choice === 'skip' ? undefined : typedText(answer);
        if (choice !== 'skip' && !text) return reask(state, askForText(ctx));
        const following = { story: 'enjoyedSelf', learned: 'theirNeed', theirNeed: 'askedFor' } as const;
        return go({ [flow.step]: text }, at(following[flow.step]));
      }
      case 'enjoyedSelf':
      case 'enjoyedThem': {
        if (!choice || !SCALE.includes(choice)) return reask(state, unexpected(ctx));
        const value = Number(choice);
        if (flow.step === 'enjoyedSelf') return go({ enjoyedSelf: value }, at('enjoyedThem'));
        const self = coffeeOf(state, flow.round)?.enjoyedSelf ?? value;
        // The liking gap: people think their partner enjoyed the talk less than they did.
        const gap = ctx.say(value < self ? 'coffee.reflect.gapBelow' : 'coffee.reflect.gapOther');
        return go({ enjoyedThem: value }, at('learned'), [{ text: gap }]);
      }
      case 'askedFor':
        if (choice !== 'yes' && choice !== 'no') return reask(state, unexpected(ctx));
        return go(
          { askedFor: choice === 'yes' },
          at('next'),
          choice === 'no' ? [{ text: ctx.say('coffee.reflect.askNextTime') }] : [],
        );
      case 'next': {
        let nextStep: string | undefined;
        if (choice !== 'none') {
          const read = readDate(answer, state, ctx);
          if ('problem' in read) return reask(state, read.problem);
          nextStep = read.date;
        }
        return finishReflection(withCoffee(state, flow.round, { nextStep }), flow.round, ctx);
      }
    }
  },
};

function finishReflection(state: State, round: number, ctx: Ctx): Outcome {
  const coffee = coffeeOf(state, round);
  const data = {
    at: ctx.now.toISOString(),
    round,
    enjoyedSelf: coffee?.enjoyedSelf ?? null,
    enjoyedThem: coffee?.enjoyedThem ?? null,
    askedFor: coffee?.askedFor ?? null,
    nextStep: coffee?.nextStep ?? null,
  };
  const done = {
    ...state,
    completed: [...state.completed, { exercise: 'coffee' as const, at: data.at, metrics: data }],
  };
  const text = coffee?.nextStep
    ? ctx.say('coffee.reflect.doneNext', { date: ctx.day(coffee.nextStep) })
    : ctx.say('coffee.reflect.done');
  return moveTo(
    done,
    { at: 'menu' },
    [{ text }],
    [{ type: 'event', event: { name: 'exercise.completed', exercise: 'coffee', data } }],
  );
}

export const handlers: Handlers<'coffee.reflect'> = { 'coffee.reflect': coffeeReflect };
