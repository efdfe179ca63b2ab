import { renderAsync } from '@resvg/resvg-js';
import { escapeMarkup } from '../core/markup.js';
import { SANS_BOLD_FILE, SANS_FILE } from './font.js';
import {
  type Dot,
  layoutMap,
  type MapLabels,
  type MapLayout,
  type Sector,
  type TextItem,
} from './map-layout.js';
import type { Person } from './model.js';
import { BACKGROUND, LINE, MUTED } from './palette.js';
import { palettePng } from './png.js';

export type { Box, Point } from './geometry.js';
export type { LegendRow, MapLabels, MapLayout, PlacedPerson, TextItem } from './map-layout.js';
export { layoutMap } from './map-layout.js';
export { DOMAIN_COLOURS, NO_DOMAIN_COLOUR } from './palette.js';

/** Layout texts are already cleaned to drawable characters; only markup needs escaping. */
const esc = escapeMarkup;
const n = (value: number): string => String(Math.round(value * 100) / 100);

function textSvg(t: TextItem): string {
  const halo = t.halo
    ? ` stroke="${BACKGROUND}" stroke-width="3" stroke-linejoin="round" paint-order="stroke"`
    : '';
  const weight = t.weight === 'bold' ? ' font-weight="bold"' : '';
  return `<text x="${n(t.x)}" y="${n(t.baseline)}" font-size="${t.size}"${weight} fill="${t.fill}"${halo}>${esc(t.text)}</text>`;
}

function dotSvg(d: Dot): string {
  return d.hollow
    ? `<circle cx="${n(d.x)}" cy="${n(d.y)}" r="${n(d.r - 1.25)}" fill="${BACKGROUND}" stroke="${d.colour}" stroke-width="2.5"/>`
    : `<circle cx="${n(d.x)}" cy="${n(d.y)}" r="${n(d.r)}" fill="${d.colour}"/>`;
}

/** Each part of life as a stretch of a band around "me": the sectors read without filling large areas. */
function sectorSvg(s: Sector, cx: number, cy: number, inner: number, outer: number): string {
  const at = (r: number, a: number) => `${n(cx + r * Math.cos(a))} ${n(cy + r * Math.sin(a))}`;
  const large = s.end - s.start > Math.PI ? 1 : 0;
  return (
    `<path d="M ${at(outer, s.start)} A ${outer} ${outer} 0 ${large} 1 ${at(outer, s.end)} ` +
    `L ${at(inner, s.end)} A ${inner} ${inner} 0 ${large} 0 ${at(inner, s.start)} Z" fill="${s.colour}"/>`
  );
}

export function mapSvg(layout: MapLayout): string {
  const { width, height, cx, cy, radii } = layout;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans">`,
    `<rect width="${width}" height="${height}" fill="${BACKGROUND}"/>`,
  ];
  const band = layout.band;
  for (const s of layout.sectors) out.push(sectorSvg(s, cx, cy, band.inner, band.outer));
  for (const r of Object.values(radii)) {
    out.push(
      `<circle cx="${n(cx)}" cy="${n(cy)}" r="${r}" fill="none" stroke="${LINE}" stroke-width="1.5"/>`,
    );
  }
  for (const p of layout.people) {
    const l = p.leader;
    if (l) {
      out.push(
        `<line x1="${n(l.x1)}" y1="${n(l.y1)}" x2="${n(l.x2)}" y2="${n(l.y2)}" stroke="${MUTED}" stroke-width="1"/>`,
      );
    }
  }
  out.push(dotSvg(layout.me));
  for (const p of layout.people) out.push(dotSvg(p));
  for (const row of layout.legend.rows) {
    const s = row.swatch;
    if (s.shape === 'square') {
      out.push(
        `<rect x="${n(s.x - s.r)}" y="${n(s.y - s.r)}" width="${2 * s.r}" height="${2 * s.r}" fill="${s.colour}"/>`,
      );
    } else if (s.shape === 'ring') {
      out.push(
        `<circle cx="${n(s.x)}" cy="${n(s.y)}" r="${s.r}" fill="none" stroke="${s.colour}" stroke-width="2"/>`,
      );
    } else out.push(dotSvg(s));
  }
  for (const t of layout.texts) out.push(textSvg(t));
  out.push('</svg>');
  return out.join('\n');
}

/** The map as a PNG, drawn on libuv's thread pool so other members' turns go on meanwhile. */
export async function renderMapPng(
  people: Person[],
  labels: MapLabels,
): Promise<{ png: Uint8Array; width: number; height: number; svg: string }> {
  const layout = layoutMap(people, labels);
  const svg = mapSvg(layout);
  const image = await renderAsync(svg, {
    // Only the shipped fonts, so the picture is the same on every machine.
    font: {
      fontFiles: [SANS_FILE, SANS_BOLD_FILE],
      loadSystemFonts: false,
      defaultFontFamily: 'DejaVu Sans',
    },
    fitTo: { mode: 'original' },
  });
  const png = await palettePng(image.pixels, image.width, image.height);
  return { png, width: layout.width, height: layout.height, svg };
}
