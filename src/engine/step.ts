import { formatDay, isTimeZone, localDate } from '../core/time.js';
import { guessLang, type Inbound, type Lang, type MemberRef, type Reply } from '../core/types.js';
import {
  dueHandler,
  exerciseOf,
  HANDLERS,
  helpReply,
  IDLE_FLOWS,
  mapPicture,
  networkView,
  progressReply,
  shortcut,
  startOf,
} from '../exercises/index.js';
import { emptyNetwork } from '../network/model.js';
import { cleanName, sameName } from '../network/names.js';
import { defaultPrefs } from '../pairing/community.js';
import type { Texts } from '../texts/texts.js';
import { type ParsedCommand, parseCommandName, parseCommandText } from './commands.js';
import type { Answer, Ctx, Effect, FlowHandler, Outcome } from './flow.js';
import { type Flow, type FlowAt, STATE_VERSION, type State } from './state.js';

/** Leaves the current flow for another; an exercise in progress is kept to resume from the menu. */
function leave(state: State, flow: Flow): State {
  const exercise = exerciseOf(state.flow);
  const parked = exercise ? { ...state.parked, [exercise]: state.flow } : state.parked;
  return { ...state, overlay: null, parked, flow };
}

/** Answers longer than this are refused kindly instead of stored. */
export const MAX_ANSWER_LENGTH = 2000;

export interface StepEnv {
  texts: Texts;
  now: Date;
  revisitDays: number;
  defaultLang: Lang;
}

/** A new state, or null when the member asked to be forgotten. */
export interface StepResult {
  state: State | null;
  replies: Reply[];
  effects: Effect[];
  /** How many of the replies, at the end, are the question asked now (the coach adds before them). */
  asked?: number;
}

export function newState(member: MemberRef, lang: Lang, now: Date): State {
  return {
    v: STATE_VERSION,
    member,
    lang,
    flow: { at: 'welcome' },
    overlay: null,
    network: emptyNetwork(),
    nextPersonId: 1,
    completed: [],
    jobs: [],
    seen: [],
    turn: 0,
    inbox: [],
    timezone: null,
    nudgeHour: null,
    drafts: {},
    parked: {},
    commitments: [],
    coffee: { prefs: defaultPrefs(), coffees: [] },
    createdAt: now.toISOString(),
  };
}

export const ctxFor = (state: State, env: StepEnv): Ctx => ({
  say: env.texts.forLang(state.lang),
  now: env.now,
  revisitDays: env.revisitDays,
  day: (date) => formatDay(date, state.lang, localDate(env.now, state.timezone ?? 'UTC')),
});

const yesNo = (ctx: Ctx) => [
  { id: 'yes', label: ctx.say('common.yes') },
  { id: 'no', label: ctx.say('common.no') },
];

/** The question the member is looking at now. */
export function askCurrent(state: State, env: StepEnv): Reply[] {
  const ctx = ctxFor(state, env);
  switch (state.overlay) {
    case 'paused':
      return [{ text: ctx.say('common.paused') }];
    case 'forget':
      return [{ text: ctx.say('forget.confirm'), choices: yesNo(ctx) }];
    case 'language':
      return [
        {
          text: ctx.say('language.prompt'),
          choices: [
            { id: 'en', label: 'English' },
            { id: 'nl', label: 'Nederlands' },
          ],
        },
      ];
    default: {
      const handler = HANDLERS[state.flow.at] as FlowHandler<FlowAt>;
      const asked = handler.ask(state.flow, state, ctx);
      return asked.length > 0 ? asked : HANDLERS.menu.ask({ at: 'menu' }, state, ctx);
    }
  }
}

function finish(state: State, env: StepEnv, replies: Reply[], effects: Effect[] = []): StepResult {
  const question = askCurrent(state, env);
  return { state, replies: [...replies, ...question], effects, asked: question.length };
}

