import type { Choice } from '../core/types.js';
import type { Ctx } from '../engine/flow.js';
import { CONTACTS, type Contact, DOMAINS, type Domain, RINGS, type Ring } from '../network/model.js';

export const domainLabel = (d: Domain, ctx: Ctx) => ctx.say(`domain.${d}`);
export const ringLabel = (r: Ring, ctx: Ctx) => ctx.say(`ring.${r}`);
export const contactLabel = (c: Contact, ctx: Ctx) => ctx.say(`contact.${c}`);

export const domainChoices = (ctx: Ctx): Choice[] =>
  DOMAINS.map((d) => ({ id: d, label: domainLabel(d, ctx) }));
export const ringChoices = (ctx: Ctx): Choice[] => RINGS.map((r) => ({ id: r, label: ringLabel(r, ctx) }));
export const contactChoices = (ctx: Ctx): Choice[] =>
  CONTACTS.map((c) => ({ id: c, label: contactLabel(c, ctx) }));

export const isOneOf = <T extends string>(values: readonly T[], value: string): value is T =>
  (values as readonly string[]).includes(value);
