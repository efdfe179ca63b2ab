import { z } from 'zod';
import { clip } from '../../core/clip.js';
import type { Reply } from '../../core/types.js';
import {
  type Ctx,
  type Effect,
  type ExerciseDefinition,
  type FlowHandler,
  moveTo,
  type Outcome,
  typedText,
} from '../../engine/flow.js';
import { localDateSchema, shortText } from '../../engine/records.js';
import type { State } from '../../engine/state.js';
import {
  askForText,
  backToMenu as backToMenuChoice,
  choiceStep,
  complete,
  freeTextQuestion,
  reask,
  textStep,
} from '../kit.js';
import { lowerFirst } from '../labels.js';
import { askTimeFirst, commit, dateChoices, readDate } from '../when.js';
import { endingFor, inSentence, reasonFrom } from './opener.js';

/** A hook exercise in progress: one event prepared. */
export const draft = z.object({
  event: shortText.optional(),
  date: localDateSchema.optional(),
  online: z.boolean().optional(),
  topics: z.array(z.string().max(200)).default([]),
  goal: shortText.optional(),
  hooks: z.array(shortText).default([]),
  people: shortText.optional(),
  openers: z.array(shortText).default([]),
  /** The two follow-up questions for the event card, as suggested or typed. */
  followUps: shortText.optional(),
  intro: shortText.optional(),
  closing: z.enum(['connect', 'coffee']).optional(),
  message: shortText.optional(),
  /** Openers the language-model coach wrote from the hooks, one per topic; replace the scripted ones. */
  suggested: z.array(z.string().max(700)).max(4).optional(),
});
export type HookDraft = z.infer<typeof draft>;

const index = z.number().int().min(0);

/** Exercise 3: an event, its topics, a hook and an opener per topic, whom to meet, how to close. */
export const id = 'hook';

export const flows = [
  z.object({ at: z.literal('hook.event') }),
  z.object({ at: z.literal('hook.date') }),
  z.object({ at: z.literal('hook.format') }),
  z.object({ at: z.literal('hook.topics') }),
  z.object({ at: z.literal('hook.goal') }),
  z.object({ at: z.literal('hook.hook'), index }),
  z.object({ at: z.literal('hook.people') }),
  z.object({ at: z.literal('hook.opener'), index }),
  z.object({ at: z.literal('hook.followUps') }),
  z.object({ at: z.literal('hook.intro') }),
  z.object({ at: z.literal('hook.closing') }),
  z.object({ at: z.literal('hook.online') }),
] as const;

/** At most this many speakers or topics get a hook each: the exercise stays short. */
const MAX_TOPICS = 4;

/** A new draft: the schema's defaults. */
const freshDraft = (): HookDraft => draft.parse({});

export const draftOf = (state: State): HookDraft => state.drafts.hook ?? freshDraft();

const withDraft = (state: State, change: Partial<HookDraft>): State => ({
  ...state,
  drafts: { ...state.drafts, hook: { ...draftOf(state), ...change } },
});

const textQuestion = (text: string, ctx: Ctx, choices?: Reply['choices']): Reply =>
  freeTextQuestion(text, ctx.say('hook.title'), ctx, { multiline: true, choices });

const topicAt = (state: State, index: number) => draftOf(state).topics[index] ?? '';

/** The member's hook as the reason in a sentence: "because our ward's…", "want onze afdeling…". */
const reasonOf = (hook: string, ctx: Ctx) => reasonFrom(hook, ctx.say('hook.because'));

/**
 * The scripted ARE opener (Anchor, Reveal, Encourage) built from the member's own hook, in
 * sentences, ending with the open question that fits the topic.
 */
export const suggestedOpener = (topic: string, hook: string, ctx: Ctx) =>
  ctx.say('hook.are', {
    topic: inSentence(topic),
    reason: reasonOf(hook, ctx),
    ending: ctx.say(`hook.ending.${endingFor(topic, hook)}`),
  });

/** Two follow-up questions that fit the event's first topic. */
export const suggestedFollowUps = (draft: HookDraft, ctx: Ctx) =>
  ctx.say(`hook.followUpsFor.${endingFor(draft.topics[0] ?? '', draft.hooks[0] ?? '')}`);

/** The language-model coach's opener for a topic when it wrote one, else the scripted one. */
const openerFor = (state: State, index: number, ctx: Ctx) =>
  draftOf(state).suggested?.[index] ??
  suggestedOpener(topicAt(state, index), draftOf(state).hooks[index] ?? '', ctx);

const hookEvent = textStep<'hook.event'>({
  ask: (_flow, _state, ctx) => textQuestion(ctx.say('hook.event'), ctx, [backToMenuChoice(ctx)]),
  choices: { menu: (_flow, state) => moveTo(state, { at: 'menu' }) },
  text: (event, _flow, state) =>
    moveTo(
      { ...state, drafts: { ...state.drafts, hook: { ...freshDraft(), event } } },
      {
        at: 'hook.date',
      },
    ),
});

