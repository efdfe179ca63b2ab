import { drawable, type FontMetrics, fitText, fonts, textWidth } from './font.js';
import {
  type Box,
  boxesOverlap,
  boxInside,
  circleBox,
  nearestOnBox,
  type Segment,
  segmentCrossesBox,
  segmentsCross,
} from './geometry.js';
import { DOMAINS, type Domain, type Person, RINGS, type Ring } from './model.js';
import { DOMAIN_COLOURS, MUTED, NO_DOMAIN_COLOUR, TEXT } from './palette.js';

/**
 * Where everything on the network map goes, computed without drawing: the same people and words
 * always give the same layout. Every text is a measured box, and the placement keeps every box
 * apart from every other box and every dot; a ring too crowded to label is listed in the legend.
 */

/** Every word on the picture comes from the caller, already translated. */
export interface MapLabels {
  me: string;
  domains: Record<Domain, string>;
  rings: Record<Ring, string>;
  /** "Anna's network". */
  title: string;
  /** "My network": the title instead when the font lacks letters of the first (a name in Chinese). */
  plainTitle?: string;
  /** The date and the headline figures, under the title. */
  subtitle: string;
  /** Legend headings and rows. */
  partsOfLife: string;
  noDomain: string;
  closeness: string;
  /** Under a ring whose names are listed with the parts of life instead of beside the dots. */
  listedNote: string;
  unrated: string;
  dormant: string;
}

export interface TextItem extends Box {
  text: string;
  size: number;
  weight: 'normal' | 'bold';
  fill: string;
  /** The y of the baseline, inside the box. */
  baseline: number;
  /** Drawn with a ring of background around the glyphs, to stay legible over lines. */
  halo: boolean;
}

export interface Dot {
  x: number;
  y: number;
  r: number;
  colour: string;
  /** Dormant ties are drawn as rings. */
  hollow: boolean;
}

export interface PlacedPerson extends Dot {
  id: string;
  ring: Ring | null;
  domain: Domain | null;
  /** The name beside the dot; absent when its ring is listed in the legend instead. */
  label?: TextItem;
  /** A thin line from the dot to a label set a little away from it. */
  leader?: Segment;
}

export type LegendKind = 'domain' | 'ring' | 'unrated' | 'dormant';

export interface LegendRow {
  kind: LegendKind;
  /** The domain ('none' for no part of life) or ring this row counts. */
  key: Domain | 'none' | Ring | 'unrated' | 'dormant';
  count: number;
  swatch: Dot & { shape: 'dot' | 'ring' | 'square' };
  name: TextItem;
  number: TextItem;
  /** Names of this part of life whose ring was too crowded to label on the map; for such a ring, a note. */
  names: TextItem[];
}

export interface Sector {
  domain: Domain | null;
  colour: string;
  /** Radians, clockwise from the positive x axis. */
  start: number;
  end: number;
}

export interface MapLayout {
  width: number;
  height: number;
  cx: number;
  cy: number;
  radii: Record<Ring, number>;
  /** The band around "me" that shows the share of each part of life. */
  band: { inner: number; outer: number };
  /** The region the rings and their labels keep to. */
  map: Box;
  sectors: Sector[];
  me: Dot;
  people: PlacedPerson[];
  /** Rings whose names are listed in the legend, not beside the dots. */
  listedRings: Ring[];
  unrated: { area: Box; heading: TextItem } | null;
  legend: { area: Box; headings: TextItem[]; rows: LegendRow[] };
  /** Every text on the picture, labels included: none overlaps another. */
  texts: TextItem[];
}

export const WIDTH = 1600;
const MARGIN = 40;
const MAP_WIDTH = 1080;
/** Room above and below the outer ring for its labels. */
const MAP_HEIGHT = 2 * (405 + 70);
const LEGEND_GAP = 30;
export const LABEL_SIZE = 15;
export const MAX_LABEL_WIDTH = 140;
const RADII: Record<Ring, number> = { inner: 165, middle: 285, outer: 405 };
const DOT = 6;
const ME_DOT = 10;
const BAND = { inner: 44, outer: 54 };
/** Free space kept around every label box. */
const PAD = 2;
/** How far past touching a label may sit from its dot, joined to it by a leader. */
const LEADER_STEPS = [0, 14, 28, 42, 56];
/** Directions around a dot a label may take. */
const DIRECTIONS = 24;

