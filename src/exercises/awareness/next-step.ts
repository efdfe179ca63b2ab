/**
 * The next step after the map: two or three named people to start with and why, then a choice to
 * ask one of them for help straight away, to be reminded to get back in touch, or the menu.
 * Names stay between the member and the coach: nothing here asks the language model.
 */
import { z } from 'zod';
import { clip } from '../../core/clip.js';
import { addDays } from '../../core/time.js';
import type { Choice } from '../../core/types.js';
import { type Ctx, type Handlers, moveTo, type Outcome } from '../../engine/flow.js';
import type { Flow, State } from '../../engine/state.js';
import type { MapMetrics } from '../../network/metrics.js';
import { type Domain, type Person, RESOURCE_ITEMS, type ResourceItem } from '../../network/model.js';
import { chooseStarters, gapDomains, tieOf } from '../../network/starters.js';
import { formatList } from '../../texts/numbers.js';
import { draftOf, NEEDS, type Need, startWith } from '../ask-for-help/index.js';
import { goalDomains } from '../ask-for-help/suggest.js';
import { backToMenu, choiceStep } from '../kit.js';
import { commit, today } from '../when.js';

/** Why these people: the member's goal, the help they lack, or what acquaintances bring in general. */
const WHY = ['goal', 'gaps', 'general'] as const;
type Why = (typeof WHY)[number];

const people = z.array(z.string()).min(1).max(3);

export const flows = [
  z.object({
    at: z.literal('nextStep.offer'),
    people,
    why: z.enum(WHY),
    goal: z.string().max(200).optional(),
    gaps: z.array(z.enum(RESOURCE_ITEMS)).max(3).optional(),
  }),
  z.object({ at: z.literal('nextStep.whom'), people }),
] as const;

/** Days until the coach asks whether the member got back in touch. */
export const RECONNECT_DAYS = 7;

interface Focus {
  domains: Domain[];
  why: Why;
  goal?: string;
  gaps?: ResourceItem[];
}

const isNeed = (value: unknown): value is Need => NEEDS.includes(value as Need);

/** The member's goal for asking help: the ask in progress, else the last one done, else an open ask. */
function goalOf(state: State): { goal: string; need?: Need } | undefined {
  const draft = state.drafts['ask-for-help'] ? draftOf(state) : undefined;
  if (draft?.goal) return { goal: draft.goal, need: draft.need };
  const done = state.completed.findLast((c) => c.exercise === 'ask-for-help')?.metrics;
  if (typeof done?.goal === 'string' && done.goal)
    return { goal: done.goal, need: isNeed(done.need) ? done.need : undefined };
  const open = state.commitments.findLast((c) => c.kind === 'ask' && c.status === 'open' && c.title);
  return open ? { goal: open.title } : undefined;
}

/** Where to look first: the parts of life that carry the goal, else those that carry what is lacking. */
export function focusOf(state: State, metrics: MapMetrics): Focus {
  const goal = goalOf(state);
  if (goal) return { domains: goalDomains(goal.goal, goal.need), why: 'goal', goal: clip(goal.goal, 120) };
  const gaps = metrics.resources.gaps;
  if (gaps.length > 0) return { domains: gapDomains(gaps), why: 'gaps', gaps: gaps.slice(0, 3) };
  return { domains: [], why: 'general' };
}

/** The question that follows the summary, when the map has weak or dormant ties to start with. */
export function nextStepFlow(state: State, metrics: MapMetrics): Flow | undefined {
  const focus = focusOf(state, metrics);
  const starters = chooseStarters(state.network.people, focus.domains);
  if (starters.length === 0) return undefined;
  const { domains: _domains, ...why } = focus;
  return { at: 'nextStep.offer', people: starters.map((s) => s.person.id), ...why };
}

/** The end of the map with its next step: the completed exercise goes on to the offer, when there is one. */
export function withNextStep(done: Outcome, metrics: MapMetrics): Outcome {
  const flow = nextStepFlow(done.state, metrics);
  return flow ? { ...done, state: { ...done.state, flow } } : done;
}

