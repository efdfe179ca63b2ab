import { z } from 'zod';
import type { Person } from '../network/model.js';
import type { MapLabels } from '../network/picture.js';
import { MAX_INTRO_TEMPLATE } from '../pairing/intro-template.js';
import type { CoffeeAdapter } from '../pairing/service.js';

export const LANGS = ['en', 'nl'] as const;
export type Lang = (typeof LANGS)[number];

/** The language a platform locale such as "nl-NL" names, when it is one of ours. */
export function guessLang(locale: string | undefined): Lang | undefined {
  const prefix = locale?.slice(0, 2).toLowerCase();
  return LANGS.find((l) => l === prefix);
}

export const PLATFORMS = ['slack', 'discord', 'console'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** Longest text an adapter may hand over; the engine answers politely past its own, lower limit. */
export const MAX_INBOUND_TEXT = 100_000;

const id = z.string().min(1).max(200);

export const MemberRefSchema = z.object({
  platform: z.enum(PLATFORMS),
  space: id,
  user: id,
});
export type MemberRef = z.infer<typeof MemberRefSchema>;

export const memberKey = (m: MemberRef): string => `${m.platform}:${m.space}:${m.user}`;

/** A virtual coffee a job is about: the round, the partners (user and first name), who organises. */
export const CoffeeJobSchema = z.object({
  round: z.number().int().min(1),
  partners: z
    .array(
      z.object({
        user: id,
        name: z.string().max(60),
        intro: z.string().max(200).optional(),
        topics: z.array(z.string().max(200)).max(4).optional(),
        /** The partner's IANA zone, so the intro can say their local time. */
        timezone: z.string().max(80).optional(),
      }),
    )
    // Groups run up to six, and seven when the count does not divide (src/pairing/groups.ts).
    .max(6),
  organiser: id,
  /** The round's start, for a heads-up the day before: after it the question is moot. */
  startsAt: z.iso.datetime().optional(),
  /** In `gaps` mode: whose need a partner offers (users), told only with both members' consent. */
  why: z
    .array(z.object({ needer: id, offerer: id, tag: z.string().max(40) }))
    .max(7)
    .optional(),
  /** Three proposed 30-minute starts inside every member's working hours (src/pairing/slots.ts). */
  slots: z.array(z.iso.datetime()).max(3).optional(),
  /** The member's own zone, in which the intro shows the times. */
  zone: z.string().max(80).optional(),
  /**
   * The community's own intro ("coffee set intro"), for a door with no group conversation to post
   * it in (the terminal): the member's intro then says it, with the organiser's name as the group
   * reads it (also to the organiser: the text was written for the group).
   */
  template: z.object({ text: z.string().max(MAX_INTRO_TEMPLATE), organiser: z.string().max(60) }).optional(),
  /** The time the group set (a reminder's job): ISO, UTC. */
  setAt: z.iso.datetime().optional(),
  /** No common working time: the start that stretches anyone's day the least. */
  closest: z.iso.datetime().optional(),
  /** The community's language: a member the coach has no record of yet is first spoken to in it. */
  lang: z.enum(LANGS).optional(),
});

export const JobSchema = z.object({
  id,
  /** `<exercise>.<what>`: the exercise that scheduled it handles it (see src/exercises/index.ts). */
  kind: z
    .string()
    .regex(/^[a-z-]+\.[a-zA-Z]+$/)
    .max(60),
  member: MemberRefSchema,
  due: z.iso.datetime(),
  /** The commitment a follow-up is about. */
  commitment: z.string().max(100).optional(),
  coffee: CoffeeJobSchema.optional(),
});
export type Job = z.infer<typeof JobSchema>;

/** What a platform tells about the member with each event, where it knows: used on first contact. */
const profile = {
  locale: z.string().max(50).optional(),
  /** An IANA time zone such as Europe/Amsterdam. */
  timezone: z.string().max(80).optional(),
  /** The member's display name, where the platform tells it; partners see the first name. */
  displayName: z.string().max(200).optional(),
  /** The platform says this member may change community settings (workspace or server admin). */
  admin: z.boolean().optional(),
};

/** Most options one multi-select question holds: Discord's limit for a select menu, and what a list can show. */
export const MAX_PICK_OPTIONS = 25;

export const InboundSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('text'),
    id,
    member: MemberRefSchema,
    text: z.string().max(MAX_INBOUND_TEXT),
    ...profile,
  }),
  z.object({
    kind: z.literal('choice'),
    id,
    member: MemberRefSchema,
    value: z.string().max(200),
    ...profile,
  }),
  z.object({
    kind: z.literal('picks'),
    id,
    member: MemberRefSchema,
    /** The options of a `Reply.pick` the member chose, by id; none is a choice too. */
    values: z.array(z.string().max(200)).max(MAX_PICK_OPTIONS),
    ...profile,
  }),
  z.object({
    kind: z.literal('form'),
    id,
    member: MemberRefSchema,
    fields: z.record(z.string().max(100), z.string().max(MAX_INBOUND_TEXT)),
    ...profile,
  }),
  z.object({
    kind: z.literal('command'),
    id,
    member: MemberRefSchema,
    name: z.string().max(100),
    args: z.array(z.string().max(1000)).max(20),
    ...profile,
  }),
  z.object({ kind: z.literal('due'), id, member: MemberRefSchema, job: JobSchema }),
]);
export type Inbound = z.infer<typeof InboundSchema>;

