import { plot } from './plot.js';
import { colourAt, esc, INK, MUTED, px } from './svg.js';

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

/** Grouped bars (a histogram when the categories are bins), counted from zero, a value above each bar. */
export function barChart(chart: BarChart): string {
  const frame = plot({ ...chart, kind: 'bars', max: Math.max(0, ...chart.series.flatMap((s) => s.values)) });
  const { left, plotWidth, axisBottom, y } = frame;
  const band = plotWidth / Math.max(1, chart.categories.length);
  const gap = band * 0.2;
  const barWidth = (band - gap) / Math.max(1, chart.series.length);
  const bars = chart.categories
    .map((category, ci) => {
      const x0 = left + ci * band + gap / 2;
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
      const label = `<text x="${px(left + ci * band + band / 2)}" y="${axisBottom + 16}" text-anchor="middle" font-size="11" fill="${MUTED}">${esc(category)}</text>`;
      return `<g class="category">${rects}${label}</g>`;
    })
    .join('');
  return frame.draw(bars);
}
