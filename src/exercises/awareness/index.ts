import { z } from 'zod';
import { memberKey, type Reply } from '../../core/types.js';
import {
  answerText,
  type Ctx,
  type DueHandler,
  type ExerciseDefinition,
  type FlowHandler,
  moveTo,
  type Outcome,
} from '../../engine/flow.js';
import type { State } from '../../engine/state.js';
import { mapMetrics } from '../../network/metrics.js';
import { CAREER_QUESTIONS, RECALL_DOMAINS, RESOURCE_ANSWERS, RESOURCE_ITEMS } from '../../network/model.js';
import { backToMenu, choiceStep, complete, reask, unexpected } from '../kit.js';
import { domainFrom, domainLabel, isOneOf } from '../labels.js';
import {
  addedReplies,
  addPeople,
  afterAdding,
  looksLikeSentence,
  needsRating,
  noNames,
  snapshot,
} from '../people.js';
import { mapPicture } from '../picture.js';
import { withNextStep } from './next-step.js';
import { summaryText } from './summary.js';

const index = z.number().int().min(0);

/** Exercise 1, the network map: recall by part of life, the work questions, rating, resources. */
export const id = 'awareness';

export const flows = [
  z.object({ at: z.literal('awareness.intro') }),
  z.object({ at: z.literal('awareness.recall'), domain: index, probed: z.boolean() }),
  z.object({ at: z.literal('awareness.career'), question: index }),
  z.object({ at: z.literal('awareness.resources'), item: index }),
] as const;

function namesForm(title: string, ctx: Ctx): Reply['form'] {
  return {
    id: 'names',
    title,
    submit: ctx.say('common.submit'),
    fields: [{ id: 'names', label: ctx.say('recall.formLabel'), multiline: true }],
  };
}

const awarenessIntro = choiceStep<'awareness.intro'>({
  ask: (_flow, _state, ctx) => ({
    text: ctx.say('awareness.intro'),
    choices: [{ id: 'begin', label: ctx.say('awareness.begin') }, backToMenu(ctx)],
  }),
  pick(value, _flow, state) {
    if (value === 'begin') return moveTo(state, { at: 'awareness.recall', domain: 0, probed: false });
    return value === 'menu' ? moveTo(state, { at: 'menu' }) : undefined;
  },
});

const awarenessRecall: FlowHandler<'awareness.recall'> = {
  ask(flow, _state, ctx) {
    const domain = RECALL_DOMAINS[flow.domain] ?? 'work';
    const label = domainLabel(domain, ctx);
    const step = { n: flow.domain + 1, of: RECALL_DOMAINS.length };
    if (flow.probed) {
      return [
        {
          text: ctx.say('recall.probe', { domain: domainFrom(domain, ctx) }, flow.domain),
          choices: [{ id: 'none', label: ctx.say('recall.noMore') }],
          form: namesForm(label, ctx),
        },
      ];
    }
    return [
      {
        text: `${ctx.say('recall.progress', step)}\n${ctx.say(`recall.${domain}`)}`,
        choices: [{ id: 'none', label: ctx.say('recall.none') }],
        form: namesForm(label, ctx),
      },
    ];
  },
  answer(flow, state, answer, ctx) {
    // "Who else?" follows a first answer with names; a button or "that's all" moves on.
    const advance = (next: State, replies: Reply[] = [], probe = true): Outcome => {
      if (!flow.probed && probe) return moveTo(next, { ...flow, probed: true }, replies);
      if (flow.domain + 1 < RECALL_DOMAINS.length) {
        return moveTo(next, { at: 'awareness.recall', domain: flow.domain + 1, probed: false }, replies);
      }
      return moveTo(next, { at: 'awareness.career', question: 0 }, [
        ...replies,
        { text: ctx.say('career.intro') },
      ]);
    };
    if (answer.kind === 'choice')
      return answer.value === 'none' ? advance(state, [], false) : reask(state, unexpected(ctx));
    const text = answerText(answer) ?? '';
    const domain = RECALL_DOMAINS[flow.domain] ?? null;
    const result = addPeople(state, text, domain, ctx);
    // Past the per-answer limit the same question stays, for the rest of the list.
    if (result.over > 0) return { state: result.state, replies: addedReplies(result, ctx) };
    if (noNames(result)) {
      return result.ended ? advance(state, [], false) : reask(state, { text: ctx.say('people.noName') });
    }
    const outcome = afterAdding(result, domain, ctx, (next, replies) =>
      advance(next, replies, !result.ended),
    );
    // A sentence ("my neighbour Anna and Piet") reads better with the coach; the reading stands without it.
    if (!looksLikeSentence(text) || result.added.length === 0 || outcome.state.flow.at !== flow.at)
      return outcome;
    const ids = result.added.map((p) => p.id);
    return { ...outcome, effects: [{ type: 'coach', use: 'people', input: { text, domain, ids } }] };
  },
};