/** A one-line text at (x, top), measured in its font. */
function textItem(
  text: string,
  font: FontMetrics,
  size: number,
  x: number,
  top: number,
  fill: string,
  halo = false,
): TextItem {
  return {
    text,
    size,
    weight: font.weight,
    fill,
    halo,
    x,
    y: top,
    width: textWidth(text, font, size),
    height: (font.ascent + font.descent) * size,
    baseline: top + font.ascent * size,
  };
}

const ringRank = (p: Person): number => (p.ring ? RINGS.indexOf(p.ring) : RINGS.length);
const domainRank = (d: Domain | null): number => (d ? DOMAINS.indexOf(d) : DOMAINS.length);
const byDomainRingName = (a: Person, b: Person): number =>
  domainRank(a.domain) - domainRank(b.domain) ||
  ringRank(a) - ringRank(b) ||
  a.name.localeCompare(b.name, 'en') ||
  a.id.localeCompare(b.id, 'en');
const colourOf = (d: Domain | null): string => (d ? DOMAIN_COLOURS[d] : NO_DOMAIN_COLOUR);

/**
 * The boxes a label of this size may take around a dot, best first: touching the dot, in the
 * direction nearest outward first; then set further off along the same directions, with a leader.
 */
function candidates(dot: PlacedPerson, angle: number, width: number, height: number): Box[] {
  const u = { x: Math.cos(angle), y: Math.sin(angle) };
  const out: { box: Box; rank: number }[] = [];
  for (const [tier, push] of LEADER_STEPS.entries()) {
    for (let i = 0; i < DIRECTIONS; i++) {
      const phi = angle + (2 * Math.PI * i) / DIRECTIONS;
      const dx = Math.cos(phi);
      const dy = Math.sin(phi);
      // Just clear of the dot and the free space kept around every label.
      const reach = DOT + 1 + PAD + 2 + push;
      const ax = dot.x + dx * reach;
      const ay = dot.y + dy * reach;
      // The side or corner facing the dot touches the anchor: to the right of it when dx is 1,
      // centred above it when dy is -1, and sliding smoothly between.
      const side = (v: number) => Math.max(-1, Math.min(1, 2 * v));
      const x = ax - (width * (1 - side(dx))) / 2;
      const y = ay - (height * (1 - side(dy))) / 2;
      out.push({ box: { x, y, width, height }, rank: tier * 10 - (dx * u.x + dy * u.y) + i * 1e-6 });
    }
  }
  return out.sort((a, b) => a.rank - b.rank).map((c) => c.box);
}

interface Placement {
  labels: Map<string, { label: TextItem; leader?: Segment }>;
  failed: Ring | null;
}

/** Labels for every person on the given rings, inner first; stops at the first ring that will not fit. */
function placeLabels(
  people: { person: PlacedPerson; angle: number; name: string }[],
  rings: Ring[],
  fixed: Box[],
  bounds: Box,
): Placement {
  const font = fonts().regular;
  const dots = people.map(({ person }) => circleBox(person.x, person.y, person.r + 1));
  const taken: Box[] = [...fixed];
  const leaders: Segment[] = [];
  const labels = new Map<string, { label: TextItem; leader?: Segment }>();
  for (const ring of rings) {
    for (const { person, angle, name } of people.filter((p) => p.person.ring === ring)) {
      const item = textItem(name, font, LABEL_SIZE, 0, 0, TEXT, true);
      const fits = (box: Box): boolean =>
        boxInside(box, bounds) &&
        !taken.some((t) => boxesOverlap(box, t, PAD)) &&
        !dots.some((d) => boxesOverlap(box, d, PAD)) &&
        !leaders.some((l) => segmentCrossesBox(l, box));
      // A leader crosses no label, no other dot and no other leader.
      const clear = (leader: Segment): boolean =>
        !taken.some((t) => segmentCrossesBox(leader, t)) &&
        !dots.some((d, i) => people[i]?.person !== person && segmentCrossesBox(leader, d)) &&
        !leaders.some((l) => segmentsCross(l, leader));
      let box: Box | undefined;
      let leader: Segment | undefined;
      for (const candidate of candidates(person, angle, item.width, item.height)) {
        if (!fits(candidate)) continue;
        const line = leaderFor(person, candidate);
        if (line && !clear(line)) continue;
        box = candidate;
        leader = line;
        break;
      }
      if (!box) return { labels, failed: ring };
      const label = { ...item, x: box.x, y: box.y, baseline: box.y + (item.baseline - item.y) };
      taken.push(box);
      if (leader) leaders.push(leader);
      labels.set(person.id, leader ? { label, leader } : { label });
    }
  }
  return { labels, failed: null };
}