function runCommand(state: State, command: ParsedCommand, env: StepEnv): StepResult {
  const ctx = ctxFor(state, env);
  const calm = { ...state, overlay: null };
  switch (command.name) {
    case 'unknown':
      return finish(state, env, [
        { text: ctx.say('common.unknownCommand', { word: cleanName(command.word) }) },
      ]);
    case 'help':
      return finish(state, env, [helpReply(ctx)]);
    case 'menu':
      return finish(leave(state, { at: 'menu' }), env, []);
    case 'progress':
      return finish(leave(state, { at: 'menu' }), env, [progressReply(state, ctx)]);
    case 'commitments':
      return finish(leave(state, { at: 'commitments.list' }), env, []);
    case 'pause':
      return {
        state: { ...state, overlay: 'paused' },
        replies: askCurrent({ ...state, overlay: 'paused' }, env),
        effects: [],
      };
    case 'start':
    case 'continue': {
      const next = { ...calm, lang: guessLang(command.args[0]) ?? state.lang };
      return finish(next, env, [{ text: ctxFor(next, env).say('common.welcomeBack') }]);
    }
    case 'language': {
      const lang = guessLang(command.args[0]);
      if (!lang) return finish({ ...state, overlay: 'language' }, env, []);
      const next = { ...calm, lang };
      return finish(next, env, [{ text: ctxFor(next, env).say('language.set') }]);
    }
    case 'network':
      return finish(leave(state, { at: 'network.overview' }), env, networkView(state, ctx));
    case 'map':
      return finish(
        state,
        env,
        state.network.people.length > 0 ? [mapPicture(state, ctx)] : [{ text: ctx.say('network.empty') }],
      );
    case 'export':
      return finish(state, env, [], [{ type: 'export' }]);
    case 'forget':
      return finish({ ...state, overlay: 'forget' }, env, []);
    case 'coffee': {
      const quick = shortcut('coffee', state, command.args, ctx);
      if (quick) return finish(quick.state, env, quick.replies, quick.effects);
      return finish(leave(state, startOf('coffee')), env, []);
    }
    case 'stats':
      return finish(state, env, [{ text: ctx.say('coffee.admin.only') }]);
  }
}

function answerOverlay(state: State, answer: Answer, env: StepEnv): StepResult {
  const ctx = ctxFor(state, env);
  const calm = { ...state, overlay: null };
  const choice = answer.kind === 'choice' ? answer.value : undefined;
  if (state.overlay === 'paused') return finish(calm, env, [{ text: ctx.say('common.welcomeBack') }]);
  if (state.overlay === 'forget') {
    if (choice === 'yes')
      return { state: null, replies: [{ text: ctx.say('forget.done') }], effects: [{ type: 'forget' }] };
    if (choice === 'no') return finish(calm, env, [{ text: ctx.say('forget.kept') }]);
  }
  const lang = guessLang(choice);
  if (state.overlay === 'language' && lang) {
    const next = { ...calm, lang };
    return finish(next, env, [{ text: ctxFor(next, env).say('language.set') }]);
  }
  return finish(state, env, [{ text: ctx.say('common.pickChoice') }]);
}

type Resolved = { answer: Answer } | { problem: Reply };

/** Matches input to the question's choices: a button, its number, or its label all count. */
function resolve(inbound: Inbound, state: State, env: StepEnv): Resolved {
  const ctx = ctxFor(state, env);
  const choices = askCurrent(state, env).flatMap((r) => r.choices ?? []);
  if (inbound.kind === 'choice') {
    return choices.some((c) => c.id === inbound.value)
      ? { answer: { kind: 'choice', value: inbound.value } }
      : { problem: { text: ctx.say('common.stale') } };
  }
  if (inbound.kind === 'form') {
    const total = Object.values(inbound.fields).reduce((n, v) => n + v.length, 0);
    if (total > MAX_ANSWER_LENGTH)
      return { problem: { text: ctx.say('common.tooLong', { max: MAX_ANSWER_LENGTH }) } };
    return { answer: { kind: 'form', fields: inbound.fields } };
  }
  if (inbound.kind !== 'text') return { problem: { text: ctx.say('common.pickChoice') } };
  const text = inbound.text.trim();
  if (text === '') return { problem: { text: ctx.say('common.empty') } };
  if (text.length > MAX_ANSWER_LENGTH)
    return { problem: { text: ctx.say('common.tooLong', { max: MAX_ANSWER_LENGTH }) } };
  const byLabel = choices.find((c) => sameName(c.label, text) || c.id === text.toLowerCase());
  if (byLabel) return { answer: { kind: 'choice', value: byLabel.id } };
  // A label that is itself a number ("3" of five) wins over the position.
  if (/^\d+$/.test(text) && choices.length > 0) {
    const picked = choices[Number(text) - 1];
    return picked
      ? { answer: { kind: 'choice', value: picked.id } }
      : { problem: { text: ctx.say('common.outOfRange', { max: choices.length }) } };
  }
  return { answer: { kind: 'text', text } };
}

