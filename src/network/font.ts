import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The fonts the map is drawn in, read from the `dejavu-fonts-ttf` package so every machine draws the
 * same picture, and the few numbers of each the layout needs: which characters it has (cmap) and how
 * far each one advances (hmtx). Text is measured here rather than guessed, so label boxes are true.
 */
export interface FontMetrics {
  file: string;
  family: string;
  weight: 'normal' | 'bold';
  /** Above and below the baseline, in em. */
  ascent: number;
  descent: number;
  has(codePoint: number): boolean;
  /** Advance width in em; 0 for a character the font lacks. */
  advance(codePoint: number): number;
}

const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
export const SANS_FILE = join(fontDir, 'DejaVuSans.ttf');
export const SANS_BOLD_FILE = join(fontDir, 'DejaVuSans-Bold.ttf');

/** Reads the cmap (format 12, full Unicode), hmtx, hhea and head tables of a TrueType file. */
export function readFont(file: string, family: string, weight: 'normal' | 'bold'): FontMetrics {
  const font = readFileSync(file);
  const table = (tag: string): number => {
    for (let i = 0; i < font.readUInt16BE(4); i++) {
      if (font.toString('latin1', 12 + 16 * i, 16 + 16 * i) === tag) return font.readUInt32BE(20 + 16 * i);
    }
    throw new Error(`${file} has no ${tag} table`);
  };
  const unitsPerEm = font.readUInt16BE(table('head') + 18);
  const hhea = table('hhea');
  const longMetrics = font.readUInt16BE(hhea + 34);
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
  if (advances.size === 0) throw new Error(`${file} has no full Unicode cmap`);
  return {
    file,
    family,
    weight,
    ascent: font.readInt16BE(hhea + 4) / unitsPerEm,
    descent: -font.readInt16BE(hhea + 6) / unitsPerEm,
    has: (c) => advances.has(c),
    advance: (c) => advances.get(c) ?? 0,
  };
}

let loaded: { regular: FontMetrics; bold: FontMetrics } | undefined;

/** DejaVu Sans, regular and bold, read once. */
export function fonts(): { regular: FontMetrics; bold: FontMetrics } {
  loaded ??= {
    regular: readFont(SANS_FILE, 'DejaVu Sans', 'normal'),
    bold: readFont(SANS_BOLD_FILE, 'DejaVu Sans', 'bold'),
  };
  return loaded;
}

/** Control and format characters (joiners, direction marks), variation selectors, lone surrogates. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Variation_Selector}\uFFFE\uFFFF]/gu;

/**
 * User text made fit to draw in one line of `font`: every character the font lacks (emoji, CJK…)
 * is dropped rather than drawn as an empty box, and so are invisible ones; spaces are collapsed.
 */
export function drawable(text: string, font: FontMetrics): string {
  // A private-use character: none is left in the text by now.
  const GAP = '\uE000';
  const kept = Array.from(text.normalize('NFC').replace(INVISIBLE, ''))
    .map((c) => (/\s/u.test(c) ? ' ' : font.has(c.codePointAt(0) ?? 0) ? c : GAP))
    .join('');
  // "Anna 🌻's" reads "Anna's", not "Anna 's": a gap before punctuation takes its space along.
  return kept
    .replace(/ \uE000+(?=\p{P})/gu, '')
    .replaceAll(GAP, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Width in pixels of text set in `font` at `size`, from the font's own advances. */
export function textWidth(text: string, font: FontMetrics, size: number): number {
  let em = 0;
  for (const c of text) em += font.advance(c.codePointAt(0) ?? 0);
  return em * size;
}

const ELLIPSIS = '…';
const DANGLING = /[\s,;:.!?–—-]+$/u;

/**
 * Drawable text at most `max` pixels wide: whole when it fits, else cut after the last whole word
 * that fits and marked with an ellipsis; a first word too long on its own is cut inside.
 */
export function fitText(text: string, font: FontMetrics, size: number, max: number): string {
  const clean = drawable(text, font);
  if (textWidth(clean, font, size) <= max) return clean;
  const room = max - textWidth(ELLIPSIS, font, size);
  const words = clean.split(' ');
  let kept = '';
  for (const word of words) {
    const next = kept ? `${kept} ${word}` : word;
    if (textWidth(next, font, size) > room) break;
    kept = next;
  }
  if (!kept) {
    for (const c of Array.from(clean)) {
      if (textWidth(kept + c, font, size) > room) break;
      kept += c;
    }
  }
  return `${kept.replace(DANGLING, '')}${ELLIPSIS}`;
}