/** The orders rings may be labelled in: the closest first unless another order lists fewer people. */
const RING_ORDERS: Ring[][] = [
  ['inner', 'middle', 'outer'],
  ['inner', 'outer', 'middle'],
  ['middle', 'inner', 'outer'],
  ['middle', 'outer', 'inner'],
  ['outer', 'inner', 'middle'],
  ['outer', 'middle', 'inner'],
];

/**
 * Labels every ring that fits; a ring that does not is listed in the legend and the others tried
 * again. Of the orders to try the rings in, the one that leaves the fewest names to the legend wins.
 */
function labelRings(
  people: { person: PlacedPerson; angle: number; name: string }[],
  fixed: Box[],
  bounds: Box,
): { listed: Ring[]; labels: Placement['labels'] } {
  let best: { listed: Ring[]; labels: Placement['labels']; missing: number } | undefined;
  for (const order of RING_ORDERS) {
    const listed: Ring[] = [];
    let placement = placeLabels(people, order, fixed, bounds);
    while (placement.failed) {
      listed.push(placement.failed);
      placement = placeLabels(
        people,
        order.filter((r) => !listed.includes(r)),
        fixed,
        bounds,
      );
    }
    const missing = people.filter((p) => p.person.ring && listed.includes(p.person.ring)).length;
    if (!best || missing < best.missing)
      best = { listed: RINGS.filter((r) => listed.includes(r)), labels: placement.labels, missing };
    if (missing === 0) break;
  }
  return best ?? { listed: [], labels: new Map() };
}

/** The leader from the edge of the dot to the label, when the label sits away from its dot. */
function leaderFor(dot: PlacedPerson, box: Box): Segment | undefined {
  const end = nearestOnBox(box, dot);
  const gap = Math.hypot(end.x - dot.x, end.y - dot.y);
  if (gap <= DOT + 6) return undefined;
  const k = (dot.r + 1) / gap;
  return { x1: dot.x + (end.x - dot.x) * k, y1: dot.y + (end.y - dot.y) * k, x2: end.x, y2: end.y };
}

