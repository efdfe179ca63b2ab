import type { Reply } from '../core/types.js';
import { type Ctx, type Effect, type FlowHandler, moveTo, type Outcome, typedText } from '../engine/flow.js';
import type { HookDraft, State } from '../engine/state.js';
import { askForText, freeTextQuestion, unexpected } from './menu.js';
import { afterTime, askTimeFirst, commit, dateChoices, readDate } from './when.js';

/** At most this many speakers or topics get a hook each: the exercise stays short. */
const MAX_TOPICS = 4;

const draftOf = (state: State): HookDraft => state.drafts.hook ?? { topics: [], hooks: [], openers: [] };

const withDraft = (state: State, change: Partial<HookDraft>): State => ({
  ...state,
  drafts: { ...state.drafts, hook: { ...draftOf(state), ...change } },
});

const textQuestion = (text: string, ctx: Ctx, choices?: Reply['choices']): Reply =>
  freeTextQuestion(text, ctx.say('hook.title'), ctx, { multiline: true, choices });

const topicAt = (state: State, index: number) => draftOf(state).topics[index] ?? '';

/** The scripted ARE opener (Anchor, Reveal, Encourage) built from the member's own hook. */
export const suggestedOpener = (topic: string, hook: string, ctx: Ctx) =>
  ctx.say('hook.are', { topic, hook });

/** The language-model coach's opener for a topic when it wrote one, else the scripted one. */
const openerFor = (state: State, index: number, ctx: Ctx) =>
  draftOf(state).suggested?.[index] ??
  suggestedOpener(topicAt(state, index), draftOf(state).hooks[index] ?? '', ctx);

export const hookEvent: FlowHandler<'hook.event'> = {
  ask: (_flow, _state, ctx) => [
    textQuestion(ctx.say('hook.event'), ctx, [{ id: 'menu', label: ctx.say('common.backToMenu') }]),
  ],
  answer(_flow, state, answer, ctx) {
    if (answer.kind === 'choice')
      return answer.value === 'menu' ? moveTo(state, { at: 'menu' }) : { state, replies: [unexpected(ctx)] };
    const event = typedText(answer);
    if (!event) return { state, replies: [askForText(ctx)] };
    const fresh = {
      ...state,
      drafts: { ...state.drafts, hook: { topics: [], hooks: [], openers: [], event } },
    };
    return moveTo(fresh, { at: 'hook.date' });
  },
};

export const hookDate: FlowHandler<'hook.date'> = {
  ask: (_flow, _state, ctx) => [{ text: ctx.say('hook.date'), choices: dateChoices(ctx, true) }],
  answer(_flow, state, answer, ctx) {
    const read = readDate(answer, state, ctx);
    if ('problem' in read) return { state, replies: [read.problem] };
    return moveTo(withDraft(state, { date: read.date }), { at: 'hook.format' });
  },
};

export const hookFormat: FlowHandler<'hook.format'> = {
  ask: (_flow, _state, ctx) => [
    {
      text: ctx.say('hook.format'),
      choices: [
        { id: 'inperson', label: ctx.say('hook.inPerson') },
        { id: 'online', label: ctx.say('hook.online') },
      ],
    },
  ],
  answer(_flow, state, answer, ctx) {
    if (answer.kind !== 'choice' || (answer.value !== 'online' && answer.value !== 'inperson')) {
      return { state, replies: [unexpected(ctx)] };
    }
    return moveTo(withDraft(state, { online: answer.value === 'online' }), { at: 'hook.topics' });
  },
};

export const hookTopics: FlowHandler<'hook.topics'> = {
  ask: (_flow, _state, ctx) => [textQuestion(ctx.say('hook.topics', { max: MAX_TOPICS }), ctx)],
  answer(_flow, state, answer, ctx) {
    const topics = (typedText(answer) ?? '')
      .split(/[,;\n]+/)
      .map((t) => t.trim().slice(0, 200))
      .filter((t) => /[\p{L}\p{N}]/u.test(t))
      .slice(0, MAX_TOPICS);
    if (topics.length === 0) return { state, replies: [askForText(ctx)] };
    return moveTo(withDraft(state, { topics, hooks: [], openers: [] }), { at: 'hook.goal' });
  },
};

export const hookGoal: FlowHandler<'hook.goal'> = {
  ask: (_flow, _state, ctx) => [textQuestion(ctx.say('hook.goal'), ctx)],
  answer(_flow, state, answer, ctx) {
    const goal = typedText(answer);
    return goal
      ? moveTo(withDraft(state, { goal }), { at: 'hook.hook', index: 0 })
      : { state, replies: [askForText(ctx)] };
  },
};