const hookDate: FlowHandler<'hook.date'> = {
  ask: (_flow, _state, ctx) => [{ text: ctx.say('hook.date'), choices: dateChoices(ctx, true) }],
  answer(_flow, state, answer, ctx) {
    const read = readDate(answer, state, ctx);
    if ('problem' in read) return reask(state, read.problem);
    return moveTo(withDraft(state, { date: read.date }), { at: 'hook.format' }, [
      { text: ctx.say('when.noted', { date: ctx.day(read.date) }) },
    ]);
  },
};

const hookFormat = choiceStep<'hook.format'>({
  ask: (_flow, _state, ctx) => ({
    text: ctx.say('hook.format'),
    choices: [
      { id: 'inperson', label: ctx.say('hook.inPerson') },
      { id: 'online', label: ctx.say('hook.online') },
    ],
  }),
  pick: (value, _flow, state) =>
    value === 'online' || value === 'inperson'
      ? moveTo(withDraft(state, { online: value === 'online' }), { at: 'hook.topics' })
      : undefined,
});

const hookTopics: FlowHandler<'hook.topics'> = {
  ask: (_flow, _state, ctx) => [textQuestion(ctx.say('hook.topics', { max: MAX_TOPICS }), ctx)],
  answer(_flow, state, answer, ctx) {
    const topics = (typedText(answer) ?? '')
      .split(/[,;\n]+/)
      .map((t) => clip(t.trim(), 200))
      .filter((t) => /[\p{L}\p{N}]/u.test(t))
      .slice(0, MAX_TOPICS);
    if (topics.length === 0) return reask(state, askForText(ctx));
    return moveTo(withDraft(state, { topics, hooks: [], openers: [] }), { at: 'hook.goal' });
  },
};

const hookGoal = textStep<'hook.goal'>({
  ask: (_flow, _state, ctx) => textQuestion(ctx.say('hook.goal'), ctx),
  text: (goal, _flow, state) => moveTo(withDraft(state, { goal }), { at: 'hook.hook', index: 0 }),
});

const hookHook: FlowHandler<'hook.hook'> = {
  ask: (flow, state, ctx) => [textQuestion(ctx.say('hook.hook', { topic: topicAt(state, flow.index) }), ctx)],
  answer(flow, state, answer, ctx) {
    const hook = typedText(answer);
    if (!hook) return reask(state, askForText(ctx));
    const draft = draftOf(state);
    const hooks = [...draft.hooks.slice(0, flow.index), hook];
    const next = withDraft(state, { hooks });
    const effects: Effect[] = [
      {
        type: 'coach',
        use: 'reflect',
        input: { field: 'hook', index: flow.index, text: hook, topic: topicAt(state, flow.index) },
      },
    ];
    if (flow.index + 1 < draft.topics.length)
      return moveTo(next, { at: 'hook.hook', index: flow.index + 1 }, [], effects);
    return moveTo(next, { at: 'hook.people' }, [], effects);
  },
};

/** Whom to meet (or "open to anyone"); the language-model coach is asked for openers meanwhile. */
function afterPeople(state: State, people: string | undefined): Outcome {
  const draft = draftOf(state);
  return moveTo(
    withDraft(state, { people, suggested: undefined }),
    { at: 'hook.opener', index: 0 },
    [],
    [
      {
        type: 'coach',
        use: 'openers',
        input: { event: draft.event, topics: draft.topics, hooks: draft.hooks },
      },
    ],
  );
}

const hookPeople = textStep<'hook.people'>({
  ask: (_flow, _state, ctx) =>
    textQuestion(ctx.say('hook.people'), ctx, [{ id: 'open', label: ctx.say('hook.peopleOpen') }]),
  choices: { open: (_flow, state) => afterPeople(state, undefined) },
  text: (people, _flow, state) => afterPeople(state, people),
});

/** The opener for one topic, then the next topic's, then the follow-up questions. */
function afterOpener(state: State, index: number, opener: string): Outcome {
  const draft = draftOf(state);
  const next = withDraft(state, { openers: [...draft.openers.slice(0, index), opener] });
  if (index + 1 < draft.topics.length) return moveTo(next, { at: 'hook.opener', index: index + 1 });
  return moveTo(next, { at: 'hook.followUps' });
}

/** Two follow-up questions: the suggested ones, or the member's own. */
const hookFollowUps = textStep<'hook.followUps'>({
  ask: (_flow, state, ctx) =>
    textQuestion(ctx.say('hook.followUps', { suggestion: suggestedFollowUps(draftOf(state), ctx) }), ctx, [
      { id: 'use', label: ctx.say('hook.useThese') },
    ]),
  choices: {
    use: (_flow, state, ctx) =>
      moveTo(withDraft(state, { followUps: suggestedFollowUps(draftOf(state), ctx) }), { at: 'hook.intro' }),
  },
  text: (followUps, _flow, state) => moveTo(withDraft(state, { followUps }), { at: 'hook.intro' }),
});

