import {
  axisTitle,
  colourAt,
  esc,
  GRID,
  INK,
  legend,
  legendRows,
  MUTED,
  niceTicks,
  px,
  svgRoot,
} from './svg.js';

export interface Series {
  name: string;
  /** One value per x label; null leaves a gap (nothing to measure that week). */
  values: (number | null)[];
}

export interface LineChart {
  label: string;
  xLabels: string[];
  series: Series[];
  /** How a value reads on the axis ("40%", "1.234"). */
  format: (value: number) => string;
  /** What the values count ("members", "share"), written above the y axis. */
  yTitle?: string;
  /** What runs along the x axis ("people on the map"), written under its labels. */
  xTitle?: string;
  /** The axis's top at least this (1 for shares). */
  yMax?: number;
}

const WIDTH = 640;
/** Room above the plot for the y axis's title. */
const PLOT_TOP = 28;
const PLOT_HEIGHT = 200;
const LEFT = 52;
const RIGHT = 16;
/** At most this many x labels, so they never overlap at the chart's width. */
const MAX_X_LABELS = 8;

/** A line chart with a y axis from zero, gridlines, x labels and a dot on every known value. */
export function lineChart(chart: LineChart): string {
  const values = chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const ticks = niceTicks(Math.max(chart.yMax ?? 0, ...values, 0));
  const top = ticks.at(-1) || 1;
  const n = chart.xLabels.length;
  const plotWidth = WIDTH - LEFT - RIGHT;
  const x = (i: number) => LEFT + (n <= 1 ? plotWidth / 2 : (i * plotWidth) / (n - 1));
  const y = (v: number) => PLOT_TOP + PLOT_HEIGHT - (v / top) * PLOT_HEIGHT;
  const axisBottom = PLOT_TOP + PLOT_HEIGHT;
  const names = chart.series.map((s) => s.name);
  const below = chart.xTitle ? 18 : 0;
  const height = axisBottom + 34 + below + legendRows(names, WIDTH - LEFT) * 18;
  const titles =
    (chart.yTitle ? axisTitle(chart.yTitle, 4, 12) : '') +
    (chart.xTitle ? axisTitle(chart.xTitle, LEFT + plotWidth / 2, axisBottom + 32, 'middle') : '');

  const grid = ticks
    .map(
      (t) =>
        `<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${px(y(t))}" y2="${px(y(t))}" stroke="${GRID}" stroke-width="1"/>` +
        `<text x="${LEFT - 6}" y="${px(y(t) + 4)}" text-anchor="end" font-size="11" fill="${MUTED}">${esc(chart.format(t))}</text>`,
    )
    .join('');
  const every = Math.max(1, Math.ceil(n / MAX_X_LABELS));
  // The outer labels lean inwards, so that they never run past the chart's edges.
  const anchor = (i: number) => (n <= 1 ? 'middle' : i === 0 ? 'start' : i === n - 1 ? 'end' : 'middle');
  const xLabels = chart.xLabels
    .map((l, i) =>
      i % every === 0 || i === n - 1
        ? `<text x="${px(x(i))}" y="${axisBottom + 16}" text-anchor="${anchor(i)}" font-size="11" fill="${MUTED}">${esc(l)}</text>`
        : '',
    )
    .join('');
  const lines = chart.series
    .map((s, si) => {
      const colour = colourAt(si);
      const segments: string[] = [];
      let current: string[] = [];
      s.values.forEach((v, i) => {
        if (v === null) {
          if (current.length) segments.push(current.join(' '));
          current = [];
        } else current.push(`${current.length ? 'L' : 'M'}${px(x(i))},${px(y(v))}`);
      });
      if (current.length) segments.push(current.join(' '));
      const paths = segments
        .map(
          (d) => `<path d="${d}" fill="none" stroke="${colour}" stroke-width="2" stroke-linejoin="round"/>`,
        )
        .join('');
      const dots = s.values
        .map((v, i) =>
          v === null
            ? ''
            : `<circle class="point" cx="${px(x(i))}" cy="${px(y(v))}" r="3" fill="${colour}"><title>${esc(
                `${s.name}, ${chart.xLabels[i] ?? ''}: ${chart.format(v)}`,
              )}</title></circle>`,
        )
        .join('');
      return `<g class="series">${paths}${dots}</g>`;
    })
    .join('');
  const axis = `<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${axisBottom}" y2="${axisBottom}" stroke="${INK}" stroke-width="1"/>`;
  return svgRoot(
    'line',
    WIDTH,
    height,
    chart.label,
    `${titles}${grid}${axis}${xLabels}${lines}${legend(
      chart.series.map((s, i) => ({ name: s.name, colour: colourAt(i) })),
      LEFT,
      axisBottom + 34 + below,
      WIDTH - LEFT,
    )}`,
  );
}
