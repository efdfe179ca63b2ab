/**
 * Maximum-weight matching in a general graph: Edmonds' blossom algorithm with Galil's O(n³)
 * bookkeeping (primal-dual: vertex and blossom duals, least-slack edges per blossom).
 *
 * Why our own: pairing members is a matching in a general (non-bipartite) graph, and a greedy
 * matcher leaves people stuck with repeats late in a cycle where the optimum does not.
 *
 * Vocabulary, as in the literature:
 * - an edge k has endpoints 2k (its first vertex) and 2k+1 (its second); p ^ 1 is the other end;
 * - a blossom is an odd cycle of sub-blossoms shrunk to one node; ids < n are single vertices,
 *   ids n..2n-1 are (possibly nested) blossoms;
 * - labels: S (1) are outer nodes of the alternating forest, T (2) inner ones, 0 not in the forest;
 * - slack(k) = dual(u) + dual(v) − 2·w(k) ≥ 0 always; an edge is usable ("tight") at slack 0.
 *
 * With maxCardinality the result is a maximum-weight matching among the matchings of largest size
 * (what the pairing needs: place as many members as possible, then prefer heavy pairs).
 */

const FREE = 0;
const S = 1;
const T = 2;
/** Marks a node visited while scanBlossom walks up both trees. */
const BREADCRUMB = 4;

interface WeightedEdges {
  /** First vertex of each edge. */
  from: ArrayLike<number>;
  /** Second vertex of each edge. */
  to: ArrayLike<number>;
  /** Weight of each edge; any finite number. */
  weight: ArrayLike<number>;
}

/** Index into an odd cycle that may run backwards past its start (Python-style negative indices). */
const at = <X>(items: X[], index: number): X => items[index < 0 ? index + items.length : index] as X;

/**
 * Returns mate[v] = the vertex matched with v, or -1 when v stays single.
 * `n` vertices 0..n-1; the edges must not repeat a pair nor join a vertex to itself.
 */
