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

export interface BarChart {
  label: string;
  /** The categories along the x axis (a histogram's bins, the exercises). */
  categories: string[];
  /** Bars side by side in each category: one value per category each. */
  series: { name: string; values: number[] }[];
  format: (value: number) => string;
  /** What the values count ("members", "share"), written above the y axis. */
  yTitle?: string;
  /** What runs along the x axis ("people on the map"), written under its labels. */
  xTitle?: string;
}

const WIDTH = 640;
/** Room above the plot for the y axis's title. */
const PLOT_TOP = 28;
const PLOT_HEIGHT = 200;
const LEFT = 52;
const RIGHT = 16;

/** Grouped bars (a histogram when the categories are bins), counted from zero, a value above each bar. */
export function barChart(chart: BarChart): string {
  const ticks = niceTicks(Math.max(0, ...chart.series.flatMap((s) => s.values)));
  const top = ticks.at(-1) || 1;
  const plotWidth = WIDTH - LEFT - RIGHT;
  const band = plotWidth / Math.max(1, chart.categories.length);
  const gap = band * 0.2;
  const barWidth = (band - gap) / Math.max(1, chart.series.length);
  const axisBottom = PLOT_TOP + PLOT_HEIGHT;
  const y = (v: number) => axisBottom - (v / top) * PLOT_HEIGHT;
  const below = chart.xTitle ? 18 : 0;
  const titles =
    (chart.yTitle ? axisTitle(chart.yTitle, 4, 12) : '') +
    (chart.xTitle ? axisTitle(chart.xTitle, LEFT + plotWidth / 2, axisBottom + 32, 'middle') : '');
  const height =
    axisBottom +
    34 +
    below +
    legendRows(
      chart.series.map((s) => s.name),
      WIDTH - LEFT,
    ) *
      18;

  const grid = ticks
    .map(
      (t) =>
        `<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${px(y(t))}" y2="${px(y(t))}" stroke="${GRID}" stroke-width="1"/>` +
        `<text x="${LEFT - 6}" y="${px(y(t) + 4)}" text-anchor="end" font-size="11" fill="${MUTED}">${esc(chart.format(t))}</text>`,
    )
    .join('');
  const bars = chart.categories
    .map((category, ci) => {
      const x0 = LEFT + ci * band + gap / 2;
      const rects = chart.series
        .map((s, si) => {
          const v = s.values[ci] ?? 0;
          const bx = x0 + si * barWidth;
          return (
            `<rect class="bar" x="${px(bx)}" y="${px(y(v))}" width="${px(Math.max(1, barWidth - 1))}" height="${px(axisBottom - y(v))}" fill="${colourAt(si)}">` +
            `<title>${esc(`${s.name}, ${category}: ${chart.format(v)}`)}</title></rect>` +
            `<text x="${px(bx + barWidth / 2)}" y="${px(y(v) - 3)}" text-anchor="middle" font-size="10" fill="${INK}">${esc(chart.format(v))}</text>`
          );
        })
        .join('');
      const label = `<text x="${px(LEFT + ci * band + band / 2)}" y="${axisBottom + 16}" text-anchor="middle" font-size="11" fill="${MUTED}">${esc(category)}</text>`;
      return `<g class="category">${rects}${label}</g>`;
    })
    .join('');
  const axis = `<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${axisBottom}" y2="${axisBottom}" stroke="${INK}" stroke-width="1"/>`;
  return svgRoot(
    'bars',
    WIDTH,
    height,
    chart.label,
    `${titles}${grid}${axis}${bars}${legend(
      chart.series.map((s, i) => ({ name: s.name, colour: colourAt(i) })),
      LEFT,
      axisBottom + 34 + below,
      WIDTH - LEFT,
    )}`,
  );
}
