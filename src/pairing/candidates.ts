/**
 * The candidate graph of a large pool: each member keeps only their best few dozen partners out
 * of a random sample, so a round of 10,000 members looks at ~10⁵ pairs instead of 5·10⁷ and never
 * holds n² weights in memory. In a large community nearly everyone is a stranger to nearly
 * everyone, so a random sample already holds plenty of excellent partners.
 */
import type { Pool } from './pool.js';
import { randomInt } from './random.js';

/** Partners sampled per member. */
const SAMPLE = 48;
/** Partners kept per member (the heaviest of the sample). */
const KEEP = 16;

export interface CandidateGraph {
  /** partners[a]: the kept partners of member a (local indices into `members`), heaviest first. */
  partners: Int32Array[];
  /** weights[a][k]: the weight of the pair (a, partners[a][k]). */
  weights: Float64Array[];
}

/** Builds the candidate graph over `members` (pool indices); local index a stands for members[a]. */
export function candidateGraph(pool: Pool, members: readonly number[]): CandidateGraph {
  const size = members.length;
  const partners: Int32Array[] = [];
  const weights: Float64Array[] = [];
  // drawnBy[b] === a + 1 when b was already drawn for a: distinct draws without a Set per member.
  const drawnBy = new Int32Array(size);
  const draws = Math.min(SAMPLE, size - 1);
  const drawn: number[] = [];
  const drawnWeight = new Float64Array(size);
  for (let a = 0; a < size; a++) {
    drawn.length = 0;
    drawnBy[a] = a + 1;
    if (draws === size - 1) {
      for (let b = 0; b < size; b++) if (b !== a) drawn.push(b);
    } else {
      while (drawn.length < draws) {
        const b = randomInt(pool.random, size);
        if (drawnBy[b] === a + 1) continue;
        drawnBy[b] = a + 1;
        drawn.push(b);
      }
    }
    const allowed: number[] = [];
    for (const b of drawn) {
      const w = pool.weight(members[a] as number, members[b] as number);
      if (w === Number.NEGATIVE_INFINITY) continue; // blocked: never a candidate
      allowed.push(b);
      drawnWeight[b] = w;
    }
    allowed.sort((x, y) => (drawnWeight[y] as number) - (drawnWeight[x] as number));
    const kept = allowed.slice(0, KEEP);
    partners.push(Int32Array.from(kept));
    weights.push(Float64Array.from(kept, (b) => drawnWeight[b] as number));
  }
  return { partners, weights };
}