export interface Choice {
  id: string;
  label: string;
  /** Other words that mean this choice, in the member's language ("bellen", "phone" for a call). */
  words?: readonly string[];
}

/**
 * A question that takes any number of its options at once ("Which of these are close to you?"):
 * Slack's multi-select, Discord's select menu, numbers such as `1, 4, 7` typed in the terminal.
 * The reply's `choices` stay beside it as buttons ("None of them").
 */
export interface Pick {
  /** At most MAX_PICK_OPTIONS, in the order the member sees them (the terminal numbers them 1…n). */
  options: Choice[];
  /** Short text inside an empty menu ("Pick the people"). */
  placeholder: string;
}

export interface FormField {
  id: string;
  label: string;
  multiline?: boolean;
  optional?: boolean;
  value?: string;
}

export interface Form {
  id: string;
  title: string;
  submit: string;
  fields: FormField[];
}

/** Everything needed to draw a member's map, in their language. */
export interface MapDrawing {
  people: Person[];
  labels: MapLabels;
  alt: string;
}

export interface Reply {
  text: string;
  choices?: Choice[];
  pick?: Pick;
  form?: Form;
  image?: { png: Uint8Array; alt: string };
  /** A map the engine draws into `image` after the turn is saved, so no step does native work. */
  draw?: MapDrawing;
  file?: { name: string; content: string };
}

export interface CoachEvent {
  name: 'exercise.completed';
  exercise: 'awareness' | 'ask-for-help' | 'hook' | 'coffee';
  data: Record<string, unknown>;
}

/** What an adapter is told with each delivery, so that it never reads the member's record. */
export interface Delivery {
  /** The member's language (the default when nothing is stored): for the adapter's own words. */
  lang: Lang;
  /**
   * The key of the question the member is at once these replies are read (see
   * src/engine/question-key.ts); absent when nothing is stored of them.
   */
  questionKey?: string;
}

/** How replies leave the engine; each adapter renders them for its platform. */
export interface Outbox {
  /** Sends replies; false when the member turned out unreachable, so the engine keeps them. */
  // biome-ignore lint/suspicious/noConfusingVoidType: adapters that always deliver return nothing
  deliver(member: MemberRef, replies: Reply[], delivery: Delivery): Promise<void | boolean>;
  emit?(member: MemberRef, event: CoachEvent): Promise<void>;
  /** False when no adapter to the member is open now; their replies then wait in their record. */
  reachable?(member: MemberRef): boolean;
  /** The member's data was deleted: drop anything the adapter keeps of them too. */
  forgotten?(member: MemberRef): Promise<void>;
  /** The adapter's side of virtual-coffee rounds: pool, names, group intros. */
  coffee?: CoffeeAdapter;
}
