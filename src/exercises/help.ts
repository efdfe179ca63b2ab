import type { Reply } from '../core/types.js';
import { type Ctx, type Effect, type FlowHandler, moveTo, type Outcome, typedText } from '../engine/flow.js';
import {
  CHANNELS,
  type HelpDraft,
  NEEDS,
  SMART_LETTERS,
  type SmartLetter,
  type State,
} from '../engine/state.js';
import { findByName } from '../network/names.js';
import { domainLabel, isOneOf } from './labels.js';
import { askForText, freeTextQuestion, unexpected } from './menu.js';
import { addPeople } from './people.js';
import { hasEasyOut, missingSmart } from './smart.js';
import { suggestPeople } from './suggest.js';
import { afterTime, askTimeFirst, commit, dateChoices, readDate } from './when.js';

const draftOf = (state: State): HelpDraft => state.drafts.help ?? { smartAsked: [] };

const withDraft = (state: State, change: Partial<HelpDraft>): State => ({
  ...state,
  drafts: { ...state.drafts, help: { ...draftOf(state), ...change } },
});

const textQuestion = (text: string, ctx: Ctx, multiline = false): Reply =>
  freeTextQuestion(text, ctx.say('help.title'), ctx, { multiline });

const reflectOn = (field: 'goal' | 'reversal', text: string): Effect => ({
  type: 'coach',
  use: 'reflect',
  input: { field, index: 0, text },
});

export const helpIntro: FlowHandler<'help.intro'> = {
  ask: (_flow, _state, ctx) => [
    {
      text: ctx.say('help.intro'),
      choices: [
        { id: 'begin', label: ctx.say('help.begin') },
        { id: 'menu', label: ctx.say('common.backToMenu') },
      ],
    },
  ],
  answer(_flow, state, answer, ctx) {
    if (answer.kind === 'choice' && answer.value === 'begin') {
      return moveTo({ ...state, drafts: { ...state.drafts, help: { smartAsked: [] } } }, { at: 'help.goal' });
    }
    if (answer.kind === 'choice' && answer.value === 'menu') return moveTo(state, { at: 'menu' });
    return { state, replies: [unexpected(ctx)] };
  },
};

export const helpGoal: FlowHandler<'help.goal'> = {
  ask: (_flow, _state, ctx) => [textQuestion(ctx.say('help.goal'), ctx)],
  answer(_flow, state, answer, ctx) {
    const goal = typedText(answer);
    if (!goal) return { state, replies: [askForText(ctx)] };
    return moveTo(withDraft(state, { goal }), { at: 'help.need' }, [], [reflectOn('goal', goal)]);
  },
};

export const helpNeed: FlowHandler<'help.need'> = {
  ask: (_flow, _state, ctx) => [
    { text: ctx.say('help.need'), choices: NEEDS.map((n) => ({ id: n, label: ctx.say(`need.${n}`) })) },
  ],
  answer(_flow, state, answer, ctx) {
    if (answer.kind !== 'choice' || !isOneOf(NEEDS, answer.value))
      return { state, replies: [unexpected(ctx)] };
    return moveTo(withDraft(state, { need: answer.value }), { at: 'help.belief' });
  },
};

export const helpBelief: FlowHandler<'help.belief'> = {
  ask: (_flow, _state, ctx) => [
    {
      text: ctx.say('help.belief'),
      // Zero last, so that each button's number is its own label (typing "0" matches the label).
      choices: [1, 2, 3, 4, 5, 0].map((n) => ({ id: `b${n}`, label: String(n) })),
    },
  ],
  answer(_flow, state, answer, ctx) {
    const belief = answer.kind === 'choice' ? Number(answer.value.slice(1)) : Number.NaN;
    if (!Number.isInteger(belief) || belief < 0 || belief > 5) return { state, replies: [unexpected(ctx)] };
    return moveTo(withDraft(state, { belief }), { at: 'help.reversal' });
  },
};

export const helpReversal: FlowHandler<'help.reversal'> = {
  ask: (_flow, _state, ctx) => [textQuestion(ctx.say('help.reversal'), ctx)],
  answer(_flow, state, answer, ctx) {
    const reversal = typedText(answer);
    if (!reversal) return { state, replies: [askForText(ctx)] };
    const belief = draftOf(state).belief ?? 0;
    return moveTo(
      withDraft(state, { reversal }),
      { at: 'help.request' },
      [{ text: ctx.say('help.reflect', { answer: reversal, belief }) }],
      [reflectOn('reversal', reversal)],
    );
  },
};

