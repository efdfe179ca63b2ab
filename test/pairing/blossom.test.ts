import { describe, expect, it } from 'vitest';
import { maxWeightMatching } from '../../src/pairing/blossom.js';
import { mulberry32, randomInt } from '../../src/pairing/random.js';

type Edge = [number, number, number];

/** Every matching of a small graph, by recursion on the lowest unmatched vertex: the reference answer. */
function bruteForce(n: number, edges: Edge[], maxCardinality: boolean): { size: number; weight: number } {
  const weightOf = new Map<string, number>();
  for (const [u, v, w] of edges) weightOf.set(`${Math.min(u, v)},${Math.max(u, v)}`, w);
  let best = { size: 0, weight: 0 };
  const better = (size: number, weight: number) =>
    maxCardinality ? size > best.size || (size === best.size && weight > best.weight) : weight > best.weight;
  const used = new Array<boolean>(n).fill(false);
  const walk = (from: number, size: number, weight: number) => {
    let v = from;
    while (v < n && used[v]) v++;
    if (v >= n) {
      if (better(size, weight)) best = { size, weight };
      return;
    }
    used[v] = true;
    walk(v + 1, size, weight); // v stays single
    for (let u = v + 1; u < n; u++) {
      const w = weightOf.get(`${v},${u}`);
      if (used[u] || w === undefined) continue;
      used[u] = true;
      walk(v + 1, size + 1, weight + w);
      used[u] = false;
    }
    used[v] = false;
  };
  walk(0, 0, 0);
  return best;
}

function summarise(mate: Int32Array, edges: Edge[]): { size: number; weight: number } {
  const weightOf = new Map<string, number>();
  for (const [u, v, w] of edges) weightOf.set(`${Math.min(u, v)},${Math.max(u, v)}`, w);
  let size = 0;
  let weight = 0;
  for (let v = 0; v < mate.length; v++) {
    const u = mate[v] as number;
    if (u < 0) continue;
    expect(mate[u]).toBe(v); // symmetric
    if (v < u) {
      const w = weightOf.get(`${v},${u}`);
      expect(w, `matched ${v}-${u} is not an edge`).toBeDefined();
      size++;
      weight += w as number;
    }
  }
  return { size, weight };
}

const solve = (n: number, edges: Edge[], maxCardinality: boolean) =>
  maxWeightMatching(
    n,
    { from: edges.map((e) => e[0]), to: edges.map((e) => e[1]), weight: edges.map((e) => e[2]) },
    maxCardinality,
  );

describe('maxWeightMatching', () => {
  it('handles the empty graph and a single edge', () => {
    expect([...solve(0, [], true)]).toEqual([]);
    expect([...solve(3, [], true)]).toEqual([-1, -1, -1]);
    expect([...solve(2, [[0, 1, 5]], false)]).toEqual([1, 0]);
  });

  it('prefers weight over size unless told to maximise cardinality', () => {
    // Path 0-1-2-3 where the middle edge is heavy.
    const edges: Edge[] = [
      [0, 1, 2],
      [1, 2, 10],
      [2, 3, 2],
    ];
    expect([...solve(4, edges, false)]).toEqual([-1, 2, 1, -1]);
    expect([...solve(4, edges, true)]).toEqual([1, 0, 3, 2]);
  });

  it('finds the augmenting path through an odd cycle (a blossom)', () => {
    // Triangle 0-1-2 with tails 2-3 and 0-4: perfect needs 0-4, 1-2? no: 4-0, 1-2, 3 single... use 6 vertices.
    const edges: Edge[] = [
      [0, 1, 8],
      [1, 2, 9],
      [2, 0, 10],
      [2, 3, 7],
      [0, 4, 1],
      [1, 5, 1],
    ];
    const mate = solve(6, edges, true);
    expect(summarise(mate, edges)).toEqual(bruteForce(6, edges, true));
    expect(summarise(mate, edges).size).toBe(3);
  });

  it('matches a brute force on 3,000 random small graphs (weights and sizes)', () => {
    const random = mulberry32(7);
    for (let trial = 0; trial < 3000; trial++) {
      const n = 1 + randomInt(random, 10);
      const density = random();
      const edges: Edge[] = [];
      const smallWeights = trial % 3 === 0; // many equal weights: ties and nested blossoms
      for (let u = 0; u < n; u++)
        for (let v = u + 1; v < n; v++)
          if (random() < density)
            edges.push([u, v, smallWeights ? 1 + randomInt(random, 3) : randomInt(random, 1000)]);
      for (const maxCardinality of [false, true]) {
        const got = summarise(solve(n, edges, maxCardinality), edges);
        const want = bruteForce(n, edges, maxCardinality);
        const context = `trial ${trial} n=${n} ${JSON.stringify(edges)}`;
        // Without maxCardinality, equally heavy matchings of different sizes are all optimal.
        if (maxCardinality) expect(got, context).toEqual(want);
        else expect(got.weight, context).toBe(want.weight);
      }
    }
  });
});
