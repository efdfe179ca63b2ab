import type { Choice } from '../core/types.js';
import type { Ctx } from '../engine/flow.js';
import { CONTACTS, type Contact, DOMAINS, type Domain, RINGS, type Ring } from '../network/model.js';

export const domainLabel = (d: Domain, ctx: Ctx) => ctx.say(`domain.${d}`);
export const ringLabel = (r: Ring, ctx: Ctx) => ctx.say(`ring.${r}`);
export const contactLabel = (c: Contact, ctx: Ctx) => ctx.say(`contact.${c}`);

/*
 * The labels above are for buttons and titles, with a capital. Inside a sentence a label reads as
 * part of it (docs/STYLE.md, "Labels inside sentences"): these give the in-sentence words.
 */

/** A part of life with its preposition, to end "Who else do you know …?": "in your family", "uit je familie". */
export const domainFrom = (d: Domain, ctx: Ctx) => ctx.say(`domainFrom.${d}`);
/** A part of life as a word in a list or in brackets: "current work", "huidig werk". */
export const domainInSentence = (d: Domain, ctx: Ctx) => ctx.say(`inSentence.domain.${d}`);
/** A ring as a word in a list: "the inner ring", "binnenste ring". */
export const ringInSentence = (r: Ring, ctx: Ctx) => ctx.say(`inSentence.ring.${r}`);
/** Last contact as words in a sentence: "this week", "drie jaar of langer geleden". */
export const contactInSentence = (c: Contact, ctx: Ctx) => ctx.say(`inSentence.contact.${c}`);

/** A choice label quoted inside a sentence, its first letter lower-cased; not for names. */
export const lowerFirst = (label: string) => label.charAt(0).toLocaleLowerCase() + label.slice(1);

export const domainChoices = (ctx: Ctx): Choice[] =>
  DOMAINS.map((d) => ({ id: d, label: domainLabel(d, ctx) }));
export const ringChoices = (ctx: Ctx): Choice[] => RINGS.map((r) => ({ id: r, label: ringLabel(r, ctx) }));
export const contactChoices = (ctx: Ctx): Choice[] =>
  CONTACTS.map((c) => ({ id: c, label: contactLabel(c, ctx) }));

export const isOneOf = <T extends string>(values: readonly T[], value: string): value is T =>
  (values as readonly string[]).includes(value);
