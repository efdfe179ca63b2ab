import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { renderAsync } from '@resvg/resvg-js';
import { clip } from '../core/clip.js';
import { DOMAINS, type Domain, type Person, RINGS, type Ring } from './model.js';

/** Every word on the picture comes from the caller, already translated. */
export interface MapLabels {
  me: string;
  domains: Record<Domain, string>;
  rings: Record<Ring, string>;
  title: string;
}

export interface Point {
  x: number;
  y: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedPerson {
  id: string;
  /** Dot centre. */
  x: number;
  y: number;
  /** Radians, clockwise from the positive x axis (SVG coordinates). */
  angle: number;
  colour: string;
  /** Cleaned and truncated name, not yet XML-escaped. */
  label: string;
  /** Where the text starts (or ends, when flipped), its rotation in degrees and its anchor. */
  labelAt: Point;
  rotation: number;
  anchor: 'start' | 'end';
  /** The label's rotated rectangle, corners in order around it. */
  box: [Point, Point, Point, Point];
}

export interface LegendEntry {
  domain: Domain;
  colour: string;
  count: number;
  /** Swatch centre; the text follows to its right. */
  x: number;
  y: number;
}

export interface MapLayout {
  width: number;
  height: number;
  cx: number;
  cy: number;
  radii: Record<Ring, number>;
  fontSize: number;
  people: PlacedPerson[];
  legend: { area: Rect; columnWidth: number; entries: LegendEntry[] };
}

/** One clearly distinct colour per domain (from Trubetskoy's 20 distinct colours), readable on white. */
export const DOMAIN_COLOURS: Record<Domain, string> = {
  work: '#4363d8',
  former: '#000075',
  study: '#911eb4',
  school: '#f032e6',
  family: '#e6194b',
  friends: '#f58231',
  neighbourhood: '#9a6324',
  volunteering: '#3cb44b',
  associations: '#469990',
  online: '#42d4f4',
  event: '#808000',
};
export const NO_DOMAIN_COLOUR = '#999999';

export const MAX_LABEL_CHARS = 14;
const FONT_SIZE = 11;
/** DejaVu Sans Mono advances every glyph (and its missing-glyph box) by 1233/2048 em. */
const MONO_EM = 0.6021;
const LABEL_HEIGHT = FONT_SIZE + 2;
const MAX_LABEL_WIDTH = MAX_LABEL_CHARS * MONO_EM * FONT_SIZE;
const DOT = 4;
/** From the dot centre to where its label starts. */
const LABEL_OFFSET = DOT + 4;
/** Room just inside each ring, at the top, for the ring's name. */
const RING_NAME_BAND = 22;
const RING_GAP = LABEL_OFFSET + MAX_LABEL_WIDTH + 8 + RING_NAME_BAND;
const BASE_INNER_RADIUS = 70;
const MARGIN = 20;
const TITLE_BAND = 44;
const LEGEND_COLUMN = 240;
const LEGEND_ROW = 22;

const CONTROL = /[\p{Cc}\p{Cs}\uFFFE\uFFFF]/gu;

/** User text made safe for one line: no control characters, lone surrogates or line breaks. */
function clean(text: string): string {
  return text.normalize('NFC').replace(CONTROL, '').replace(/\s+/g, ' ').trim();
}

/** A title or label cleaned and cut at a word to at most `max` characters. */
const truncate = (text: string, max: number): string => clip(clean(text), max);

const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const MONO_FILE = join(fontDir, 'DejaVuSansMono.ttf');
const SANS_FILE = join(fontDir, 'DejaVuSans.ttf');

/** Advance width in em of every code point the font maps, from its cmap (format 12) and hmtx tables. */
function readAdvances(file: string): Map<number, number> {
  const font = readFileSync(file);
  const table = (tag: string): number => {
    for (let i = 0; i < font.readUInt16BE(4); i++) {
      if (font.toString('latin1', 12 + 16 * i, 16 + 16 * i) === tag) return font.readUInt32BE(20 + 16 * i);
    }
    throw new Error(`${file} has no ${tag} table`);
  };
  const unitsPerEm = font.readUInt16BE(table('head') + 18);
  const longMetrics = font.readUInt16BE(table('hhea') + 34);
  const hmtx = table('hmtx');
  const cmap = table('cmap');
  const advances = new Map<number, number>();
  for (let i = 0; i < font.readUInt16BE(cmap + 2); i++) {
    const sub = cmap + font.readUInt32BE(cmap + 8 + 8 * i);
    const fullUnicode =
      font.readUInt16BE(cmap + 4 + 8 * i) === 3 && font.readUInt16BE(cmap + 6 + 8 * i) === 10;
    if (!fullUnicode || font.readUInt16BE(sub) !== 12) continue;
    for (let g = 0; g < font.readUInt32BE(sub + 12); g++) {
      const [first = 0, last = 0, glyph = 0] = [0, 4, 8].map((k) => font.readUInt32BE(sub + 16 + 12 * g + k));
      for (let c = first; c <= last; c++) {
        const metric = hmtx + 4 * Math.min(glyph + c - first, longMetrics - 1);
        advances.set(c, font.readUInt16BE(metric) / unitsPerEm);
      }
    }
  }
  return advances;
}

let fonts: { mono: Map<number, number>; sans: Map<number, number> } | undefined;

/**
 * Width in em of a label as resvg sets it: a character DejaVu Sans Mono lacks (Hebrew, some rare
 * letters) is taken from DejaVu Sans, and when Sans has every character the whole label is set in Sans.
 */
function emWidth(chars: string[]): number {
  fonts ??= { mono: readAdvances(MONO_FILE), sans: readAdvances(SANS_FILE) };
  const { mono, sans } = fonts;
  const codes = chars.map((c) => c.codePointAt(0) ?? 0);
  if (codes.every((c) => mono.has(c))) return codes.length * MONO_EM;
  if (codes.every((c) => sans.has(c))) return sum(codes.map((c) => sans.get(c) ?? 0));
  // Mixed with characters no font has: resvg may keep the missing-glyph box instead, so take the wider.
  return sum(codes.map((c) => mono.get(c) ?? Math.max(sans.get(c) ?? 0, MONO_EM)));
}

const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);

