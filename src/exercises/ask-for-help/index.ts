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
import { shortText } from '../../engine/records.js';
import type { State } from '../../engine/state.js';
import { findByName } from '../../network/names.js';
import {
  askForText,
  choiceStep,
  complete,
  freeTextQuestion,
  option,
  reask,
  textStep,
  unexpected,
} from '../kit.js';
import { domainLabel, isOneOf } from '../labels.js';
import { addPeople } from '../people.js';
import { askTimeFirst, commit, dateChoices, readDate } from '../when.js';
import { REVERSAL_KINDS, readReversal } from './reversal.js';
import { hasEasyOut, missingSmart } from './smart.js';
import { suggestPeople } from './suggest.js';
import { isVagueGoal } from './vague.js';

export const NEEDS = ['information', 'introduction', 'advice', 'feedback', 'opportunity'] as const;
export type Need = (typeof NEEDS)[number];
export const CHANNELS = ['call', 'inperson', 'video', 'message'] as const;
export const SMART_LETTERS = ['S', 'M', 'A', 'R', 'T'] as const;
export type SmartLetter = (typeof SMART_LETTERS)[number];

/** An ask-for-help exercise in progress. */
export const draft = z.object({
  goal: shortText.optional(),
  need: z.enum(NEEDS).optional(),
  belief: z.number().int().min(0).max(5).optional(),
  reversal: shortText.optional(),
  /** How the reversal answer reads: the member helps, it depends, they often say no, or unclear. */
  reversalKind: z.enum(REVERSAL_KINDS).optional(),
  /** The field a vague goal became an exploration of ("explore a field first"). */
  explore: shortText.optional(),
  request: z.string().max(6000).optional(),
  smartAsked: z.array(z.enum(SMART_LETTERS)).default([]),
  whom: z.string().max(100).optional(),
  channel: z.enum(CHANNELS).optional(),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  offer: shortText.optional(),
  /** The language-model coach's improved draft of the request, offered once to use or not. */
  suggested: z.string().max(1200).optional(),
});
export type HelpDraft = z.infer<typeof draft>;

const at = <A extends string>(name: A) => z.literal(`ask-for-help.${name}` as const);

/** Exercise 2: a goal, the help needed, the prediction, the request checked as SMART, whom, how, when. */
export const id = 'ask-for-help';

export const flows = [
  z.object({ at: at('intro') }),
  z.object({ at: at('goal') }),
  z.object({ at: at('vague') }),
  z.object({ at: at('field') }),
  z.object({ at: at('need') }),
  z.object({ at: at('belief') }),
  z.object({ at: at('reversal') }),
  z.object({ at: at('request') }),
  z.object({ at: at('smart'), letter: z.enum(SMART_LETTERS) }),
  z.object({ at: at('draft') }),
  z.object({ at: at('easyOut') }),
  z.object({ at: at('whom') }),
  z.object({ at: at('channel') }),
  z.object({ at: at('date') }),
  z.object({ at: at('offer') }),
] as const;

/** A new draft: the schema's defaults. */
const freshDraft = (): HelpDraft => draft.parse({});

export const draftOf = (state: State): HelpDraft => state.drafts['ask-for-help'] ?? freshDraft();

export const withDraft = (state: State, change: Partial<HelpDraft>): State => ({
  ...state,
  drafts: { ...state.drafts, 'ask-for-help': { ...draftOf(state), ...change } },
});

const textQuestion = (text: string, ctx: Ctx, multiline = false): Reply =>
  freeTextQuestion(text, ctx.say('help.title'), ctx, { multiline });

const reflectOn = (field: 'goal' | 'reversal', text: string): Effect => ({
  type: 'coach',
  use: 'reflect',
  input: { field, index: 0, text },
});

const intro = choiceStep<'ask-for-help.intro'>({
  ask: (_flow, _state, ctx) => ({
    text: ctx.say('help.intro'),
    choices: [
      { id: 'begin', label: ctx.say('help.begin') },
      { id: 'menu', label: ctx.say('common.backToMenu') },
    ],
  }),
  pick(value, _flow, state) {
    if (value === 'begin')
      return moveTo(
        { ...state, drafts: { ...state.drafts, 'ask-for-help': freshDraft() } },
        { at: 'ask-for-help.goal' },
      );
    return value === 'menu' ? moveTo(state, { at: 'menu' }) : undefined;
  },
});

