import { clip } from '../../core/clip.js';
import { clockTime } from '../../core/time.js';
import type { Choice, Reply } from '../../core/types.js';
import {
  type Ctx,
  type Effect,
  type FlowHandler,
  type Handlers,
  moveTo,
  type Outcome,
  typedText,
} from '../../engine/flow.js';
import type { Flow, State } from '../../engine/state.js';
import type { CoffeePrefs, WorkingHours } from '../../pairing/community.js';
import { askForText, choiceStep, freeTextQuestion, option, reask } from '../kit.js';
import { readDate, today } from '../when.js';
import { agreedShortcut, isAgreedWord, linkShortcut } from './agreed.js';
import { type GapField, readTags, suggestedTags } from './gaps.js';
import type { CoffeeTextField } from './index.js';
import { coffeeZone, needsZone, readCoffeeZone, zoneQuestion } from './zone.js';

/** The hook topics a member shares with partners: those of the last event they prepared. */
const sharedTopics = (state: State, share: boolean) =>
  share ? (state.drafts.hook?.topics ?? []).slice(0, 4) : [];

/** Saves the member's coffee choices and tells the community (the roster keeps a copy). */
export function withPrefs(state: State, change: Partial<CoffeePrefs>): { state: State; effects: Effect[] } {
  const merged = { ...state.coffee.prefs, ...change };
  const prefs: CoffeePrefs = {
    ...merged,
    timezone: coffeeZone(state),
    topics: sharedTopics(state, merged.shareHooks),
  };
  return { state: { ...state, coffee: { ...state.coffee, prefs } }, effects: [{ type: 'coffee', prefs }] };
}

const change = (state: State, patch: Partial<CoffeePrefs>, text: string): Outcome => {
  const next = withPrefs(state, patch);
  return moveTo(next.state, { at: 'coffee.menu' }, [{ text }], next.effects);
};

/** After joining or giving a name: the zone question once when nothing tells it, else the choices. */
function afterName(state: State): { state: State; flow: Flow } {
  if (!needsZone(state)) return { state, flow: { at: 'coffee.menu' } };
  return { state: { ...state, coffee: { ...state.coffee, zoneAsked: true } }, flow: { at: 'coffee.zone' } };
}

/**
 * Joining. Partners should see a name the member chose, not a login: one whose platform gave no
 * name (the terminal) is asked for it next; one whose platform gave no time zone (Discord) is
 * asked for that once, so the proposed times fit their day.
 */
function join(state: State, ctx: Ctx): Outcome {
  const next = withPrefs(state, { joined: true });
  const then = next.state.coffee.prefs.name
    ? afterName(next.state)
    : { state: next.state, flow: { at: 'coffee.text', field: 'name' } as const };
  return moveTo(then.state, then.flow, [{ text: ctx.say('coffee.joined') }], next.effects);
}

/** The member's own zone for coffees (and the coach's follow-ups), copied to the roster. */
function setZone(state: State, zone: string, text: string): Outcome {
  const given: State = { ...state, timezone: zone, coffee: { ...state.coffee, zone, zoneAsked: true } };
  return change(given, {}, text);
}

/** One line on where the member stands: in or out, snoozed, how often. */
export function coffeeStatus(state: State, ctx: Ctx): string {
  const { prefs } = state.coffee;
  const lines = [ctx.say(prefs.joined ? 'coffee.status.in' : 'coffee.status.out')];
  if (prefs.joined && prefs.snoozeUntil && prefs.snoozeUntil > today(state, ctx))
    lines.push(ctx.say('coffee.status.snoozed', { date: ctx.day(prefs.snoozeUntil) }));
  if (prefs.joined && prefs.every === 2) lines.push(ctx.say('coffee.status.everyOther'));
  if (prefs.intro) lines.push(ctx.say('coffee.status.intro', { intro: prefs.intro }));
  return lines.join('\n');
}

