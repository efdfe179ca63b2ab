import { z } from 'zod';
import type { Reply } from '../core/types.js';
import type { Ctx, ExerciseDefinition, Handlers, Outcome } from '../engine/flow.js';
import { moveTo } from '../engine/flow.js';
import type { ExerciseId, State } from '../engine/state.js';
import type { TextKey } from '../texts/catalog.js';
import { progressReply } from './followup.js';
import { choiceStep, option } from './kit.js';
import { networkView } from './network.js';

export const flows = [z.object({ at: z.literal('welcome') }), z.object({ at: z.literal('menu') })] as const;

export const otherLang = (state: State) => (state.lang === 'en' ? 'nl' : 'en');

export const helpReply = (ctx: Ctx): Reply => ({ text: ctx.say('common.help') });

/** A text without placeholders, such as a menu label an exercise declares. */
const plain = (ctx: Ctx, key: TextKey) => (ctx.say as (key: TextKey) => string)(key);

/** "My progress", with each exercise's own lines. */
export const progressOf = (exercises: readonly ExerciseDefinition[], state: State, ctx: Ctx): Reply =>
  progressReply(
    state,
    ctx,
    exercises.flatMap((e) => e.progress?.(state, ctx) ?? []),
  );

/** Opens an exercise where the member left it, or at its start. */
function resume(state: State, exercise: ExerciseDefinition): Outcome {
  const { [exercise.id]: parkedFlow, ...parked } = state.parked;
  return moveTo({ ...state, parked }, parkedFlow ?? exercise.start);
}

/**
 * The welcome and the menu, in the registry's order: each exercise's entry, then the tools ("my
 * network", "my progress", "commitments"), then the exercises that follow them. "Begin" starts
 * the first exercise.
 */
export function menuFlows(exercises: readonly ExerciseDefinition[]): Handlers<'welcome' | 'menu'> {
  const entries = [
    ...exercises.filter((e) => !e.menu.afterTools),
    'tools' as const,
    ...exercises.filter((e) => e.menu.afterTools),
  ];
  const byId = new Map<string, ExerciseDefinition>(exercises.map((e) => [e.id, e]));
  const [first] = exercises;
  const welcome = choiceStep<'welcome'>({
    ask: (_flow, _state, ctx) => ({
      text: ctx.say('welcome.intro'),
      choices: [
        { id: 'begin', label: ctx.say('welcome.begin') },
        { id: 'menu', label: ctx.say('welcome.menu') },
        { id: 'switch', label: ctx.say('welcome.otherLanguage') },
      ],
    }),
    pick(value, flow, state) {
      if (value === 'begin' && first) return moveTo(state, first.start);
      if (value === 'menu') return moveTo(state, { at: 'menu' });
      if (value === 'switch') return { state: { ...state, lang: otherLang(state), flow }, replies: [] };
      return undefined;
    },
  });
  const tools = (ctx: Ctx) => [
    option(ctx, 'network', 'menu.network'),
    option(ctx, 'progress', 'menu.progress'),
    option(ctx, 'commitments', 'menu.commitments'),
  ];
  const menu = choiceStep<'menu'>({
    ask: (_flow, state, ctx) => ({
      text: ctx.say('menu.prompt'),
      choices: [
        ...entries.flatMap((e) =>
          e === 'tools'
            ? tools(ctx)
            : [
                {
                  id: e.id,
                  label: plain(ctx, state.parked[e.id] ? e.menu.resume : e.menu.start),
                  words: ctx.words(e.menu.start),
                },
              ],
        ),
        option(ctx, 'language', 'menu.language'),
        option(ctx, 'help', 'menu.help'),
      ],
    }),
    pick(value, _flow, state, ctx) {
      const exercise = byId.get(value as ExerciseId);
      if (exercise) return resume(state, exercise);
      switch (value) {
        case 'progress':
          return { state, replies: [progressOf(exercises, state, ctx)] };
        case 'commitments':
          return moveTo(state, { at: 'commitments.list' });
        case 'network':
          return moveTo(state, { at: 'network.overview' }, networkView(state, ctx));
        case 'language':
          return { state: { ...state, overlay: 'language' }, replies: [] };
        default:
          return { state, replies: [helpReply(ctx)] };
      }
    },
  });
  return { welcome, menu };
}
