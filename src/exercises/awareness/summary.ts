/**
 * The show-back at the end of the map, in sentences a member can use: how many parts of life the
 * network reaches and how evenly, who the acquaintances are, who has gone quiet, the ties across
 * work and private life, and the help within reach. The indices behind them (Blau, its normalised
 * form, the shares) stay in the `exercise.completed` data and in "my network" under details.
 */
import type { Lang } from '../../core/types.js';
import type { Ctx } from '../../engine/flow.js';
import { type MapMetrics, partsOfLife } from '../../network/metrics.js';
import { DOMAINS, RESOURCE_ITEMS, type ResourceItem } from '../../network/model.js';
import { formatList, formatNumber, formatPercent } from '../../texts/numbers.js';
import { domainLabel } from '../labels.js';

export type Spread = 'even' | 'fair' | 'narrow';

/**
 * The normalised Blau index in words. People spread equally over five or more of the eleven parts
 * of life score 0.88 or more, so 0.85 and up reads "evenly"; three or four equal parts score 0.73
 * to 0.83, and a network with most people in one part but some elsewhere lands near 0.6, so 0.6 up
 * to 0.85 reads "fairly evenly". Below 0.6 one or two parts hold most people (two equal parts
 * score 0.55; 20 of 30 in one part and the rest in two others 0.55), which is what we say.
 */
export const SPREAD_EVEN = 0.85;
export const SPREAD_FAIR = 0.6;

export function spreadOf(blauNormalised: number): Spread {
  if (blauNormalised >= SPREAD_EVEN) return 'even';
  return blauNormalised >= SPREAD_FAIR ? 'fair' : 'narrow';
}

const rated = (m: MapMetrics) => m.strong + m.middle + m.weak;

const resourceList = (items: readonly ResourceItem[], ctx: Ctx, lang: Lang) =>
  formatList(
    items.map((i) => ctx.say(`resourceShort.${i}`)),
    lang,
  );

/** How far the network reaches, with the people per part of life as a list. */
function reachLines(m: MapMetrics, ctx: Ctx): string[] {
  const perDomain = DOMAINS.filter((d) => m.perDomain[d] > 0)
    .map((d) => `• ${domainLabel(d, ctx)}: ${m.perDomain[d]}`)
    .join('\n');
  const reach = ctx.say('summary.reach', {
    size: m.size,
    domains: m.domainsUsed,
    of: partsOfLife(m),
    spread: ctx.say(`summary.spread.${spreadOf(m.blauNormalised)}`),
  });
  return [perDomain ? `${reach}\n${perDomain}` : reach];
}

/** The rings in words: acquaintances first, since that is where news comes from. */
function tieLines(m: MapMetrics, ctx: Ctx, lang: Lang): string[] {
  const placed = rated(m);
  if (placed === 0) return [];
  return [
    ctx.say('summary.acquaintances', {
      count: m.weak,
      rated: placed,
      share: formatPercent(m.weak / placed, lang),
    }),
    ctx.say('summary.close', { count: m.strong, middle: m.middle }),
  ];
}

function resourceLines(m: MapMetrics, ctx: Ctx, lang: Lang): string[] {
  const answered = m.resources.reachable.length + m.resources.gaps.length;
  if (answered === 0) return [];
  return [
    [
      ctx.say('summary.resources', { count: m.resources.reachable.length, of: RESOURCE_ITEMS.length }),
      m.resources.weakOnly.length > 0
        ? ctx.say('summary.weakOnly', { list: resourceList(m.resources.weakOnly, ctx, lang) })
        : '',
      m.resources.gaps.length > 0
        ? ctx.say('summary.gaps', { list: resourceList(m.resources.gaps, ctx, lang) })
        : ctx.say('summary.noGaps'),
    ]
      .filter(Boolean)
      .join(' '),
  ];
}

/** The show-back: facts in plain words, never a grade. */
export function summaryText(m: MapMetrics, ctx: Ctx, lang: Lang): string {
  return [
    ...reachLines(m, ctx),
    ...tieLines(m, ctx, lang),
    ctx.say('summary.dormant', { count: m.dormant }),
    ctx.say('summary.crossovers', { count: m.crossovers }),
    ...resourceLines(m, ctx, lang),
  ].join('\n\n');
}

/**
 * "My network", details: each index the summary speaks of, with what it means in one line, for
 * those who want the numbers. Decimals and percentages as the language writes them.
 */
export function detailsText(m: MapMetrics, ctx: Ctx, lang: Lang): string {
  const placed = rated(m);
  const share = (n: number) => formatPercent(placed ? n / placed : 0, lang);
  return [
    ctx.say('summary.details.title'),
    ctx.say('summary.details.blau', { blau: formatNumber(Math.round(m.blau * 100) / 100, lang) }),
    ctx.say('summary.details.normalised', {
      normalised: formatPercent(m.blauNormalised, lang),
      parts: DOMAINS.length,
    }),
    ctx.say('summary.details.weakShare', { share: share(m.weak), count: m.weak, rated: placed }),
    ctx.say('summary.details.strongShare', { share: share(m.strong), count: m.strong, rated: placed }),
    ctx.say('summary.details.crossovers', { count: m.crossovers }),
    ctx.say('summary.details.dormant', { count: m.dormant }),
    ctx.say('summary.details.resources', {
      count: m.resources.reachable.length,
      of: RESOURCE_ITEMS.length,
      weakOnly: m.resources.weakOnly.length,
    }),
  ].join('\n• ');
}
