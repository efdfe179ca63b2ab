import type { ExerciseId } from '../../engine/state.js';
import { barChart } from '../charts/bars.js';
import { lineChart } from '../charts/line.js';
import type { PageContent, PageContext, Section } from '../content.js';
import { overviewOf } from '../data/overview.js';
import type { CommunityData } from '../data/read.js';
import { type Formats, percentCell } from '../format.js';

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

/** The overview: members, exercises, asks, events and coffee rounds over time. */
export function overview(data: CommunityData, ctx: PageContext, f: Formats): PageContent {
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