const coffeeMenu = choiceStep<'coffee.menu'>({
  ask(_flow, state, ctx) {
    const { prefs } = state.coffee;
    const choices: Choice[] = prefs.joined
      ? [
          { id: 'skip', label: ctx.say('coffee.menu.skip') },
          { id: 'snooze', label: ctx.say('coffee.menu.snooze') },
          {
            id: 'every',
            label: ctx.say(prefs.every === 1 ? 'coffee.menu.everyOther' : 'coffee.menu.everyRound'),
          },
          { id: 'intro', label: ctx.say('coffee.menu.intro') },
          { id: 'group', label: ctx.say('coffee.menu.group') },
          { id: 'hours', label: ctx.say('coffee.menu.hours') },
          { id: 'zone', label: ctx.say('coffee.menu.zone') },
          { id: 'block', label: ctx.say('coffee.menu.block') },
          { id: 'needs', label: ctx.say('coffee.menu.needs') },
          { id: 'offers', label: ctx.say('coffee.menu.offers') },
          ...(prefs.needs?.length || prefs.offers?.length
            ? [
                {
                  id: 'shareGaps',
                  label: ctx.say(prefs.shareGaps ? 'coffee.menu.shareGapsOff' : 'coffee.menu.shareGapsOn'),
                },
              ]
            : []),
          { id: 'share', label: ctx.say(prefs.shareHooks ? 'coffee.menu.shareOff' : 'coffee.menu.shareOn') },
          { id: 'leave', label: ctx.say('coffee.menu.leave') },
        ]
      : [{ id: 'join', label: ctx.say('coffee.menu.join') }];
    return {
      text: `${ctx.say('coffee.menu.prompt')}\n${coffeeStatus(state, ctx)}`,
      choices: [...choices, backChoice(ctx)],
    };
  },
  pick(value, _flow, state, ctx) {
    const { prefs } = state.coffee;
    switch (value) {
      case 'join':
        return join(state, ctx);
      case 'leave':
        return change(state, { joined: false }, ctx.say('coffee.left'));
      case 'skip':
        return change(state, { skipFrom: ctx.now.toISOString() }, ctx.say('coffee.skipped'));
      case 'every':
        return change(
          state,
          { every: prefs.every === 1 ? 2 : 1 },
          ctx.say(prefs.every === 1 ? 'coffee.everyOther' : 'coffee.everyRound'),
        );
      case 'share':
        return change(
          state,
          { shareHooks: !prefs.shareHooks },
          ctx.say(prefs.shareHooks ? 'coffee.shareOff' : 'coffee.shareOn'),
        );
      case 'shareGaps':
        return change(
          state,
          { shareGaps: !prefs.shareGaps },
          ctx.say(prefs.shareGaps ? 'coffee.gaps.shareOff' : 'coffee.gaps.shareOn'),
        );
      case 'snooze':
        return moveTo(state, { at: 'coffee.snooze' });
      case 'zone':
        return moveTo(state, { at: 'coffee.zone' });
      case 'needs':
      case 'offers':
      case 'intro':
      case 'group':
      case 'hours':
      case 'block':
        return moveTo(state, { at: 'coffee.text', field: value });
      case 'back':
        return moveTo(state, { at: 'menu' });
      default:
        return undefined;
    }
  },
});

const backChoice = (ctx: Ctx): Choice => ({ id: 'back', label: ctx.say('coffee.menu.back') });
/** From a coffee question back to the coffee choices (the coffee menu's own "back" goes to the main menu). */
const choicesChoice = (ctx: Ctx): Choice => ({ id: 'back', label: ctx.say('coffee.menu.backToChoices') });

const SNOOZE_DAYS = [14, 30, 90] as const;

const coffeeSnooze: FlowHandler<'coffee.snooze'> = {
  ask: (_flow, state, ctx) => [
    {
      text: ctx.say('coffee.snooze.prompt'),
      choices: [
        ...SNOOZE_DAYS.map((n) => option(ctx, `d${n}`, `coffee.snooze.d${n}`)),
        ...(state.coffee.prefs.snoozeUntil ? [option(ctx, 'wake', 'coffee.snooze.wake')] : []),
        choicesChoice(ctx),
      ],
    },
  ],
  answer(_flow, state, answer, ctx) {
    if (answer.kind === 'choice' && answer.value === 'back') return moveTo(state, { at: 'coffee.menu' });
    if (answer.kind === 'choice' && answer.value === 'wake')
      return change(state, { snoozeUntil: undefined }, ctx.say('coffee.snooze.woken'));
    const read = readDate(answer, state, ctx);
    if ('problem' in read) return reask(state, read.problem);
    return change(
      state,
      { snoozeUntil: read.date },
      ctx.say('coffee.snooze.set', { date: ctx.day(read.date) }),
    );
  },
};

/** A time of day typed as "7", "7:30" or "7.30", as minutes since midnight; up to 24:00. */
const minuteOf = (hour: string, minute = '0') =>
  Number(minute) < 60 && Number(hour) * 60 + Number(minute) <= 1440
    ? Number(hour) * 60 + Number(minute)
    : NaN;

/** Working hours typed as "9-17", "07:00 - 15:30" or "9 tot 17.30": minutes of the day, start before end. */
export function parseHours(text: string): WorkingHours | undefined {
  const m = text
    .trim()
    .match(/^(\d{1,2})(?:[:.](\d{2}))?\s*(?:-|–|to|tot|till|until)\s*(\d{1,2})(?:[:.](\d{2}))?$/i);
  if (!m) return undefined;
  const [start, end] = [minuteOf(m[1] as string, m[2]), minuteOf(m[3] as string, m[4])];
  return start < end ? { start, end } : undefined;
}

