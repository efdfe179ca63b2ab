import { z } from 'zod';
import type { CoachAnswer, CoachAsk, CoachResults } from '../coach/schemas.js';
import { clip } from '../core/clip.js';
import type { Reply } from '../core/types.js';
import { answerText, type Ctx, type FlowHandler, type Handlers, moveTo } from '../engine/flow.js';
import type { Flow, State } from '../engine/state.js';
import type { Person } from '../network/model.js';
import { cleanName, findExactName, looksLikeName } from '../network/names.js';
import { addSentence, draftOf as helpOf, withDraft as withHelp } from './ask-for-help/index.js';
import { draftOf as hookOf } from './hook/index.js';
import { reask, unexpected } from './kit.js';
import { domainInSentence } from './labels.js';
import { MAX_PEOPLE } from './people.js';

/** Where the coach's deepening question returns to: the step after the answer it was about. */
const DeepenResumeSchema = z.discriminatedUnion('at', [
  z.object({ at: z.literal('ask-for-help.need') }),
  z.object({ at: z.literal('ask-for-help.request') }),
  z.object({ at: z.literal('hook.hook'), index: z.number().int().min(0) }),
  z.object({ at: z.literal('hook.people') }),
]);
type DeepenResume = z.infer<typeof DeepenResumeSchema>;

/** The language-model coach's one deepening question about a free-text answer. */
export const flows = [
  z.object({
    at: z.literal('coach.deepen'),
    question: z.string().max(600),
    field: z.enum(['goal', 'reversal', 'hook']),
    index: z.number().int().min(0),
    resume: DeepenResumeSchema,
  }),
] as const;

/** What the coach's answer adds to a turn; `replacesFirst` drops the scripted reply it improves on. */
export interface Coached {
  state: State;
  replies: Reply[];
  replacesFirst?: boolean;
}

/** The step a deepening question returns to, when the flow is one it may interrupt. */
function resumeOf(flow: Flow): DeepenResume | undefined {
  if (flow.at === 'ask-for-help.need' || flow.at === 'ask-for-help.request' || flow.at === 'hook.people')
    return { at: flow.at };
  if (flow.at === 'hook.hook') return { at: 'hook.hook', index: flow.index };
  return undefined;
}

/** The flow each use expects right after the step that asked for it; anything else means "too late". */
function expected(state: State, ask: CoachAsk): boolean {
  const flow = state.flow;
  switch (ask.use) {
    case 'reflect':
      if (ask.input.field === 'goal') return flow.at === 'ask-for-help.need';
      if (ask.input.field === 'reversal') return flow.at === 'ask-for-help.request';
      return flow.at === 'hook.people' || (flow.at === 'hook.hook' && flow.index === ask.input.index + 1);
    case 'people':
      return flow.at === 'awareness.recall';
    case 'smart':
      return helpOf(state).request === ask.input.request && flow.at.startsWith('ask-for-help.');
    case 'openers':
      return flow.at === 'hook.opener' && flow.index === 0;
  }
}

/**
 * Pure: folds a validated coach answer into the turn. It may add replies and set the values the
 * step asked for (a reflection, parsed people, a suggested draft, openers), nothing else.
 */
export function applyCoach(state: State, answer: CoachAnswer, ctx: Ctx): Coached {
  if (!expected(state, answer.ask)) return { state, replies: [] };
  switch (answer.ask.use) {
    case 'reflect':
      return reflect(state, answer.ask, answer.result as CoachResults['reflect']);
    case 'people':
      return people(state, answer.ask, answer.result as CoachResults['people'], ctx);
    case 'smart': {
      const { feedback, draft } = answer.result as CoachResults['smart'];
      const replies = [{ text: feedback }];
      if (draft.trim() === answer.ask.input.request.trim()) return { state, replies };
      return {
        state: { ...withHelp(state, { suggested: draft }), flow: { at: 'ask-for-help.draft' } },
        replies,
      };
    }
    case 'openers': {
      const { openers } = answer.result as CoachResults['openers'];
      const draft = hookOf(state);
      const suggested = openers
        .slice(0, draft.topics.length)
        .map((o) => clip(`${o.anchor} ${o.reveal} ${o.encourage}`, 700));
      return { state: { ...state, drafts: { ...state.drafts, hook: { ...draft, suggested } } }, replies: [] };
    }
  }
}

