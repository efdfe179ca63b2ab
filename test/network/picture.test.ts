import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Box } from '../../src/network/geometry.js';
import { TEXT } from '../../src/network/palette.js';
import { layoutMap, mapSvg, renderMapPng } from '../../src/network/picture.js';
import { palettePng } from '../../src/network/png.js';
import { crowd, LABELS, person } from './map-fixtures.js';

/** Minimal PNG decoder (8-bit, no interlace, palette or not) so the test checks the bytes actually produced. */
function decodePng(png: Uint8Array): {
  width: number;
  height: number;
  data: Buffer;
  rgba: (x: number, y: number) => number[];
} {
  const buf = Buffer.from(png);
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  const type = buf[25] ?? -1;
  const channels = ({ 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as Record<number, number>)[type];
  if (buf[24] !== 8 || !channels || buf[28] !== 0) throw new Error('unsupported PNG');
  const idat: Buffer[] = [];
  let palette = Buffer.alloc(0);
  for (let at = 8; at < buf.length; ) {
    const length = buf.readUInt32BE(at);
    const chunk = buf.toString('latin1', at + 4, at + 8);
    if (chunk === 'IDAT') idat.push(buf.subarray(at + 8, at + 8 + length));
    if (chunk === 'PLTE') palette = buf.subarray(at + 8, at + 8 + length);
    at += length + 12;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i] ?? 0;
      const a = i >= channels ? (out[y * stride + i - channels] ?? 0) : 0;
      const b = y > 0 ? (out[(y - 1) * stride + i] ?? 0) : 0;
      const c = y > 0 && i >= channels ? (out[(y - 1) * stride + i - channels] ?? 0) : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter ?? 0] ?? 0;
      out[y * stride + i] = (x + predictor) & 0xff;
    }
  }
  const rgba = (x: number, y: number): number[] => {
    const at = (y * width + x) * channels;
    if (type !== 3) return [...out.subarray(at, at + channels)];
    const i = out[at] ?? 0;
    return [...palette.subarray(3 * i, 3 * i + 3), 255];
  };
  return { width, height, data: out, rgba };
}

