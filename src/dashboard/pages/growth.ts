import { barChart } from '../charts/bars.js';
import type { PageContent, PageContext, Section } from '../content.js';
import { growthOf, SHARE_BINS, SIZE_BINS } from '../data/growth.js';
import type { CommunityData } from '../data/read.js';
import type { Formats } from '../format.js';

const sizeLabel = ([from, to]: readonly [number, number | null], f: Formats) =>
  to === null ? `${f.count(from)}+` : `${f.count(from)}–${f.count(to - 1)}`;

/** Network growth: map sizes and weak-tie shares at the first map and now, aggregates only. */
export function growth(data: CommunityData, ctx: PageContext, f: Formats): PageContent {
  const { say } = ctx;
  const g = growthOf(data.members);
  const first = say('charts.growth.sizes.first');
  const now = say('charts.growth.sizes.now');
  const sizeLabels = SIZE_BINS.map((bin) => sizeLabel(bin, f));
  const shareLabels = Array.from(
    { length: SHARE_BINS },
    (_, i) => `${f.percent(i / SHARE_BINS)}–${f.percent((i + 1) / SHARE_BINS)}`,
  );
  const tooFew =
    g.mapped === 0
      ? say('charts.growth.noneMapped')
      : say('charts.growth.tooFew', { mapped: f.count(g.mapped) });
  const hidden = say('charts.growth.hidden');
  const histogram = (
    id: string,
    key: 'sizes' | 'weak',
    labels: string[],
    values: { first: number[]; now: number[] },
    column: string,
    xTitle: string,
  ): Section => ({
    heading: say(`charts.growth.${key}.heading`),
    lead: g.shown ? say(`charts.growth.${key}.lead`) : hidden,
    ...(g.shown
      ? {
          svg: barChart({
            label: say(`charts.growth.${key}.label`),
            categories: labels,
            series: [
              { name: first, values: values.first },
              { name: now, values: values.now },
            ],
            format: (n) => f.count(n),
            yTitle: say('charts.axis.members'),
            xTitle,
          }),
        }
      : {}),
    table: {
      id,
      caption: say(`charts.growth.${key}.heading`),
      columns: [column, first, now],
      rows: g.shown ? labels.map((l, i) => [l, values.first[i] ?? 0, values.now[i] ?? 0]) : [],
    },
  });
  const added: Section = {
    heading: say('charts.growth.added.heading'),
    lead: g.shown
      ? say('charts.growth.added.lead', {
          added: f.count(g.added),
          members: f.count(g.membersAdding),
          revived: f.count(g.revived),
        })
      : hidden,
    table: {
      id: 'growth-added',
      caption: say('charts.growth.added.heading'),
      columns: [say('charts.growth.added.figure'), say('charts.growth.added.value')],
      rows: g.shown
        ? [
            [say('charts.growth.added.people'), g.added],
            [say('charts.growth.added.members'), g.membersAdding],
            [say('charts.growth.added.revived'), g.revived],
          ]
        : [],
    },
  };
  return {
    title: say('charts.growth.title'),
    intro: g.shown ? say('charts.growth.intro', { mapped: f.count(g.mapped) }) : tooFew,
    sections: [
      histogram(
        'growth-sizes',
        'sizes',
        sizeLabels,
        g.sizes,
        say('charts.growth.sizes.people'),
        say('charts.axis.mapSize'),
      ),
      histogram(
        'growth-weak',
        'weak',
        shareLabels,
        g.weakShares,
        say('charts.growth.weak.share'),
        say('charts.axis.weakShare'),
      ),
      added,
    ],
  };
}
