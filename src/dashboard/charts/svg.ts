/**
 * The parts every chart shares: escaping, the root element and a legend. Charts are plain SVG
 * made on the server: no script, no style attributes (the page's CSP forbids inline styles), only
 * presentation attributes and class names the page's stylesheet may refine.
 */
import { escapeMarkup } from '../../core/markup.js';

/** Text and attribute values made safe for XML. */
export const esc = escapeMarkup;

/** A number rounded for a coordinate, so that the markup stays short and the same on every run. */
export const px = (n: number): string => String(Math.round(n * 10) / 10);

export const FONT = 'system-ui, sans-serif';
export const INK = '#1f2430';
export const MUTED = '#5c6478';
export const GRID = '#d9dce3';

/** Series colours: Tableau 10, whose hues stay apart for the common forms of colour blindness. */
export const SERIES_COLOURS = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#b07aa1', '#76b7b2', '#9c755f'];

export const colourAt = (i: number) => SERIES_COLOURS[i % SERIES_COLOURS.length] as string;

/** The root: responsive (width 100%, viewBox), an image to assistive technology with its label and title. */
export function svgRoot(kind: string, width: number, height: number, label: string, body: string): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-${esc(kind)}" role="img" aria-label="${esc(label)}"`,
    ` viewBox="0 0 ${width} ${height}" width="100%" preserveAspectRatio="xMidYMid meet" font-family="${FONT}">`,
    `<title>${esc(label)}</title>`,
    body,
    '</svg>',
  ].join('');
}

/**
 * The room a legend entry takes: swatch, gap, its name at 12px, and space before the next.
 * Generous (a wide sans such as DejaVu runs near 7.5px a letter), so names never touch.
 */
const legendItemWidth = (name: string) => 30 + name.length * 7.5;

/** A chart's axis title in small muted letters (the unit up the side, what runs along the bottom). */
export const axisTitle = (text: string, x: number, y: number, anchor: 'start' | 'middle' | 'end' = 'start') =>
  `<text class="axis-title" x="${px(x)}" y="${px(y)}" text-anchor="${anchor}" font-size="11" fill="${MUTED}">${esc(text)}</text>`;

/** A row of coloured swatches with their names, starting at (x, y). */
export function legend(
  items: { name: string; colour: string; hollow?: boolean }[],
  x: number,
  y: number,
  width: number,
): string {
  const parts: string[] = [];
  let cx = x;
  let cy = y;
  for (const { name, colour, hollow } of items) {
    const w = legendItemWidth(name);
    if (cx + w > x + width && cx > x) {
      cx = x;
      cy += 18;
    }
    parts.push(
      `<g class="legend-item">${
        hollow
          ? `<circle cx="${px(cx + 6)}" cy="${px(cy - 3)}" r="4.5" fill="#ffffff" stroke="${colour}" stroke-width="2.5"/>`
          : `<rect x="${px(cx)}" y="${px(cy - 9)}" width="12" height="12" fill="${colour}"/>`
      }`,
      `<text x="${px(cx + 16)}" y="${px(cy + 1)}" font-size="12" fill="${INK}">${esc(name)}</text></g>`,
    );
    cx += w;
  }
  return `<g class="legend">${parts.join('')}</g>`;
}

/** Rows a legend of these names takes at this width (for the height of the chart above it). */
export function legendRows(names: string[], width: number): number {
  let rows = names.length > 0 ? 1 : 0;
  let cx = 0;
  for (const name of names) {
    const w = legendItemWidth(name);
    if (cx + w > width && cx > 0) {
      rows += 1;
      cx = 0;
    }
    cx += w;
  }
  return rows;
}

/** Round steps for an axis from 0 to at least `max`: about five ticks of 1, 2 or 5 times a power of ten. */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  const ticks: number[] = [];
  for (let v = 0; v < max + step / 2; v += step) ticks.push(Math.round(v * 1e9) / 1e9);
  if ((ticks.at(-1) ?? 0) < max) ticks.push((ticks.at(-1) ?? 0) + step);
  return ticks;
}