const goal = textStep<'ask-for-help.goal'>({
  ask: (_flow, _state, ctx) => textQuestion(ctx.say('help.goal'), ctx),
  text: (goal, _flow, state) =>
    isVagueGoal(goal)
      ? moveTo(withDraft(state, { goal, explore: undefined }), { at: 'ask-for-help.vague' })
      : moveTo(
          withDraft(state, { goal, explore: undefined }),
          { at: 'ask-for-help.need' },
          [],
          [reflectOn('goal', goal)],
        ),
});

/** A goal that wants a change but names no field: explore a field first, or keep the goal. */
const vague = choiceStep<'ask-for-help.vague'>({
  ask: (_flow, _state, ctx) => ({
    text: ctx.say('help.vague'),
    choices: [option(ctx, 'explore', 'help.exploreField'), option(ctx, 'keep', 'help.keepGoal')],
  }),
  pick(value, _flow, state) {
    if (value === 'explore') return moveTo(state, { at: 'ask-for-help.field' });
    return value === 'keep' ? moveTo(state, { at: 'ask-for-help.need' }) : undefined;
  },
});

/** The field to explore: the goal becomes one conversation to learn about it, an ask for information. */
const field = textStep<'ask-for-help.field'>({
  ask: (_flow, _state, ctx) => textQuestion(ctx.say('help.field'), ctx),
  text(typed, _flow, state, ctx) {
    const explore = typed.replace(/[\s.!?…]+$/u, '');
    const goal = ctx.say('help.exploreGoal', { field: explore });
    return moveTo(withDraft(state, { explore, goal, need: 'information' }), { at: 'ask-for-help.belief' }, [
      { text: ctx.say('help.exploring', { field: explore }) },
    ]);
  },
});

const need = choiceStep<'ask-for-help.need'>({
  ask: (_flow, _state, ctx) => ({
    text: ctx.say('help.need'),
    choices: NEEDS.map((n) => option(ctx, n, `need.${n}`)),
  }),
  pick: (value, _flow, state) =>
    isOneOf(NEEDS, value)
      ? moveTo(withDraft(state, { need: value }), { at: 'ask-for-help.belief' })
      : undefined,
});

const belief = choiceStep<'ask-for-help.belief'>({
  ask: (_flow, _state, ctx) => ({
    text: ctx.say('help.belief'),
    // Zero last, so that each button's number is its own label (typing "0" matches the label).
    choices: [1, 2, 3, 4, 5, 0].map((n) => ({
      id: `b${n}`,
      label: String(n),
      words: ctx.words(`belief.${n}`),
    })),
  }),
  pick(value, _flow, state) {
    const belief = Number(value.slice(1));
    if (!/^b\d$/.test(value) || belief > 5) return undefined;
    return moveTo(withDraft(state, { belief }), { at: 'ask-for-help.reversal' });
  },
});

/**
 * The member's own answer, reflected as it reads (help, depends, no, unclear); then the research
 * finding beside their prediction, which they gave before hearing it.
 */
const reversal = textStep<'ask-for-help.reversal'>({
  ask: (_flow, _state, ctx) => textQuestion(ctx.say('help.reversal'), ctx),
  text(reversal, _flow, state, ctx) {
    const reversalKind = readReversal(reversal);
    return moveTo(
      withDraft(state, { reversal, reversalKind }),
      { at: 'ask-for-help.request' },
      [
        { text: ctx.say(`help.reflect.${reversalKind}`, { answer: reversal }) },
        { text: ctx.say('help.finding', { belief: draftOf(state).belief ?? 0 }) },
      ],
      [reflectOn('reversal', reversal)],
    );
  },
});

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
  if (letter) return moveTo(state, { at: 'ask-for-help.smart', letter });
  return moveTo(
    state,
    hasEasyOut(draft.request ?? '') ? { at: 'ask-for-help.whom' } : { at: 'ask-for-help.easyOut' },
  );
}

