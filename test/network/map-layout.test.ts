import { describe, expect, it } from 'vitest';
import { fitText, fonts, textWidth } from '../../src/network/font.js';
import { boxesOverlap, circleBox, segmentCrossesBox, segmentsCross } from '../../src/network/geometry.js';
import { MAX_LABEL_WIDTH, WIDTH } from '../../src/network/map-layout.js';
import { mapMetrics } from '../../src/network/metrics.js';
import { DOMAINS, type Person } from '../../src/network/model.js';
import { BACKGROUND, contrastRatio, MUTED, TEXT } from '../../src/network/palette.js';
import { DOMAIN_COLOURS, layoutMap, NO_DOMAIN_COLOUR, renderMapPng } from '../../src/network/picture.js';
import { crowd, LABELS, person } from './map-fixtures.js';

const SIZES = [10, 30, 90, 150];

describe('layoutMap keeps every text apart', () => {
  for (const size of SIZES) {
    it(`for ${size} people: no two text boxes overlap, no label covers a dot, all on the canvas`, () => {
      const layout = layoutMap(crowd(size), LABELS);
      expect(layout.width).toBe(WIDTH);
      expect(layout.people).toHaveLength(size);
      const texts = layout.texts;
      expect(texts.length).toBeGreaterThan(size / 3);
      for (const [i, a] of texts.entries()) {
        expect(a.x).toBeGreaterThanOrEqual(0);
        expect(a.y).toBeGreaterThanOrEqual(0);
        expect(a.x + a.width).toBeLessThanOrEqual(layout.width);
        expect(a.y + a.height).toBeLessThanOrEqual(layout.height);
        for (const b of texts.slice(i + 1)) {
          if (boxesOverlap(a, b)) throw new Error(`"${a.text}" overlaps "${b.text}"`);
        }
      }
      const dots = [...layout.people, layout.me].map((d) => circleBox(d.x, d.y, d.r));
      for (const t of texts) for (const d of dots) expect(boxesOverlap(t, d)).toBe(false);
      // A leader runs from its dot to its label and through nothing else.
      const leaders = layout.people.flatMap((p) => (p.leader ? [{ ...p.leader, id: p.id }] : []));
      if (size >= 90) expect(leaders.length).toBeGreaterThan(0);
      for (const l of leaders) {
        for (const t of texts) expect(segmentCrossesBox(l, t)).toBe(false);
        for (const p of layout.people)
          if (p.id !== l.id) expect(segmentCrossesBox(l, circleBox(p.x, p.y, p.r))).toBe(false);
        for (const m of leaders) if (m !== l) expect(segmentsCross(l, m)).toBe(false);
      }
    });
  }

  it('finds overlap where there is some', () => {
    expect(boxesOverlap({ x: 0, y: 0, width: 10, height: 10 }, { x: 5, y: 5, width: 10, height: 10 })).toBe(
      true,
    );
    expect(boxesOverlap({ x: 0, y: 0, width: 10, height: 10 }, { x: 10, y: 0, width: 10, height: 10 })).toBe(
      false,
    );
  });

  it('labels every person of a ring beside the dot, or lists the whole ring in the legend', () => {
    for (const size of SIZES) {
      const people = crowd(size);
      const layout = layoutMap(people, LABELS);
      const listedNames = layout.legend.rows.flatMap((r) => r.names.map((t) => t.text)).join(' ');
      for (const p of layout.people) {
        if (p.ring && layout.listedRings.includes(p.ring)) {
          expect(p.label).toBeUndefined();
          const name = fitText(
            people.find((q) => q.id === p.id)?.name ?? '',
            fonts().regular,
            15,
            MAX_LABEL_WIDTH,
          );
          expect(listedNames).toContain(name || '?');
        } else {
          expect(p.label).toBeDefined();
        }
      }
    }
    // Ten people always fit beside their dots.
    expect(layoutMap(crowd(10), LABELS).listedRings).toEqual([]);
  });

  it('lists a ring far too crowded to label, with a note on its legend row', () => {
    const people = crowd(120).map((p) => ({ ...p, ring: 'inner' as const }));
    const layout = layoutMap(people, LABELS);
    expect(layout.listedRings).toEqual(['inner']);
    expect(layout.people.every((p) => p.label === undefined)).toBe(true);
    const rows = layout.legend.rows;
    expect(rows.find((r) => r.key === 'inner')?.names.map((t) => t.text)).toEqual([LABELS.listedNote]);
    const listed = rows.filter((r) => r.kind === 'domain').flatMap((r) => r.names.map((t) => t.text));
    expect(listed.join(' ').split(', ').length).toBeGreaterThan(100);
    expect(rows.find((r) => r.key === 'middle')?.names).toEqual([]);
  });

  it('is deterministic: the same people in any order give the same layout', () => {
    const people = crowd(90);
    expect(layoutMap([...people].reverse(), LABELS)).toEqual(layoutMap(people, LABELS));
  });
});

