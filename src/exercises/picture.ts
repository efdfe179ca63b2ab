import type { Reply } from '../core/types.js';
import type { Ctx } from '../engine/flow.js';
import type { State } from '../engine/state.js';
import { DOMAINS } from '../network/model.js';
import { renderMapPng } from '../network/picture.js';
import { domainLabel } from './labels.js';

/** The member's map as a picture, with every word in the member's language. */
export function mapPicture(state: State, ctx: Ctx): Reply {
  const { png } = renderMapPng(state.network.people, {
    me: ctx.say('map.me'),
    title: ctx.say('map.title', { size: state.network.people.length }),
    domains: Object.fromEntries(DOMAINS.map((d) => [d, domainLabel(d, ctx)])) as Record<
      (typeof DOMAINS)[number],
      string
    >,
    rings: { inner: ctx.say('map.inner'), middle: ctx.say('map.middle'), outer: ctx.say('map.outer') },
  });
  return {
    text: ctx.say('map.caption'),
    image: { png, alt: ctx.say('map.alt', { size: state.network.people.length }) },
  };
}
