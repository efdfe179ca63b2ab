import type { Lang, Reply } from '../../core/types.js';
import {
  type Answer,
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
import { readNames } from '../../network/names.js';
import { nameList } from '../../pairing/intro.js';
import { askForText, freeTextQuestion, option, reask, unexpected, yesNo } from '../kit.js';
import { askTimeFirst, commit, dateChoices, readDate } from '../when.js';
import { coffeeOf, names, skipChoice, withCoffee } from './round.js';

/**
 * Exercise 4, after the coffee: how it went, the liking gap (how much you enjoyed it beside how
 * much you think they did), what was new, what they need and what you can give, whether you
 * asked for anything, and the next step: what it is, with whom (the partner, or another name), by
 * when. The step becomes a commitment with its own follow-up.
 */
const SCALE = ['1', '2', '3', '4', '5'];
const scale = (ctx: Ctx) => SCALE.map((id) => option(ctx, id, `coffee.scale.${id}` as 'coffee.scale.1'));

const coffeeReflect: FlowHandler<'coffee.reflect'> = {
  onlyOptions: (flow) => ['enjoyedSelf', 'enjoyedThem', 'askedFor'].includes(flow.step),
  ask(flow, state, ctx) {
    const coffee = coffeeOf(state, flow.round);
    const who = coffee ? names(coffee, state.lang) : '…';
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
          freeTextQuestion(ctx.say('coffee.reflect.next'), title, ctx, {
            choices: [{ id: 'none', label: ctx.say('coffee.reflect.noNext') }],
          }),
        ];
      case 'nextWith':
        return [
          {
            text: ctx.say('coffee.reflect.nextWith', { names: who }),
            choices: partnerChoices(state, flow.round, ctx),
          },
        ];
      case 'nextWhen':
        return [{ text: ctx.say('coffee.reflect.nextWhen'), choices: dateChoices(ctx).slice(1) }];
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
        if (choice === 'none') return finishReflection(state, flow.round, ctx);
        const text = typedText(answer);
        if (!text) return reask(state, askForText(ctx));
        return go({ next: text }, at('nextWith'));
      }
      case 'nextWith': {
        const nextWith = withWhom(answer, coffeeOf(state, flow.round)?.partners ?? [], state.lang);
        if (!nextWith) return reask(state, choice ? unexpected(ctx) : { text: ctx.say('people.noName') });
        return go({ nextWith: nextWith.slice(0, 100) }, at('nextWhen'));
      }
      case 'nextWhen': {
        const read = readDate(answer, state, ctx);
        if ('problem' in read) return reask(state, read.problem);
        const dated = withCoffee(state, flow.round, { nextStep: read.date });
        const ask = askTimeFirst(dated, 'coffee');
        return ask ? moveTo(dated, ask) : planNext(dated, flow.round, ctx);
      }
    }
  },
};

/** With whom the next step is: each partner by name, and both (or all, in a larger group). */
function partnerChoices(state: State, round: number, ctx: Ctx) {
  const partners = coffeeOf(state, round)?.partners ?? [];
  const each = partners.map((p, i) => ({ id: `p${i}`, label: p.name }));
  if (partners.length < 2) return each;
  return [
    ...each,
    option(ctx, 'both', partners.length === 2 ? 'coffee.reflect.withBoth' : 'coffee.reflect.withAll'),
  ];
}

/** "with", "together with", "met", "samen met" before the names typed. */
const WITH = /^\s*(?:(?:together\s+)?with|(?:samen\s+)?met)\s+/iu;

/** The partner picked (or all of them), or the names typed ("with Anna", "met Priya en Joris"). */
function withWhom(answer: Answer, partners: Coffee['partners'], lang: Lang): string | undefined {
  if (answer.kind === 'choice') {
    if (answer.value === 'both') return names({ partners }, lang);
    return /^p\d$/.test(answer.value) ? partners[Number(answer.value.slice(1))]?.name : undefined;
  }
  const typed = readNames((typedText(answer) ?? '').replace(WITH, '')).people;
  return typed.length
    ? nameList(
        typed.map((p) => p.name),
        lang,
      )
    : undefined;
}

/** The next step becomes a commitment with its own follow-up; then the reflection ends. */
function planNext(state: State, round: number, ctx: Ctx): Outcome {
  const coffee = coffeeOf(state, round);
  if (!coffee?.next || !coffee.nextStep) return finishReflection(state, round, ctx);
  const planned = commit(
    state,
    {
      kind: 'coffee',
      title: coffee.next,
      person: coffee.nextWith ?? names(coffee, state.lang),
      date: coffee.nextStep,
    },
    ctx,
  );
  const id = planned.state.commitments.at(-1)?.id;
  return finishReflection(withCoffee(planned.state, round, { commitment: id }), round, ctx, planned.effects);
}

/** Once the time zone and hour are known: the coffee whose next step waits to be planned. */
export function afterTime(state: State, ctx: Ctx): Outcome {
  const waiting = state.coffee.coffees.findLast((c) => c.next && c.nextStep && !c.commitment);
  return waiting ? planNext(state, waiting.round, ctx) : moveTo(state, { at: 'menu' });
}

function finishReflection(state: State, round: number, ctx: Ctx, effects: Effect[] = []): Outcome {
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
  const text =
    coffee?.commitment && coffee.nextStep
      ? ctx.say('coffee.reflect.doneNext', { name: coffee.nextWith ?? '', date: ctx.day(coffee.nextStep) })
      : ctx.say('coffee.reflect.done');
  return moveTo(
    done,
    { at: 'menu' },
    [{ text }],
    [...effects, { type: 'event', event: { name: 'exercise.completed', exercise: 'coffee', data } }],
  );
}

export const handlers: Handlers<'coffee.reflect'> = { 'coffee.reflect': coffeeReflect };
