/**
 * The registry: every exercise and tool declares itself in its own module (its id, flows with
 * their schemas and handlers, draft, menu entry, parking rule, jobs); this file composes the
 * engine's flow schema, handler map, menu and job handling from them. A new exercise is its own
 * folder, its two text files (prompts/en and prompts/nl), and one line in EXERCISES.
 */
import type { z } from 'zod';
import type { Job, Reply } from '../core/types.js';
import type { Ctx, DueHandler, ExerciseDefinition, FlowHandlers, Outcome } from '../engine/flow.js';
import type { Flow, FlowAt, State } from '../engine/state.js';
import type { TextKey } from '../texts/catalog.js';
import * as askForHelp from './ask-for-help/index.js';
import * as awareness from './awareness/index.js';
import * as nextStep from './awareness/next-step.js';
import * as coached from './coached.js';
import * as coffee from './coffee/index.js';
import * as followup from './followup.js';
import * as hook from './hook/index.js';
import * as menu from './menu.js';
import * as network from './network.js';
import * as people from './people.js';
import * as when from './when.js';

/** The exercises, in the menu's order. */
const EXERCISES = [awareness, askForHelp, hook, coffee] as const;
/** The flows around the exercises: menu, my network, the same-person question, dates, follow-ups, the model coach's question, the map's next step. */
const TOOLS = [menu, network, people, when, followup, coached, nextStep] as const;

type ExerciseModule = (typeof EXERCISES)[number];
type FlowSchemaOf = (typeof EXERCISES | typeof TOOLS)[number]['flows'][number];
type WithDraft = Extract<ExerciseModule, { draft: z.ZodType }>;

export const EXERCISE_IDS = EXERCISES.map((e) => e.id) as [ExerciseModule['id'], ...ExerciseModule['id'][]];

/** Every flow's schema; the engine's FlowSchema is their union on `at`. */
export const FLOW_SCHEMAS = [...TOOLS, ...EXERCISES].flatMap((m): readonly FlowSchemaOf[] => m.flows) as [
  FlowSchemaOf,
  ...FlowSchemaOf[],
];

/** Each exercise's answers so far, under its id (for the exercises that keep a draft). */
export const DRAFT_SCHEMAS = Object.fromEntries(
  EXERCISES.flatMap((e) => ('draft' in e ? [[e.id, e.draft.optional()]] : [])),
) as { [E in WithDraft as E['id']]: z.ZodOptional<E['draft']> };

const DEFINITIONS: readonly ExerciseDefinition[] = EXERCISES.map((e) => e.exercise);

export const HANDLERS = Object.assign(
  {},
  menu.menuFlows(DEFINITIONS),
  network.handlers,
  people.handlers,
  when.whenFlows(DEFINITIONS),
  when.handlers,
  followup.handlers,
  coached.handlers,
  nextStep.handlers,
  ...EXERCISES.map((e) => e.exercise.handlers),
) as FlowHandlers;

const unhandled = FLOW_SCHEMAS.map((s) => s.shape.at.value).filter((at) => !(at in HANDLERS));
if (unhandled.length > 0) throw new Error(`Flows without a handler: ${unhandled.join(', ')}`);

/** The exercise a flow belongs to, so leaving it for the menu parks it for later. */
export function exerciseOf(flow: Flow): ExerciseDefinition['id'] | undefined {
  const at = flow.at === 'coach.deepen' || flow.at === 'people.same' ? (flow.resume as Flow) : flow;
  if (at.at === 'when.timezone' || at.at === 'when.hour')
    return DEFINITIONS.find((e) => e.id === at.resume)?.id;
  return DEFINITIONS.find((e) => e.parks(at))?.id;
}

const JOBS: Record<string, DueHandler> = Object.assign(
  {
    'help.followup': followup.followUpDue,
    'hook.debrief': followup.followUpDue,
    'coffee.next': followup.followUpDue,
    'reconnect.followup': followup.followUpDue,
  },
  ...DEFINITIONS.map((e) => e.jobs ?? {}),
);

/**
 * The order in which waiting questions come, most time-sensitive first; a kind not listed comes
 * last. An ask's follow-up comes first: its answer sets the record of asks and the person's last
 * contact, and it is the shortest question. An event's debrief next: the hooks used and the names
 * met fade within days. Then a coffee's next step and getting back in touch, commitments like an ask. The heads-up before a round has until the round starts, a day at most. The offer to prepare a coffee (from its intro) must come before the coffee
 * itself, so before any check-in; the check-in before the question whether to stay in the rounds;
 * the look back at the map has no deadline at all.
 */
type WhatKey = Extract<TextKey, `queue.what.${string}`>;

const DUE_ORDER: readonly { kind: string; what: WhatKey }[] = [
  { kind: 'help.followup', what: 'queue.what.ask' },
  { kind: 'hook.debrief', what: 'queue.what.event' },
  { kind: 'coffee.next', what: 'queue.what.nextStep' },
  { kind: 'reconnect.followup', what: 'queue.what.reconnect' },
  { kind: 'coffee.headsup', what: 'queue.what.headsup' },
  { kind: 'coffee.intro', what: 'queue.what.prepare' },
  { kind: 'coffee.checkin', what: 'queue.what.checkin' },
  { kind: 'coffee.stay', what: 'queue.what.stay' },
  { kind: 'awareness.revisit', what: 'queue.what.revisit' },
];

/** A job kind's place in the order of waiting questions. */
export const dueRank = (kind: string): number => {
  const rank = DUE_ORDER.findIndex((d) => d.kind === kind);
  return rank < 0 ? DUE_ORDER.length : rank;
};

/** What a waiting question of this kind is about, in the note that says it waits. */
export const dueWhat = (kind: string): WhatKey =>
  DUE_ORDER.find((d) => d.kind === kind)?.what ?? 'queue.what.other';

/** Places where the member is not in the middle of anything: a due follow-up may take over. */
export const IDLE_FLOWS: ReadonlySet<FlowAt> = new Set<FlowAt>([
  'welcome',
  'menu',
  'commitments.list',
  'network.overview',
  ...DEFINITIONS.flatMap((e) => e.idle ?? []),
]);

/** Where an exercise begins when it is opened by its command word. */
export const startOf = (id: ExerciseDefinition['id']): Flow =>
  DEFINITIONS.find((e) => e.id === id)?.start ?? { at: 'menu' };

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
  return DEFINITIONS.find((e) => e.id === id)?.shortcut?.(state, args, ctx);
}

/** "My progress", with each exercise's own lines. */
export const progressReply = (state: State, ctx: Ctx): Reply => menu.progressOf(DEFINITIONS, state, ctx);

export { applyCoach } from './coached.js';
export { starter as coffeeStarter } from './coffee/round.js';
export { yesNo } from './kit.js';
export { helpReply } from './menu.js';
export { networkView } from './network.js';
export { snapshot } from './people.js';
export { mapPicture } from './picture.js';
