import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DOMAINS, type Person, RINGS } from '../../src/network/model.js';
import {
  DOMAIN_COLOURS,
  layoutMap,
  MAX_LABEL_CHARS,
  type MapLabels,
  mapSvg,
  NO_DOMAIN_COLOUR,
  type Point,
  renderMapPng,
} from '../../src/network/picture.js';

const LABELS: MapLabels = {
  me: 'Me',
  title: 'My network',
  rings: { inner: 'close', middle: 'middle', outer: 'distant' },
  domains: Object.fromEntries(DOMAINS.map((d) => [d, `Domain ${d}`])) as MapLabels['domains'],
};

const NAMES = [
  'Ann',
  'Bartholomew Featherstonehaugh-Smythe',
  'Zoë Ødegård-Łukasiewicz',
  'Дмитрий Шостакович',
  '李小龍',
  '👩‍🔬 Marie Curie',
  'WWWWWWWWWWWWWWWWWWWW',
  'x',
];

function person(i: number, overrides: Partial<Person> = {}): Person {
  return {
    id: `p${i}`,
    name: `${NAMES[i % NAMES.length]} ${i}`.slice(0, 40),
    // Every 11th person has no domain and every 7th no ring, to cover the null cases.
    domain: i % 11 === 10 ? null : (DOMAINS[(i * 3) % DOMAINS.length] ?? null),
    ring: i % 7 === 6 ? null : (RINGS[i % RINGS.length] ?? null),
    contact: null,
    named: [],
    addedAt: '2024-01-01T00:00:00Z',
    ...overrides,
  };
}
const crowd = (count: number): Person[] => Array.from({ length: count }, (_, i) => person(i));

/** Separating axis theorem: two convex polygons are disjoint iff some edge normal separates them. */
function overlaps(a: Point[], b: Point[]): boolean {
  for (const poly of [a, b]) {
    for (let i = 0; i < poly.length; i++) {
      const p = poly[i] as Point;
      const q = poly[(i + 1) % poly.length] as Point;
      const axis = { x: q.y - p.y, y: p.x - q.x };
      const project = (ps: Point[]) => ps.map((s) => s.x * axis.x + s.y * axis.y);
      const pa = project(a);
      const pb = project(b);
      if (Math.max(...pa) <= Math.min(...pb) || Math.max(...pb) <= Math.min(...pa)) return false;
    }
  }
  return true;
}

