import type { ExerciseId } from '../engine/state.js';
import { barChart } from './charts/bars.js';
import { graphChart } from './charts/graph.js';
import { lineChart } from './charts/line.js';
import type { ChartPage, PageContent, PageContext, Section, Table } from './content.js';
import { growthOf, SHARE_BINS, SIZE_BINS } from './data/growth.js';
import { overviewOf } from './data/overview.js';
import { type CommunityData, type Reads, readCommunityData } from './data/read.js';
import { webOf } from './data/web.js';
import { type Formats, formatsFor, percentCell } from './format.js';

/**
 * The chart pages: overview, network growth and the web of coffees, read from the store. Each
 * chart has a table of the same numbers beneath it; only counts, shares and anonymous dots.
 */
export async function chartPage(page: ChartPage, ctx: PageContext): Promise<PageContent> {
  const data = await readCommunityData(ctx.store, ctx.community, READS[page]);
  return RENDER[page](data, ctx, formatsFor(ctx.lang), true);
}

/**
 * Every table of every chart page, for the export page and /dashboard/export/{id}.csv. Charts
 * are not drawn: the web's force layout alone takes seconds at 5,000 members.
 */
export async function allTables(ctx: PageContext): Promise<Table[]> {
  const data = await readCommunityData(ctx.store, ctx.community);
  const f = formatsFor(ctx.lang);
  return (['overview', 'growth', 'web'] as const)
    .map((p) => RENDER[p](data, ctx, f, false))
    .flatMap((p) => p.sections.flatMap((s) => (s.table ? [s.table] : [])));
}

/** What each page reads: growth needs only the members' records, the web only the coffee record. */
const READS: Record<ChartPage, Reads> = {
  overview: { members: true, community: true },
  growth: { members: true, community: false },
  web: { members: false, community: true },
};

/** A page's content; with `draw` false, sections keep their tables but draw no costly chart. */
type Render = (data: CommunityData, ctx: PageContext, f: Formats, draw: boolean) => PageContent;

/** True when a series has something to draw: a known value other than zero. */
const hasData = (values: readonly (number | null)[]) => values.some((v) => v !== null && v !== 0);

/**
 * A weekly chart's lead and SVG: the chart only when there is something to draw over at least two
 * weeks; otherwise the lead says plainly why there is none (the table still has the figures).
 */
function weekly(
  o: { weeks: string[] },
  series: readonly (readonly (number | null)[])[],
  lead: string,
  none: string,
  fewWeeks: string,
  chart: () => string,
): Pick<Section, 'lead' | 'svg'> {
  if (!series.some(hasData)) return { lead: none };
  if (o.weeks.length < 2) return { lead: `${lead} ${fewWeeks}` };
  return { lead, svg: chart() };
}

const RENDER: Record<ChartPage, Render> = { overview, growth, web };

