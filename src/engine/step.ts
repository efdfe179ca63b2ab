import { formatDay, isTimeZone, localDate } from '../core/time.js';
import {
  type Choice,
  guessLang,
  type Inbound,
  LANGS,
  type Lang,
  type MemberRef,
  type Pick,
  type Reply,
} from '../core/types.js';
import {
  dueHandler,
  HANDLERS,
  helpReply,
  mapPicture,
  networkView,
  progressReply,
  shortcut,
  startOf,
  yesNo,
} from '../exercises/index.js';

import { emptyNetwork } from '../network/model.js';
import { cleanName, sameName } from '../network/names.js';
import { defaultPrefs } from '../pairing/community.js';
import type { Texts } from '../texts/texts.js';
import { type ParsedCommand, parseCommandName, parseCommandText } from './commands.js';
import type { Answer, Ctx, Effect, FlowHandler, Outcome } from './flow.js';
import { matchChoice, quotable, vocabulary } from './match.js';
import { readPicks } from './picks.js';
import { dropUnscheduled, enqueue, ignored, leave, pull, waitNote } from './queue.js';
import { type FlowAt, STATE_VERSION, type State, type Waiting } from './state.js';

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
    waiting: [],
    coffee: { prefs: defaultPrefs(), coffees: [] },
    createdAt: now.toISOString(),
  };
}

export const ctxFor = (state: State, env: StepEnv): Ctx => ({
  say: env.texts.forLang(state.lang),
  words: env.texts.words(state.lang),
  now: env.now,
  revisitDays: env.revisitDays,
  day: (date) => formatDay(date, state.lang, localDate(env.now, state.timezone ?? 'UTC')),
});

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
            { id: 'en', label: 'English', words: ctx.words('language.en') },
            { id: 'nl', label: 'Nederlands', words: ctx.words('language.nl') },
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
      return finish(pull(leave(state, { at: 'menu' }), ctx), env, []);
    case 'progress':
      return finish(pull(leave(state, { at: 'menu' }), ctx), env, [progressReply(state, ctx)]);
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
      const again = ctxFor(next, env);
      return finish(pull(next, again), env, [{ text: again.say('common.welcomeBack') }]);
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
    case 'dashboard':
      return finish(state, env, [{ text: ctx.say('dashboard.chat.only') }]);
  }
}

