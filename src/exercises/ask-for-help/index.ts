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
import { domainInSentence, isOneOf } from '../labels.js';
import { addPeople } from '../people.js';
import { askTimeFirst, commit, dateChoices, readDate } from '../when.js';
import {
  checked,
  compose,
  easyOutSentence,
  firstName,
  PARTS,
  type Part,
  type Parts,
  partsSchema,
} from './compose.js';
import { REVERSAL_KINDS, readReversal } from './reversal.js';
import { missingSmart } from './smart.js';
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
  /** The message as it stands (composed or the member's own). */
  request: z.string().max(6000).optional(),
  smartAsked: z.array(z.enum(SMART_LETTERS)).default([]),
  whom: z.string().max(100).optional(),
  channel: z.enum(CHANNELS).optional(),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  offer: shortText.optional(),
  /** The parts the message is composed from. */
  parts: partsSchema.optional(),
  /** The member's own version of the whole message, in place of the composed one. */
  own: z.string().max(6000).optional(),
  /** The language-model coach's improved draft of the request, offered once to use or not. */
  suggested: z.string().max(1200).optional(),
  /** Whom was chosen before the request (from the map's next step): "why them?" is still to ask. */
  askWhy: z.boolean().optional(),
});
export type HelpDraft = z.infer<typeof draft>;

const at = <A extends string>(name: A) => z.literal(`ask-for-help.${name}` as const);

/**
 * Exercise 2: a goal, the help needed, the prediction; the ask in the member's words, whom to ask
 * and why them; the missing SMART parts; the message composed from its parts, to take, change or
 * rewrite; how and when.
 */
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
  z.object({ at: at('why') }),
  z.object({ at: at('review') }),
  z.object({ at: at('part') }),
  z.object({ at: at('edit'), part: z.enum(PARTS) }),
  z.object({ at: at('own') }),
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

/** The parts of the message; a draft from before parts existed has its request as the ask. */
export const partsOf = (draft: HelpDraft): Parts =>
  draft.parts ?? (draft.request ? { ask: draft.request } : {});

/** The member's own version; a draft from before parts existed keeps its request as it was written. */
const ownOf = (draft: HelpDraft): string | undefined =>
  draft.own ?? (draft.parts ? undefined : draft.request);

/** The message as it stands: the member's own version, or the one composed from the parts. */
export const messageOf = (draft: HelpDraft, ctx: Ctx): string => ownOf(draft) ?? compose(partsOf(draft), ctx);

/** What the SMART check reads: the member's own version, or the content of the composed one. */
const checkedOf = (draft: HelpDraft, ctx: Ctx): string => ownOf(draft) ?? checked(partsOf(draft), ctx);

/** A change to the parts: the message is composed again and the member's own version set aside. */
function withParts(state: State, change: Partial<Parts>, ctx: Ctx): State {
  const parts = { ...partsOf(draftOf(state)), ...change };
  return withDraft(state, { parts, own: undefined, request: compose(parts, ctx), suggested: undefined });
}

/** The member's own version of the whole message. */
const withOwn = (state: State, own: string): State =>
  withDraft(state, { own, request: own, suggested: undefined });

/**
 * Where the request goes next: whom to ask (the greeting needs the person), then each SMART
 * letter the composed message misses and was not asked about yet, then the message to review.
 */
export function nextSmartStep(state: State, ctx: Ctx): Outcome {
  const draft = draftOf(state);
  if (!draft.whom) return moveTo(state, { at: 'ask-for-help.whom' });
  if (draft.askWhy) return moveTo(withDraft(state, { askWhy: undefined }), { at: 'ask-for-help.why' });
  const letter = ownOf(draft)
    ? undefined
    : missingSmart(checkedOf(draft, ctx)).find((l) => !draft.smartAsked.includes(l));
  return moveTo(state, letter ? { at: 'ask-for-help.smart', letter } : { at: 'ask-for-help.review' });
}

export function smartLine(request: string, ctx: Ctx): string {
  const missing = missingSmart(request);
  const marks = SMART_LETTERS.map((l) => `${l} ${missing.includes(l) ? '·' : '✓'}`).join('  ');
  return ctx.say('help.smartCheck', { marks });
}

/** After a change: the SMART check of the message as it now stands, then where it goes next. */
function checkedNext(state: State, ctx: Ctx): Outcome {
  const next = nextSmartStep(state, ctx);
  return { ...next, replies: [{ text: smartLine(checkedOf(draftOf(state), ctx), ctx) }] };
}

const request = textStep<'ask-for-help.request'>({
  ask(_flow, state, ctx) {
    const question = textQuestion(ctx.say('help.request'), ctx, true);
    const field = draftOf(state).explore;
    return field ? [{ text: ctx.say('help.requestExplore', { field }) }, question] : question;
  },
  text(ask, _flow, state, ctx) {
    const next = withParts(withDraft(state, { smartAsked: [] }), { ask: clip(ask, 1000) }, ctx);
    const message = draftOf(next).request ?? '';
    return {
      ...checkedNext(next, ctx),
      effects: [{ type: 'coach', use: 'smart', input: { goal: draftOf(state).goal, request: message } }],
    };
  },
});