/** Member ids in a typed "don't pair me with": Slack <@U1>, Discord <@123> or <@!123>, or plain ids. */
export function parseMentions(text: string): string[] {
  const ids = [...text.matchAll(/<@!?([A-Za-z0-9_.-]{1,100})(?:\|[^>]*)?>/g)].map((m) => m[1] as string);
  if (ids.length > 0) return [...new Set(ids)];
  // An adapter may hand over a mention as "@U123"; a bare id works too.
  const words = text
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((w) => w.replace(/^@/, ''));
  return words.every((w) => /^[A-Za-z0-9_.-]{1,100}$/.test(w)) ? [...new Set(words)] : [];
}

/** The tags as one line, "health it, python"; or the word for none. */
const tagLine = (tags: readonly string[] | undefined, ctx: Ctx) =>
  tags?.length ? tags.join(', ') : ctx.say('coffee.gaps.none');

/**
 * What the member looks for or can offer: what is saved now, a suggestion from their ask for help
 * and network map to take with one tap, and always their own words instead, or nothing at all.
 */
function gapQuestion(field: GapField, state: State, ctx: Ctx): Reply {
  const current = state.coffee.prefs[field] ?? [];
  const suggestion = suggestedTags(state, field, ctx);
  const fresh = suggestion.filter((tag) => !current.includes(tag));
  const lines = [
    ctx.say(`coffee.gaps.${field}Prompt`),
    ctx.say('coffee.gaps.now', { list: tagLine(current, ctx) }),
    ...(fresh.length > 0 ? [ctx.say('coffee.gaps.suggestion', { list: suggestion.join(', ') })] : []),
  ];
  const title = field === 'needs' ? 'coffee.menu.needs' : 'coffee.menu.offers';
  return freeTextQuestion(lines.join('\n'), ctx.say(title), ctx, {
    choices: [
      ...(fresh.length > 0 ? [{ id: 'suggested', label: ctx.say('coffee.gaps.useSuggestion') }] : []),
      ...(current.length > 0 ? [{ id: 'clear', label: ctx.say('coffee.gaps.clear') }] : []),
    ],
  });
}

/** Saves the member's tags for `field`; the reply repeats them and says whether the intro may tell. */
function saveGap(state: State, field: GapField, tags: string[], ctx: Ctx): Outcome {
  const share = state.coffee.prefs.shareGaps ? 'coffee.gaps.shared' : 'coffee.gaps.notShared';
  const text =
    tags.length === 0
      ? ctx.say('coffee.gaps.cleared')
      : `${ctx.say(`coffee.gaps.${field}Saved`, { list: tags.join(', ') })} ${ctx.say(share)}`;
  return change(state, { [field]: tags }, text);
}

const TEXT_QUESTIONS: Record<CoffeeTextField, (state: State, ctx: Ctx) => Reply> = {
  needs: (state, ctx) => gapQuestion('needs', state, ctx),
  offers: (state, ctx) => gapQuestion('offers', state, ctx),
  intro: (_s, ctx) => freeTextQuestion(ctx.say('coffee.intro.prompt'), ctx.say('coffee.menu.intro'), ctx),
  group: (_s, ctx) => freeTextQuestion(ctx.say('coffee.group.prompt'), ctx.say('coffee.menu.group'), ctx),
  hours: (_s, ctx) => freeTextQuestion(ctx.say('coffee.hours.prompt'), ctx.say('coffee.menu.hours'), ctx),
  name: (_s, ctx) => freeTextQuestion(ctx.say('coffee.name.prompt'), ctx.say('coffee.name.title'), ctx),
  block: (state, ctx) =>
    freeTextQuestion(
      ctx.say('coffee.block.prompt', { count: state.coffee.prefs.blocks.length }),
      ctx.say('coffee.menu.block'),
      ctx,
      {
        choices:
          state.coffee.prefs.blocks.length > 0 ? [{ id: 'clear', label: ctx.say('coffee.block.clear') }] : [],
      },
    ),
};