/** The name cut, with an ellipsis, to at most MAX_LABEL_CHARS characters and MAX_LABEL_WIDTH. */
function fitLabel(name: string): { label: string; width: number } {
  const chars = Array.from(clean(name));
  const fits = (label: string[]) =>
    label.length <= MAX_LABEL_CHARS && emWidth(label) <= MAX_LABEL_CHARS * MONO_EM;
  let label = chars;
  for (let kept = chars.length - 1; !fits(label) && kept >= 0; kept--) {
    label = [...Array.from(chars.slice(0, kept).join('').trimEnd()), '…'];
  }
  return { label: label.join(''), width: emWidth(label) * FONT_SIZE };
}

const ringOf = (p: Person): Ring => p.ring ?? 'outer';
const domainRank = (p: Person): number => (p.domain ? DOMAINS.indexOf(p.domain) : DOMAINS.length);

export function layoutMap(people: Person[]): MapLayout {
  const sorted = [...people].sort(
    (a, b) =>
      domainRank(a) - domainRank(b) ||
      RINGS.indexOf(ringOf(a)) - RINGS.indexOf(ringOf(b)) ||
      a.name.localeCompare(b.name) ||
      a.id.localeCompare(b.id),
  );
  const step = (2 * Math.PI) / Math.max(1, sorted.length);
  // Adjacent labels on the inner ring must sit a full label height apart; outer rings only gain room.
  const inner = Math.max(BASE_INNER_RADIUS, LABEL_HEIGHT / step);
  const radii: Record<Ring, number> = { inner, middle: inner + RING_GAP, outer: inner + 2 * RING_GAP };
  const extent = radii.outer + LABEL_OFFSET + MAX_LABEL_WIDTH + 8;
  const width = Math.ceil(2 * (extent + MARGIN));
  const cx = width / 2;
  const cy = TITLE_BAND + extent;

  const placed = sorted.map((person, i): PlacedPerson => {
    // Start at the top, half a step in, so the top stays free for the ring names.
    const angle = -Math.PI / 2 + (i + 0.5) * step;
    const r = radii[ringOf(person)];
    const u = { x: Math.cos(angle), y: Math.sin(angle) };
    const v = { x: -u.y, y: u.x };
    const at = (along: number, across: number): Point => ({
      x: cx + u.x * along + v.x * across,
      y: cy + u.y * along + v.y * across,
    });
    const { label, width: labelWidth } = fitLabel(person.name);
    const start = r + LABEL_OFFSET;
    const end = start + labelWidth;
    const h = LABEL_HEIGHT / 2;
    // Text on the left half is turned half a turn so it never reads upside down.
    const flip = u.x < 0;
    return {
      id: person.id,
      ...at(r, 0),
      angle,
      colour: person.domain ? DOMAIN_COLOURS[person.domain] : NO_DOMAIN_COLOUR,
      label,
      labelAt: at(start, 0),
      rotation: (angle * 180) / Math.PI + (flip ? 180 : 0),
      anchor: flip ? 'end' : 'start',
      box: [at(start, -h), at(end, -h), at(end, h), at(start, h)],
    };
  });

  const present = DOMAINS.filter((d) => people.some((p) => p.domain === d));
  const columns = Math.max(1, Math.floor((width - 2 * MARGIN) / LEGEND_COLUMN));
  const area: Rect = {
    x: MARGIN,
    y: cy + extent + 8,
    width: width - 2 * MARGIN,
    height: Math.ceil(present.length / columns) * LEGEND_ROW,
  };
  const entries = present.map((domain, i) => ({
    domain,
    colour: DOMAIN_COLOURS[domain],
    count: people.filter((p) => p.domain === domain).length,
    x: area.x + 8 + (i % columns) * LEGEND_COLUMN,
    y: area.y + LEGEND_ROW / 2 + Math.floor(i / columns) * LEGEND_ROW,
  }));
  const height = Math.ceil(area.height > 0 ? area.y + area.height + MARGIN : cy + extent + MARGIN);
  return {
    width,
    height,
    cx,
    cy,
    radii,
    fontSize: FONT_SIZE,
    people: placed,
    legend: { area, columnWidth: LEGEND_COLUMN, entries },
  };
}

