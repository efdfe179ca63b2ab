import type { Reply } from '../core/types.js';
import { type Ctx, type FlowHandler, moveTo, type Outcome } from '../engine/flow.js';
import type { FlowOf, State } from '../engine/state.js';
import { DOMAINS, type Person } from '../network/model.js';
import { reask, unexpected } from './kit.js';
import { domainChoices, isOneOf } from './labels.js';
import { changeReply } from './people.js';
import {
  firstPosition,
  nextPosition,
  type Position,
  pageCount,
  pageMembers,
  type RateStage,
  setValue,
} from './rate-stages.js';

type RateFlow = FlowOf<'rate'>;

/**
 * The question the flow is at. A flow saved before group rating has no position: it begins at
 * the first question that has someone left to ask about, so a half-rated queue goes on harmlessly.
 */
function positionOf(flow: RateFlow, people: readonly Person[]): Position | undefined {
  if (flow.stage && flow.group && flow.page !== undefined) {
    const pos = { stage: flow.stage, group: flow.group, page: flow.page };
    if (pageMembers(pos, people).length > 0) return pos;
  }
  return firstPosition(flow.queue, people);
}

const withPeople = (state: State, people: Person[]): State => ({
  ...state,
  network: { ...state.network, people },
});

/** "(1 of 2)" after a question whose group did not fit in one pick. */
function pageNote(pos: Position, ctx: Ctx): string {
  const of = pageCount(pos);
  return of > 1 ? ` ${ctx.say('rateGroup.page', { n: pos.page + 1, of })}` : '';
}

/** The round is over (or put off): on to the resource questions, or back to "my network". */
function finish(flow: RateFlow, state: State, ctx: Ctx, replies: Reply[] = []): Outcome {
  if (flow.next === 'resources') return moveTo(state, { at: 'awareness.resources', theme: 0 }, replies);
  const change = flow.before ? [changeReply(flow.before, state, ctx)] : [];
  return moveTo(state, { at: 'network.overview' }, [...replies, ...change]);
}

/** What a finished attribute came to, said back in one line. */
function closedReply(stage: RateStage, flow: RateFlow, people: readonly Person[], ctx: Ctx): Reply[] {
  const queued = people.filter((p) => flow.queue.includes(p.id));
  const count = (key: 'ring' | 'contact', value: string) => queued.filter((p) => p[key] === value).length;
  if (stage === 'middle') {
    return [
      {
        text: ctx.say('rateGroup.ringsDone', {
          inner: count('ring', 'inner'),
          middle: count('ring', 'middle'),
          outer: count('ring', 'outer'),
        }),
      },
    ];
  }
  if (stage === 'yearly') {
    return [
      {
        text: ctx.say('rateGroup.contactsDone', {
          weekly: count('contact', 'weekly'),
          monthly: count('contact', 'monthly'),
          yearly: count('contact', 'yearly'),
          dormant: count('contact', 'dormant'),
        }),
      },
    ];
  }
  return [];
}

/**
 * Rates the people in the queue by groups ("which of these are close to you?"), each question a
 * multi-select with "None of them" and "Finish this later" beside it; the few without a part of
 * life are asked one tap each. Then continues where the flow said.
 */
export const rate: FlowHandler<'rate'> = {
  ask(flow, state, ctx) {
    const pos = positionOf(flow, state.network.people);
    if (!pos) return [];
    const members = pageMembers(pos, state.network.people);
    const skip = { id: 'skip', label: ctx.say('rate.skipRest') };
    if (pos.stage === 'domain') {
      const name = members[0]?.name ?? '';
      return [{ text: ctx.say('rateGroup.where', { name }), choices: [...domainChoices(ctx), skip] }];
    }
    return [
      {
        text: `${ctx.say(`rateGroup.${pos.stage}`)}${pageNote(pos, ctx)}`,
        choices: [{ id: 'none', label: ctx.say('rateGroup.none') }, skip],
        pick: {
          options: members.map((p) => ({ id: p.id, label: p.name })),
          placeholder: ctx.say('rateGroup.placeholder'),
        },
      },
    ];
  },
  onlyOptions: () => true,
  answer(flow, state, answer, ctx) {
    const people = state.network.people;
    const pos = positionOf(flow, people);
    if (!pos || (answer.kind === 'choice' && answer.value === 'skip')) return finish(flow, state, ctx);
    let rated: Person[];
    if (answer.kind === 'picks' && pos.stage !== 'domain') rated = setValue(pos, people, answer.values);
    else if (answer.kind === 'choice' && answer.value === 'none' && pos.stage !== 'domain')
      rated = [...people];
    else if (answer.kind === 'choice' && pos.stage === 'domain' && isOneOf(DOMAINS, answer.value)) {
      const ids = pageMembers(pos, people).map((p) => p.id);
      rated = setValue(pos, people, ids, answer.value);
    } else return reask(state, unexpected(ctx));
    const moved = nextPosition(pos, flow.queue, rated);
    const next = withPeople(state, moved.people);
    const replies = moved.closed.flatMap((stage) => closedReply(stage, flow, moved.people, ctx));
    if (!moved.position) return finish(flow, next, ctx, replies);
    return moveTo(next, { ...flow, ...moved.position }, replies);
  },
};