/** The part of the message a SMART letter's answer fills: the ask itself for S and A. */
const LETTER_PART: Record<SmartLetter, Part> = { S: 'ask', A: 'ask', M: 'reason', R: 'duration', T: 'when' };

const smart = textStep<'ask-for-help.smart'>({
  ask: (flow, _state, ctx) => ({
    ...textQuestion(ctx.say(`smart.${flow.letter}`), ctx),
    choices: [{ id: 'keep', label: ctx.say('help.keep') }],
  }),
  choices: {
    keep: (flow, state, ctx) =>
      nextSmartStep(withDraft(state, { smartAsked: [...draftOf(state).smartAsked, flow.letter] }), ctx),
  },
  text(answer, flow, state, ctx) {
    const asked = withDraft(state, { smartAsked: [...draftOf(state).smartAsked, flow.letter] });
    return checkedNext(withParts(asked, { [LETTER_PART[flow.letter]]: clip(answer, 1000) }, ctx), ctx);
  },
});

/** Why this person: a few words of the member's, with their note on the map as a reminder. */
const why = textStep<'ask-for-help.why'>({
  ask(_flow, state, ctx) {
    const name = draftOf(state).whom ?? '';
    const person = findByName(state.network.people, name);
    const note = person?.note ? `${ctx.say('help.whyNote', { name, note: person.note })}\n` : '';
    return {
      ...textQuestion(`${note}${ctx.say('help.why', { name: firstName(name) })}`, ctx),
      choices: [{ id: 'skip', label: ctx.say('help.keep') }],
    };
  },
  choices: { skip: (_flow, state, ctx) => checkedNext(state, ctx) },
  text: (whyThem, _flow, state, ctx) =>
    checkedNext(withParts(state, { whyThem: clip(whyThem, 1000) }, ctx), ctx),
});

/** The message, then what to do with it: take it, change one part, or type one's own. */
function reviewAsk(state: State, ctx: Ctx): Reply[] {
  const draft = draftOf(state);
  return [
    { text: messageOf(draft, ctx) },
    freeTextQuestion(
      `${smartLine(checkedOf(draft, ctx), ctx)}\n${ctx.say('help.review')}`,
      ctx.say('help.title'),
      ctx,
      {
        multiline: true,
        choices: [
          { id: 'take', label: ctx.say('help.take') },
          { id: 'change', label: ctx.say('help.change') },
          { id: 'own', label: ctx.say('help.own') },
        ],
      },
    ),
  ];
}

const review = textStep<'ask-for-help.review'>({
  ask: (_flow, state, ctx) => reviewAsk(state, ctx),
  choices: {
    take: (_flow, state) => moveTo(state, { at: 'ask-for-help.channel' }),
    change: (_flow, state) => moveTo(state, { at: 'ask-for-help.part' }),
    own: (_flow, state) => moveTo(state, { at: 'ask-for-help.own' }),
  },
  // Typed here, it is the member's own version.
  text: (own, _flow, state) => moveTo(withOwn(state, clip(own, 6000)), { at: 'ask-for-help.review' }),
});

const which = choiceStep<'ask-for-help.part'>({
  ask: (_flow, _state, ctx) => ({
    text: ctx.say('help.which'),
    choices: PARTS.map((p) => ({ id: p, label: ctx.say(`part.${p}`) })),
  }),
  pick: (value, _flow, state) =>
    isOneOf(PARTS, value) ? moveTo(state, { at: 'ask-for-help.edit', part: value }) : undefined,
});

const edit = textStep<'ask-for-help.edit'>({
  ask(flow, state, ctx) {
    const parts = partsOf(draftOf(state));
    const current = flow.part === 'easyOut' ? easyOutSentence(parts, ctx) : (parts[flow.part] ?? '').trim();
    const part = ctx.say(`part.${flow.part}`);
    const text = current ? ctx.say('help.edit', { part, current }) : ctx.say('help.editEmpty', { part });
    const leaveOut =
      flow.part === 'ask' || !current ? [] : [{ id: 'leaveOut', label: ctx.say('help.leaveOut') }];
    return { ...textQuestion(text, ctx), choices: leaveOut };
  },
  choices: {
    leaveOut: (flow, state, ctx) =>
      moveTo(withParts(state, { [flow.part]: '' }, ctx), { at: 'ask-for-help.review' }),
  },
  text: (typed, flow, state, ctx) =>
    moveTo(withParts(state, { [flow.part]: clip(typed, 1000) }, ctx), { at: 'ask-for-help.review' }),
});

const own = textStep<'ask-for-help.own'>({
  ask: (_flow, _state, ctx) => textQuestion(ctx.say('help.ownText'), ctx, true),
  text: (typed, _flow, state) => moveTo(withOwn(state, clip(typed, 6000)), { at: 'ask-for-help.review' }),
});