describe('what the map shows', () => {
  it('draws only characters the font has: emoji and CJK are dropped, Arabic and Cyrillic kept', () => {
    const layout = layoutMap(crowd(30), LABELS);
    const { regular, bold } = fonts();
    for (const t of layout.texts) {
      const font = t.weight === 'bold' ? bold : regular;
      for (const c of t.text)
        if (c !== ' ') expect(font.has(c.codePointAt(0) ?? 0), `${c} in "${t.text}"`).toBe(true);
    }
    const drawn = layout.texts.map((t) => t.text);
    expect(drawn).toContain('Marie Curie 5');
    expect(drawn).toContain('Nina 8');
    expect(drawn).toContain('4'); // 李小龍 4: only the number is left
    expect(drawn).toContain('محمد عبد الرحمن 6');
    expect(drawn).toContain('Дмитрий…'); // Дмитрий Шостакович 3, cut at a word
    expect(drawn.join('\n')).not.toMatch(/[\u200d\ufe0f]/);
  });

  it('marks a name the font cannot show at all with a question mark', () => {
    const layout = layoutMap([person(0, { name: '李小龍', ring: 'inner' })], LABELS);
    expect(layout.people[0]?.label?.text).toBe('?');
  });

  it('titles the map "My network" when the font lacks the letters of the name, and keeps a name with an emoji', () => {
    const title = (name: string) =>
      layoutMap([], { ...LABELS, title: `${name}'s network`, plainTitle: 'My network' }).texts[0]?.text;
    expect(title('李小龍')).toBe('My network');
    expect(title('Anna 🌻')).toBe("Anna's network");
    expect(title('Zoë')).toBe("Zoë's network");
  });

  it('never puts the note on the picture', () => {
    const layout = layoutMap(crowd(30), LABELS);
    expect(JSON.stringify(layout)).not.toContain('SECRET');
  });

  it('cuts long names at a word with an ellipsis, to the label width', () => {
    const font = fonts().regular;
    const cut = fitText('Bartholomew Featherstonehaugh-Smythe', font, 15, MAX_LABEL_WIDTH);
    expect(cut).toBe('Bartholomew…');
    expect(fitText('WWWWWWWWWWWWWWWWWWWW', font, 15, MAX_LABEL_WIDTH)).toMatch(/^W+…$/);
    for (const p of layoutMap(crowd(30), LABELS).people) {
      if (p.label && p.ring) expect(p.label.width).toBeLessThanOrEqual(MAX_LABEL_WIDTH + 1e-9);
    }
    // Widths come from the font: W is wider than i.
    expect(textWidth('WWW', font, 15)).toBeGreaterThan(2 * textWidth('iii', font, 15));
  });

  it('draws dormant ties hollow, and people not yet rated in their own area, off the rings', () => {
    const people = crowd(30);
    const layout = layoutMap(people, LABELS);
    const area = layout.unrated?.area;
    expect(area).toBeDefined();
    for (const placed of layout.people) {
      const p = people.find((q) => q.id === placed.id) as Person;
      expect(placed.hollow).toBe(p.contact === 'dormant');
      if (p.ring === null) {
        expect(area && boxesOverlap(circleBox(placed.x, placed.y, placed.r), area)).toBe(true);
        expect(placed.y).toBeGreaterThan(layout.map.y + layout.map.height);
      } else {
        expect(Math.hypot(placed.x - layout.cx, placed.y - layout.cy)).toBeCloseTo(layout.radii[p.ring], 6);
      }
    }
    expect(layoutMap(crowd(5), LABELS).unrated).toBeNull();
  });

  it('counts in the legend what the metrics count, per part of life and per ring', () => {
    for (const size of SIZES) {
      const people = crowd(size);
      const m = mapMetrics({ people, resources: {} });
      const rows = layoutMap(people, LABELS).legend.rows;
      const count = (key: string) => rows.find((r) => r.key === key)?.count;
      for (const d of DOMAINS) expect(count(d)).toBe(m.perDomain[d] || undefined);
      const unrated = m.size - m.strong - m.middle - m.weak;
      const none = m.size - Object.values(m.perDomain).reduce((a, b) => a + b, 0);
      if (size > 10) expect(none).toBeGreaterThan(0);
      expect(count('none')).toBe(none || undefined);
      expect([count('inner'), count('middle'), count('outer')]).toEqual([m.strong, m.middle, m.weak]);
      expect(count('unrated')).toBe(unrated);
      expect(count('dormant')).toBe(m.dormant);
      // And the number drawn is the number counted.
      for (const r of rows) expect(r.number.text).toBe(String(r.count));
    }
  });
});

describe('the palette', () => {
  it('gives the ten recall parts of life ten distinct hues, all at least 3:1 against the background', () => {
    const colours = [...Object.values(DOMAIN_COLOURS), NO_DOMAIN_COLOUR];
    expect(new Set(colours).size).toBe(DOMAINS.length + 1);
    for (const colour of colours) expect(contrastRatio(colour, BACKGROUND)).toBeGreaterThanOrEqual(3);
  });

  it('keeps text at least 4.5:1', () => {
    for (const colour of [TEXT, MUTED]) expect(contrastRatio(colour, BACKGROUND)).toBeGreaterThanOrEqual(4.5);
  });

  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 6);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#123456', '#123456')).toBe(1);
  });
});

describe('renderMapPng at every size', () => {
  for (const size of SIZES) {
    it(`draws ${size} people as a PNG 1600 px wide and under 300 KB`, async () => {
      const people = crowd(size);
      const { png, width, height, svg } = await renderMapPng(people, LABELS);
      const view = Buffer.from(png);
      expect([...view.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
      expect(view.toString('latin1', 12, 16)).toBe('IHDR');
      expect(view.readUInt32BE(16)).toBe(1600);
      expect(view.readUInt32BE(20)).toBe(layoutMap(people, LABELS).height);
      expect([width, height]).toEqual([1600, view.readUInt32BE(20)]);
      expect(png.length).toBeLessThan(300 * 1024);
      expect(svg).not.toContain('SECRET');
    });
  }
});
