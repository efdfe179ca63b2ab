import { RECALL_DOMAINS } from '../../network/model.js';
import { DOMAIN_COLOURS, NO_DOMAIN_COLOUR } from '../../network/palette.js';
import { forceLayout, type Position } from './force.js';
import { legend, legendRows, px, svgRoot } from './svg.js';

/** Lines dark enough to follow between the dots, light enough to stay behind them. */
const LINK = '#9aa3b5';

/** The map's ten part-of-life hues (Tableau 10), reused for groups; the eleventh group on is grey. */
export const GROUP_COLOURS = RECALL_DOMAINS.map((d) => DOMAIN_COLOURS[d]);
export const UNGROUPED_COLOUR = NO_DOMAIN_COLOUR;

export const groupColour = (group: number | null) =>
  group === null ? UNGROUPED_COLOUR : (GROUP_COLOURS[group] ?? UNGROUPED_COLOUR);

export interface GraphChart {
  label: string;
  nodes: { group: number | null }[];
  links: { a: number; b: number; times: number }[];
  /** Legend entries: the named groups in index order, then what grey means. */
  groupNames: string[];
  ungroupedName: string;
  /** Legend entry for the hollow dots: members who met no one yet (no entry when there are none). */
  aloneName?: string;
}

const WIDTH = 640;
const PLOT = 480;
const MARGIN = 12;

/** Positions scaled into the drawing square, keeping the layout's proportions. */
function fitted(positions: Position[]): Position[] {
  if (positions.length === 0) return [];
  const xs = positions.map((p) => p.x);
  const ys = positions.map((p) => p.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const span = Math.max(maxX - minX, maxY - minY, 1);
  const scale = (PLOT - 2 * MARGIN) / span;
  const offX = (WIDTH - (maxX - minX) * scale) / 2;
  const offY = MARGIN + (PLOT - 2 * MARGIN - (maxY - minY) * scale) / 2;
  return positions.map((p) => ({ x: offX + (p.x - minX) * scale, y: offY + (p.y - minY) * scale }));
}

/** Who met whom as dots and lines, without a name: a dot per member coloured by group. */
export function graphChart(
  chart: GraphChart,
  positions = forceLayout(chart.nodes.length, chart.links),
): string {
  const at = fitted(positions);
  const lines = chart.links
    .map(({ a, b, times }) => {
      const p = at[a];
      const q = at[b];
      if (!p || !q) return '';
      return `<line x1="${px(p.x)}" y1="${px(p.y)}" x2="${px(q.x)}" y2="${px(q.y)}" stroke="${LINK}" stroke-width="${px(Math.min(4, 0.5 + times))}" stroke-linecap="round"/>`;
    })
    .join('');
  const linked = new Set(chart.links.flatMap(({ a, b }) => [a, b]));
  const alone = new Set(chart.nodes.flatMap((_, i) => (linked.has(i) ? [] : [i])));
  const dots = chart.nodes
    .map((n, i) => {
      const p = at[i] as Position;
      // A member who met no one yet is a ring in their group's colour, so they stand out at the edge.
      return alone.has(i)
        ? `<circle class="node alone" cx="${px(p.x)}" cy="${px(p.y)}" r="5" fill="#ffffff" stroke="${groupColour(n.group)}" stroke-width="2.5"/>`
        : `<circle class="node" cx="${px(p.x)}" cy="${px(p.y)}" r="6" fill="${groupColour(n.group)}" stroke="#ffffff" stroke-width="1.5"/>`;
    })
    .join('');
  const entries = [
    ...chart.groupNames.slice(0, GROUP_COLOURS.length).map((name, i) => ({ name, colour: groupColour(i) })),
    { name: chart.ungroupedName, colour: UNGROUPED_COLOUR },
    ...(chart.aloneName && alone.size > 0
      ? [{ name: chart.aloneName, colour: UNGROUPED_COLOUR, hollow: true }]
      : []),
  ];
  const height =
    PLOT +
    16 +
    legendRows(
      entries.map((e) => e.name),
      WIDTH - 2 * MARGIN,
    ) *
      18;
  return svgRoot(
    'graph',
    WIDTH,
    height,
    chart.label,
    `<g class="links">${lines}</g><g class="nodes">${dots}</g>${legend(entries, MARGIN, PLOT + 16, WIDTH - 2 * MARGIN)}`,
  );
}
