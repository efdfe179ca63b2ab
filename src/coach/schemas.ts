import { z } from 'zod';
import { DOMAINS, type Domain } from '../network/model.js';

/**
 * What a step asks of the language-model coach. Pure data: the engine runs the call, then
 * hands the validated result to applyCoach. Texts here are the member's own, not yet masked.
 */
export type CoachAsk =
  | {
      use: 'reflect';
      input: { field: 'goal' | 'reversal' | 'hook'; index: number; text: string; topic?: string };
    }
  | { use: 'people'; input: { text: string; domain: Domain | null; ids: string[] } }
  | { use: 'smart'; input: { goal?: string; request: string } }
  | { use: 'openers'; input: { event?: string; topics: string[]; hooks: string[] } };

export type CoachUse = CoachAsk['use'];

const line = (max: number) => z.string().trim().min(1).max(max);

/** Output schemas, one per use: anything else the model says counts as a failure. */
export const COACH_SCHEMAS = {
  reflect: z.object({
    reflection: line(400),
    /** One deepening question, or null when the answer is already clear. */
    question: line(200).nullable().optional(),
  }),
  people: z.object({
    people: z
      .array(z.object({ name: line(40), domain: z.enum(DOMAINS).nullable().optional() }))
      .min(1)
      .max(20),
  }),
  smart: z.object({ feedback: line(600), draft: line(1200) }),
  openers: z.object({
    openers: z
      .array(z.object({ anchor: line(200), reveal: line(200), encourage: line(200) }))
      .min(1)
      .max(4),
  }),
} as const;

export type CoachResults = { [U in CoachUse]: z.infer<(typeof COACH_SCHEMAS)[U]> };
/** One use of the coach with its validated answer, names already mapped back. */
export type CoachAnswer = {
  [U in CoachUse]: { ask: Extract<CoachAsk, { use: U }>; result: CoachResults[U] };
}[CoachUse];

/** The answer of `weakties coach check`. */
export const CheckSchema = z.object({ ok: z.boolean(), say: line(300) });