export function smartLine(request: string, ctx: Ctx): string {
  const missing = missingSmart(request);
  const marks = SMART_LETTERS.map((l) => `${l} ${missing.includes(l) ? '·' : '✓'}`).join('  ');
  return ctx.say('help.smartCheck', { marks });
}

/** A new version of the request: shown back with its SMART check, then the next letter to ask about. */
export function revised(state: State, request: string, ctx: Ctx): Outcome {
  const next = nextSmartStep(withDraft(state, { request, smartAsked: [], suggested: undefined }));
  return {
    ...next,
    replies: [{ text: ctx.say('help.updated', { request }) }, { text: smartLine(request, ctx) }],
  };
}

const request = textStep<'ask-for-help.request'>({
  ask(_flow, state, ctx) {
    const question = textQuestion(ctx.say('help.request'), ctx, true);
    const field = draftOf(state).explore;
    return field ? [{ text: ctx.say('help.requestExplore', { field }) }, question] : question;
  },
  text(request, _flow, state, ctx) {
    const next = nextSmartStep(withDraft(state, { request, smartAsked: [], suggested: undefined }));
    return {
      ...next,
      replies: [{ text: smartLine(request, ctx) }],
      effects: [{ type: 'coach', use: 'smart', input: { goal: draftOf(state).goal, request } }],
    };
  },
});

const smart = textStep<'ask-for-help.smart'>({
  ask: (flow, _state, ctx) => ({
    ...textQuestion(ctx.say(`smart.${flow.letter}`), ctx),
    choices: [{ id: 'keep', label: ctx.say('help.keep') }],
  }),
  choices: {
    keep: (flow, state) =>
      nextSmartStep(withDraft(state, { smartAsked: [...draftOf(state).smartAsked, flow.letter] })),
  },
  text(addition, flow, state, ctx) {
    const draft = draftOf(state);
    const request = addSentence(draft.request ?? '', addition);
    const next = nextSmartStep(withDraft(state, { request, smartAsked: [...draft.smartAsked, flow.letter] }));
    return {
      ...next,
      replies: [{ text: ctx.say('help.updated', { request }) }, { text: smartLine(request, ctx) }],
    };
  },
});

/** The coach's improved request: use it, keep one's own, or type a new version. */
const improved = textStep<'ask-for-help.draft'>({
  ask: (_flow, state, ctx) => ({
    text: ctx.say('coach.draft', { draft: draftOf(state).suggested ?? draftOf(state).request ?? '' }),
    choices: [
      { id: 'use', label: ctx.say('coach.useDraft') },
      { id: 'keep', label: ctx.say('coach.keepDraft') },
    ],
  }),
  choices: {
    keep: (_flow, state) => nextSmartStep(withDraft(state, { suggested: undefined })),
    use(_flow, state, ctx) {
      const suggested = draftOf(state).suggested;
      return suggested ? revised(state, clip(suggested, 6000), ctx) : reask(state, unexpected(ctx));
    },
  },
  text: (typed, _flow, state, ctx) => revised(state, clip(typed, 6000), ctx),
});

const easyOut = choiceStep<'ask-for-help.easyOut'>({
  ask: (_flow, _state, ctx) => ({
    text: ctx.say('help.easyOut'),
    choices: [
      { id: 'add', label: ctx.say('help.easyOutAdd') },
      { id: 'skip', label: ctx.say('help.easyOutSkip') },
    ],
  }),
  pick(value, _flow, state, ctx) {
    if (value === 'skip') return moveTo(state, { at: 'ask-for-help.whom' });
    if (value !== 'add') return undefined;
    const request = addSentence(draftOf(state).request ?? '', ctx.say('help.easyOutSentence'));
    return moveTo(withDraft(state, { request }), { at: 'ask-for-help.whom' }, [
      { text: ctx.say('help.updated', { request }) },
    ]);
  },
});

