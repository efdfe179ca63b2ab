import { localDate } from '../core/time.js';
import type { Reply } from '../core/types.js';
import type { Ctx } from '../engine/flow.js';
import type { State } from '../engine/state.js';
import { mapMetrics, partsOfLife } from '../network/metrics.js';
import { DOMAINS } from '../network/model.js';
import { domainLabel } from './labels.js';

/** "1 December 2026", "1 december 2026": the day the map was drawn, with its year, for keeping. */
export function longDate(date: string, lang: State['lang']): string {
  return new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(`${date}T12:00:00Z`));
}

/** The member's map as a picture, every word in their language; the engine draws it after the turn. */
export function mapPicture(state: State, ctx: Ctx): Reply {
  const size = state.network.people.length;
  const m = mapMetrics(state.network);
  // The name they gave for coffee partners, when they gave one.
  const name = state.coffee.prefs.name?.trim();
  const figures = [
    longDate(localDate(ctx.now, state.timezone ?? 'UTC'), state.lang),
    ctx.say('map.picture.reached', { count: m.domainsUsed, of: partsOfLife(m) }),
    ctx.say('map.picture.weak', { count: m.weak }),
    ctx.say('map.picture.dormant', { count: m.dormant }),
  ];
  return {
    text: ctx.say('map.caption'),
    draw: {
      people: state.network.people,
      labels: {
        me: ctx.say('map.me'),
        title: name ? ctx.say('map.picture.titleNamed', { name }) : ctx.say('map.picture.title'),
        plainTitle: ctx.say('map.picture.title'),
        subtitle: figures.join('  ·  '),
        domains: Object.fromEntries(DOMAINS.map((d) => [d, domainLabel(d, ctx)])) as Record<
          (typeof DOMAINS)[number],
          string
        >,
        rings: { inner: ctx.say('map.inner'), middle: ctx.say('map.middle'), outer: ctx.say('map.outer') },
        partsOfLife: ctx.say('map.picture.partsOfLife'),
        noDomain: ctx.say('map.picture.noDomain'),
        closeness: ctx.say('map.picture.closeness'),
        listedNote: ctx.say('map.picture.listedNote'),
        unrated: ctx.say('map.picture.unrated'),
        dormant: ctx.say('map.picture.dormantKey'),
      },
      alt: ctx.say('map.alt', { size }),
    },
  };
}