const XML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const esc = (text: string): string => clean(text).replace(/[&<>"']/g, (c) => XML[c] ?? c);
const n = (value: number): string => String(Math.round(value * 100) / 100);

/** Attributes are always ours; only the content can come from users, so only it is escaped. */
const text = (x: number, y: number, content: string, attributes: string): string =>
  `<text x="${n(x)}" y="${n(y)}" ${attributes}>${esc(content)}</text>`;
const SANS = 'font-family="DejaVu Sans"';

export function mapSvg(layout: MapLayout, labels: MapLabels): string {
  const { width, height, cx, cy, radii, fontSize } = layout;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    // Proportional text is not measured, so the title is cut early enough to fit any glyphs.
    text(
      cx,
      30,
      truncate(labels.title, Math.floor(width / 14)),
      `${SANS} font-size="18" font-weight="bold" fill="#222222" text-anchor="middle"`,
    ),
  ];
  for (const ring of RINGS) {
    out.push(
      `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(radii[ring])}" fill="none" stroke="#e2e2e2" stroke-width="1.5"/>`,
    );
    // The layout keeps the top of each ring free of people; the white halo keeps the name legible on the line.
    out.push(
      text(
        cx,
        cy - radii[ring] + 18,
        truncate(labels.rings[ring], 24),
        `${SANS} font-size="10" fill="#8a8a8a" text-anchor="middle" stroke="#ffffff" stroke-width="3" paint-order="stroke"`,
      ),
    );
  }
  out.push(`<circle cx="${n(cx)}" cy="${n(cy)}" r="7" fill="#222222"/>`);
  out.push(
    text(
      cx,
      cy + 24,
      truncate(labels.me, 12),
      `${SANS} font-size="12" font-weight="bold" fill="#222222" text-anchor="middle"`,
    ),
  );
  for (const p of layout.people) {
    const { x, y } = p.labelAt;
    out.push(`<circle cx="${n(p.x)}" cy="${n(p.y)}" r="${DOT}" fill="${p.colour}"/>`);
    // The baseline sits a third of an em below the axis so the glyphs are centred on it.
    out.push(
      text(
        x,
        y + 0.32 * fontSize,
        p.label,
        `transform="rotate(${n(p.rotation)} ${n(x)} ${n(y)})" font-family="DejaVu Sans Mono" font-size="${fontSize}" fill="#333333" text-anchor="${p.anchor}"`,
      ),
    );
  }
  for (const e of layout.legend.entries) {
    out.push(`<circle cx="${n(e.x)}" cy="${n(e.y)}" r="6" fill="${e.colour}"/>`);
    out.push(
      text(
        e.x + 14,
        e.y + 4.5,
        `${truncate(labels.domains[e.domain], 24)} (${e.count})`,
        `${SANS} font-size="13" fill="#333333"`,
      ),
    );
  }
  out.push('</svg>');
  return out.join('\n');
}

/** The map as a PNG, drawn on libuv's thread pool so other members' turns go on meanwhile. */
export async function renderMapPng(
  people: Person[],
  labels: MapLabels,
): Promise<{ png: Uint8Array; width: number; height: number; svg: string }> {
  const layout = layoutMap(people);
  const svg = mapSvg(layout, labels);
  const image = await renderAsync(svg, {
    font: { fontFiles: [MONO_FILE, SANS_FILE], loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
    fitTo: { mode: 'original' },
  });
  return { png: image.asPng(), width: layout.width, height: layout.height, svg };
}