/** Adds a sentence to the request, closing the one before it. */
export function addSentence(request: string, sentence: string): string {
  const before = request.trim();
  const after = sentence.trim();
  if (!before) return after;
  const closed = /[.!?…]$/.test(before) ? before : `${before}.`;
  return `${closed} ${after.charAt(0).toUpperCase()}${after.slice(1)}`;
}

/** The next SMART letter to ask about, skipping letters met or asked about already. */
export function nextSmartStep(state: State): Outcome {
  const draft = draftOf(state);
  const letter = missingSmart(draft.request ?? '').find((l) => !draft.smartAsked.includes(l));
  if (letter) return moveTo(state, { at: 'help.smart', letter });
  return moveTo(state, hasEasyOut(draft.request ?? '') ? { at: 'help.whom' } : { at: 'help.easyOut' });
}

export function smartLine(request: string, ctx: Ctx): string {
  const missing = missingSmart(request);
  const marks = SMART_LETTERS.map((l) => `${l} ${missing.includes(l) ? '·' : '✓'}`).join('  ');
  return ctx.say('help.smartCheck', { marks });
}

export const helpRequest: FlowHandler<'help.request'> = {
  ask: (_flow, _state, ctx) => [textQuestion(ctx.say('help.request'), ctx, true)],
  answer(_flow, state, answer, ctx) {
    const request = typedText(answer);
    if (!request) return { state, replies: [askForText(ctx)] };
    const next = nextSmartStep(withDraft(state, { request, smartAsked: [], suggested: undefined }));
    const goal = draftOf(state).goal;
    return {
      ...next,
      replies: [{ text: smartLine(request, ctx) }],
      effects: [{ type: 'coach', use: 'smart', input: { goal, request } }],
    };
  },
};

export const helpSmart: FlowHandler<'help.smart'> = {
  ask: (flow, _state, ctx) => [
    {
      ...textQuestion(ctx.say(`smart.${flow.letter}`), ctx),
      choices: [{ id: 'keep', label: ctx.say('help.keep') }],
    },
  ],
  answer(flow, state, answer, ctx) {
    const draft = draftOf(state);
    const smartAsked: SmartLetter[] = [...draft.smartAsked, flow.letter];
    if (answer.kind === 'choice') {
      return answer.value === 'keep'
        ? nextSmartStep(withDraft(state, { smartAsked }))
        : { state, replies: [unexpected(ctx)] };
    }
    const addition = typedText(answer);
    if (!addition) return { state, replies: [askForText(ctx)] };
    const request = addSentence(draft.request ?? '', addition);
    const next = nextSmartStep(withDraft(state, { request, smartAsked }));
    return {
      ...next,
      replies: [{ text: ctx.say('help.updated', { request }) }, { text: smartLine(request, ctx) }],
    };
  },
};

export const helpEasyOut: FlowHandler<'help.easyOut'> = {
  ask: (_flow, _state, ctx) => [
    {
      text: ctx.say('help.easyOut'),
      choices: [
        { id: 'add', label: ctx.say('help.easyOutAdd') },
        { id: 'skip', label: ctx.say('help.easyOutSkip') },
      ],
    },
  ],
  answer(_flow, state, answer, ctx) {
    if (answer.kind !== 'choice' || (answer.value !== 'add' && answer.value !== 'skip')) {
      return { state, replies: [unexpected(ctx)] };
    }
    if (answer.value === 'skip') return moveTo(state, { at: 'help.whom' });
    const request = addSentence(draftOf(state).request ?? '', ctx.say('help.easyOutSentence'));
    return moveTo(withDraft(state, { request }), { at: 'help.whom' }, [
      { text: ctx.say('help.updated', { request }) },
    ]);
  },
};

