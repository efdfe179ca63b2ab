import { z } from 'zod';
import { LANGS, MemberRefSchema } from '../core/types.js';
import { DRAFT_SCHEMAS, EXERCISE_IDS, FLOW_SCHEMAS } from '../exercises/index.js';
import { NetworkSchema } from '../network/model.js';
import { CoffeePrefsSchema, defaultPrefs } from '../pairing/community.js';
import { CoffeeSchema, CommitmentSchema, localDateSchema } from './records.js';

/** The largest file a note kept for later carries (an .ics invite is about a kilobyte). */
export const MAX_KEPT_FILE = 20_000;

/** 2: the ask-for-help flows and draft are named for the exercise ("help.goal" became "ask-for-help.goal"). */
export const STATE_VERSION = 2;

export type ExerciseId = (typeof EXERCISE_IDS)[number];

/** Where the member is: one serialisable step of one flow, as the exercises and tools declare them. */
export const FlowSchema = z.discriminatedUnion('at', FLOW_SCHEMAS);
export type Flow = z.infer<typeof FlowSchema>;
export type FlowAt = Flow['at'];
export type FlowOf<A extends FlowAt> = Extract<Flow, { at: A }>;

/** A question laid over the flow that returns to it when answered. */
export const OVERLAYS = ['paused', 'language', 'forget'] as const;

/** A due question waiting its turn: the flow it opens, the kind and id of its job, and when it fell due. */
const WaitingSchema = z.object({
  kind: z.string().max(60),
  job: z.string().max(1000),
  flow: FlowSchema,
  at: z.string(),
});
export type Waiting = z.infer<typeof WaitingSchema>;

const CoffeeStateSchema = z.object({
  prefs: CoffeePrefsSchema,
  coffees: z.array(CoffeeSchema).max(200),
  /**
   * The zone the member gave for coffee times, for platforms that send none (Discord); it wins
   * over the platform's, since the member chose it.
   */
  zone: z.string().max(80).optional(),
  /** The coffee zone question was asked (answered or skipped): it is not asked again on its own. */
  zoneAsked: z.boolean().optional(),
});

export const StateSchema = z.object({
  v: z.literal(STATE_VERSION),
  member: MemberRefSchema,
  lang: z.enum(LANGS),
  flow: FlowSchema,
  overlay: z.enum(OVERLAYS).nullable(),
  network: NetworkSchema,
  nextPersonId: z.number().int().min(1),
  completed: z.array(
    z.object({
      exercise: z.enum(EXERCISE_IDS),
      at: z.string(),
      metrics: z.record(z.string(), z.unknown()),
    }),
  ),
  jobs: z.array(z.string()),
  /** Recently handled event ids with their time, so a retried event is answered once. */
  seen: z.array(z.tuple([z.string(), z.number()])),
  turn: z.number().int().min(0),
  /** Messages that arrived while no adapter was open, shown first on the next turn. */
  inbox: z.array(
    z.object({
      text: z.string(),
      choices: z.array(z.object({ id: z.string(), label: z.string() })).optional(),
      /** A small file kept with its note (a coffee's .ics invite), delivered with it later. */
      file: z.object({ name: z.string().max(200), content: z.string().max(MAX_KEPT_FILE) }).optional(),
    }),
  ),
  createdAt: z.string(),
  /** The member's IANA time zone, from the platform or asked once; null until known. */
  timezone: z.string().nullable().default(null),
  /** The platform's locale ("en-US", "nl-NL") when it sent one: it decides how "3/12" is read. */
  locale: z.string().max(50).optional(),
  /** The local hour the member likes follow-ups at, asked once; never in the night. */
  nudgeHour: z.number().int().min(7).max(21).nullable().default(null),
  /** Each exercise's answers so far, under its id. */
  drafts: z.object(DRAFT_SCHEMAS).default({}),
  /** Where an exercise was left, to resume it from the menu. */
  parked: z.partialRecord(z.enum(EXERCISE_IDS), FlowSchema).default({}),
  commitments: z.array(CommitmentSchema).default([]),
  /** Virtual coffees: the member's choices and their coffees so far. */
  coffee: CoffeeStateSchema.default(() => ({ prefs: defaultPrefs(), coffees: [] })),
  /**
   * Due questions that could not be asked when they fell due (the member was busy), in the order
   * they come: most time-sensitive first (see dueRank), then oldest first. `job` is the job that
   * brought it, `at` when it fell due.
   */
  waiting: z.array(WaitingSchema).max(50).default([]),
  /** The last due question opened, and when: one left unanswered for long gives way to the next. */
  lastDue: z.object({ flow: FlowSchema, at: z.string() }).optional(),
  /** Language-model calls made for this member today (UTC), against the daily budget. */
  coach: z.object({ day: localDateSchema, calls: z.number().int().min(0) }).optional(),
});
export type State = z.infer<typeof StateSchema>;

type Raw = Record<string, unknown>;
const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Version 1 named the ask-for-help flows "help.*" and its draft "help"; the time questions resumed "help". */
function renameHelpFlow(flow: unknown): unknown {
  if (!isRecord(flow) || typeof flow.at !== 'string') return flow;
  const at = flow.at.startsWith('help.') ? `ask-for-help.${flow.at.slice(5)}` : flow.at;
  const resume = flow.resume === 'help' ? 'ask-for-help' : renameHelpFlow(flow.resume);
  return { ...flow, at, ...(flow.resume === undefined ? {} : { resume }) };
}

function fromV1(raw: Raw): Raw {
  const parked = isRecord(raw.parked)
    ? Object.fromEntries(Object.entries(raw.parked).map(([id, flow]) => [id, renameHelpFlow(flow)]))
    : raw.parked;
  const { help, ...drafts } = isRecord(raw.drafts) ? raw.drafts : {};
  return {
    ...raw,
    v: 2,
    flow: renameHelpFlow(raw.flow),
    parked,
    drafts: help === undefined ? drafts : { ...drafts, 'ask-for-help': help },
  };
}

/** Upgrades a stored record of any earlier version, then validates it. Throws when it cannot. */
export function migrateState(raw: unknown): State {
  const upgraded = isRecord(raw) && raw.v === 1 ? fromV1(raw) : raw;
  return StateSchema.parse(upgraded);
}
