/** Axis-aligned boxes and segments: what the label placement needs to keep things apart. */

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** True when the boxes share area once each is grown by `pad` on every side. */
export const boxesOverlap = (a: Box, b: Box, pad = 0): boolean =>
  a.x - pad < b.x + b.width &&
  b.x - pad < a.x + a.width &&
  a.y - pad < b.y + b.height &&
  b.y - pad < a.y + a.height;

export const boxInside = (inner: Box, outer: Box): boolean =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

/** The square around a circle. */
export const circleBox = (x: number, y: number, r: number): Box => ({
  x: x - r,
  y: y - r,
  width: 2 * r,
  height: 2 * r,
});

/** Liang–Barsky: does the segment pass through the box's interior? */
export function segmentCrossesBox(s: Segment, b: Box): boolean {
  const dx = s.x2 - s.x1;
  const dy = s.y2 - s.y1;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, s.x1 - b.x],
    [dx, b.x + b.width - s.x1],
    [-dy, s.y1 - b.y],
    [dy, b.y + b.height - s.y1],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q <= 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 >= t1) return false;
  }
  return true;
}

const orient = (a: Point, b: Point, c: Point): number =>
  (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);

/** Do two segments cross (touching at an end does not count)? */
export function segmentsCross(a: Segment, b: Segment): boolean {
  const p1 = { x: a.x1, y: a.y1 };
  const p2 = { x: a.x2, y: a.y2 };
  const q1 = { x: b.x1, y: b.y1 };
  const q2 = { x: b.x2, y: b.y2 };
  return orient(p1, p2, q1) * orient(p1, p2, q2) < 0 && orient(q1, q2, p1) * orient(q1, q2, p2) < 0;
}

/** The point of the box nearest to p. */
export const nearestOnBox = (b: Box, p: Point): Point => ({
  x: Math.min(Math.max(p.x, b.x), b.x + b.width),
  y: Math.min(Math.max(p.y, b.y), b.y + b.height),
});
