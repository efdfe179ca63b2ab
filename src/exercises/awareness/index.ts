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
import {
  CAREER_QUESTIONS,
  RECALL_DOMAINS,
  RESOURCE_ITEMS,
  RESOURCE_THEME_ORDER,
  RESOURCE_THEMES,
  type ResourceAnswer,
  type ResourceItem,
} from '../../network/model.js';
import { backToMenu, choiceStep, complete, reask, unexpected } from '../kit.js';
import { domainFrom, domainLabel } from '../labels.js';
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
  z.object({
    at: z.literal('awareness.recall'),
    domain: index,
    probed: z.boolean(),
    /** How many parts of life, this one included, go without the probe (see PROBE_REST). */
    quiet: index.optional(),
  }),
  z.object({ at: z.literal('awareness.career'), question: index }),
  z.object({
    at: z.literal('awareness.resources'),
    /** Index in RESOURCE_THEME_ORDER. Flows saved when each item had its own question begin again at 0. */
    theme: index.optional(),
    /** The theme's items the member knows someone for, once ticked: the second question asks among them. */
    known: z.array(z.enum(RESOURCE_ITEMS)).optional(),
  }),
] as const;

/**
 * The "who else?" probe follows a part's first answer with names only while probing pays: a probe
 * that brings nobody new (the "no one else" button, "that's all", or only names already on the
 * map) lets the next PROBE_REST parts of life go without one. Parts answered "nobody here" are
 * never probed, and count towards the rest.
 */
export const PROBE_REST = 2;

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
    // "Who else?" follows a first answer with names (see PROBE_REST); a button or "that's all" moves on.
    const quiet = flow.quiet ?? 0;
    const advance = (next: State, replies: Reply[] = [], probe = true, fruitless = false): Outcome => {
      if (!flow.probed && probe && quiet === 0) return moveTo(next, { ...flow, probed: true }, replies);
      if (flow.domain + 1 < RECALL_DOMAINS.length) {
        const rest = flow.probed && fruitless ? PROBE_REST : Math.max(0, quiet - 1);
        const part = { at: 'awareness.recall' as const, domain: flow.domain + 1, probed: false };
        return moveTo(next, rest > 0 ? { ...part, quiet: rest } : part, replies);
      }
      return moveTo(next, { at: 'awareness.career', question: 0 }, [
        ...replies,
        { text: ctx.say('career.intro') },
      ]);
    };
    if (answer.kind === 'choice')
      return answer.value === 'none' ? advance(state, [], false, true) : reask(state, unexpected(ctx));
    const text = answerText(answer) ?? '';
    const domain = RECALL_DOMAINS[flow.domain] ?? null;
    const result = addPeople(state, text, domain, ctx);
    // Past the per-answer limit the same question stays, for the rest of the list.
    if (result.over > 0) return { state: result.state, replies: addedReplies(result, ctx) };
    if (noNames(result)) {
      return result.ended
        ? advance(state, [], false, true)
        : reask(state, { text: ctx.say('people.noName') });
    }
    const fruitless = result.added.length === 0 && result.matched.length === 0;
    const outcome = afterAdding(result, domain, ctx, (next, replies) =>
      advance(next, replies, !result.ended, fruitless),
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
    if (queue.length === 0) return moveTo(next, { at: 'awareness.resources', theme: 0 }, replies);
    return moveTo(next, { at: 'rate', queue, next: 'resources' }, [
      ...replies,
      { text: ctx.say('rateGroup.intro', { count: queue.length }) },
    ]);
  },
};

/**
 * The resource questions, two multi-selects per theme: "for which of these do you know someone?",
 * then, among the ticked ones, "for which do you only know an acquaintance?". Unticked items are
 * stored as nobody, acquaintances as acquaintance, the other ticked ones as friend: family and
 * friends are both strong ties, and the map's figures (reachable, weakOnly, gaps in metrics.ts)
 * tell only strong from weak from nobody, so family is folded into friend. "Me myself" is no
 * longer asked: the questions are about whom the member knows.
 */
const awarenessResources: FlowHandler<'awareness.resources'> = {
  ask(flow, _state, ctx) {
    const theme = RESOURCE_THEME_ORDER[flow.theme ?? 0] ?? 'career';
    const none = [{ id: 'none', label: ctx.say('resourceTheme.none') }];
    const option = (item: ResourceItem) => ({ id: item, label: ctx.say(`resourceOption.${item}`) });
    const placeholder = ctx.say('resourceTheme.placeholder');
    if (flow.known) {
      return [
        {
          text: ctx.say('resourceTheme.weakOnly'),
          choices: none,
          pick: { options: flow.known.map(option), placeholder },
        },
      ];
    }
    const intro = (flow.theme ?? 0) === 0 ? `${ctx.say('resourceTheme.intro')}\n\n` : '';
    return [
      {
        text: `${intro}${ctx.say(`resourceTheme.${theme}`)}`,
        choices: none,
        pick: { options: RESOURCE_THEMES[theme].map(option), placeholder },
      },
    ];
  },
  onlyOptions: () => true,
  answer(flow, state, answer, ctx) {
    const themeAt = flow.theme ?? 0;
    const theme = RESOURCE_THEME_ORDER[themeAt] ?? 'career';
    const all: readonly ResourceItem[] = RESOURCE_THEMES[theme];
    const items = flow.known ?? all;
    let ticked: string[];
    if (answer.kind === 'picks') ticked = answer.values;
    else if (answer.kind === 'choice' && answer.value === 'none') ticked = [];
    else return reask(state, unexpected(ctx));
    const chosen = items.filter((i) => ticked.includes(i));
    if (!flow.known && chosen.length > 0) return moveTo(state, { ...flow, theme: themeAt, known: chosen });
    const known = flow.known ?? [];
    const answerFor = (item: ResourceItem): ResourceAnswer =>
      !known.includes(item) ? 'nobody' : chosen.includes(item) ? 'acquaintance' : 'friend';
    const answers = Object.fromEntries(all.map((i) => [i, answerFor(i)]));
    const next = {
      ...state,
      network: { ...state.network, resources: { ...state.network.resources, ...answers } },
    };
    if (themeAt + 1 < RESOURCE_THEME_ORDER.length)
      return moveTo(next, { at: 'awareness.resources', theme: themeAt + 1 });
    return completeAwareness(next, ctx);
  },
};

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