/** Minimal PNG decoder (8-bit, no interlace) so the test checks the bytes actually produced. */
function decodePng(png: Uint8Array): {
  width: number;
  height: number;
  data: Buffer;
  rgba: (x: number, y: number) => number[];
} {
  const buf = Buffer.from(png);
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  const channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[buf[25] ?? -1];
  if (buf[24] !== 8 || !channels || buf[28] !== 0) throw new Error('unsupported PNG');
  const idat: Buffer[] = [];
  for (let at = 8; at < buf.length; ) {
    const length = buf.readUInt32BE(at);
    if (buf.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(buf.subarray(at + 8, at + 8 + length));
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
  return {
    width,
    height,
    data: out,
    rgba: (x, y) => [...out.subarray((y * width + x) * channels, (y * width + x + 1) * channels)],
  };
}

describe('layoutMap', () => {
  for (const count of [1, 12, 60, 150]) {
    it(`keeps all ${count} labels apart and off the legend`, () => {
      const layout = layoutMap(crowd(count));
      expect(layout.people).toHaveLength(count);
      const { area } = layout.legend;
      const legend = [
        { x: area.x, y: area.y },
        { x: area.x + area.width, y: area.y },
        { x: area.x + area.width, y: area.y + area.height },
        { x: area.x, y: area.y + area.height },
      ];
      const boxes = layout.people.map((p) => p.box);
      for (const [i, box] of boxes.entries()) {
        expect(overlaps(box, legend)).toBe(false);
        for (const corner of box) {
          expect(corner.x).toBeGreaterThan(0);
          expect(corner.x).toBeLessThan(layout.width);
          expect(corner.y).toBeGreaterThan(0);
          expect(corner.y).toBeLessThan(layout.height);
        }
        for (const other of boxes.slice(i + 1)) expect(overlaps(box, other)).toBe(false);
      }
      expect(new Set(layout.people.map((p) => p.angle.toFixed(9))).size).toBe(count);
    });
  }

  it('detects overlap in the checker itself', () => {
    const square = (x: number, y: number) => [
      { x, y },
      { x: x + 10, y },
      { x: x + 10, y: y + 10 },
      { x, y: y + 10 },
    ];
    expect(overlaps(square(0, 0), square(5, 5))).toBe(true);
    expect(overlaps(square(0, 0), square(11, 0))).toBe(false);
  });

  it('puts people on their ring, null ring on the outer one, and groups domains into sectors', () => {
    const layout = layoutMap(crowd(40));
    const byId = new Map(crowd(40).map((p) => [p.id, p]));
    for (const placed of layout.people) {
      const ring = byId.get(placed.id)?.ring ?? 'outer';
      expect(Math.hypot(placed.x - layout.cx, placed.y - layout.cy)).toBeCloseTo(layout.radii[ring], 6);
    }
    const order = layout.people.map((p) => byId.get(p.id)?.domain ?? null);
    const rank = (d: (typeof order)[number]) => (d ? DOMAINS.indexOf(d) : DOMAINS.length);
    expect(order.map(rank)).toEqual([...order.map(rank)].sort((a, b) => a - b));
  });

  it('truncates long names with an ellipsis', () => {
    const [placed] = layoutMap([person(0, { name: 'Bartholomew Featherstonehaugh' })]).people;
    expect(placed?.label).toBe('Bartholomew F…');
    expect(Array.from(placed?.label ?? '')).toHaveLength(MAX_LABEL_CHARS);
  });

  it('cuts names of wide fallback glyphs earlier, to the same width', () => {
    const [wide, narrow] = layoutMap([
      person(0, { name: 'ǄǄǄǄǄǄǄǄǄǄǄǄ' }),
      person(1, { name: 'DDDDDDDDDDDD', domain: null }),
    ]).people;
    const length = (p: typeof wide) =>
      Math.hypot((p?.box[1].x ?? 0) - (p?.box[0].x ?? 0), (p?.box[1].y ?? 0) - (p?.box[0].y ?? 0));
    expect(Array.from(wide?.label ?? '').length).toBeLessThan(12);
    expect(wide?.label.endsWith('…')).toBe(true);
    expect(narrow?.label).toBe('DDDDDDDDDDDD');
    expect(length(wide)).toBeLessThanOrEqual(MAX_LABEL_CHARS * 0.6021 * layoutMap([]).fontSize + 1e-9);
  });

  it('gives every domain its own colour and grey to no domain', () => {
    const colours = DOMAINS.map((d) => DOMAIN_COLOURS[d]);
    expect(new Set([...colours, NO_DOMAIN_COLOUR]).size).toBe(DOMAINS.length + 1);
    const layout = layoutMap([person(0, { domain: 'work' }), person(1, { domain: null })]);
    expect(layout.people.map((p) => p.colour)).toEqual([DOMAIN_COLOURS.work, NO_DOMAIN_COLOUR]);
  });

  it('lists only present domains in the legend, with counts', () => {
    const people = [
      person(0, { domain: 'family' }),
      person(1, { domain: 'work' }),
      person(2, { domain: 'family' }),
      person(3, { domain: null }),
    ];
    const entries = layoutMap(people).legend.entries;
    expect(entries.map((e) => [e.domain, e.count])).toEqual([
      ['work', 1],
      ['family', 2],
    ]);
  });

  it('grows the canvas with the number of people', () => {
    expect(layoutMap(crowd(150)).width).toBeGreaterThan(layoutMap(crowd(10)).width);
  });
});

describe('mapSvg', () => {
  it('escapes user text and strips control characters', () => {
    const people = [person(0, { name: '<script>&"\'\u0007' })];
    const labels = { ...LABELS, me: 'Me & <you>', title: 'T"itle' };
    const svg = mapSvg(layoutMap(people), labels);
    expect(svg).toContain('&lt;script&gt;&amp;&quot;&apos;<');
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('\u0007');
    expect(svg).toContain('Me &amp; &lt;you&gt;');
    expect(svg).toContain('T&quot;itle');
  });

  it('shows the legend names and counts of present domains only', () => {
    const svg = mapSvg(layoutMap([person(0, { domain: 'online' })]), LABELS);
    expect(svg).toContain('Domain online (1)');
    expect(svg).not.toContain('Domain work');
  });
});

describe('renderMapPng', () => {
  it('produces a PNG of the layout size', async () => {
    const people = crowd(12);
    const { png, width, height } = await renderMapPng(people, LABELS);
    expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    const layout = layoutMap(people);
    const view = Buffer.from(png);
    expect(view.toString('latin1', 12, 16)).toBe('IHDR');
    expect([view.readUInt32BE(16), view.readUInt32BE(20)]).toEqual([layout.width, layout.height]);
    expect([width, height]).toEqual([layout.width, layout.height]);
  });

  it('renders with no people at all', async () => {
    const { png, svg } = await renderMapPng([], LABELS);
    expect(png.length).toBeGreaterThan(100);
    expect(svg).toContain('My network');
  });

  it('draws the label text from the font inside its box and nowhere else', async () => {
    // Hebrew and Ǆ are missing from DejaVu Sans Mono, so resvg falls back to the wider DejaVu Sans.
    const names = [
      'MMMMMMMMMMMMMMMMMMMM',
      'שמואל בן-גוריון יוסף',
      'ǄǄǄǄǄǄǄǄǄǄǄǄǄǄ',
      'Zoë Ødegård',
      'Ǆ李Ǆ李 Wolf 李',
      'محمد عبد الرحمن',
    ];
    const people = crowd(12).map((p, i) => ({ ...p, name: names[i % names.length] ?? 'x' }));
    const layout = layoutMap(people);
    const image = decodePng((await renderMapPng(people, LABELS)).png);
    const dark = (x: number, y: number) => {
      const [r = 255, g = 255, b = 255] = image.rgba(x, y);
      return Math.max(r, g, b) < 110 && Math.max(r, g, b) - Math.min(r, g, b) < 20;
    };
    const inside = (box: Point[], x: number, y: number, pad: number) =>
      box.every((p, i) => {
        const q = box[(i + 1) % box.length] as Point;
        const length = Math.hypot(q.x - p.x, q.y - p.y);
        return ((q.x - p.x) * (y - p.y) - (q.y - p.y) * (x - p.x)) / length >= -pad;
      });
    const reach = Math.max(
      ...layout.people.flatMap((p) => p.box.map((c) => Math.hypot(c.x - layout.cx, c.y - layout.cy) + 2)),
    );
    const inBoxes = new Array(layout.people.length).fill(0);
    let stray = 0;
    for (let y = 0; y < image.height; y++) {
      for (let x = 0; x < image.width; x++) {
        // Only the ring area: the title, "me" and the legend are dark too.
        const r = Math.hypot(x + 0.5 - layout.cx, y + 0.5 - layout.cy);
        if (r < layout.radii.inner || r > reach || !dark(x, y)) continue;
        const hit = layout.people.findIndex((p) => inside(p.box, x + 0.5, y + 0.5, 1.5));
        if (hit < 0) stray++;
        else inBoxes[hit]++;
      }
    }
    expect(stray).toBe(0);
    for (const count of inBoxes) expect(count).toBeGreaterThan(50);
  });

  it('changes the picture when only the name changes', async () => {
    const ann = decodePng((await renderMapPng([person(0, { name: 'Ann' })], LABELS)).png);
    const bob = decodePng((await renderMapPng([person(0, { name: 'Bob' })], LABELS)).png);
    expect([bob.width, bob.height]).toEqual([ann.width, ann.height]);
    const differing = ann.data.filter((byte, i) => byte !== bob.data[i]).length;
    expect(differing).toBeGreaterThan(50);
  });
});