function overview(data: CommunityData, ctx: PageContext, f: Formats): PageContent {
  const { say } = ctx;
  const o = overviewOf(data.members, data.community, ctx.now);
  const weekLabels = o.weeks.map(f.day);
  const week = say('charts.week');
  const exerciseName = (id: ExerciseId) => say(`charts.exercise.${id}` as const);
  const count = (n: number) => f.count(n);
  const percent = (v: number) => f.percent(v);

  const fewWeeks = say('charts.fewWeeks');
  const members: Section = {
    heading: say('charts.overview.members.heading'),
    ...weekly(
      o,
      [o.membersByWeek],
      say('charts.overview.members.lead'),
      say('charts.overview.members.none'),
      fewWeeks,
      () =>
        lineChart({
          label: say('charts.overview.members.label'),
          xLabels: weekLabels,
          series: [{ name: say('charts.overview.members.series'), values: o.membersByWeek }],
          format: count,
          yTitle: say('charts.axis.members'),
          xTitle: say('charts.axis.weeks'),
        }),
    ),
    table: {
      id: 'overview-members',
      caption: say('charts.overview.members.heading'),
      columns: [week, say('charts.overview.members.column')],
      rows: o.weeks.map((w, i) => [w, o.membersByWeek[i] ?? 0]),
      dates: [0],
    },
  };

  const exercises: Section = {
    heading: say('charts.overview.exercises.heading'),
    ...(hasData(o.exercises.map((e) => e.started + e.completed))
      ? {
          lead: say('charts.overview.exercises.lead'),
          svg: barChart({
            label: say('charts.overview.exercises.label'),
            categories: o.exercises.map((e) => exerciseName(e.exercise)),
            series: [
              { name: say('charts.overview.exercises.started'), values: o.exercises.map((e) => e.started) },
              {
                name: say('charts.overview.exercises.completed'),
                values: o.exercises.map((e) => e.completed),
              },
            ],
            format: count,
            yTitle: say('charts.axis.members'),
          }),
        }
      : { lead: say('charts.overview.exercises.none') }),
    table: {
      id: 'overview-exercises',
      caption: say('charts.overview.exercises.heading'),
      columns: [
        say('charts.overview.exercises.exercise'),
        say('charts.overview.exercises.started'),
        say('charts.overview.exercises.completed'),
        say('charts.overview.exercises.completions'),
      ],
      rows: o.exercises.map((e) => [exerciseName(e.exercise), e.started, e.completed, e.completions]),
    },
  };

  const completionSeries = o.exercises.map((e) => ({
    name: exerciseName(e.exercise),
    values: o.completionsByWeek[e.exercise],
  }));
  const completions: Section = {
    heading: say('charts.overview.completions.heading'),
    ...weekly(
      o,
      completionSeries.map((s) => s.values),
      say('charts.overview.completions.lead'),
      say('charts.overview.completions.none'),
      fewWeeks,
      () =>
        lineChart({
          label: say('charts.overview.completions.label'),
          xLabels: weekLabels,
          series: completionSeries,
          format: count,
          yTitle: say('charts.axis.completions'),
          xTitle: say('charts.axis.weeks'),
        }),
    ),
    table: {
      id: 'overview-completions',
      caption: say('charts.overview.completions.heading'),
      columns: [week, ...completionSeries.map((s) => s.name)],
      rows: o.weeks.map((w, i) => [w, ...completionSeries.map((s) => s.values[i] ?? 0)]),
      dates: [0],
    },
  };

  const asksLead = say('charts.overview.asks.lead', {
    made: count(o.asks.made),
    answered: count(o.asks.answered),
    predicted: f.percent(o.asks.predictedRate),
    actual: f.percent(o.asks.yesRate),
  });
  const asks: Section = {
    heading: say('charts.overview.asks.heading'),
    ...(o.asks.made === 0
      ? { lead: say('charts.overview.asks.none') }
      : o.asks.answered === 0
        ? { lead: say('charts.overview.asks.unanswered', { made: count(o.asks.made) }) }
        : weekly(o, [o.asks.byWeek.made], asksLead, asksLead, fewWeeks, () =>
            lineChart({
              label: say('charts.overview.asks.label'),
              xLabels: weekLabels,
              series: [
                { name: say('charts.overview.asks.predictedSeries'), values: o.asks.byWeek.predictedRate },
                { name: say('charts.overview.asks.actualSeries'), values: o.asks.byWeek.yesRate },
              ],
              format: percent,
              yMax: 1,
              yTitle: say('charts.axis.askShare'),
              xTitle: say('charts.axis.weeks'),
            }),
          )),
    table: {
      id: 'overview-asks',
      caption: say('charts.overview.asks.heading'),
      columns: [
        week,
        say('charts.overview.asks.asks'),
        say('charts.overview.asks.predicted'),
        say('charts.overview.asks.actual'),
      ],
      rows: o.weeks.map((w, i) => [
        w,
        o.asks.byWeek.made[i] ?? 0,
        percentCell(o.asks.byWeek.predictedRate[i] ?? null),
        percentCell(o.asks.byWeek.yesRate[i] ?? null),
      ]),
      dates: [0],
    },
  };

  const events: Section = {
    heading: say('charts.overview.events.heading'),
    ...weekly(
      o,
      [o.events.byWeek.prepared],
      say('charts.overview.events.lead', {
        prepared: count(o.events.prepared),
        debriefed: count(o.events.debriefed),
      }),
      say('charts.overview.events.none'),
      fewWeeks,
      () =>
        lineChart({
          label: say('charts.overview.events.label'),
          xLabels: weekLabels,
          series: [
            { name: say('charts.overview.events.prepared'), values: o.events.byWeek.prepared },
            { name: say('charts.overview.events.debriefed'), values: o.events.byWeek.debriefed },
          ],
          format: count,
          yTitle: say('charts.axis.events'),
          xTitle: say('charts.axis.weeks'),
        }),
    ),
    table: {
      id: 'overview-events',
      caption: say('charts.overview.events.heading'),
      columns: [week, say('charts.overview.events.prepared'), say('charts.overview.events.debriefed')],
      rows: o.weeks.map((w, i) => [w, o.events.byWeek.prepared[i] ?? 0, o.events.byWeek.debriefed[i] ?? 0]),
      dates: [0],
    },
  };

  const roundLabels = o.rounds.map((r) => `${r.round} · ${f.day(r.at)}`);
  const gapRounds = o.rounds.some((r) => r.needMetRate !== null);
  const coffeeLead = [
    say('charts.overview.coffee.lead', {
      rounds: count(o.coffee.rounds),
      timeSet: f.percent(o.coffee.timeSetRate),
      met: f.percent(o.coffee.metRate),
      across: f.percent(o.coffee.crossGroupRate),
      noAnswer: f.percent(o.coffee.noAnswerRate),
    }),
    ...(o.coffee.needMetRate === null
      ? []
      : [say('charts.overview.coffee.needMetLead', { needMet: f.percent(o.coffee.needMetRate) })]),
  ].join(' ');
  const coffee: Section = {
    heading: say('charts.overview.coffee.heading'),
    ...(o.rounds.length === 0
      ? { lead: say('charts.overview.coffee.empty') }
      : o.rounds.length === 1
        ? { lead: `${coffeeLead} ${say('charts.overview.coffee.oneRound')}` }
        : {
            lead: coffeeLead,
            svg: lineChart({
              label: say('charts.overview.coffee.label'),
              xLabels: roundLabels,
              series: [
                {
                  name: say('charts.overview.coffee.timeSetSeries'),
                  values: o.rounds.map((r) => r.timeSetRate),
                },
                { name: say('charts.overview.coffee.metSeries'), values: o.rounds.map((r) => r.metRate) },
                {
                  name: say('charts.overview.coffee.acrossSeries'),
                  values: o.rounds.map((r) => r.crossGroupRate),
                },
                {
                  name: say('charts.overview.coffee.noAnswerSeries'),
                  values: o.rounds.map((r) => r.noAnswerRate),
                },
                ...(gapRounds
                  ? [
                      {
                        name: say('charts.overview.coffee.needMetSeries'),
                        values: o.rounds.map((r) => r.needMetRate),
                      },
                    ]
                  : []),
              ],
              format: percent,
              yMax: 1,
              yTitle: say('charts.axis.roundShare'),
              xTitle: say('charts.axis.round'),
            }),
          }),
    table: {
      id: 'overview-coffee',
      caption: say('charts.overview.coffee.heading'),
      columns: [
        say('charts.overview.coffee.round'),
        say('charts.overview.coffee.date'),
        say('charts.overview.coffee.participants'),
        say('charts.overview.coffee.timeSet'),
        say('charts.overview.coffee.met'),
        say('charts.overview.coffee.across'),
        say('charts.overview.coffee.noAnswer'),
        say('charts.overview.coffee.needMet'),
      ],
      rows: o.rounds.map((r) => [
        r.round,
        r.at.slice(0, 10),
        r.participants,
        percentCell(r.timeSetRate),
        percentCell(r.metRate),
        percentCell(r.crossGroupRate),
        percentCell(r.noAnswerRate),
        percentCell(r.needMetRate),
      ]),
      dates: [1],
    },
  };

  return {
    title: say('charts.overview.title'),
    intro:
      o.members === 0
        ? say('charts.overview.introNone')
        : say('charts.overview.intro', { members: f.count(o.members) }),
    sections: [members, exercises, completions, asks, events, coffee],
  };
}

