import { z } from 'zod';
import type { Ctx } from '../../engine/flow.js';
import { readNames } from '../../network/names.js';
import { hasEasyOut } from './smart.js';

/**
 * The request as a message the member can send: composed from its parts in natural sentences of
 * the member's language. The parts are the member's own words; the coach adds only the frame
 * (greeting, "I'm asking because", the easy way out, thanks).
 */

/** The parts the member may change one by one, in the order the message says them. */
export const PARTS = ['whyThem', 'ask', 'reason', 'duration', 'when', 'easyOut'] as const;
export type Part = (typeof PARTS)[number];

const part = z.string().max(1000).optional();
export const partsSchema = z.object({
  /** The chosen person's first name, for the greeting. */
  name: z.string().max(100).optional(),
  /** Why them, in the member's words ("you made that switch yourself"). */
  whyThem: part,
  /** The concrete ask, as the member would put it. */
  ask: part,
  /** Why it matters to the member. */
  reason: part,
  /** How long it takes ("20 minutes", "een half uurtje"). */
  duration: part,
  /** When ("in the next two weeks", "voor vrijdag"). */
  when: part,
  /** The easy way out: unset is the coach's sentence, empty is left out, else the member's own. */
  easyOut: part,
});
export type Parts = z.infer<typeof partsSchema>;

const END = /[\s.!?…,;:]+$/u;
const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

/** Words the member typed, as a clause inside the coach's sentence: no closing punctuation, lower-case start. */
export function clause(text: string): string {
  const trimmed = text.trim().replace(END, '');
  const first = trimmed.split(/\s/)[0] ?? '';
  // "I" and a capitalised word after it ("Acme", "I'm") keep their capital; "Because" does not.
  const keep = /^I\b|^I['’]/.test(first) || /\p{Lu}.*\p{Lu}/u.test(first);
  return keep ? trimmed : trimmed.charAt(0).toLocaleLowerCase() + trimmed.slice(1);
}

/** Words typed as one sentence of the message: a capital first, one closing mark at the end. */
export function sentence(text: string, mark = '.'): string {
  const trimmed = text.trim();
  const closing = trimmed.match(/[.!?…]+$/u)?.[0];
  const body = trimmed.replace(END, '');
  if (!body) return '';
  const last = closing ? (closing.includes('?') ? '?' : closing.includes('!') ? '!' : closing.at(-1)) : mark;
  return `${capitalise(body)}${last}`;
}

/** Questions start with a verb or a question word; anything else is said as a statement. */
const QUESTION_START =
  /^(could|would|can|will|do|does|are|is|may|might|shall|should|have|what|how|who|when|where|why|kun|kunt|kunnen|kan|zou|zouden|wil|wilt|heb|hebt|heeft|ben|bent|is|mag|zullen|weet|ken|wat|hoe|wie|wanneer|waar|waarom)\b/i;

/** The ask as the member would put it: a question when it starts like one. */
export const askSentence = (ask: string): string =>
  sentence(ask, QUESTION_START.test(ask.trim()) ? '?' : '.');

/** A reason that already starts with its linking word ("because", "so that", "omdat", "zodat", "om"). */
const LINKED = /^(because|since|as|so|so that|to|in order to|omdat|want|zodat|om|aangezien|doordat|opdat)\b/i;

/** The chosen person's first name, without a note: "Dick" for "Dick (oud-directeur)", "Anna" for "Anna de Vries". */
export function firstName(name: string): string {
  const short = readNames(name).people[0]?.name ?? name;
  return short.trim().split(/\s+/)[0] ?? short;
}

const filled = (text: string | undefined): text is string => (text ?? '').trim() !== '';

/** The linking word the coach's own sentences end on ("…because", "…, want"): typed again, it is said once. */
const OWN_LINK = /^(?:because|want)\s+/i;

/** A part that gives a reason, in the coach's sentence: its own linking word kept, or the coach's. */
function reasonSentence(
  text: string,
  plain: 'compose.whyThem' | 'compose.reason',
  linked: 'compose.whyThemLinked' | 'compose.reasonLinked',
  ctx: Ctx,
): string {
  const said = text.trim().replace(OWN_LINK, '');
  return ctx.say(LINKED.test(said) ? linked : plain, { reason: clause(said) });
}

/** The sentences that carry the content, in order: why them, the ask, why it matters, how long, when. */
function body(parts: Parts, ctx: Ctx): string[] {
  const out: string[] = [];
  if (filled(parts.whyThem))
    out.push(reasonSentence(parts.whyThem, 'compose.whyThem', 'compose.whyThemLinked', ctx));
  if (filled(parts.ask)) out.push(askSentence(parts.ask));
  if (filled(parts.reason))
    out.push(reasonSentence(parts.reason, 'compose.reason', 'compose.reasonLinked', ctx));
  if (filled(parts.duration))
    out.push(capitalise(ctx.say('compose.duration', { duration: clause(parts.duration) })));
  if (filled(parts.when)) out.push(ctx.say('compose.when', { when: clause(parts.when) }));
  return out;
}

/** The easy way out as the message says it: the coach's sentence unless changed or left out. */
export const easyOutSentence = (parts: Parts, ctx: Ctx): string =>
  parts.easyOut === undefined ? ctx.say('compose.easyOut') : sentence(parts.easyOut);

/** The whole message: greeting, the content, the easy way out (once: not when the member's words give one), thanks. */
export function compose(parts: Parts, ctx: Ctx): string {
  const content = body(parts, ctx);
  const own = parts.easyOut === undefined && hasEasyOut(content.join(' '));
  const middle = [...content, own ? '' : easyOutSentence(parts, ctx)].filter(Boolean).join(' ');
  const greeting = parts.name ? ctx.say('compose.greeting', { name: parts.name }) : '';
  return [greeting, middle, ctx.say('compose.thanks')].filter(Boolean).join('\n\n');
}

/** What the SMART check reads of a composed message: its content, without greeting, easy way out and thanks. */
export const checked = (parts: Parts, ctx: Ctx): string => body(parts, ctx).join(' ');
