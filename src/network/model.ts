import { z } from 'zod';

/** Life domains, asked one at a time to break the habit of splitting work from private life. */
export const DOMAINS = [
  'work',
  'former',
  'study',
  'school',
  'family',
  'friends',
  'neighbourhood',
  'volunteering',
  'associations',
  'online',
  'event',
] as const;
export type Domain = (typeof DOMAINS)[number];

/** The domains the network map asks about one by one; people met at events arrive by the debrief. */
export const RECALL_DOMAINS = DOMAINS.filter((d) => d !== 'event');

/** Domains on the work side of the work/private line; every other domain is private. */
export const WORK_DOMAINS: ReadonlySet<Domain> = new Set(['work', 'former']);

/** Concentric closeness rings (Antonucci): inner is a strong tie, outer a weak one. */
export const RINGS = ['inner', 'middle', 'outer'] as const;
export type Ring = (typeof RINGS)[number];

/** Last contact; dormant means no contact for three years or more. */
export const CONTACTS = ['weekly', 'monthly', 'yearly', 'dormant'] as const;
export type Contact = (typeof CONTACTS)[number];

/** The three "important matters" questions about work and career. */
export const CAREER_QUESTIONS = ['discuss', 'jobChange', 'career'] as const;
export type CareerQuestion = (typeof CAREER_QUESTIONS)[number];

/** Resource Generator items: "do you know someone who...". */
export const RESOURCE_ITEMS = [
  'organisation',
  'salaries',
  'board',
  'reference',
  'government',
  'press',
  'legal',
  'financial',
  'hires',
  'cv',
] as const;
export type ResourceItem = (typeof RESOURCE_ITEMS)[number];

export const RESOURCE_ANSWERS = ['family', 'friend', 'acquaintance', 'nobody', 'myself'] as const;
export type ResourceAnswer = (typeof RESOURCE_ANSWERS)[number];

/**
 * The resource items asked together, one multi-select per theme: what helps a next step at work,
 * and the people who open institutions or lend expertise. Together they hold every item once.
 */
export const RESOURCE_THEMES = {
  career: ['organisation', 'salaries', 'reference', 'hires', 'cv'],
  expertise: ['board', 'government', 'press', 'legal', 'financial'],
} as const satisfies Record<string, readonly ResourceItem[]>;
export type ResourceTheme = keyof typeof RESOURCE_THEMES;
export const RESOURCE_THEME_ORDER = Object.keys(RESOURCE_THEMES) as ResourceTheme[];

export const MAX_NAME_LENGTH = 40;
/** What the member said about a person ("my cousin, who works at a hospital"), kept in full. */
export const MAX_NOTE_LENGTH = 500;

export const PersonSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1).max(MAX_NAME_LENGTH),
  note: z.string().max(MAX_NOTE_LENGTH).optional(),
  domain: z.enum(DOMAINS).nullable(),
  ring: z.enum(RINGS).nullable(),
  contact: z.enum(CONTACTS).nullable(),
  named: z.array(z.enum(CAREER_QUESTIONS)),
  addedAt: z.string(),
});
export type Person = z.infer<typeof PersonSchema>;

export const NetworkSchema = z.object({
  people: z.array(PersonSchema),
  resources: z.partialRecord(z.enum(RESOURCE_ITEMS), z.enum(RESOURCE_ANSWERS)),
});
export type Network = z.infer<typeof NetworkSchema>;

export const emptyNetwork = (): Network => ({ people: [], resources: {} });
