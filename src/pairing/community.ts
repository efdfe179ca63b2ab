import { z } from 'zod';
import { LANGS, type Lang, type MemberRef, PLATFORMS } from '../core/types.js';
import { MAX_GROUP_SIZE, MIN_GROUP_SIZE } from './groups.js';
import { MAX_INTRO_TEMPLATE } from './intro-template.js';
import { PAIRING_MODES } from './match.js';

/** A community: one Slack workspace, one Discord server, or the terminal ('console', 'local'). */
const CommunityRefSchema = z.object({
  platform: z.enum(PLATFORMS),
  space: z.string().min(1).max(200),
});
export type CommunityRef = z.infer<typeof CommunityRefSchema>;

export const communityOf = (member: MemberRef): CommunityRef => ({
  platform: member.platform,
  space: member.space,
});
export const communityKey = (c: CommunityRef) => `${c.platform}:${c.space}`;
/** The member `user` of a community. */
export const communityMember = (c: CommunityRef, user: string): MemberRef => ({ ...c, user });

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const user = z.string().min(1).max(200);

/** A short tag for what a member looks for or can offer ("health IT", "Python"): trimmed, as typed (see tags.ts). */
export const MAX_TAG = 40;
export const MAX_TAGS = 5;
const TagsSchema = z.array(z.string().trim().min(1).max(MAX_TAG)).max(MAX_TAGS).optional();

/** Working hours as minutes of the day [start, end), in the member's own time zone: 7:00-15:30 is 420-930. */
const WorkingHoursSchema = z
  .object({ start: z.number().int().min(0).max(1439), end: z.number().int().min(1).max(1440) })
  .refine((h) => h.start < h.end, 'working hours start before they end');
export type WorkingHours = z.infer<typeof WorkingHoursSchema>;

/** Records written before minutes were kept hold whole hours [start, end); they are read as minutes. */
const WholeHoursSchema = z
  .tuple([z.number().int().min(0).max(23), z.number().int().min(1).max(24)])
  .transform(([start, end]): WorkingHours => ({ start: start * 60, end: end * 60 }));

/** What a member chose about virtual coffees; kept in their own record and copied to the roster. */
export const CoffeePrefsSchema = z.object({
  /** In the pool; undefined means the community's default (in, when the pool is a channel). */
  joined: z.boolean().optional(),
  /** The first day the member is back in the pool. */
  snoozeUntil: localDate.optional(),
  /** When the member asked to skip: the first round after this instant is skipped. */
  skipFrom: z.iso.datetime().optional(),
  /** 1: every round; 2: every other round. */
  every: z.union([z.literal(1), z.literal(2)]).default(1),
  /** Members never to be paired with ("don't pair me with"); private, never shown to them. */
  blocks: z.array(user).max(200).default([]),
  /** Working hours in the member's own time zone, to the minute; the old whole-hour shape is read too. */
  hours: z.union([WorkingHoursSchema, WholeHoursSchema]).optional(),
  timezone: z.string().max(80).optional(),
  intro: z.string().max(200).optional(),
  shareHooks: z.boolean().default(false),
  /** The value of the community's group attribute (team, department…), as the member gives it. */
  group: z.string().max(60).optional(),
  /** First name as partners see it in the intro and put it on their map. */
  name: z.string().max(60).optional(),
  /** Hook topics shared with partners when shareHooks is on. */
  topics: z.array(z.string().max(200)).max(4).default([]),
  /** What the member looks for, as short tags; optional (used by the community's `gaps` mode). */
  needs: TagsSchema,
  /** What the member can offer, as short tags; optional. */
  offers: TagsSchema,
  /** Whether the intro may say what they look for and offer ("Anna is looking for…"). */
  shareGaps: z.boolean().optional(),
});
export type CoffeePrefs = z.infer<typeof CoffeePrefsSchema>;
export const defaultPrefs = (): CoffeePrefs => CoffeePrefsSchema.parse({});

export const CADENCES = ['weekly', 'biweekly', 'monthly'] as const;

