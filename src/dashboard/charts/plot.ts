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

const WIDTH = 640;
/** Room above the plot for the y axis's title. */
const PLOT_TOP = 28;
const PLOT_HEIGHT = 200;
const LEFT = 52;
const RIGHT = 16;

/** What a bar or a line chart shares: its size, a y scale from zero, gridlines, titles and a legend. */
export interface Plot {
  left: number;
  plotWidth: number;
  /** The y of the x axis: labels go just under it. */
  axisBottom: number;
  y(value: number): number;
  /** The whole chart around the marks: titles, gridlines, the axis, the legend. */
  draw(marks: string): string;
}

export function plot(chart: {
  kind: string;
  label: string;
  series: { name: string }[];
  /** The largest value to show; the axis runs from zero to a round step at or above it. */
  max: number;
  format: (value: number) => string;
  yTitle?: string;
  xTitle?: string;
}): Plot {
  const ticks = niceTicks(chart.max);
  const top = ticks.at(-1) || 1;
  const plotWidth = WIDTH - LEFT - RIGHT;
  const axisBottom = PLOT_TOP + PLOT_HEIGHT;
  const y = (v: number) => axisBottom - (v / top) * PLOT_HEIGHT;
  const below = chart.xTitle ? 18 : 0;
  const names = chart.series.map((s) => s.name);
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
  const axis = `<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${axisBottom}" y2="${axisBottom}" stroke="${INK}" stroke-width="1"/>`;
  const key = legend(
    names.map((name, i) => ({ name, colour: colourAt(i) })),
    LEFT,
    axisBottom + 34 + below,
    WIDTH - LEFT,
  );
  return {
    left: LEFT,
    plotWidth,
    axisBottom,
    y,
    draw: (marks) => svgRoot(chart.kind, WIDTH, height, chart.label, `${titles}${grid}${axis}${marks}${key}`),
  };
}
