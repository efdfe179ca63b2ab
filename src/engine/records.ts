import { z } from 'zod';
import { OUTCOMES } from '../pairing/community.js';

/** Parts of the member's record that several flows share; pure schemas, no flow knowledge. */

export const localDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const shortText = z.string().max(2000);

/** A summary of the map taken before additions, to show what changed. */
export const SnapshotSchema = z.object({
  size: z.number().int(),
  weak: z.number().int(),
  strong: z.number().int(),
  domainsUsed: z.number().int(),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

/**
 * A dated intention the coach comes back to: a request to make, an event to debrief, the next
 * step after a coffee (its title is the step, its person the partner), or getting back in touch
 * with someone from the map (its person; its date the day the coach asks whether it happened).
 */
export const COMMITMENT_KINDS = ['ask', 'event', 'coffee', 'reconnect'] as const;

export const CommitmentSchema = z.object({
  id: z.string(),
  kind: z.enum(COMMITMENT_KINDS),
  title: z.string().max(2000),
  person: z.string().max(100).optional(),
  date: localDateSchema,
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

/** Why a member goes to a coffee, chosen when preparing it. */
export const PURPOSES = ['learn', 'reconnect', 'ask'] as const;

/** One virtual coffee of the member: who with, how it went, and the reflection afterwards. */
export const CoffeeSchema = z.object({
  round: z.number().int().min(1),
  at: z.string(),
  /** Up to six: groups run up to six people, seven when the count does not divide. */
  partners: z.array(z.object({ user: z.string().max(200), name: z.string().max(60) })).max(6),
  organiser: z.boolean(),
  /** The times proposed to the group (ISO, UTC), the member's zone they were shown in, and the ones they picked. */
  slots: z.array(z.iso.datetime()).max(3).optional(),
  zone: z.string().max(80).optional(),
  picked: z.array(z.iso.datetime()).max(3).optional(),
  /** With none of the proposed times: the two the member offered in their own words. */
  own: z.array(z.iso.datetime()).max(2).optional(),
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
  /** The next step: what it is, with whom, by when (nextStep), and the commitment it became. */
  next: shortText.optional(),
  nextWith: z.string().max(100).optional(),
  nextStep: localDateSchema.optional(),
  commitment: z.string().optional(),
});
export type Coffee = z.infer<typeof CoffeeSchema>;