const found = (state: State, ids: string[]): Person[] =>
  ids.flatMap((id) => state.network.people.filter((p) => p.id === id));

/** "Mo (an acquaintance from work)", "Sara (from your studies, not in touch for three years or more)". */
function describe(p: Person, ctx: Ctx): string {
  const from = p.domain ? ctx.say(`nextStep.from.${p.domain}`) : '';
  return ctx.say(`nextStep.person.${tieOf(p) ?? 'acquaintance'}`, { name: p.name, from });
}

function whyLine(flow: z.infer<(typeof flows)[0]>, state: State, ctx: Ctx): string {
  if (flow.why === 'goal' && flow.goal) return ctx.say('nextStep.why.goal', { goal: flow.goal });
  if (flow.why === 'gaps' && flow.gaps?.length) {
    const list = formatList(
      flow.gaps.map((g) => ctx.say(`resourceShort.${g}`)),
      state.lang,
    );
    return ctx.say('nextStep.why.gaps', { list });
  }
  return ctx.say('nextStep.why.general');
}

/** Plans "did you get back in touch?" a week from today, and says so. */
function remind(state: State, person: Person, ctx: Ctx): Outcome {
  const date = addDays(today(state, ctx), RECONNECT_DAYS);
  const planned = commit(state, { kind: 'reconnect', title: '', person: person.name, date }, ctx);
  return moveTo(
    planned.state,
    { at: 'menu' },
    [{ text: ctx.say('nextStep.reminded', { name: person.name, date: ctx.day(date) }) }],
    planned.effects,
  );
}

const offer = choiceStep<'nextStep.offer'>({
  ask(flow, state, ctx) {
    const chosen = found(state, flow.people);
    const listed = formatList(
      chosen.map((p) => describe(p, ctx)),
      state.lang,
    );
    const [only] = chosen;
    const reminder: Choice =
      chosen.length === 1 && only
        ? { id: 'remind', label: ctx.say('nextStep.remindOne', { name: only.name }) }
        : { id: 'remind', label: ctx.say('nextStep.remind') };
    if (chosen.length === 0) return [];
    return {
      text: `${ctx.say('nextStep.start', { people: listed })} ${whyLine(flow, state, ctx)}\n\n${ctx.say('nextStep.prompt')}`,
      choices: [
        ...chosen.map((p) => ({ id: `ask:${p.id}`, label: ctx.say('nextStep.ask', { name: p.name }) })),
        reminder,
        backToMenu(ctx),
      ],
    };
  },
  pick(value, flow, state, ctx) {
    const chosen = found(state, flow.people);
    if (value === 'menu' || chosen.length === 0) return moveTo(state, { at: 'menu' });
    if (value === 'remind') {
      const [only] = chosen;
      return chosen.length === 1 && only
        ? remind(state, only, ctx)
        : moveTo(state, { at: 'nextStep.whom', people: chosen.map((p) => p.id) });
    }
    const person = value.startsWith('ask:') ? chosen.find((p) => `ask:${p.id}` === value) : undefined;
    return person
      ? startWith(state, person.name, [{ text: ctx.say('nextStep.askStart', { name: person.name }) }])
      : undefined;
  },
});

const whom = choiceStep<'nextStep.whom'>({
  ask: (flow, state, ctx) => ({
    text: ctx.say('nextStep.whom'),
    choices: [...found(state, flow.people).map((p) => ({ id: p.id, label: p.name })), backToMenu(ctx)],
  }),
  pick(value, flow, state, ctx) {
    if (value === 'menu') return moveTo(state, { at: 'menu' });
    const person = found(state, flow.people).find((p) => p.id === value);
    return person ? remind(state, person, ctx) : undefined;
  },
});

export const handlers: Handlers<z.infer<(typeof flows)[number]>['at']> = {
  'nextStep.offer': offer,
  'nextStep.whom': whom,
};