/** Names laid out in lines, separated by commas, within `width` from x. */
function wrapNames(names: string[], x: number, top: number, width: number, font: FontMetrics): TextItem[] {
  const size = 13;
  const lineHeight = (font.ascent + font.descent) * size + 3;
  const lines: string[] = [];
  let line = '';
  for (const [i, name] of names.entries()) {
    const piece = i < names.length - 1 ? `${name},` : name;
    const next = line ? `${line} ${piece}` : piece;
    if (line && textWidth(next, font, size) > width) {
      lines.push(line);
      line = piece;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines.map((text, i) => textItem(text, font, size, x, top + i * lineHeight, MUTED));
}

const LETTER = /\p{L}/gu;

/** The title, unless the font would drop letters of it (then "'s network" would be left). */
function titleText(labels: MapLabels, font: FontMetrics): string {
  const letters = (text: string) => text.match(LETTER)?.length ?? 0;
  const kept = letters(drawable(labels.title, font)) === letters(labels.title.normalize('NFC'));
  return kept || !labels.plainTitle ? labels.title : labels.plainTitle;
}

export function layoutMap(people: Person[], labels: MapLabels): MapLayout {
  const { regular, bold } = fonts();
  const texts: TextItem[] = [];
  const title = textItem(
    fitText(titleText(labels, bold), bold, 34, WIDTH - 2 * MARGIN),
    bold,
    34,
    MARGIN,
    28,
    TEXT,
  );
  const subtitle = textItem(
    fitText(labels.subtitle, regular, 19, WIDTH - 2 * MARGIN),
    regular,
    19,
    MARGIN,
    title.y + title.height + 6,
    MUTED,
  );
  texts.push(title, subtitle);

  const map: Box = { x: MARGIN, y: subtitle.y + subtitle.height + 16, width: MAP_WIDTH, height: MAP_HEIGHT };
  const cx = map.x + map.width / 2;
  const cy = map.y + map.height / 2;

  // Ring names sit on their line at the top, in a gap no dot enters.
  const ringNames = RINGS.map((ring) => {
    const text = fitText(labels.rings[ring], regular, 13, 180);
    const width = textWidth(text, regular, 13);
    const height = (regular.ascent + regular.descent) * 13;
    return textItem(text, regular, 13, cx - width / 2, cy - RADII[ring] - height / 2, MUTED, true);
  });
  texts.push(...ringNames);
  const halfGap = Math.max(
    (8 * Math.PI) / 180,
    ...RINGS.map((ring, i) =>
      Math.asin(Math.min(1, ((ringNames[i]?.width ?? 0) / 2 + DOT + 8) / RADII[ring])),
    ),
  );

  const sorted = [...people].sort(byDomainRingName);
  const rated = sorted.filter((p) => p.ring !== null);
  const groups = [...DOMAINS, null].filter((d) => rated.some((p) => p.domain === d));
  const span = 2 * Math.PI - 2 * halfGap;
  const sectors: Sector[] = [];
  const placed: { person: PlacedPerson; angle: number; name: string }[] = [];
  let start = -Math.PI / 2 + halfGap;
  for (const domain of groups) {
    const members = rated.filter((p) => p.domain === domain);
    const end = start + (span * members.length) / rated.length;
    sectors.push({ domain, colour: colourOf(domain), start, end });
    for (const ring of RINGS) {
      const onRing = members.filter((p) => p.ring === ring);
      for (const [k, p] of onRing.entries()) {
        const angle = start + ((k + 0.5) / onRing.length) * (end - start);
        placed.push({
          angle,
          name: fitText(p.name, regular, LABEL_SIZE, MAX_LABEL_WIDTH) || '?',
          person: {
            id: p.id,
            ring,
            domain: p.domain,
            x: cx + RADII[ring] * Math.cos(angle),
            y: cy + RADII[ring] * Math.sin(angle),
            r: DOT,
            colour: colourOf(p.domain),
            hollow: p.contact === 'dormant',
          },
        });
      }
    }
    start = end;
  }

  const me: Dot = { x: cx, y: cy, r: ME_DOT, colour: TEXT, hollow: false };
  const meText = fitText(labels.me, bold, 15, 120);
  const meLabel = textItem(
    meText,
    bold,
    15,
    cx - textWidth(meText, bold, 15) / 2,
    cy + ME_DOT + 6,
    TEXT,
    true,
  );
  texts.push(meLabel);
  const fixed = [...ringNames, meLabel, circleBox(cx, cy, BAND.outer + 2)];

  const { listed, labels: placedLabels } = labelRings(placed, fixed, map);
  const placedPeople = placed.map(({ person }) => ({ ...person, ...placedLabels.get(person.id) }));
  for (const p of placedPeople) if (p.label) texts.push(p.label);

  // People not yet on a ring: their own area under the rings, in a grid.
  const unratedPeople = sorted.filter((p) => p.ring === null);
  let unrated: MapLayout['unrated'] = null;
  let bottom = map.y + map.height;
  if (unratedPeople.length > 0) {
    const heading = textItem(
      fitText(`${labels.unrated} (${unratedPeople.length})`, bold, 17, map.width),
      bold,
      17,
      map.x,
      bottom + 10,
      TEXT,
    );
    texts.push(heading);
    const columns = 5;
    const cell = map.width / columns;
    const row = 26;
    const top = heading.y + heading.height + 10;
    for (const [i, p] of unratedPeople.entries()) {
      const x = map.x + (i % columns) * cell;
      const y = top + Math.floor(i / columns) * row;
      const name = fitText(p.name, regular, LABEL_SIZE, cell - 34) || '?';
      const height = (regular.ascent + regular.descent) * LABEL_SIZE;
      const label = textItem(name, regular, LABEL_SIZE, x + 22, y + (row - height) / 2, TEXT);
      texts.push(label);
      placedPeople.push({
        id: p.id,
        ring: null,
        domain: p.domain,
        x: x + 8,
        y: y + row / 2,
        r: DOT,
        colour: colourOf(p.domain),
        hollow: p.contact === 'dormant',
        label,
      });
    }
    const rows = Math.ceil(unratedPeople.length / columns);
    const area = { x: map.x, y: bottom, width: map.width, height: top + rows * row - bottom };
    unrated = { area, heading };
    bottom = area.y + area.height;
  }

  const legend = layoutLegend(people, labels, listed, placed, map.x + map.width + LEGEND_GAP, map.y);
  texts.push(...legend.headings, ...legend.rows.flatMap((r) => [r.name, r.number, ...r.names]));
  const height = Math.ceil(Math.max(bottom, legend.area.y + legend.area.height) + MARGIN);
  return {
    width: WIDTH,
    height,
    cx,
    cy,
    radii: { ...RADII },
    band: { ...BAND },
    map,
    sectors,
    me,
    people: placedPeople,
    listedRings: listed,
    unrated,
    legend,
    texts,
  };
}

/** The legend: per part of life, per ring, not yet placed and dormant, each with its count. */
function layoutLegend(
  people: Person[],
  labels: MapLabels,
  listed: Ring[],
  placed: { person: PlacedPerson; name: string }[],
  x: number,
  top: number,
): MapLayout['legend'] {
  const { regular, bold } = fonts();
  const width = WIDTH - MARGIN - x;
  const heading = textItem(fitText(labels.partsOfLife, bold, 17, width), bold, 17, x, top, TEXT);
  const rows: LegendRow[] = [];
  let y = heading.y + heading.height + 10;
  const row = (
    kind: LegendKind,
    key: LegendRow['key'],
    label: string,
    count: number,
    swatch: LegendRow['swatch'],
    names: string[] = [],
  ) => {
    const number = textItem(String(count), regular, 15, 0, y + 2, TEXT);
    number.x = x + width - number.width;
    const name = textItem(
      fitText(label, regular, 15, width - 40 - number.width),
      regular,
      15,
      x + 24,
      y + 2,
      TEXT,
    );
    const rowHeight = name.height + 4;
    const listedNames = wrapNames(names, x + 24, y + rowHeight, width - 24, regular);
    rows.push({
      kind,
      key,
      count,
      swatch: { ...swatch, x: x + 8, y: y + 2 + name.height / 2 },
      name,
      number,
      names: listedNames,
    });
    const last = listedNames.at(-1);
    y = (last ? last.y + last.height + 4 : y + rowHeight) + 6;
  };

  const listedByDomain = (domain: Domain | null): string[] =>
    placed
      .filter(({ person }) => person.domain === domain && listed.includes(person.ring as Ring))
      .map((p) => p.name);
  for (const domain of DOMAINS) {
    const count = people.filter((p) => p.domain === domain).length;
    if (count === 0) continue;
    const colour = DOMAIN_COLOURS[domain];
    const swatch = { x: 0, y: 0, r: 7, colour, hollow: false, shape: 'dot' as const };
    row('domain', domain, labels.domains[domain], count, swatch, listedByDomain(domain));
  }
  const none = people.filter((p) => p.domain === null).length;
  if (none > 0) {
    const swatch = { x: 0, y: 0, r: 7, colour: NO_DOMAIN_COLOUR, hollow: false, shape: 'dot' as const };
    row('domain', 'none', labels.noDomain, none, swatch, listedByDomain(null));
  }

  y += 14;
  const closeness = textItem(fitText(labels.closeness, bold, 17, width), bold, 17, x, y, TEXT);
  y += closeness.height + 10;
  for (const [i, ring] of RINGS.entries()) {
    const count = people.filter((p) => p.ring === ring).length;
    const swatch = { x: 0, y: 0, r: 3 + 2 * i, colour: MUTED, hollow: true, shape: 'ring' as const };
    row(
      'ring',
      ring,
      labels.rings[ring],
      count,
      swatch,
      listed.includes(ring) ? [fitText(labels.listedNote, regular, 13, width - 24)] : [],
    );
  }
  const unrated = people.filter((p) => p.ring === null).length;
  if (unrated > 0) {
    row('unrated', 'unrated', labels.unrated, unrated, {
      x: 0,
      y: 0,
      r: 6,
      colour: MUTED,
      hollow: false,
      shape: 'square',
    });
  }
  const dormant = people.filter((p) => p.contact === 'dormant').length;
  row('dormant', 'dormant', labels.dormant, dormant, {
    x: 0,
    y: 0,
    r: 6,
    colour: TEXT,
    hollow: true,
    shape: 'dot',
  });
  const area = { x, y: top, width, height: y - top };
  return { area, headings: [heading, closeness], rows };
}