const coffeeText: FlowHandler<'coffee.text'> = {
  ask: (flow, state, ctx) => {
    const question = TEXT_QUESTIONS[flow.field](state, ctx);
    return [{ ...question, choices: [...(question.choices ?? []), choicesChoice(ctx)] }];
  },
  answer(flow, state, answer, ctx) {
    if (answer.kind === 'choice' && answer.value === 'back') return moveTo(state, { at: 'coffee.menu' });
    if (answer.kind === 'choice' && answer.value === 'clear' && flow.field === 'block')
      return change(state, { blocks: [] }, ctx.say('coffee.block.cleared'));
    if (flow.field === 'needs' || flow.field === 'offers') {
      if (answer.kind === 'choice' && answer.value === 'clear') return saveGap(state, flow.field, [], ctx);
      if (answer.kind === 'choice' && answer.value === 'suggested')
        return saveGap(state, flow.field, suggestedTags(state, flow.field, ctx), ctx);
    }
    const text = typedText(answer)?.replace(/\s+/g, ' ');
    if (!text) return reask(state, askForText(ctx));
    switch (flow.field) {
      case 'intro':
        return change(state, { intro: clip(text, 200) }, ctx.say('coffee.intro.saved'));
      case 'group':
        return change(
          state,
          { group: clip(text, 60) },
          ctx.say('coffee.group.saved', { group: clip(text, 60) }),
        );
      case 'name': {
        const named = withPrefs(state, { name: clip(text, 60) });
        const then = afterName(named.state);
        return moveTo(then.state, then.flow, [{ text: ctx.say('coffee.name.saved') }], named.effects);
      }
      case 'hours': {
        const hours = parseHours(text);
        if (!hours) return reask(state, { text: ctx.say('coffee.hours.invalid') });
        const zone = coffeeZone(state) ?? ctx.say('coffee.hours.communityZone');
        return change(
          state,
          { hours },
          ctx.say('coffee.hours.saved', {
            start: clockTime(hours.start / 60),
            end: clockTime(hours.end / 60),
            zone,
          }),
        );
      }
      case 'needs':
      case 'offers': {
        const tags = readTags(text);
        if (tags.length === 0) return reask(state, askForText(ctx));
        return saveGap(state, flow.field, tags, ctx);
      }
      case 'block': {
        const ids = parseMentions(text).filter((id) => id !== state.member.user);
        if (ids.length === 0) return reask(state, { text: ctx.say('coffee.block.invalid') });
        const blocks = [...new Set([...state.coffee.prefs.blocks, ...ids])].slice(0, 200);
        return change(state, { blocks }, ctx.say('coffee.block.saved'));
      }
    }
  },
};

/** Typed shortcuts: "coffee join", "coffee leave", "coffee skip", "coffee snooze 2026-12-20". */
export function coffeeShortcut(state: State, args: string[], ctx: Ctx): Outcome | undefined {
  const [word = '', ...rest] = args.map((a) => a.toLowerCase());
  const is = (...words: string[]) => words.includes(word);
  if (is('join', 'meedoen', 'aanmelden')) return join(state, ctx);
  if (is('leave', 'stoppen', 'afmelden')) return change(state, { joined: false }, ctx.say('coffee.left'));
  if (is('skip', 'overslaan'))
    return change(state, { skipFrom: ctx.now.toISOString() }, ctx.say('coffee.skipped'));
  // "coffee agreed Thursday 10:00": the organiser sets the time (the original words, not lower-cased).
  if (is('link')) return linkShortcut(state, args.slice(1), ctx);
  // "agreed …", "we have agreed …", "wij hebben afgesproken …": filler words first are skipped.
  const said = args.findIndex((a) => !['we', 'wij', 'have', 'hebben'].includes(a.toLowerCase()));
  if (said >= 0 && isAgreedWord((args[said] ?? '').toLowerCase()))
    return agreedShortcut(state, args.slice(said + 1), ctx);
  if (is('snooze', 'sluimer')) {
    if (rest.length === 0) return moveTo(state, { at: 'coffee.snooze' });
    return coffeeSnooze.answer({ at: 'coffee.snooze' }, state, { kind: 'text', text: rest.join(' ') }, ctx);
  }
  return undefined;
}

/** The member's time zone for coffees: a city or zone typed, or the community's zone kept. */
const coffeeZoneStep: FlowHandler<'coffee.zone'> = {
  ask: (_flow, state, ctx) => {
    const question = zoneQuestion(state, ctx);
    return [{ ...question, choices: [...(question.choices ?? []), choicesChoice(ctx)] }];
  },
  answer(_flow, state, answer, ctx) {
    if (answer.kind === 'choice' && answer.value === 'back') return moveTo(state, { at: 'coffee.menu' });
    if (answer.kind === 'choice' && answer.value === 'skip')
      return moveTo(state, { at: 'coffee.menu' }, [{ text: ctx.say('coffee.zone.skipped') }]);
    const read = readCoffeeZone(typedText(answer) ?? '', ctx);
    if (!read) return reask(state, { text: ctx.say('coffee.zone.unknown') });
    return setZone(state, read.zone, read.text);
  },
};

export const handlers: Handlers<'coffee.menu' | 'coffee.snooze' | 'coffee.text' | 'coffee.zone'> = {
  'coffee.menu': coffeeMenu,
  'coffee.snooze': coffeeSnooze,
  'coffee.text': coffeeText,
  'coffee.zone': coffeeZoneStep,
};