function answerOverlay(state: State, answer: Answer, env: StepEnv): StepResult {
  const ctx = ctxFor(state, env);
  // Back from the overlay in a free place, a waiting question comes first.
  const calm = pull({ ...state, overlay: null }, ctx);
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

/** A problem is said before the question again; a question of its own (`asks`) replaces it. */
type Resolved = { answer: Answer } | { problem: Reply; asks?: boolean };

/** True when the question now takes nothing but its options (the yes/no and language overlays do). */
function onlyOptions(state: State): boolean {
  if (state.overlay) return state.overlay !== 'paused';
  const handler = HANDLERS[state.flow.at] as FlowHandler<FlowAt>;
  return handler.onlyOptions?.(state.flow) ?? false;
}

/**
 * A button label inside a sentence: quoted when it has words, so a capitalised label reads as a
 * quotation mid-sentence (docs/STYLE.md); a time or a number stays as it is ("09:00").
 */
const quoted = (label: string) => (/\p{L}/u.test(label) ? `“${label}”` : label);

/** The options as one line: "“A”, “B” or “C”" in the member's language. */
const listOf = (choices: readonly Choice[], lang: Lang) =>
  new Intl.ListFormat(lang, { type: 'disjunction' }).format(choices.map((c) => quoted(c.label)));

/** What a typed message means among the choices, or the short reply that asks for one. */
function matchTyped(text: string, choices: Choice[], state: State, env: StepEnv): Resolved {
  const ctx = ctxFor(state, env);
  const vocab = vocabulary(LANGS.map((lang) => env.texts.words(lang)));
  const match = matchChoice(text, choices, vocab, onlyOptions(state));
  const ask = (line: string, options = choices): Resolved => ({
    problem: { text: line, choices: options },
    asks: true,
  });
  switch (match.kind) {
    case 'one':
      return { answer: { kind: 'choice', value: match.id } };
    case 'text':
      return { answer: { kind: 'text', text } };
    case 'many': {
      const named = choices.filter((c) => match.ids.includes(c.id));
      return ask(ctx.say('choose.which', { options: listOf(named, state.lang) }), named);
    }
    case 'range':
      return choices.length === 1 && choices[0]
        ? ask(ctx.say('choose.onlyOne', { option: quoted(choices[0].label) }))
        : ask(ctx.say('choose.range', { said: match.said, min: match.min, max: match.max }));
    case 'none': {
      const options = listOf(choices, state.lang);
      if (match.time) return ask(ctx.say('choose.time', { time: match.time, options }));
      const said = quotable(text);
      return ask(
        said ? ctx.say('choose.none', { text: said, options }) : ctx.say('choose.miss', { options }),
      );
    }
  }
}

/**
 * Typed text where a multi-select is asked: numbers count as the listed options ("1, 4, 7"); a
 * button is meant only by its label or words ("none of them").
 */
function readTypedPicks(text: string, choices: Choice[], pick: Pick, state: State, env: StepEnv): Resolved {
  const vocab = vocabulary(LANGS.map((lang) => env.texts.words(lang)));
  const button = matchChoice(text, choices, { ...vocab, numbers: new Map() }, false);
  if (button.kind === 'one' && !/^\s*\d/.test(text)) return { answer: { kind: 'choice', value: button.id } };
  const all = LANGS.flatMap((lang) => env.texts.words(lang)('choose.all'));
  const read = readPicks(text, pick.options, all);
  if (read.kind === 'picks') return { answer: { kind: 'picks', values: read.values } };
  if (read.kind === 'text') return { answer: { kind: 'text', text } };
  const parts = new Intl.ListFormat(state.lang, { type: 'conjunction' }).format(
    read.parts.map((p) => `“${quotable(p)}”`),
  );
  return { problem: { text: ctxFor(state, env).say('choose.pickUnknown', { parts }) } };
}

/** Matches input to the question's choices: a button, its number, its label or its words all count. */
function resolve(inbound: Inbound, state: State, env: StepEnv): Resolved {
  const ctx = ctxFor(state, env);
  const question = askCurrent(state, env);
  const choices = question.flatMap((r) => r.choices ?? []);
  const pick = question.find((r) => r.pick)?.pick;
  if (inbound.kind === 'picks') {
    const known = new Set(pick?.options.map((o) => o.id));
    return pick && inbound.values.every((v) => known.has(v))
      ? { answer: { kind: 'picks', values: [...new Set(inbound.values)] } }
      : { problem: { text: ctx.say('common.stale') } };
  }
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
  const byName = choices.find((c) => sameName(c.label, text));
  if (byName) return { answer: { kind: 'choice', value: byName.id } };
  if (pick) return readTypedPicks(text, choices, pick, state, env);
  return matchTyped(text, choices, state, env);
}

/**
 * A due job: what it says at once, and its question, asked now when the member is free or else put
 * in line (see queue.ts) with one line saying it waits.
 */
function handleDue(state: State, inbound: Extract<Inbound, { kind: 'due' }>, env: StepEnv): StepResult {
  const { job } = inbound;
  const handler = dueHandler(job);
  if (!handler) return { state, replies: [], effects: [] };
  const ctx = ctxFor(state, env);
  const due = handler(state, job, ctx);
  if (!due.flow) return { state: due.state, replies: due.replies, effects: due.effects };
  // When it fell due: its planned time, or now when the tick came later.
  const at = new Date(Math.max(env.now.getTime(), Date.parse(job.due)));
  const item: Waiting = { kind: job.kind, job: job.id, flow: due.flow, at: at.toISOString() };
  const next = pull(enqueue(ignored(due.state, at), item), ctx);
  const replies = next.waiting.includes(item) ? [...due.replies, waitNote(next, job.kind, ctx)] : due.replies;
  // Nothing opened: the member keeps looking at the question they were at.
  if (next.flow === due.state.flow && next.overlay === due.state.overlay)
    return { state: next, replies, effects: due.effects };
  return finish(next, env, replies, due.effects);
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
    // A coffee job to a member of a channel's pool who never spoke comes in the community's language.
    const community = inbound.kind === 'due' ? inbound.job.coffee?.lang : undefined;
    const fresh = {
      ...newState(inbound.member, guessLang(locale) ?? community ?? env.defaultLang, env.now),
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
  if ('problem' in resolved)
    return resolved.asks
      ? { state, replies: [resolved.problem], effects: [], asked: 1 }
      : finish(state, env, [resolved.problem]);
  if (state.overlay) return answerOverlay(state, resolved.answer, env);
  const handler = HANDLERS[state.flow.at] as FlowHandler<FlowAt>;
  const ctx = ctxFor(state, env);
  const outcome: Outcome = handler.answer(state.flow, state, resolved.answer, ctx);
  // Landing somewhere free, the next waiting question comes by itself.
  const settled = pull(dropUnscheduled(outcome.state, outcome.effects ?? []), ctx);
  return finish(settled, env, outcome.replies, outcome.effects);
}
