import { plot } from './plot.js';
import { colourAt, esc, MUTED, px } from './svg.js';

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

/** At most this many x labels, so they never overlap at the chart's width. */
const MAX_X_LABELS = 8;

/** A line chart with a y axis from zero, gridlines, x labels and a dot on every known value. */
export function lineChart(chart: LineChart): string {
  const values = chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const frame = plot({ ...chart, kind: 'line', max: Math.max(chart.yMax ?? 0, ...values, 0) });
  const { left, plotWidth, axisBottom, y } = frame;
  const n = chart.xLabels.length;
  const x = (i: number) => left + (n <= 1 ? plotWidth / 2 : (i * plotWidth) / (n - 1));
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
  return frame.draw(`${xLabels}${lines}`);
}