/** Set by an admin: where the pool comes from, and when rounds and check-ins happen. */
const SettingsSchema = z.object({
  /** Off until an admin turns rounds on. */
  active: z.boolean().default(false),
  /** Slack channel or Discord channel whose members form the pool; intros and threads go there. */
  channel: z.string().max(200).optional(),
  /** Discord: members with this role form the pool. */
  role: z.string().max(200).optional(),
  cadence: z.enum(CADENCES).default('biweekly'),
  /** ISO weekday of the round: 1 = Monday … 7 = Sunday. */
  weekday: z.number().int().min(1).max(7).default(1),
  hour: z.number().int().min(0).max(23).default(10),
  timezone: z.string().max(80).default('UTC'),
  /** The attribute "across groups" uses, named as the community calls it (team, department…). */
  groupBy: z.string().max(40).default('team'),
  /** Weekday of the end-of-round check-in. */
  checkinWeekday: z.number().int().min(1).max(7).default(5),
  lang: z.enum(LANGS).default('en'),
  /** People per group: 2 is pairs (one trio when odd); 3..6 groups of that size, some one larger. */
  size: z.number().int().min(MIN_GROUP_SIZE).max(MAX_GROUP_SIZE).default(MIN_GROUP_SIZE),
  /** The community's own group intro with placeholders ({partners}…); without it, the built-in one. */
  intro: z.string().max(MAX_INTRO_TEMPLATE).optional(),
  /**
   * A day before each round, at the round's hour, members hear it is coming; undefined is on
   * ("coffee set headsup off" turns it off).
   */
  headsup: z.boolean().optional(),
  /** `new` or undefined: strangers first; `gaps`: also partners whose offers meet each other's needs. */
  mode: z.enum(PAIRING_MODES).optional(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const OUTCOMES = ['met', 'later', 'missed'] as const;
/** A member's answer to a coffee's check-in. */
type CoffeeOutcome = (typeof OUTCOMES)[number];

/** What a member's turn tells the community: new coffee choices, a check-in answer, or "I'll stay". */
export interface CoffeeChange {
  prefs?: CoffeePrefs;
  outcome?: { round: number; outcome: CoffeeOutcome };
  stayed?: boolean;
  /** The proposed times the member picked for a round's coffee; none is an answer too. */
  times?: { round: number; picks: string[] };
  /** The organiser set the time in plain words ("coffee agreed Thursday 10:00"). */
  agreed?: { round: number; at: string };
  /** None of the proposed times worked: two of the member's own, passed on to their partners. */
  own?: { round: number; times: string[] };
  /** The organiser's meeting link ("coffee link https://…"), put in the invites. */
  link?: { round: number; url: string };
}

const GroupSchema = z.object({
  users: z
    .array(user)
    .min(1)
    .max(MAX_GROUP_SIZE + 1),
  organiser: user,
  /** The conversation the intro went to, once it went (so a resumed round never introduces twice). */
  conversation: z.string().max(200).optional(),
  nudged: z.boolean().default(false),
  /** Each member's picks of the proposed times (ISO, UTC); the coffee is set at the first all share. */
  picks: z.record(user, z.array(z.iso.datetime()).max(3)).optional(),
  setAt: z.iso.datetime().optional(),
  /**
   * Rounds in `gaps` mode: whether one member's need is among another's offers, taken when the
   * round was made. Only the share reaches the stats; it says nothing about whom.
   */
  needMet: z.boolean().optional(),
  /** The meeting link the organiser added, for the invites. */
  link: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .optional(),
});
export type Group = z.infer<typeof GroupSchema>;

const RoundSchema = z.object({
  n: z.number().int().min(1),
  at: z.iso.datetime(),
  seed: z.number().int(),
  groups: z.array(GroupSchema),
  absent: z.array(user),
  /** Present members no placement could be found for (blocks); told so. */
  unplaced: z.array(user).default([]),
  nudgeAt: z.iso.datetime(),
  checkinAt: z.iso.datetime(),
  /** Each member's answer to the check-in. */
  outcomes: z.record(user, z.enum(OUTCOMES)).default({}),
  /** Cross-group and repeat counts, taken when the round was made (stats keep no names). */
  participants: z.number().int().min(0).default(0),
  pairs: z.number().int().min(0).default(0),
  crossGroup: z.number().int().min(0).default(0),
  repeats: z.number().int().min(0).default(0),
  dryRun: z.boolean().optional(),
});
export type Round = z.infer<typeof RoundSchema>;

/** Per member, what the community keeps: their prefs (a copy) and the counts pairing needs. */
export const RosterEntrySchema = z.object({
  prefs: CoffeePrefsSchema,
  /** Larger groups (one above the size of their round: trios at size 2) this member was in. */
  trios: z.number().int().min(0).default(0),
  /** Intros in a row the member did not answer; at three, they are asked before being paired again. */
  ghosts: z.number().int().min(0).default(0),
  lastRound: z.number().int().min(0).optional(),
  /** Asked to stay, pause or leave after ghosting; not paired until they answer. */
  asked: z.boolean().default(false),
  /** Groups this member organised: the organiser is who organised least. */
  organised: z.number().int().min(0).default(0),
});
export type RosterEntry = z.infer<typeof RosterEntrySchema>;

const COMMUNITY_VERSION = 1;

export const CommunitySchema = z.object({
  v: z.literal(COMMUNITY_VERSION),
  ref: CommunityRefSchema,
  settings: SettingsSchema,
  nextRoundAt: z.iso.datetime().optional(),
  /** The round start whose heads-up went out, so each round's heads-up goes once. */
  headsupFor: z.iso.datetime().optional(),
  roster: z.record(user, RosterEntrySchema).default({}),
  /** pairKey(a, b) → the round they last met in. */
  lastMet: z.record(z.string(), z.number().int()).default({}),
  rounds: z.array(RoundSchema).default([]),
});
export type Community = z.infer<typeof CommunitySchema>;

/** A community no admin has set up yet: rounds off, group intros in `lang`. */
export const newCommunity = (ref: CommunityRef, lang: Lang): Community =>
  CommunitySchema.parse({ v: COMMUNITY_VERSION, ref, settings: { lang } });
