import type { Reply } from '../core/types.js';
import type { Ctx } from '../engine/flow.js';
import type { State } from '../engine/state.js';
import { DOMAINS } from '../network/model.js';
import { domainLabel } from './labels.js';

/** The member's map as a picture, every word in their language; the engine draws it after the turn. */
export function mapPicture(state: State, ctx: Ctx): Reply {
  const size = state.network.people.length;
  return {
    text: ctx.say('map.caption'),
    draw: {
      people: state.network.people,
      labels: {
        me: ctx.say('map.me'),
        title: ctx.say('map.title', { size }),
        domains: Object.fromEntries(DOMAINS.map((d) => [d, domainLabel(d, ctx)])) as Record<
          (typeof DOMAINS)[number],
          string
        >,
        rings: { inner: ctx.say('map.inner'), middle: ctx.say('map.middle'), outer: ctx.say('map.outer') },
      },
      alt: ctx.say('map.alt', { size }),
    },
  };
}
