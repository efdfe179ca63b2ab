import { z } from 'zod';
import { DOMAINS, NetworkSchema } from '../network/model.js';
import { LANGS, MemberRefSchema } from './types.js';

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

const EDIT_FIELDS = ['name', 'ring', 'contact', 'domain'] as const;
export type EditField = (typeof EDIT_FIELDS)[number];

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
      exercise: z.literal('awareness'),
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
});
export type State = z.infer<typeof StateSchema>;

/** Upgrades a stored record of any earlier version, then validates it. Throws when it cannot. */
export function migrateState(raw: unknown): State {
  return StateSchema.parse(raw);
}