function handleDue(state: State, inbound: Extract<Inbound, { kind: 'due' }>, env: StepEnv): StepResult {
  const handler = dueHandler(inbound.job);
  if (!handler) return { state, replies: [], effects: [] };
  const idle = IDLE_FLOWS.has(state.flow.at) || state.overlay === 'paused';
  const due = handler(state, inbound.job, idle, ctxFor(state, env));
  // Someone in the middle of an exercise gets a note, not a new question.
  if (!due.flow) return { state: due.state, replies: due.replies, effects: due.effects };
  return finish(leave(due.state, due.flow), env, due.replies, due.effects);
}

function commandOf(inbound: Inbound): ParsedCommand | undefined {
  if (inbound.kind === 'command') return parseCommandName(inbound.name, inbound.args);
  if (inbound.kind === 'text') return parseCommandText(inbound.text);
  return undefined;
}

/** The time zone a platform sent, when it is one this runtime knows (a bad one would break every date). */
const platformZone = (inbound: Inbound): string | null =>
  inbound.kind !== 'due' && inbound.timezone && isTimeZone(inbound.timezone) ? inbound.timezone : null;

/** The first name coffee partners see: the member's own choice, else the platform's display name. */
function withPlatformName(coffee: State['coffee'], inbound: Inbound): State['coffee'] {
  const first =
    inbound.kind !== 'due' ? inbound.displayName?.trim().split(/\s+/)[0]?.slice(0, 60) : undefined;
  return coffee.prefs.name || !first ? coffee : { ...coffee, prefs: { ...coffee.prefs, name: first } };
}

/** One turn of the conversation: pure, from the stored state and one inbound event. */
export function step(stored: State | undefined, inbound: Inbound, env: StepEnv): StepResult {
  if (!stored) {
    const locale = inbound.kind === 'due' ? undefined : inbound.locale;
    const fresh = {
      ...newState(inbound.member, guessLang(locale) ?? env.defaultLang, env.now),
      timezone: platformZone(inbound),
      ...(locale ? { locale } : {}),
    };
    fresh.coffee = withPlatformName(fresh.coffee, inbound);
    // A coffee intro can be the first the bot says to a member of a channel's pool.
    if (inbound.kind === 'due') return handleDue(fresh, inbound, env);
    const command = commandOf(inbound);
    const chosen =
      command?.name === 'language' || command?.name === 'start' ? guessLang(command.args[0]) : undefined;
    if (chosen) return finish({ ...fresh, lang: chosen }, env, []);
    // Any other command works from the very first message (a newcomer's "/weakties help").
    const other = command && !['start', 'continue', 'language', 'unknown'].includes(command.name);
    return command && other ? runCommand(fresh, command, env) : finish(fresh, env, []);
  }
  const kept = stored.timezone !== null && isTimeZone(stored.timezone) ? stored.timezone : null;
  const timezone = platformZone(inbound) ?? kept;
  const locale = inbound.kind !== 'due' ? inbound.locale : undefined;
  const state = {
    ...stored,
    timezone,
    ...(locale ? { locale } : {}),
    turn: stored.turn + 1,
    coffee: withPlatformName(stored.coffee, inbound),
  };
  if (inbound.kind === 'due') return handleDue(state, inbound, env);
  const command = commandOf(inbound);
  if (command) return runCommand(state, command, env);
  const resolved = resolve(inbound, state, env);
  if ('problem' in resolved) return finish(state, env, [resolved.problem]);
  if (state.overlay) return answerOverlay(state, resolved.answer, env);
  const handler = HANDLERS[state.flow.at] as FlowHandler<FlowAt>;
  const outcome: Outcome = handler.answer(state.flow, state, resolved.answer, ctxFor(state, env));
  return finish(outcome.state, env, outcome.replies, outcome.effects);
}