/** "0–4", "40+": a size bin as a label. */
const sizeLabel = ([from, to]: readonly [number, number | null], f: Formats) =>
  to === null ? `${f.count(from)}+` : `${f.count(from)}–${f.count(to - 1)}`;

function growth(data: CommunityData, ctx: PageContext, f: Formats): PageContent {
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

function web(data: CommunityData, ctx: PageContext, f: Formats, draw: boolean): PageContent {
  const { say } = ctx;
  const w = webOf(data.community);
  const groupBy = data.community?.settings.groupBy ?? 'team';
  const figures: [string, number | null][] = [
    [say('charts.web.figures.members'), w.nodes.length],
    [say('charts.web.figures.meetings'), w.meetings],
    [say('charts.web.figures.twoSteps'), percentCell(w.withinTwoSteps)],
    [say('charts.web.figures.across'), percentCell(w.acrossGroups)],
    [say('charts.web.figures.metNoOne'), w.metNoOne],
    [say('charts.web.figures.neverMet'), w.neverMet.length],
  ];
  const graph: Section = {
    heading: say('charts.web.graph.heading'),
    lead: w.nodes.length === 0 ? say('charts.web.graph.none') : say('charts.web.graph.lead', { groupBy }),
    ...(w.nodes.length === 0 || !draw
      ? {}
      : {
          svg: graphChart({
            label: say('charts.web.graph.label', {
              members: f.count(w.nodes.length),
              links: f.count(w.links.length),
            }),
            nodes: w.nodes,
            links: w.links,
            groupNames: w.groups.map((g) => g.name),
            ungroupedName: say('charts.web.graph.ungrouped'),
            aloneName: say('charts.web.graph.alone'),
          }),
        }),
    table: {
      id: 'web-figures',
      caption: say('charts.web.figures.caption'),
      columns: [say('charts.web.figures.figure'), say('charts.web.figures.value')],
      rows: figures,
    },
  };
  const neverMet: Section = {
    heading: say('charts.web.neverMet.heading'),
    lead:
      w.groups.length < 2
        ? say('charts.web.neverMet.fewGroups')
        : w.neverMet.length === 0
          ? say('charts.web.neverMet.all')
          : say('charts.web.neverMet.lead'),
    table: {
      id: 'web-never-met',
      caption: say('charts.web.neverMet.heading'),
      columns: [say('charts.web.neverMet.group'), say('charts.web.neverMet.group')],
      rows: w.neverMet,
    },
  };
  return { title: say('charts.web.title'), intro: say('charts.web.intro'), sections: [graph, neverMet] };
}
