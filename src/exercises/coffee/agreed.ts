import { dayFirst, parseDate } from '../../core/dates.js';
import { localDate, zonedInstant } from '../../core/time.js';
import type { Lang } from '../../core/types.js';
import type { Ctx, Outcome } from '../../engine/flow.js';
import type { State } from '../../engine/state.js';

/**
 * "We agreed Thursday 10:00": the organiser sets the coffee's time in plain words, whatever the
 * proposed times were. The day is read by the date parser every "when?" uses; the clock here.
 */

/** A clock time in a text: "10:00", "9.30", "15u", "3pm", "10 uur"; minutes of the day. */
export function readClock(text: string): number | undefined {
  const t = text.toLowerCase();
  const hm = t.match(/\b([01]?\d|2[0-3])[:.]([0-5]\d)\b\s*(am|pm)?/);
  const h = t.match(/\b(1[0-2]|0?\d)\s*(am|pm)\b/) ?? t.match(/\b([01]?\d|2[0-3])\s*(?:uur|u|h)\b/);
  let hour: number;
  let minute = 0;
  let half: string | undefined;
  if (hm) {
    hour = Number(hm[1]);
    minute = Number(hm[2]);
    half = hm[3];
  } else if (h) {
    hour = Number(h[1]);
    half = h[2] === 'am' || h[2] === 'pm' ? h[2] : undefined;
  } else return undefined;
  if (half === 'pm' && hour < 12) hour += 12;
  if (half === 'am' && hour === 12) hour = 0;
  return hour * 60 + minute;
}

/** The instant a member means by "Thursday 10:00" in their own zone, from today on. */
export function readAgreedTime(
  text: string,
  zone: string,
  lang: Lang,
  now: Date,
  locale?: string,
): Date | undefined {
  const minutes = readClock(text);
  if (minutes === undefined) return undefined;
  // The date parser should not take the clock for a day ("10.00" as 10 October).
  const dayText = text.replace(/\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s*(?:am|pm|uur|u|h)\b/gi, ' ');
  const date = parseDate(dayText, localDate(now, zone), { lang, dayFirst: dayFirst(lang, locale) });
  if (!date) return undefined;
  return zonedInstant(date, minutes / 60, zone);
}

/** "coffee link https://meet.example.com/abc": the organiser's meeting link for the invites. */
export function linkShortcut(state: State, words: string[], ctx: Ctx): Outcome {
  const coffee = [...state.coffee.coffees].reverse().find((c) => c.outcome === undefined);
  const say = (text: string): Outcome => ({ state, replies: [{ text }] });
  if (!coffee) return say(ctx.say('coffee.agreed.noCoffee'));
  if (!coffee.organiser) return say(ctx.say('coffee.agreed.notOrganiser'));
  const url = words
    .find((w) => /^<?https?:\/\//i.test(w))
    ?.replace(/^<|>$/g, '')
    .split('|')[0];
  if (!url || !URL.canParse(url) || url.length > 500) return say(ctx.say('coffee.link.usage'));
  return {
    state,
    replies: [{ text: ctx.say('coffee.link.saved') }],
    effects: [{ type: 'coffee', link: { round: coffee.round, url } }],
  };
}

const AGREED_WORDS = ['agreed', 'afgesproken', 'time', 'tijd'];
export const isAgreedWord = (word: string) => AGREED_WORDS.includes(word);

/** "coffee agreed Thursday 10:00": sets the time of the organiser's newest open coffee. */
export function agreedShortcut(state: State, words: string[], ctx: Ctx): Outcome {
  const coffee = [...state.coffee.coffees].reverse().find((c) => c.outcome === undefined);
  const say = (text: string): Outcome => ({ state, replies: [{ text }] });
  if (!coffee) return say(ctx.say('coffee.agreed.noCoffee'));
  if (!coffee.organiser) return say(ctx.say('coffee.agreed.notOrganiser'));
  const zone = coffee.zone ?? state.timezone ?? 'UTC';
  const at = readAgreedTime(words.join(' '), zone, state.lang, ctx.now, state.locale);
  if (!at || at.getTime() <= ctx.now.getTime()) return say(ctx.say('coffee.agreed.usage'));
  return {
    state,
    replies: [],
    effects: [{ type: 'coffee', agreed: { round: coffee.round, at: at.toISOString() } }],
  };
}