export const hookHook: FlowHandler<'hook.hook'> = {
  ask: (flow, state, ctx) => [textQuestion(ctx.say('hook.hook', { topic: topicAt(state, flow.index) }), ctx)],
  answer(flow, state, answer, ctx) {
    const hook = typedText(answer);
    if (!hook) return { state, replies: [askForText(ctx)] };
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

export const hookPeople: FlowHandler<'hook.people'> = {
  ask: (_flow, _state, ctx) => [
    textQuestion(ctx.say('hook.people'), ctx, [{ id: 'open', label: ctx.say('hook.peopleOpen') }]),
  ],
  answer(_flow, state, answer, ctx) {
    if (answer.kind === 'choice' && answer.value !== 'open') return { state, replies: [unexpected(ctx)] };
    const people = answer.kind === 'choice' ? undefined : typedText(answer);
    if (answer.kind !== 'choice' && !people) return { state, replies: [askForText(ctx)] };
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
  },
};

export const hookOpener: FlowHandler<'hook.opener'> = {
  ask(flow, state, ctx) {
    const suggestion = openerFor(state, flow.index, ctx);
    return [
      textQuestion(ctx.say('hook.opener', { topic: topicAt(state, flow.index), suggestion }), ctx, [
        { id: 'use', label: ctx.say('hook.useSuggestion') },
      ]),
    ];
  },
  answer(flow, state, answer, ctx) {
    const draft = draftOf(state);
    if (answer.kind === 'choice' && answer.value !== 'use') return { state, replies: [unexpected(ctx)] };
    const opener = answer.kind === 'choice' ? openerFor(state, flow.index, ctx) : typedText(answer);
    if (!opener) return { state, replies: [askForText(ctx)] };
    const next = withDraft(state, { openers: [...draft.openers.slice(0, flow.index), opener] });
    if (flow.index + 1 < draft.topics.length)
      return moveTo(next, { at: 'hook.opener', index: flow.index + 1 });
    return moveTo(next, { at: 'hook.intro' });
  },
};

export const hookIntro: FlowHandler<'hook.intro'> = {
  ask: (_flow, _state, ctx) => [textQuestion(ctx.say('hook.intro'), ctx)],
  answer(_flow, state, answer, ctx) {
    const intro = typedText(answer);
    return intro
      ? moveTo(withDraft(state, { intro }), { at: 'hook.closing' })
      : { state, replies: [askForText(ctx)] };
  },
};

function afterClosing(state: State, ctx: Ctx): Outcome {
  if (draftOf(state).online) return moveTo(state, { at: 'hook.online' });
  const ask = askTimeFirst(state, 'hook');
  return ask ? moveTo(state, ask) : finishHook(state, ctx);
}

export const hookClosing: FlowHandler<'hook.closing'> = {
  ask: (_flow, _state, ctx) => [
    {
      text: ctx.say('hook.closing'),
      choices: [
        { id: 'connect', label: ctx.say('hook.closeConnect') },
        { id: 'coffee', label: ctx.say('hook.closeCoffee') },
      ],
    },
  ],
  answer(_flow, state, answer, ctx) {
    if (answer.kind !== 'choice' || (answer.value !== 'connect' && answer.value !== 'coffee')) {
      return { state, replies: [unexpected(ctx)] };
    }
    return afterClosing(withDraft(state, { closing: answer.value }), ctx);
  },
};

export const hookOnline: FlowHandler<'hook.online'> = {
  ask(_flow, state, ctx) {
    const draft = draftOf(state);
    const suggestion = ctx.say('hook.dmSuggestion', {
      topic: draft.topics[0] ?? '',
      hook: draft.hooks[0] ?? '',
    });
    return [
      textQuestion(ctx.say('hook.dm', { suggestion }), ctx, [
        { id: 'use', label: ctx.say('hook.useSuggestion') },
      ]),
    ];
  },
  answer(_flow, state, answer, ctx) {
    const draft = draftOf(state);
    if (answer.kind === 'choice' && answer.value !== 'use') return { state, replies: [unexpected(ctx)] };
    const message =
      answer.kind === 'choice'
        ? ctx.say('hook.dmSuggestion', { topic: draft.topics[0] ?? '', hook: draft.hooks[0] ?? '' })
        : typedText(answer);
    if (!message) return { state, replies: [askForText(ctx)] };
    const next = withDraft(state, { message });
    const ask = askTimeFirst(next, 'hook');
    return ask ? moveTo(next, ask) : finishHook(next, ctx);
  },
};

/** The one-screen event card to reread before going in. */
export function eventCard(draft: HookDraft, ctx: Ctx): string {
  const lines = [
    ctx.say('card.head', {
      event: draft.event ?? '',
      date: draft.date ?? '',
      format: ctx.say(draft.online ? 'hook.online' : 'hook.inPerson'),
    }),
    ctx.say('card.goal', { goal: draft.goal ?? '' }),
    ...draft.topics.map((topic, i) =>
      ctx.say('card.hook', { topic, hook: draft.hooks[i] ?? '', opener: draft.openers[i] ?? '' }),
    ),
    ctx.say('card.followUps'),
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
  const { hook: _done, ...drafts } = planned.state.drafts;
  const { hook: _parked, ...parked } = planned.state.parked;
  const next: State = {
    ...planned.state,
    drafts,
    parked,
    completed: [...planned.state.completed, { exercise: 'hook', at: data.at, metrics: data }],
  };
  return moveTo(
    next,
    { at: 'menu' },
    [{ text: eventCard(draft, ctx) }, { text: ctx.say('hook.debriefPlanned') }],
    [...planned.effects, { type: 'event', event: { name: 'exercise.completed', exercise: 'hook', data } }],
  );
}
afterTime.hook = (state, ctx) => finishHook(state, ctx);
