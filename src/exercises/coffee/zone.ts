import { clockAt } from '../../core/time.js';
import type { Reply } from '../../core/types.js';
import { readZone } from '../../core/zone-read.js';
import type { Ctx } from '../../engine/flow.js';
import type { State } from '../../engine/state.js';
import { zoneCity } from '../../pairing/slot-text.js';
import { freeTextQuestion } from '../kit.js';
import { ZONES } from '../when.js';

/**
 * The member's time zone for coffee times. Slack sends it with every message; Discord does not,
 * so there the member is asked once when they join (or picks "my time zone" in their choices).
 */

/** The zone a member's coffee times are shown in: the one they gave, else the platform's or the coach's. */
export const coffeeZone = (state: State): string | undefined =>
  state.coffee.zone ?? state.timezone ?? undefined;

/** True when nothing tells the member's zone and they were not asked yet. */
export const needsZone = (state: State): boolean => !coffeeZone(state) && !state.coffee.zoneAsked;

export function zoneQuestion(state: State, ctx: Ctx): Reply {
  const zone = coffeeZone(state);
  const now = ctx.say('coffee.zone.now', {
    zone: zone ? zoneCity(zone) : ctx.say('coffee.hours.communityZone'),
  });
  return freeTextQuestion(`${ctx.say('coffee.zone.prompt')}\n${now}`, ctx.say('coffee.zone.title'), ctx, {
    choices: [{ id: 'skip', label: ctx.say('coffee.zone.skip') }],
  });
}

/** The places each of the coach's offered zones goes by ("india", "holland"), in the member's language. */
const placesOf = (ctx: Ctx) =>
  Object.fromEntries(ZONES.map((zone) => [zone, ctx.words(`zone.${zone.replace('/', '-')}`)]));

/** A typed zone read, with what the member is told; undefined when it names no zone we know. */
export function readCoffeeZone(text: string, ctx: Ctx): { zone: string; text: string } | undefined {
  const zone = readZone(text, placesOf(ctx));
  if (!zone) return undefined;
  return {
    zone,
    text: ctx.say('coffee.zone.saved', { city: zoneCity(zone), clock: clockAt(ctx.now, zone) }),
  };
}