export function maxWeightMatching(n: number, edges: WeightedEdges, maxCardinality: boolean): Int32Array {
  const edgeCount = edges.from.length;
  const result = new Int32Array(n).fill(-1);
  if (edgeCount === 0 || n === 0) return result;

  const endpoint = new Int32Array(2 * edgeCount);
  const weight = new Float64Array(edgeCount);
  let maxWeight = 0;
  const degree = new Int32Array(n + 1);
  for (let k = 0; k < edgeCount; k++) {
    const u = edges.from[k] as number;
    const v = edges.to[k] as number;
    endpoint[2 * k] = u;
    endpoint[2 * k + 1] = v;
    weight[k] = edges.weight[k] as number;
    if ((weight[k] as number) > maxWeight) maxWeight = weight[k] as number;
    degree[u + 1] = (degree[u + 1] as number) + 1;
    degree[v + 1] = (degree[v + 1] as number) + 1;
  }
  // Remote endpoints of the edges at each vertex, as one flat list (start offsets in neighStart).
  const neighStart = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) neighStart[v + 1] = (neighStart[v] as number) + (degree[v + 1] as number);
  const neighEnd = new Int32Array(2 * edgeCount);
  const fill = neighStart.slice(0, n);
  for (let k = 0; k < edgeCount; k++) {
    const u = endpoint[2 * k] as number;
    const v = endpoint[2 * k + 1] as number;
    const atU = fill[u] as number;
    const atV = fill[v] as number;
    neighEnd[atU] = 2 * k + 1;
    neighEnd[atV] = 2 * k;
    fill[u] = atU + 1;
    fill[v] = atV + 1;
  }

  /** mate[v]: the remote endpoint of v's matched edge, or -1. */
  const mate = new Int32Array(n).fill(-1);
  const label = new Int32Array(2 * n);
  /** The remote endpoint of the edge through which a node got its label, or -1 for a root. */
  const labelEnd = new Int32Array(2 * n).fill(-1);
  const inBlossom = new Int32Array(n);
  for (let v = 0; v < n; v++) inBlossom[v] = v;
  const blossomParent = new Int32Array(2 * n).fill(-1);
  const blossomChilds: (number[] | null)[] = new Array(2 * n).fill(null);
  const blossomBase = new Int32Array(2 * n).fill(-1);
  for (let v = 0; v < n; v++) blossomBase[v] = v;
  /** blossomEndps[b][i]: endpoint of the edge from child i to child i+1, oriented from i. */
  const blossomEndps: (number[] | null)[] = new Array(2 * n).fill(null);
  /** Least-slack edge to an S-node elsewhere (for non-S vertices), or to another S-blossom. */
  const bestEdge = new Int32Array(2 * n).fill(-1);
  const blossomBestEdges: (number[] | null)[] = new Array(2 * n).fill(null);
  const unusedBlossoms: number[] = [];
  for (let b = 2 * n - 1; b >= n; b--) unusedBlossoms.push(b);
  const dual = new Float64Array(2 * n);
  for (let v = 0; v < n; v++) dual[v] = maxWeight;
  const allowEdge = new Uint8Array(edgeCount);
  const queue: number[] = [];

  const slack = (k: number) =>
    (dual[endpoint[2 * k] as number] as number) +
    (dual[endpoint[2 * k + 1] as number] as number) -
    2 * (weight[k] as number);

  const leaves = (b: number, out: number[] = []): number[] => {
    if (b < n) out.push(b);
    else for (const child of blossomChilds[b] as number[]) leaves(child, out);
    return out;
  };

  /** Labels the top blossom of w with t, reached through endpoint p; a T-blossom's mate becomes S. */
  const assignLabel = (w: number, t: number, p: number): void => {
    const b = inBlossom[w] as number;
    label[w] = t;
    label[b] = t;
    labelEnd[w] = p;
    labelEnd[b] = p;
    bestEdge[w] = -1;
    bestEdge[b] = -1;
    if (t === S) {
      for (const v of leaves(b)) queue.push(v);
    } else {
      const base = blossomBase[b] as number;
      const m = mate[base] as number;
      assignLabel(endpoint[m] as number, S, m ^ 1);
    }
  };

  /** Walks up from v and w: the base of a new blossom when the trees meet, -1 for an augmenting path. */
  const scanBlossom = (vStart: number, wStart: number): number => {
    const path: number[] = [];
    let base = -1;
    let v = vStart;
    let w = wStart;
    while (v !== -1 || w !== -1) {
      let b = inBlossom[v] as number;
      if ((label[b] as number) & BREADCRUMB) {
        base = blossomBase[b] as number;
        break;
      }
      path.push(b);
      label[b] = S | BREADCRUMB;
      if (labelEnd[b] === -1) {
        v = -1; // reached a root
      } else {
        v = endpoint[labelEnd[b] as number] as number;
        b = inBlossom[v] as number;
        v = endpoint[labelEnd[b] as number] as number; // through the T-node to the next S-node
      }
      if (w !== -1) [v, w] = [w, v];
    }
    for (const b of path) label[b] = S;
    return base;
  };

  /** Shrinks the odd cycle closed by edge k (through base) into a new S-blossom. */
  const addBlossom = (base: number, k: number): void => {
    let v = endpoint[2 * k] as number;
    let w = endpoint[2 * k + 1] as number;
    const bb = inBlossom[base] as number;
    let bv = inBlossom[v] as number;
    let bw = inBlossom[w] as number;
    const b = unusedBlossoms.pop() as number;
    blossomBase[b] = base;
    blossomParent[b] = -1;
    blossomParent[bb] = b;
    const path: number[] = [];
    const endps: number[] = [];
    while (bv !== bb) {
      blossomParent[bv] = b;
      path.push(bv);
      endps.push(labelEnd[bv] as number);
      v = endpoint[labelEnd[bv] as number] as number;
      bv = inBlossom[v] as number;
    }
    path.push(bb);
    path.reverse();
    endps.reverse();
    endps.push(2 * k);
    while (bw !== bb) {
      blossomParent[bw] = b;
      path.push(bw);
      endps.push((labelEnd[bw] as number) ^ 1);
      w = endpoint[labelEnd[bw] as number] as number;
      bw = inBlossom[w] as number;
    }
    blossomChilds[b] = path;
    blossomEndps[b] = endps;
    label[b] = S;
    labelEnd[b] = labelEnd[bb] as number;
    dual[b] = 0;
    for (const leaf of leaves(b)) {
      if (label[inBlossom[leaf] as number] === T) queue.push(leaf); // T-vertices become S: scan them
      inBlossom[leaf] = b;
    }
    // The new blossom's least-slack edges to each neighbouring S-blossom, from its children's lists.
    const bestTo = new Map<number, number>();
    for (const child of path) {
      const lists: number[][] =
        blossomBestEdges[child] === null
          ? leaves(child).map((leaf) => {
              const ks: number[] = [];
              for (let i = neighStart[leaf] as number; i < (neighStart[leaf + 1] as number); i++)
                ks.push((neighEnd[i] as number) >> 1);
              return ks;
            })
          : [blossomBestEdges[child] as number[]];
      for (const list of lists) {
        for (const edge of list) {
          let i = endpoint[2 * edge] as number;
          let j = endpoint[2 * edge + 1] as number;
          if (inBlossom[j] === b) [i, j] = [j, i];
          const bj = inBlossom[j] as number;
          if (bj !== b && label[bj] === S) {
            const known = bestTo.get(bj);
            if (known === undefined || slack(edge) < slack(known)) bestTo.set(bj, edge);
          }
        }
      }
      blossomBestEdges[child] = null;
      bestEdge[child] = -1;
    }
    const best = [...bestTo.values()];
    blossomBestEdges[b] = best;
    let least = -1;
    for (const edge of best) if (least === -1 || slack(edge) < slack(least)) least = edge;
    bestEdge[b] = least;
  };

  /** Undoes blossom b; mid-stage (a T-blossom whose dual hit 0) its children get labels again. */
  const expandBlossom = (b: number, endStage: boolean): void => {
    const childs = blossomChilds[b] as number[];
    for (const s of childs) {
      blossomParent[s] = -1;
      if (s < n) inBlossom[s] = s;
      else if (endStage && dual[s] === 0) expandBlossom(s, endStage);
      else for (const leaf of leaves(s)) inBlossom[leaf] = s;
    }
    if (!endStage && label[b] === T) {
      const endps = blossomEndps[b] as number[];
      // Relabel the even-length path from the child where the T-label entered to the base.
      const entryChild = inBlossom[endpoint[(labelEnd[b] as number) ^ 1] as number] as number;
      let j = childs.indexOf(entryChild);
      let jStep: number;
      let endpTrick: number;
      if (j & 1) {
        j -= childs.length; // odd: go forward and wrap
        jStep = 1;
        endpTrick = 0;
      } else {
        jStep = -1; // even: go backward
        endpTrick = 1;
      }
      let p = labelEnd[b] as number;
      while (j !== 0) {
        label[endpoint[p ^ 1] as number] = FREE;
        label[endpoint[at(endps, j - endpTrick) ^ endpTrick ^ 1] as number] = FREE;
        assignLabel(endpoint[p ^ 1] as number, T, p);
        allowEdge[at(endps, j - endpTrick) >> 1] = 1; // this edge is tight now
        j += jStep;
        p = at(endps, j - endpTrick) ^ endpTrick;
        allowEdge[p >> 1] = 1;
        j += jStep;
      }
      // The base child gets the T-label without its mate being relabelled (already S).
      const baseChild = at(childs, j);
      label[endpoint[p ^ 1] as number] = T;
      label[baseChild] = T;
      labelEnd[endpoint[p ^ 1] as number] = p;
      labelEnd[baseChild] = p;
      bestEdge[baseChild] = -1;
      j += jStep;
      // The other children (odd path) lose their labels unless one of their vertices was reached.
      while (at(childs, j) !== entryChild) {
        const bv = at(childs, j);
        if (label[bv] === S) {
          j += jStep;
          continue;
        }
        let reached = -1;
        for (const leaf of leaves(bv)) {
          if (label[leaf] !== FREE) {
            reached = leaf;
            break;
          }
        }
        if (reached !== -1) {
          label[reached] = FREE;
          label[endpoint[mate[blossomBase[bv] as number] as number] as number] = FREE;
          assignLabel(reached, T, labelEnd[reached] as number);
        }
        j += jStep;
      }
    }
    label[b] = -1;
    labelEnd[b] = -1;
    blossomChilds[b] = null;
    blossomEndps[b] = null;
    blossomBase[b] = -1;
    blossomBestEdges[b] = null;
    bestEdge[b] = -1;
    unusedBlossoms.push(b);
  };

  /** Flips the matched/unmatched edges on the path inside blossom b from vertex v to its base. */
  const augmentBlossom = (b: number, v: number): void => {
    let t = v;
    while (blossomParent[t] !== b) t = blossomParent[t] as number;
    if (t >= n) augmentBlossom(t, v);
    const childs = blossomChilds[b] as number[];
    const endps = blossomEndps[b] as number[];
    const i = childs.indexOf(t);
    let j = i;
    let jStep: number;
    let endpTrick: number;
    if (i & 1) {
      j -= childs.length;
      jStep = 1;
      endpTrick = 0;
    } else {
      jStep = -1;
      endpTrick = 1;
    }
    while (j !== 0) {
      j += jStep;
      let child = at(childs, j);
      const p = at(endps, j - endpTrick) ^ endpTrick;
      if (child >= n) augmentBlossom(child, endpoint[p] as number);
      j += jStep;
      child = at(childs, j);
      if (child >= n) augmentBlossom(child, endpoint[p ^ 1] as number);
      mate[endpoint[p] as number] = p ^ 1;
      mate[endpoint[p ^ 1] as number] = p;
    }
    // Rotate so that the new base (the child holding v) comes first.
    blossomChilds[b] = [...childs.slice(i), ...childs.slice(0, i)];
    blossomEndps[b] = [...endps.slice(i), ...endps.slice(0, i)];
    blossomBase[b] = blossomBase[(blossomChilds[b] as number[])[0] as number] as number;
  };

  /** Flips the augmenting path through edge k, from both its ends back to their roots. */
  const augmentMatching = (k: number): void => {
    const starts: [number, number][] = [
      [endpoint[2 * k] as number, 2 * k + 1],
      [endpoint[2 * k + 1] as number, 2 * k],
    ];
    for (let [s, p] of starts) {
      for (;;) {
        const bs = inBlossom[s] as number;
        if (bs >= n) augmentBlossom(bs, s);
        mate[s] = p;
        if (labelEnd[bs] === -1) break; // reached a root
        const t = endpoint[labelEnd[bs] as number] as number;
        const bt = inBlossom[t] as number;
        s = endpoint[labelEnd[bt] as number] as number;
        const j = endpoint[(labelEnd[bt] as number) ^ 1] as number;
        if (bt >= n) augmentBlossom(bt, j);
        mate[j] = labelEnd[bt] as number;
        p = (labelEnd[bt] as number) ^ 1;
      }
    }
  };

  for (let stage = 0; stage < n; stage++) {
    label.fill(FREE);
    bestEdge.fill(-1);
    for (let b = n; b < 2 * n; b++) blossomBestEdges[b] = null;
    allowEdge.fill(0);
    queue.length = 0;
    for (let v = 0; v < n; v++)
      if (mate[v] === -1 && label[inBlossom[v] as number] === FREE) assignLabel(v, S, -1);

    let augmented = false;
    for (;;) {
      // Grow the forest along tight edges until a blossom forms or an augmenting path appears.
      while (queue.length > 0 && !augmented) {
        const v = queue.pop() as number;
        for (let i = neighStart[v] as number; i < (neighStart[v + 1] as number); i++) {
          const p = neighEnd[i] as number;
          const k = p >> 1;
          const w = endpoint[p] as number;
          if (inBlossom[v] === inBlossom[w]) continue;
          let kSlack = 0;
          if (!allowEdge[k]) {
            kSlack = slack(k);
            if (kSlack <= 0) allowEdge[k] = 1;
          }
          const bw = inBlossom[w] as number;
          if (allowEdge[k]) {
            if (label[bw] === FREE) {
              assignLabel(w, T, p ^ 1);
            } else if (label[bw] === S) {
              const base = scanBlossom(v, w);
              if (base >= 0) addBlossom(base, k);
              else {
                augmentMatching(k);
                augmented = true;
                break;
              }
            } else if (label[w] === FREE) {
              label[w] = T; // w sits in a T-blossom and is reached from outside for the first time
              labelEnd[w] = p ^ 1;
            }
          } else if (label[bw] === S) {
            const b = inBlossom[v] as number;
            if (bestEdge[b] === -1 || kSlack < slack(bestEdge[b] as number)) bestEdge[b] = k;
          } else if (label[w] === FREE) {
            if (bestEdge[w] === -1 || kSlack < slack(bestEdge[w] as number)) bestEdge[w] = k;
          }
        }
      }
      if (augmented) break;

      // No tight edge left to follow: change the duals by the largest safe delta.
      let deltaType = -1;
      let delta = 0;
      let deltaEdge = -1;
      let deltaBlossom = -1;
      if (!maxCardinality) {
        deltaType = 1; // a vertex dual reaching 0: the matching is optimal
        delta = Number.POSITIVE_INFINITY;
        for (let v = 0; v < n; v++) if ((dual[v] as number) < delta) delta = dual[v] as number;
      }
      for (let v = 0; v < n; v++) {
        if (label[inBlossom[v] as number] === FREE && bestEdge[v] !== -1) {
          const d = slack(bestEdge[v] as number);
          if (deltaType === -1 || d < delta) {
            delta = d;
            deltaType = 2; // an edge from an S-node to a free vertex becomes tight
            deltaEdge = bestEdge[v] as number;
          }
        }
      }
      for (let b = 0; b < 2 * n; b++) {
        if (blossomParent[b] === -1 && label[b] === S && bestEdge[b] !== -1) {
          const d = slack(bestEdge[b] as number) / 2;
          if (deltaType === -1 || d < delta) {
            delta = d;
            deltaType = 3; // an edge between two S-blossoms becomes tight
            deltaEdge = bestEdge[b] as number;
          }
        }
      }
      for (let b = n; b < 2 * n; b++) {
        if (
          (blossomBase[b] as number) >= 0 &&
          blossomParent[b] === -1 &&
          label[b] === T &&
          (deltaType === -1 || (dual[b] as number) < delta)
        ) {
          delta = dual[b] as number;
          deltaType = 4; // a T-blossom's dual reaches 0: expand it
          deltaBlossom = b;
        }
      }
      if (deltaType === -1) {
        // Max-cardinality mode with nothing left to grow: finish with a final dual change.
        deltaType = 1;
        delta = Number.POSITIVE_INFINITY;
        for (let v = 0; v < n; v++) if ((dual[v] as number) < delta) delta = dual[v] as number;
        delta = Math.max(0, delta);
      }

      for (let v = 0; v < n; v++) {
        const l = label[inBlossom[v] as number];
        if (l === S) dual[v] = (dual[v] as number) - delta;
        else if (l === T) dual[v] = (dual[v] as number) + delta;
      }
      for (let b = n; b < 2 * n; b++) {
        if ((blossomBase[b] as number) >= 0 && blossomParent[b] === -1) {
          if (label[b] === S) dual[b] = (dual[b] as number) + delta;
          else if (label[b] === T) dual[b] = (dual[b] as number) - delta;
        }
      }

      if (deltaType === 1) break;
      if (deltaType === 2) {
        allowEdge[deltaEdge] = 1;
        let i = endpoint[2 * deltaEdge] as number;
        if (label[inBlossom[i] as number] === FREE) i = endpoint[2 * deltaEdge + 1] as number;
        queue.push(i);
      } else if (deltaType === 3) {
        allowEdge[deltaEdge] = 1;
        queue.push(endpoint[2 * deltaEdge] as number);
      } else {
        expandBlossom(deltaBlossom, false);
      }
    }
    if (!augmented) break; // no augmenting path: the matching is optimal

    // End of stage: S-blossoms whose dual reached 0 are expanded (they no longer need to be shrunk).
    for (let b = n; b < 2 * n; b++) {
      if (blossomParent[b] === -1 && (blossomBase[b] as number) >= 0 && label[b] === S && dual[b] === 0)
        expandBlossom(b, true);
    }
  }

  for (let v = 0; v < n; v++) if ((mate[v] as number) >= 0) result[v] = endpoint[mate[v] as number] as number;
  return result;
}