describe('mapSvg', () => {
  it('escapes user text and strips control characters', () => {
    const people = [person(0, { name: '<script>&"\'\u0007', ring: 'inner' })];
    const labels = { ...LABELS, me: 'Me & <you>', title: 'T"itle' };
    const svg = mapSvg(layoutMap(people, labels));
    expect(svg).toContain('&lt;script&gt;&amp;&quot;&apos;<');
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('\u0007');
    expect(svg).toContain('Me &amp; &lt;you&gt;');
    expect(svg).toContain('T&quot;itle');
  });

  it('shows the legend names and counts of present domains only', () => {
    const svg = mapSvg(layoutMap([person(0, { domain: 'online' })], LABELS));
    expect(svg).toContain('>Part online<');
    expect(svg).not.toContain('Part work');
  });

  it('names only the shipped font, so no system font is ever asked for', () => {
    const svg = mapSvg(layoutMap(crowd(12), LABELS));
    expect(svg.match(/font-family="[^"]*"/g)).toEqual(['font-family="DejaVu Sans"']);
  });
});

describe('renderMapPng', () => {
  it('produces a PNG of the layout size', async () => {
    const people = crowd(12);
    const { png, width, height } = await renderMapPng(people, LABELS);
    expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    const layout = layoutMap(people, LABELS);
    const view = Buffer.from(png);
    expect(view.toString('latin1', 12, 16)).toBe('IHDR');
    expect([view.readUInt32BE(16), view.readUInt32BE(20)]).toEqual([layout.width, layout.height]);
    expect([width, height]).toEqual([layout.width, layout.height]);
  });

  it('renders with no people at all', async () => {
    const { png, svg } = await renderMapPng([], { ...LABELS, title: 'My network' });
    expect(png.length).toBeGreaterThan(100);
    expect(svg).toContain('My network');
  });

  it('draws each name from the font inside its measured box and nowhere else', async () => {
    const names = [
      'MMMMMMMMMMMMMMMMMMMM',
      'שמואל בן-גוריון יוסף',
      'ǄǄǄǄǄǄǄǄǄǄǄǄǄǄ',
      'Zoë Ødegård',
      'Ǆ李Ǆ李 Wolf 李',
      'محمد عبد الرحمن',
      'Wolfgang Amadeus',
      'iiiiiiiiiiiiiiiiiiii',
    ];
    // Rated and in one part of life, so the only bright marks on the rings are the names.
    const people = crowd(16).map((p, i) => ({
      ...p,
      name: names[i % names.length] ?? 'x',
      domain: 'work' as const,
      ring: p.ring ?? ('outer' as const),
    }));
    const layout = layoutMap(people, LABELS);
    const image = decodePng((await renderMapPng(people, LABELS)).png);
    const bright = (x: number, y: number) => {
      const [r = 0, g = 0, b = 0] = image.rgba(x, y);
      return Math.min(r, g, b) > 215;
    };
    const inside = (box: Box, x: number, y: number, pad: number) =>
      x >= box.x - pad && x <= box.x + box.width + pad && y >= box.y - pad && y <= box.y + box.height + pad;
    const labels = layout.people.flatMap((p) => (p.label ? [p.label] : []));
    expect(labels).toHaveLength(people.length);
    const inBoxes = new Array(labels.length).fill(0);
    let stray = 0;
    const { map } = layout;
    for (let y = Math.floor(map.y); y < map.y + map.height; y++) {
      for (let x = Math.floor(map.x); x < map.x + map.width; x++) {
        // Only the rings: "me" and its dot in the centre are bright too.
        if (Math.hypot(x + 0.5 - layout.cx, y + 0.5 - layout.cy) < 45 || !bright(x, y)) continue;
        const hit = labels.findIndex((box) => inside(box, x + 0.5, y + 0.5, 1.5));
        if (hit < 0) stray++;
        else inBoxes[hit]++;
      }
    }
    expect(stray).toBe(0);
    for (const count of inBoxes) expect(count).toBeGreaterThan(30);
  });

  it('draws every bright text of the whole picture, title and legend too, inside its box', async () => {
    const people = crowd(40);
    const layout = layoutMap(people, LABELS);
    const image = decodePng((await renderMapPng(people, LABELS)).png);
    const bright = (x: number, y: number) => Math.min(...image.rgba(x, y).slice(0, 3)) > 215;
    const texts = layout.texts.filter((t) => t.fill === TEXT);
    const circles = [layout.me, ...layout.people, ...layout.legend.rows.map((r) => r.swatch)];
    // The band around "me" is bright where people met at events are counted.
    const onBand = (px: number, py: number) => {
      const r = Math.hypot(px - layout.cx, py - layout.cy);
      return r >= layout.band.inner - 1 && r <= layout.band.outer + 1;
    };
    const counts = new Array(texts.length).fill(0);
    let stray = 0;
    for (let y = 0; y < image.height; y++) {
      for (let x = 0; x < image.width; x++) {
        if (!bright(x, y)) continue;
        const [px, py] = [x + 0.5, y + 0.5];
        const hit = texts.findIndex(
          (t) =>
            px >= t.x - 1.5 && px <= t.x + t.width + 1.5 && py >= t.y - 1.5 && py <= t.y + t.height + 1.5,
        );
        if (hit >= 0) counts[hit]++;
        else if (!circles.some((c) => Math.hypot(px - c.x, py - c.y) <= c.r + 2) && !onBand(px, py)) stray++;
      }
    }
    expect(stray).toBe(0);
    // And each of them is there: light ink inside every box.
    for (const t of texts) {
      let ink = 0;
      for (let y = Math.floor(t.y); y < t.y + t.height; y++) {
        for (let x = Math.floor(t.x); x < t.x + t.width; x++)
          if (Math.min(...image.rgba(x, y).slice(0, 3)) > 150) ink++;
      }
      expect(ink, t.text).toBeGreaterThan(8);
    }
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThan(1000);
  });

  it('changes the picture when only the name changes', async () => {
    const ann = decodePng((await renderMapPng([person(0, { name: 'Ann' })], LABELS)).png);
    const bob = decodePng((await renderMapPng([person(0, { name: 'Bob' })], LABELS)).png);
    expect([bob.width, bob.height]).toEqual([ann.width, ann.height]);
    const differing = ann.data.filter((byte, i) => byte !== bob.data[i]).length;
    expect(differing).toBeGreaterThan(50);
  });
});

describe('palettePng', () => {
  const image = (width: number, height: number, colour: (x: number, y: number) => number[]) => {
    const rgba = new Uint8Array(width * height * 4);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) rgba.set([...colour(x, y), 255], (y * width + x) * 4);
    return rgba;
  };

  it('keeps every colour exactly when there are at most 256', async () => {
    const rgba = image(256, 2, (x) => [x, 100, 255 - x]);
    const png = await palettePng(rgba, 256, 2);
    expect(Buffer.from(png)[25]).toBe(3);
    const decoded = decodePng(png);
    for (let x = 0; x < 256; x++) expect(decoded.rgba(x, 1)).toEqual([x, 100, 255 - x, 255]);
  });

  it('gives a rare colour the nearest frequent one when there are more', async () => {
    // 200 greys, each three times; and 100 rare colours one step of blue off a grey.
    const rgba = image(300, 3, (x, y) =>
      y === 0 && x >= 200 ? [x - 200, x - 200, x - 199] : [x % 200, x % 200, x % 200],
    );
    const decoded = decodePng(await palettePng(rgba, 300, 3));
    for (let x = 0; x < 300; x++) {
      const want = x >= 200 ? [x - 200, x - 200, x - 199] : [x, x, x];
      const got = decoded.rgba(x, 0);
      for (const c of [0, 1, 2]) expect(Math.abs((got[c] ?? 0) - (want[c] ?? 0))).toBeLessThanOrEqual(1);
    }
    expect(decoded.rgba(250, 1)).toEqual([50, 50, 50, 255]);
  });
});