function reflect(
  state: State,
  ask: Extract<CoachAsk, { use: 'reflect' }>,
  result: CoachResults['reflect'],
): Coached {
  const replies: Reply[] = [{ text: result.reflection }];
  // The scripted reversal reflection is replaced; its next reply (the yes-estimate beside the
  // research finding) stays.
  const replacesFirst = ask.input.field === 'reversal';
  const resume = resumeOf(state.flow);
  if (!result.question || !resume) return { state, replies, replacesFirst };
  const flow: Flow = {
    at: 'coach.deepen',
    question: result.question,
    field: ask.input.field,
    index: ask.input.index,
    resume,
  };
  return { state: { ...state, flow }, replies, replacesFirst };
}

function people(
  state: State,
  ask: Extract<CoachAsk, { use: 'people' }>,
  result: CoachResults['people'],
  ctx: Ctx,
): Coached {
  // Only the people this very answer added are replaced; everyone else stays as they were.
  const kept = state.network.people.filter((p) => !ask.input.ids.includes(p.id));
  // What the member said about them stays with the name; the model never saw it unmasked.
  const replaced = state.network.people.filter((p) => ask.input.ids.includes(p.id));
  const added: Person[] = [];
  let nextPersonId = state.nextPersonId;
  for (const parsed of result.people) {
    const name = cleanName(parsed.name);
    if (!looksLikeName(name) || /\[[PETU]\d+\]/.test(name)) continue;
    if (findExactName([...kept, ...added], name) || kept.length + added.length >= MAX_PEOPLE) continue;
    const note = findExactName(replaced, name)?.note;
    added.push({
      id: `p${nextPersonId++}`,
      name,
      ...(note ? { note } : {}),
      domain: parsed.domain ?? ask.input.domain,
      ring: null,
      contact: null,
      named: [],
      addedAt: ctx.now.toISOString(),
    });
  }
  if (added.length === 0) return { state, replies: [] };
  const total = kept.length + added.length;
  const names = added
    .map((p) => (p.domain ? `${p.name} (${domainInSentence(p.domain, ctx)})` : p.name))
    .join(', ');
  return {
    state: { ...state, nextPersonId, network: { ...state.network, people: [...kept, ...added] } },
    replies: [{ text: ctx.say('coach.peopleRead', { names, total }) }],
    replacesFirst: true,
  };
}

/** The coach's one deepening question: answered in a line (added to the answer) or skipped. */
const coachDeepen: FlowHandler<'coach.deepen'> = {
  ask: (flow, _state, ctx) => [
    {
      text: flow.question,
      choices: [{ id: 'skip', label: ctx.say('coach.deepenSkip') }],
      form: {
        id: 'answer',
        title: ctx.say(flow.field === 'hook' ? 'hook.title' : 'help.title'),
        submit: ctx.say('common.submit'),
        fields: [{ id: 'answer', label: ctx.say('help.answerLabel'), multiline: true }],
      },
    },
  ],
  answer(flow, state, answer, ctx) {
    if (answer.kind === 'choice')
      return answer.value === 'skip' ? moveTo(state, flow.resume) : reask(state, unexpected(ctx));
    const more = (answerText(answer) ?? '').trim();
    if (!more) return reask(state, { text: ctx.say('common.typeAnswer') });
    const extend = (before: string | undefined) => clip(addSentence(before ?? '', more), 2000);
    if (flow.field === 'hook') {
      const draft = hookOf(state);
      const hooks = draft.hooks.map((h, i) => (i === flow.index ? extend(h) : h));
      return moveTo({ ...state, drafts: { ...state.drafts, hook: { ...draft, hooks } } }, flow.resume, [
        { text: ctx.say('coach.deepenNoted') },
      ]);
    }
    return moveTo(withHelp(state, { [flow.field]: extend(helpOf(state)[flow.field]) }), flow.resume, [
      { text: ctx.say('coach.deepenNoted') },
    ]);
  },
};

export const handlers: Handlers<'coach.deepen'> = { 'coach.deepen': coachDeepen };
