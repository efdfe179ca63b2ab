import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationNodeDatum,
} from 'd3-force';

/** Where each node of a graph sits, in the layout's own units (centred near 0, 0). */
export interface Position {
  x: number;
  y: number;
}

/** Ticks the simulation runs: fixed, so the same graph is drawn the same way every time. */
export const LAYOUT_TICKS = 300;

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * A force layout (d3-force) that comes out the same on every run: nodes start on a sunflower
 * spiral in index order, the simulation runs a fixed number of ticks and never by the clock,
 * and d3-force's own jiggle uses its seeded generator, not Math.random.
 */
export function forceLayout(
  count: number,
  links: readonly { a: number; b: number }[],
  ticks = LAYOUT_TICKS,
): Position[] {
  const nodes: SimulationNodeDatum[] = Array.from({ length: count }, (_, i) => {
    const r = 10 * Math.sqrt(i + 0.5);
    return { index: i, x: r * Math.cos(i * GOLDEN_ANGLE), y: r * Math.sin(i * GOLDEN_ANGLE) };
  });
  const simulation = forceSimulation(nodes)
    .stop()
    .force(
      'link',
      forceLink(links.map((l) => ({ source: l.a, target: l.b })))
        .distance(24)
        .strength(0.7),
    )
    .force('charge', forceManyBody().strength(-18).distanceMax(160))
    .force('collide', forceCollide(5))
    // Pull everyone, the members who met no one too, towards the middle so the picture stays round.
    .force('x', forceX(0).strength(0.06))
    .force('y', forceY(0).strength(0.06));
  simulation.tick(ticks);
  return nodes.map((n) => ({ x: n.x ?? 0, y: n.y ?? 0 }));
}
