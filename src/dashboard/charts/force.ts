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

/**
 * Ticks the simulation runs: fixed for a graph's size, so the same graph is drawn the same way
 * every time. d3's default cools over 300; a large community (a thousand members take seconds at
 * 300) cools faster over fewer, and above 2,000 members (their 4 px dots fill a 480 px disc, so
 * finer cooling shows nowhere) over fewer still: 5,000 members took 4 s at 120 (npm run bench).
 */
export const layoutTicks = (count: number): number => (count > 2000 ? 80 : count > 400 ? 120 : 300);
/**
 * Barnes–Hut accuracy of the repulsion: d3's default 0.9 for small graphs; coarser above 400
 * members, where it takes 40% off the layout's time and members who met sit as close as before.
 */
const thetaFor = (count: number): number => (count > 400 ? 1.2 : 0.9);
/** d3-force stops caring below this alpha; the decay is set so the last tick reaches it. */
const ALPHA_MIN = 0.001;

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * A force layout (d3-force) that comes out the same on every run: nodes start on a sunflower
 * spiral in index order, the simulation runs a fixed number of ticks and never by the clock,
 * and d3-force's own jiggle uses its seeded generator, not Math.random.
 */
export function forceLayout(
  count: number,
  links: readonly { a: number; b: number }[],
  ticks = layoutTicks(count),
): Position[] {
  const nodes: SimulationNodeDatum[] = Array.from({ length: count }, (_, i) => {
    const r = 10 * Math.sqrt(i + 0.5);
    return { index: i, x: r * Math.cos(i * GOLDEN_ANGLE), y: r * Math.sin(i * GOLDEN_ANGLE) };
  });
  const simulation = forceSimulation(nodes)
    .stop()
    .alphaDecay(1 - ALPHA_MIN ** (1 / ticks))
    .force(
      'link',
      forceLink(links.map((l) => ({ source: l.a, target: l.b })))
        .distance(24)
        .strength(0.7),
    )
    .force('charge', forceManyBody().strength(-18).distanceMax(160).theta(thetaFor(count)))
    // Pull everyone, the members who met no one too, towards the middle so the picture stays round.
    .force('x', forceX(0).strength(0.06))
    .force('y', forceY(0).strength(0.06));
  // Keeping dots apart costs most in large graphs, where they are small anyway.
  if (count <= 400) simulation.force('collide', forceCollide(5));
  simulation.tick(ticks);
  return nodes.map((n) => ({ x: n.x ?? 0, y: n.y ?? 0 }));
}