const hookOpener = textStep<'hook.opener'>({
  ask(flow, state, ctx) {
    const suggestion = openerFor(state, flow.index, ctx);
    return textQuestion(ctx.say('hook.opener', { topic: topicAt(state, flow.index), suggestion }), ctx, [
      { id: 'use', label: ctx.say('hook.useSuggestion') },
    ]);
  },
  choices: { use: (flow, state, ctx) => afterOpener(state, flow.index, openerFor(state, flow.index, ctx)) },
  text: (opener, flow, state) => afterOpener(state, flow.index, opener),
});

const hookIntro = textStep<'hook.intro'>({
  ask: (_flow, _state, ctx) => textQuestion(ctx.say('hook.intro'), ctx),
  text: (intro, _flow, state) => moveTo(withDraft(state, { intro }), { at: 'hook.closing' }),
});

function afterClosing(state: State, ctx: Ctx): Outcome {
  if (draftOf(state).online) return moveTo(state, { at: 'hook.online' });
  const ask = askTimeFirst(state, 'hook');
  return ask ? moveTo(state, ask) : finishHook(state, ctx);
}

const hookClosing = choiceStep<'hook.closing'>({
  ask: (_flow, _state, ctx) => ({
    text: ctx.say('hook.closing'),
    choices: [
      { id: 'connect', label: ctx.say('hook.closeConnect') },
      { id: 'coffee', label: ctx.say('hook.closeCoffee') },
    ],
  }),
  pick: (value, _flow, state, ctx) =>
    value === 'connect' || value === 'coffee'
      ? afterClosing(withDraft(state, { closing: value }), ctx)
      : undefined,
});

/** The suggested direct message for an online event, from the first topic and its hook. */
const dmSuggestion = (state: State, ctx: Ctx) => {
  const draft = draftOf(state);
  return ctx.say('hook.dmSuggestion', {
    topic: inSentence(draft.topics[0] ?? ''),
    reason: reasonOf(draft.hooks[0] ?? '', ctx),
  });
};

function afterMessage(state: State, message: string, ctx: Ctx): Outcome {
  const next = withDraft(state, { message });
  const ask = askTimeFirst(next, 'hook');
  return ask ? moveTo(next, ask) : finishHook(next, ctx);
}

const hookOnline = textStep<'hook.online'>({
  ask: (_flow, state, ctx) =>
    textQuestion(ctx.say('hook.dm', { suggestion: dmSuggestion(state, ctx) }), ctx, [
      { id: 'use', label: ctx.say('hook.useSuggestion') },
    ]),
  choices: { use: (_flow, state, ctx) => afterMessage(state, dmSuggestion(state, ctx), ctx) },
  text: (message, _flow, state, ctx) => afterMessage(state, message, ctx),
});

/** The one-screen event card to reread before going in. */
export function eventCard(draft: HookDraft, ctx: Ctx): string {
  const lines = [
    ctx.say('card.head', {
      event: draft.event ?? '',
      date: ctx.day(draft.date ?? ''),
      format: lowerFirst(ctx.say(draft.online ? 'hook.online' : 'hook.inPerson')),
    }),
    ctx.say('card.goal', { goal: draft.goal ?? '' }),
    ...draft.topics.map((topic, i) =>
      ctx.say('card.hook', { topic, hook: draft.hooks[i] ?? '', opener: draft.openers[i] ?? '' }),
    ),
    ctx.say('card.followUps', { questions: draft.followUps ?? suggestedFollowUps(draft, ctx) }),
    ctx.say('card.intro', { intro: draft.intro ?? '' }),
  ];
  if (draft.people) lines.push(ctx.say('card.people', { people: draft.people }));
  lines.push(ctx.say(draft.closing === 'coffee' ? 'card.closeCoffee' : 'card.closeConnect'));
  if (draft.message) lines.push(ctx.say('card.message', { message: draft.message }));
  return lines.join('\n\n');
}

function finishHook(state: State, ctx: Ctx): Outcome {
  const draft = draftOf(state);
  const planned = commit(state, { kind: 'event', title: draft.event ?? '', date: draft.date ?? '' }, ctx);
  const data = { ...draft, at: ctx.now.toISOString() };
  return complete(
    planned.state,
    'hook',
    data,
    [{ text: eventCard(draft, ctx) }, { text: ctx.say('hook.debriefPlanned') }],
    planned.effects,
  );
}

export const exercise: ExerciseDefinition<z.infer<(typeof flows)[number]>['at']> = {
  id,
  start: { at: 'hook.event' },
  menu: { start: 'menu.hook', resume: 'menu.resumeHook' },
  handlers: {
    'hook.event': hookEvent,
    'hook.date': hookDate,
    'hook.format': hookFormat,
    'hook.topics': hookTopics,
    'hook.goal': hookGoal,
    'hook.hook': hookHook,
    'hook.people': hookPeople,
    'hook.opener': hookOpener,
    'hook.followUps': hookFollowUps,
    'hook.intro': hookIntro,
    'hook.closing': hookClosing,
    'hook.online': hookOnline,
  },
  parks: (flow) => flow.at.startsWith('hook.') && flow.at !== 'hook.event',
  afterTime: finishHook,
};
