/**
 * The registry: every exercise and tool declares itself in its own module; this file composes
 * the engine's flow schema, handler map, menu, parking rules and job handling from them.
 * A new exercise is its own folder, its two text files (prompts/en and prompts/nl), and a line
 * here.
 */
import type { Job, Reply } from '../core/types.js';
import type { Ctx, DueHandler, ExerciseDefinition, FlowHandlers, Outcome } from '../engine/flow.js';
import type { Flow, State } from '../engine/state.js';
import * as askForHelp from './ask-for-help/index.js';
import * as awareness from './awareness/index.js';
import * as coached from './coached.js';
import * as coffee from './coffee/index.js';
import * as followup from './followup.js';
import * as hook from './hook/index.js';
import * as menu from './menu.js';
import * as network from './network.js';
import * as when from './when.js';

/** The exercises in the menu's order ("tools" is where my network, progress and commitments go). */
const MENU = [awareness.exercise, askForHelp.exercise, hook.exercise, 'tools', coffee.exercise] as const;
const EXERCISES: readonly ExerciseDefinition[] = MENU.filter((e) => e !== 'tools');

export const EXERCISE_IDS = ['awareness', 'ask-for-help', 'hook', 'coffee'] as const;

export const FLOW_SCHEMAS = [
  ...menu.flows,
  ...awareness.flows,
  ...network.flows,
  ...askForHelp.flows,
  ...hook.flows,
  ...when.flows,
  ...followup.flows,
  ...coached.flows,
  ...coffee.flows,
] as const;

/** Each exercise's answers so far, under its id (only exercises that keep a draft). */
export const DRAFT_SCHEMAS = {
  'ask-for-help': askForHelp.draft.optional(),
  hook: hook.draft.optional(),
} as const;

export const HANDLERS: FlowHandlers = {
  ...menu.menuFlows(MENU),
  ...network.handlers,
  ...when.whenFlows(EXERCISES),
  ...when.handlers,
  ...followup.handlers,
  ...coached.handlers,
  ...awareness.exercise.handlers,
  ...askForHelp.exercise.handlers,
  ...hook.exercise.handlers,
  ...coffee.exercise.handlers,
};

/** The exercise a flow belongs to, so leaving it for the menu parks it for later. */
export function exerciseOf(flow: Flow): ExerciseDefinition['id'] | undefined {
  const at = flow.at === 'coach.deepen' ? (flow.resume as Flow) : flow;
  if (at.at === 'when.timezone' || at.at === 'when.hour')
    return EXERCISES.find((e) => e.id === at.resume)?.id;
  return EXERCISES.find((e) => e.parks(at))?.id;
}

const JOBS: Record<string, DueHandler> = Object.assign(
  { 'help.followup': followup.followUpDue, 'hook.debrief': followup.followUpDue },
  ...EXERCISES.map((e) => e.jobs ?? {}),
);

/** What a due job does for its member; undefined for a kind no exercise knows. */
export const dueHandler = (job: Job): DueHandler | undefined => JOBS[job.kind];

/** A job that may be the first thing the coach says to someone: the intro of a coffee round. */
export const greets = (job: Job): boolean => job.kind === 'coffee.intro';

/** Typed shortcuts after an exercise's command word; undefined when there are none. */
export function shortcut(
  id: ExerciseDefinition['id'],
  state: State,
  args: string[],
  ctx: Ctx,
): Outcome | undefined {
  return EXERCISES.find((e) => e.id === id)?.shortcut?.(state, args, ctx);
}

/** "My progress", with each exercise's own lines. */
export const progressReply = (state: State, ctx: Ctx): Reply => menu.progressOf(EXERCISES, state, ctx);

export { applyCoach } from './coached.js';
export { starter as coffeeStarter } from './coffee/round.js';
export { helpReply } from './menu.js';
export { networkView } from './network.js';
export { snapshot } from './people.js';
export { mapPicture } from './picture.js';
