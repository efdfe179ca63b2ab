import { z } from 'zod';
import { LANGS, MemberRefSchema } from '../core/types.js';
import { DOMAINS, NetworkSchema } from '../network/model.js';
import { CoffeePrefsSchema, defaultPrefs, OUTCOMES } from '../pairing/community.js';

export const STATE_VERSION = 1;

const index = z.number().int().min(0);

/** A summary of the map taken before additions, to show what changed. */
export const SnapshotSchema = z.object({
  size: z.number().int(),
  weak: z.number().int(),
  strong: z.number().int(),
  domainsUsed: z.number().int(),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

export const NEEDS = ['information', 'introduction', 'advice', 'feedback', 'opportunity'] as const;
export type Need = (typeof NEEDS)[number];
export const CHANNELS = ['call', 'inperson', 'video', 'message'] as const;
export const SMART_LETTERS = ['S', 'M', 'A', 'R', 'T'] as const;
export type SmartLetter = (typeof SMART_LETTERS)[number];
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const shortText = z.string().max(2000);

/** An ask-for-help exercise in progress. */
export const HelpDraftSchema = z.object({
  goal: shortText.optional(),
  need: z.enum(NEEDS).optional(),
  belief: z.number().int().min(0).max(5).optional(),
  reversal: shortText.optional(),
  request: z.string().max(6000).optional(),
  smartAsked: z.array(z.enum(SMART_LETTERS)).default([]),
  whom: z.string().max(100).optional(),
  channel: z.enum(CHANNELS).optional(),
  date: localDate.optional(),
  offer: shortText.optional(),
  /** The language-model coach's improved draft of the request, offered once to use or not. */
  suggested: z.string().max(1200).optional(),
});
export type HelpDraft = z.infer<typeof HelpDraftSchema>;

/** A hook exercise in progress: one event prepared. */
export const HookDraftSchema = z.object({
  event: shortText.optional(),
  date: localDate.optional(),
  online: z.boolean().optional(),
  topics: z.array(z.string().max(200)).default([]),
  goal: shortText.optional(),
  hooks: z.array(shortText).default([]),
  people: shortText.optional(),
  openers: z.array(shortText).default([]),
  intro: shortText.optional(),
  closing: z.enum(['connect', 'coffee']).optional(),
  message: shortText.optional(),
  /** Openers the language-model coach wrote from the hooks, one per topic; replace the scripted ones. */
  suggested: z.array(z.string().max(700)).max(4).optional(),
});
export type HookDraft = z.infer<typeof HookDraftSchema>;

export const EXERCISES = ['awareness', 'ask-for-help', 'hook', 'coffee'] as const;
export type Exercise = (typeof EXERCISES)[number];

/** A dated intention the coach comes back to: a request to make, or an event to debrief. */
export const CommitmentSchema = z.object({
  id: z.string(),
  kind: z.enum(['ask', 'event']),
  title: z.string().max(2000),
  person: z.string().max(100).optional(),
  date: localDate,
  jobId: z.string(),
  status: z.enum(['open', 'done', 'cancelled']),
  /** Ask: how many of five the member expected to say yes; the outcome once known. */
  predicted: z.number().int().min(0).max(5).optional(),
  outcome: z.enum(['yes', 'no']).optional(),
  story: shortText.optional(),
  /** Event: the hooks used and who was met, from the debrief. */
  met: z.number().int().min(0).optional(),
  createdAt: z.string(),
});
export type Commitment = z.infer<typeof CommitmentSchema>;

export const PURPOSES = ['learn', 'reconnect', 'ask'] as const;

/** One virtual coffee of the member: who with, how it went, and the reflection afterwards. */
export const CoffeeSchema = z.object({
  round: z.number().int().min(1),
  at: z.string(),
  partners: z.array(z.object({ user: z.string().max(200), name: z.string().max(60) })).max(2),
  organiser: z.boolean(),
  outcome: z.enum(OUTCOMES).optional(),
  purpose: z.enum(PURPOSES).optional(),
  questions: shortText.optional(),
  offer: shortText.optional(),
  story: shortText.optional(),
  /** The liking gap: how much the member enjoyed it, and how much they think their partner did (1-5). */
  enjoyedSelf: z.number().int().min(1).max(5).optional(),
  enjoyedThem: z.number().int().min(1).max(5).optional(),
  learned: shortText.optional(),
  theirNeed: shortText.optional(),
  askedFor: z.boolean().optional(),
  nextStep: localDate.optional(),
});
export type Coffee = z.infer<typeof CoffeeSchema>;

const CoffeeStateSchema = z.object({
  prefs: CoffeePrefsSchema,
  coffees: z.array(CoffeeSchema).max(200),
});

export const COFFEE_TEXT_FIELDS = ['intro', 'group', 'hours', 'block', 'name'] as const;
export type CoffeeTextField = (typeof COFFEE_TEXT_FIELDS)[number];
export const REFLECT_STEPS = [
  'story',
  'enjoyedSelf',
  'enjoyedThem',
  'learned',
  'theirNeed',
  'askedFor',
  'next',
] as const;
export const PREPARE_STEPS = ['purpose', 'questions', 'offer'] as const;

/** What follows once a date has a time zone and an hour. */
const AFTER_TIME = ['help', 'hook'] as const;

const EDIT_FIELDS = ['name', 'ring', 'contact', 'domain'] as const;
export type EditField = (typeof EDIT_FIELDS)[number];

/** Where the coach's deepening question returns to: the step after the answer it was about. */
const DEEPEN_RESUME = z.discriminatedUnion('at', [
  z.object({ at: z.literal('help.need') }),
  z.object({ at: z.literal('help.request') }),
  z.object({ at: z.literal('hook.hook'), index: index }),
  z.object({ at: z.literal('hook.people') }),
]);
export type DeepenResume = z.infer<typeof DEEPEN_RESUME>;
export const DEEPEN_FIELDS = ['goal', 'reversal', 'hook'] as const;

/** Where the member is: one serialisable step of one flow. */
export const FlowSchema = z.discriminatedUnion('at', [
  z.object({ at: z.literal('welcome') }),
  z.object({ at: z.literal('menu') }),
  z.object({ at: z.literal('awareness.intro') }),
  z.object({ at: z.literal('awareness.recall'), domain: index, probed: z.boolean() }),
  z.object({ at: z.literal('awareness.career'), question: index }),
  z.object({ at: z.literal('awareness.resources'), item: index }),
  z.object({
    at: z.literal('rate'),
    queue: z.array(z.string()),
    next: z.enum(['resources', 'network']),
    before: SnapshotSchema.optional(),
  }),
  z.object({ at: z.literal('network.overview') }),
  z.object({ at: z.literal('network.revisit'), before: SnapshotSchema }),
  z.object({ at: z.literal('network.addDomain'), before: SnapshotSchema }),
  z.object({ at: z.literal('network.addNames'), domain: z.enum(DOMAINS), before: SnapshotSchema }),
  z.object({ at: z.literal('network.pick'), purpose: z.enum(['edit', 'remove']) }),
  z.object({ at: z.literal('network.edit'), person: z.string() }),
  z.object({ at: z.literal('network.editValue'), person: z.string(), field: z.enum(EDIT_FIELDS) }),
  z.object({ at: z.literal('network.remove'), person: z.string() }),
  z.object({ at: z.literal('help.intro') }),
  z.object({ at: z.literal('help.goal') }),
  z.object({ at: z.literal('help.need') }),
  z.object({ at: z.literal('help.belief') }),
  z.object({ at: z.literal('help.reversal') }),
  z.object({ at: z.literal('help.request') }),
  z.object({ at: z.literal('help.smart'), letter: z.enum(SMART_LETTERS) }),
  z.object({ at: z.literal('help.draft') }),
  z.object({ at: z.literal('help.easyOut') }),
  z.object({ at: z.literal('help.whom') }),
  z.object({ at: z.literal('help.channel') }),
  z.object({ at: z.literal('help.date') }),
  z.object({ at: z.literal('help.offer') }),
  z.object({ at: z.literal('hook.event') }),
  z.object({ at: z.literal('hook.date') }),
  z.object({ at: z.literal('hook.format') }),
  z.object({ at: z.literal('hook.topics') }),
  z.object({ at: z.literal('hook.goal') }),
  z.object({ at: z.literal('hook.hook'), index: index }),
  z.object({ at: z.literal('hook.people') }),
  z.object({ at: z.literal('hook.opener'), index: index }),
  z.object({ at: z.literal('hook.intro') }),
  z.object({ at: z.literal('hook.closing') }),
  z.object({ at: z.literal('hook.online') }),
  z.object({ at: z.literal('when.timezone'), resume: z.enum(AFTER_TIME) }),
  z.object({ at: z.literal('when.hour'), resume: z.enum(AFTER_TIME) }),
  z.object({ at: z.literal('when.move'), commitment: z.string() }),
  z.object({ at: z.literal('followup.asked'), commitment: z.string() }),
  z.object({ at: z.literal('followup.story'), commitment: z.string() }),
  z.object({ at: z.literal('debrief.hooks'), commitment: z.string() }),
  z.object({ at: z.literal('debrief.people'), commitment: z.string() }),
  z.object({ at: z.literal('commitments.list') }),
  z.object({ at: z.literal('coffee.menu') }),
  z.object({ at: z.literal('coffee.snooze') }),
  z.object({ at: z.literal('coffee.text'), field: z.enum(COFFEE_TEXT_FIELDS) }),
  z.object({ at: z.literal('coffee.prepare'), round: index, step: z.enum(PREPARE_STEPS) }),
  z.object({ at: z.literal('coffee.checkin'), round: index }),
  z.object({ at: z.literal('coffee.reflect'), round: index, step: z.enum(REFLECT_STEPS) }),
  z.object({ at: z.literal('coffee.stay') }),
  z.object({ at: z.literal('commitments.item'), commitment: z.string() }),
  /** The language-model coach's one deepening question about a free-text answer. */
  z.object({
    at: z.literal('coach.deepen'),
    question: z.string().max(600),
    field: z.enum(DEEPEN_FIELDS),
    index: index,
    resume: DEEPEN_RESUME,
  }),
]);
export type Flow = z.infer<typeof FlowSchema>;
export type FlowAt = Flow['at'];
export type FlowOf<A extends FlowAt> = Extract<Flow, { at: A }>;

/** A question laid over the flow that returns to it when answered. */
export const OVERLAYS = ['paused', 'language', 'forget'] as const;

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
      exercise: z.enum(EXERCISES),
      at: z.string(),
      metrics: z.record(z.string(), z.unknown()),
    }),
  ),
  jobs: z.array(z.string()),
  /** Recently handled event ids with their time, so a retried event is answered once. */
  seen: z.array(z.tuple([z.string(), z.number()])),
  turn: z.number().int().min(0),
  /** Messages that arrived while no door was open, shown first on the next turn. */
  inbox: z.array(
    z.object({
      text: z.string(),
      choices: z.array(z.object({ id: z.string(), label: z.string() })).optional(),
    }),
  ),
  createdAt: z.string(),
  /** The member's IANA time zone, from the platform or asked once; null until known. */
  timezone: z.string().nullable().default(null),
  /** The local hour the member likes follow-ups at, asked once; never in the night. */
  nudgeHour: z.number().int().min(7).max(21).nullable().default(null),
  drafts: z.object({ help: HelpDraftSchema.optional(), hook: HookDraftSchema.optional() }).default({}),
  /** Where an exercise was left, to resume it from the menu. */
  parked: z.partialRecord(z.enum(EXERCISES), FlowSchema).default({}),
  commitments: z.array(CommitmentSchema).default([]),
  /** Virtual coffees: the member's choices and their coffees so far. */
  coffee: CoffeeStateSchema.default(() => ({ prefs: defaultPrefs(), coffees: [] })),
  /** Language-model calls made for this member today (UTC), against the daily budget. */
  coach: z.object({ day: localDate, calls: z.number().int().min(0) }).optional(),
});
export type State = z.infer<typeof StateSchema>;

/** Upgrades a stored record of any earlier version, then validates it. Throws when it cannot. */
export function migrateState(raw: unknown): State {
  return StateSchema.parse(raw);
}