export const helpWhom: FlowHandler<'help.whom'> = {
  ask(_flow, state, ctx) {
    const need = draftOf(state).need ?? 'advice';
    const suggestions = suggestPeople(state.network.people, need);
    if (suggestions.length === 0) return [textQuestion(ctx.say('help.whomEmpty'), ctx)];
    const lines = suggestions.map((s) =>
      ctx.say(`reason.${s.reason}`, {
        name: s.person.name,
        domain: s.person.domain ? domainLabel(s.person.domain, ctx) : ctx.say('network.unknown'),
      }),
    );
    return [
      {
        text: `${ctx.say('help.whom')}\n${lines.map((l) => `• ${l}`).join('\n')}\n${ctx.say('help.whomOther')}`,
        choices: suggestions.map((s) => ({ id: s.person.id, label: s.person.name })),
      },
    ];
  },
  answer(_flow, state, answer, ctx) {
    if (answer.kind === 'choice') {
      const person = state.network.people.find((p) => p.id === answer.value);
      if (!person) return { state, replies: [unexpected(ctx)] };
      return moveTo(withDraft(state, { whom: person.name }), { at: 'help.channel' });
    }
    const name = typedText(answer);
    if (!name) return { state, replies: [askForText(ctx)] };
    const known = findByName(state.network.people, name);
    if (known) return moveTo(withDraft(state, { whom: known.name }), { at: 'help.channel' });
    const added = addPeople(state, name, null, ctx);
    const person = added.added[0];
    if (!person) return { state, replies: [{ text: ctx.say('people.noName') }] };
    return moveTo(withDraft(added.state, { whom: person.name }), { at: 'help.channel' }, [
      { text: ctx.say('help.addedToMap', { name: person.name }) },
    ]);
  },
};

export const helpChannel: FlowHandler<'help.channel'> = {
  ask: (_flow, _state, ctx) => [
    {
      text: ctx.say('help.channel'),
      choices: CHANNELS.map((c) => ({ id: c, label: ctx.say(`channel.${c}`) })),
    },
  ],
  answer(_flow, state, answer, ctx) {
    if (answer.kind !== 'choice' || !isOneOf(CHANNELS, answer.value))
      return { state, replies: [unexpected(ctx)] };
    return moveTo(withDraft(state, { channel: answer.value }), { at: 'help.date' });
  },
};

export const helpDate: FlowHandler<'help.date'> = {
  ask: (_flow, state, ctx) => [
    { text: ctx.say('help.date', { name: draftOf(state).whom ?? '' }), choices: dateChoices(ctx) },
  ],
  answer(_flow, state, answer, ctx) {
    const read = readDate(answer, state, ctx);
    if ('problem' in read) return { state, replies: [read.problem] };
    const next = withDraft(state, { date: read.date });
    const ask = askTimeFirst(next, 'help');
    return ask ? moveTo(next, ask) : scheduleAsk(next, ctx);
  },
};

/** Plans "did you ask?" for the day after the date, then asks what the member can offer. */
function scheduleAsk(state: State, ctx: Ctx): Outcome {
  const draft = draftOf(state);
  const planned = commit(
    state,
    {
      kind: 'ask',
      title: draft.goal ?? '',
      person: draft.whom,
      date: draft.date ?? '',
      predicted: draft.belief,
    },
    ctx,
  );
  return moveTo(
    planned.state,
    { at: 'help.offer' },
    [{ text: ctx.say('help.planned', { date: draft.date ?? '' }) }],
    planned.effects,
  );
}
afterTime.help = scheduleAsk;

export const helpOffer: FlowHandler<'help.offer'> = {
  ask: (_flow, _state, ctx) => [textQuestion(ctx.say('help.offer'), ctx)],
  answer(_flow, state, answer, ctx) {
    const offer = typedText(answer);
    if (!offer) return { state, replies: [askForText(ctx)] };
    const draft = { ...draftOf(state), offer };
    const data = {
      goal: draft.goal,
      need: draft.need,
      predictedYes: draft.belief,
      request: draft.request,
      smartMissing: missingSmart(draft.request ?? ''),
      whom: draft.whom,
      channel: draft.channel,
      date: draft.date,
      offer,
      at: ctx.now.toISOString(),
    };
    const { help: _done, ...drafts } = state.drafts;
    const { 'ask-for-help': _parked, ...parked } = state.parked;
    const next: State = {
      ...state,
      drafts,
      parked,
      completed: [...state.completed, { exercise: 'ask-for-help', at: data.at, metrics: data }],
    };
    return moveTo(
      next,
      { at: 'menu' },
      [{ text: helpCard(draft, ctx) }],
      [{ type: 'event', event: { name: 'exercise.completed', exercise: 'ask-for-help', data } }],
    );
  },
};

/** The end card: the request, to whom, how and when, and the offer. */
export function helpCard(draft: HelpDraft, ctx: Ctx): string {
  return ctx.say('help.card', {
    goal: draft.goal ?? '',
    request: draft.request ?? '',
    name: draft.whom ?? '',
    channel: draft.channel ? ctx.say(`channel.${draft.channel}`) : '',
    date: draft.date ?? '',
    offer: draft.offer ?? '',
  });
}