/** Whom to ask: a suggested person from the map (a button), a name on the map, or a new name. */
const whom: FlowHandler<'ask-for-help.whom'> = {
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
    const chosen = (name: string) => withDraft(state, { whom: name });
    if (answer.kind === 'choice') {
      const person = state.network.people.find((p) => p.id === answer.value);
      return person
        ? moveTo(chosen(person.name), { at: 'ask-for-help.channel' })
        : reask(state, unexpected(ctx));
    }
    const name = typedText(answer);
    if (!name) return reask(state, askForText(ctx));
    const known = findByName(state.network.people, name);
    if (known) return moveTo(chosen(known.name), { at: 'ask-for-help.channel' });
    const added = addPeople(state, name, null, ctx);
    const person = added.added[0];
    if (!person) return reask(state, { text: ctx.say('people.noName') });
    return moveTo(withDraft(added.state, { whom: person.name }), { at: 'ask-for-help.channel' }, [
      { text: ctx.say('help.addedToMap', { name: person.name }) },
    ]);
  },
};

const channel = choiceStep<'ask-for-help.channel'>({
  ask: (_flow, _state, ctx) => ({
    text: ctx.say('help.channel'),
    choices: CHANNELS.map((c) => option(ctx, c, `channel.${c}`)),
  }),
  pick: (value, _flow, state) =>
    isOneOf(CHANNELS, value)
      ? moveTo(withDraft(state, { channel: value }), { at: 'ask-for-help.date' })
      : undefined,
});

const date: FlowHandler<'ask-for-help.date'> = {
  ask: (_flow, state, ctx) => [
    { text: ctx.say('help.date', { name: draftOf(state).whom ?? '' }), choices: dateChoices(ctx) },
  ],
  answer(_flow, state, answer, ctx) {
    const read = readDate(answer, state, ctx);
    if ('problem' in read) return reask(state, read.problem);
    const next = withDraft(state, { date: read.date });
    const ask = askTimeFirst(next, 'ask-for-help');
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
    { at: 'ask-for-help.offer' },
    [{ text: ctx.say('help.planned', { date: ctx.day(draft.date ?? '') }) }],
    planned.effects,
  );
}

const offer = textStep<'ask-for-help.offer'>({
  ask: (_flow, _state, ctx) => textQuestion(ctx.say('help.offer'), ctx),
  text(offer, _flow, state, ctx) {
    const draft = { ...draftOf(state), offer };
    const data = {
      goal: draft.goal,
      need: draft.need,
      predictedYes: draft.belief,
      reversalKind: draft.reversalKind,
      explore: draft.explore,
      request: draft.request,
      smartMissing: missingSmart(draft.request ?? ''),
      whom: draft.whom,
      channel: draft.channel,
      date: draft.date,
      offer,
      at: ctx.now.toISOString(),
    };
    return complete(state, 'ask-for-help', data, [{ text: helpCard(draft, ctx) }]);
  },
});

/** The end card: the request, to whom, how and when, and the offer. */
export function helpCard(draft: HelpDraft, ctx: Ctx): string {
  return ctx.say('help.card', {
    goal: draft.goal ?? '',
    request: draft.request ?? '',
    name: draft.whom ?? '',
    channel: draft.channel ? ctx.say(`channel.${draft.channel}`) : '',
    date: ctx.day(draft.date ?? ''),
    offer: draft.offer ?? '',
  });
}

export const exercise: ExerciseDefinition<z.infer<(typeof flows)[number]>['at']> = {
  id,
  start: { at: 'ask-for-help.intro' },
  menu: { start: 'menu.askForHelp', resume: 'menu.resumeHelp' },
  handlers: {
    'ask-for-help.intro': intro,
    'ask-for-help.goal': goal,
    'ask-for-help.vague': vague,
    'ask-for-help.field': field,
    'ask-for-help.need': need,
    'ask-for-help.belief': belief,
    'ask-for-help.reversal': reversal,
    'ask-for-help.request': request,
    'ask-for-help.smart': smart,
    'ask-for-help.draft': improved,
    'ask-for-help.easyOut': easyOut,
    'ask-for-help.whom': whom,
    'ask-for-help.channel': channel,
    'ask-for-help.date': date,
    'ask-for-help.offer': offer,
  },
  parks: (flow) => flow.at.startsWith('ask-for-help.') && flow.at !== 'ask-for-help.intro',
  afterTime: scheduleAsk,
};