/** The coach's improved request: use it as the member's own version, keep the parts, or type a new one. */
const improved = textStep<'ask-for-help.draft'>({
  ask: (_flow, state, ctx) => ({
    text: ctx.say('coach.draft', { draft: draftOf(state).suggested ?? draftOf(state).request ?? '' }),
    choices: [
      { id: 'use', label: ctx.say('coach.useDraft') },
      { id: 'keep', label: ctx.say('coach.keepDraft') },
    ],
  }),
  choices: {
    keep: (_flow, state, ctx) => nextSmartStep(withDraft(state, { suggested: undefined }), ctx),
    use(_flow, state, ctx) {
      const suggested = draftOf(state).suggested;
      return suggested
        ? nextSmartStep(withOwn(state, clip(suggested, 6000)), ctx)
        : reask(state, unexpected(ctx));
    },
  },
  text: (typed, _flow, state, ctx) => nextSmartStep(withOwn(state, clip(typed, 6000)), ctx),
});

/** A member parked at the easy-way-out question of old: the message now has one; they review it. */
const easyOut: FlowHandler<'ask-for-help.easyOut'> = {
  ask: (_flow, state, ctx) => reviewAsk(state, ctx),
  answer: (_flow, state, _answer, ctx) => nextSmartStep(state, ctx),
};

/** Whom to ask: a suggested person from the map (a button), a name on the map, or a new name. */
const whom: FlowHandler<'ask-for-help.whom'> = {
  ask(_flow, state, ctx) {
    const draft = draftOf(state);
    const about = `${draft.goal ?? ''} ${partsOf(draft).ask ?? draft.own ?? ''}`;
    const suggestions = suggestPeople(state.network.people, draft.need ?? 'advice', about);
    if (suggestions.length === 0) return [textQuestion(ctx.say('help.whomEmpty'), ctx)];
    const lines = suggestions.map((s) =>
      ctx.say(`reason.${s.reason}`, {
        name: s.person.name,
        note: s.person.note ?? '',
        domain: s.person.domain ? domainInSentence(s.person.domain, ctx) : ctx.say('network.unknown'),
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
    const chosen = (next: State, name: string): Outcome => {
      const draft = draftOf(next);
      const parts = { ...partsOf(draft), name: firstName(name) };
      const own = ownOf(draft);
      const picked = withDraft(next, { whom: name, parts, own, request: own ?? compose(parts, ctx) });
      // A message of the member's own needs no parts: it goes straight to the review.
      return moveTo(picked, own ? { at: 'ask-for-help.review' } : { at: 'ask-for-help.why' });
    };
    if (answer.kind === 'choice') {
      const person = state.network.people.find((p) => p.id === answer.value);
      return person ? chosen(state, person.name) : reask(state, unexpected(ctx));
    }
    const name = typedText(answer);
    if (!name) return reask(state, askForText(ctx));
    const known = findByName(state.network.people, name);
    if (known) return chosen(state, known.name);
    const added = addPeople(state, name, null, ctx);
    const person = added.added[0];
    if (!person) return reask(state, { text: ctx.say('people.noName') });
    const next = chosen(added.state, person.name);
    return { ...next, replies: [{ text: ctx.say('help.addedToMap', { name: person.name }) }] };
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
      request: messageOf(draft, ctx),
      smartMissing: missingSmart(checkedOf(draft, ctx)),
      parts: partsOf(draft),
      whom: draft.whom,
      channel: draft.channel,
      date: draft.date,
      offer,
      at: ctx.now.toISOString(),
    };
    return complete(state, 'ask-for-help', data, [{ text: helpCard(draft, ctx) }]);
  },
});

/** The end card: the goal, to whom, how and when, the message once, and the offer. */
export function helpCard(draft: HelpDraft, ctx: Ctx): string {
  return ctx.say('help.card', {
    goal: draft.goal ?? '',
    request: messageOf(draft, ctx),
    name: draft.whom ?? '',
    channel: draft.channel ? ctx.say(`channel.${draft.channel}`) : '',
    date: ctx.day(draft.date ?? ''),
    offer: draft.offer ?? '',
  });
}

/**
 * The exercise started with the person to ask already chosen (the map's next step): a fresh draft
 * that holds them, any half-done ask set aside; the goal comes first, "why them?" after the request.
 */
export function startWith(state: State, name: string, replies: Reply[] = []): Outcome {
  const { [id]: _parked, ...parked } = state.parked;
  const chosen = draft.parse({ whom: name, parts: { name: firstName(name) }, askWhy: true });
  return moveTo(
    { ...state, parked, drafts: { ...state.drafts, [id]: chosen } },
    { at: 'ask-for-help.goal' },
    replies,
  );
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
    'ask-for-help.why': why,
    'ask-for-help.review': review,
    'ask-for-help.part': which,
    'ask-for-help.edit': edit,
    'ask-for-help.own': own,
    'ask-for-help.channel': channel,
    'ask-for-help.date': date,
    'ask-for-help.offer': offer,
  },
  parks: (flow) => flow.at.startsWith('ask-for-help.') && flow.at !== 'ask-for-help.intro',
  afterTime: scheduleAsk,
};
