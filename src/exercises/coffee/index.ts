import { z } from 'zod';
import type { ExerciseDefinition } from '../../engine/flow.js';
import { handlers as choices, coffeeShortcut } from './choices.js';
import { handlers as headsup, headsupDue } from './headsup.js';
import { afterTime, handlers as reflection } from './reflect.js';
import { coffeeDue, coffeeProgress, reminderDue, handlers as round } from './round.js';

export const COFFEE_TEXT_FIELDS = ['intro', 'group', 'hours', 'block', 'name', 'needs', 'offers'] as const;
export type CoffeeTextField = (typeof COFFEE_TEXT_FIELDS)[number];
const PREPARE_STEPS = ['purpose', 'questions', 'offer'] as const;
const REFLECT_STEPS = [
  'story',
  'enjoyedSelf',
  'enjoyedThem',
  'learned',
  'theirNeed',
  'askedFor',
  'next',
  'nextWith',
  'nextWhen',
] as const;

const inRound = { round: z.number().int().min(0) };

/**
 * Exercise 4, virtual coffees: the member's choices, preparing a coffee, the check-in and the
 * reflection afterwards. The rounds themselves are made by src/pairing.
 */
export const id = 'coffee';

export const flows = [
  z.object({ at: z.literal('coffee.menu') }),
  z.object({ at: z.literal('coffee.snooze') }),
  z.object({ at: z.literal('coffee.zone') }),
  z.object({ at: z.literal('coffee.text'), field: z.enum(COFFEE_TEXT_FIELDS) }),
  z.object({ at: z.literal('coffee.prepare'), ...inRound, step: z.enum(PREPARE_STEPS) }),
  z.object({ at: z.literal('coffee.checkin'), ...inRound }),
  z.object({ at: z.literal('coffee.times'), ...inRound }),
  z.object({ at: z.literal('coffee.own'), ...inRound }),
  z.object({ at: z.literal('coffee.reflect'), ...inRound, step: z.enum(REFLECT_STEPS) }),
  z.object({ at: z.literal('coffee.stay') }),
  z.object({ at: z.literal('coffee.headsup'), ...inRound, startsAt: z.iso.datetime() }),
] as const;

export const exercise: ExerciseDefinition<z.infer<(typeof flows)[number]>['at']> = {
  id,
  start: { at: 'coffee.menu' },
  menu: { start: 'coffee.menu.title', resume: 'coffee.menu.resume', afterTools: true },
  handlers: { ...choices, ...round, ...reflection, ...headsup },
  // The zone question asked on joining is optional: a coffee intro may take its place.
  idle: ['coffee.menu', 'coffee.zone'],
  // Only the reflection is worth coming back to; the choices and a coffee's questions come again.
  parks: (flow) => flow.at === 'coffee.reflect',
  afterTime,
  jobs: {
    'coffee.intro': coffeeDue,
    'coffee.checkin': coffeeDue,
    'coffee.stay': coffeeDue,
    'coffee.headsup': headsupDue,
    'coffee.reminder': reminderDue,
  },
  progress: coffeeProgress,
  shortcut: coffeeShortcut,
};