const awarenessCareer: FlowHandler<'awareness.career'> = {
  ask(flow, _state, ctx) {
    const question = CAREER_QUESTIONS[flow.question] ?? 'discuss';
    return [
      {
        text: ctx.say(`career.${question}`),
        choices: [{ id: 'none', label: ctx.say('career.none') }],
        form: namesForm(ctx.say('career.formTitle'), ctx),
      },
    ];
  },
  answer(flow, state, answer, ctx) {
    let next = state;
    let replies: Reply[] = [];
    if (answer.kind === 'choice' && answer.value !== 'none') return reask(state, unexpected(ctx));
    if (answer.kind !== 'choice') {
      const result = addPeople(state, answerText(answer) ?? '', null, ctx, CAREER_QUESTIONS[flow.question]);
      if (result.over > 0) return { state: result.state, replies: addedReplies(result, ctx, true) };
      if (noNames(result) && !result.ended) return reask(state, { text: ctx.say('people.noName') });
      next = result.state;
      replies = addedReplies(result, ctx, true);
    }
    if (flow.question + 1 < CAREER_QUESTIONS.length) {
      return moveTo(next, { at: 'awareness.career', question: flow.question + 1 }, replies);
    }
    const queue = next.network.people.filter(needsRating).map((p) => p.id);
    if (queue.length === 0) return moveTo(next, { at: 'awareness.resources', item: 0 }, replies);
    return moveTo(next, { at: 'rate', queue, next: 'resources' }, [
      ...replies,
      { text: ctx.say('rate.intro', { count: queue.length }) },
    ]);
  },
};

const awarenessResources = choiceStep<'awareness.resources'>({
  ask(flow, _state, ctx) {
    const item = RESOURCE_ITEMS[flow.item] ?? 'organisation';
    const intro = flow.item === 0 ? `${ctx.say('resource.intro')}\n\n` : '';
    return {
      text: `${intro}${ctx.say('resource.progress', { n: flow.item + 1, of: RESOURCE_ITEMS.length })}\n${ctx.say(`resource.${item}`)}`,
      choices: RESOURCE_ANSWERS.map((a) => ({ id: a, label: ctx.say(`resourceAnswer.${a}`) })),
    };
  },
  pick(value, flow, state, ctx) {
    const item = RESOURCE_ITEMS[flow.item];
    if (!item || !isOneOf(RESOURCE_ANSWERS, value)) return undefined;
    const next = {
      ...state,
      network: { ...state.network, resources: { ...state.network.resources, [item]: value } },
    };
    if (flow.item + 1 < RESOURCE_ITEMS.length)
      return moveTo(next, { at: 'awareness.resources', item: flow.item + 1 });
    return completeAwareness(next, ctx);
  },
});

function completeAwareness(state: State, ctx: Ctx): Outcome {
  const metrics = mapMetrics(state.network);
  const due = new Date(ctx.now.getTime() + ctx.revisitDays * 86_400_000);
  const job = {
    id: `${memberKey(state.member)}:awareness.revisit:${state.completed.length + 1}`,
    kind: 'awareness.revisit',
    member: state.member,
    due: due.toISOString(),
  };
  const scheduled: State = { ...state, jobs: [...state.jobs, job.id] };
  const replies: Reply[] = [
    { text: summaryText(metrics, ctx, state.lang) },
    mapPicture(scheduled, ctx),
    { text: ctx.say('summary.closing', { days: ctx.revisitDays }) },
  ];
  const data = { ...metrics, at: ctx.now.toISOString() };
  // The indices stay in the data; the member reads sentences, then a first step with named people.
  return withNextStep(complete(scheduled, 'awareness', data, replies, [{ type: 'schedule', job }]), metrics);
}

/** Seven days after the map: "whom did you forget?". */
const revisitDue: DueHandler = (state, job) => {
  if (!state.jobs.includes(job.id)) return { state, replies: [], effects: [] };
  const next = { ...state, jobs: state.jobs.filter((id) => id !== job.id) };
  return { state: next, flow: { at: 'network.revisit', before: snapshot(next) }, replies: [], effects: [] };
};

export const exercise: ExerciseDefinition<z.infer<(typeof flows)[number]>['at']> = {
  id,
  start: { at: 'awareness.intro' },
  menu: { start: 'menu.awareness', resume: 'menu.resumeAwareness' },
  handlers: {
    'awareness.intro': awarenessIntro,
    'awareness.recall': awarenessRecall,
    'awareness.career': awarenessCareer,
    'awareness.resources': awarenessResources,
  },
  // Rating the people just recalled is part of the exercise; rating from "my network" is not.
  parks: (flow) => flow.at.startsWith('awareness.') || (flow.at === 'rate' && flow.next === 'resources'),
  jobs: { 'awareness.revisit': revisitDue },
};
