import type { State } from '../../engine/state.js';
import { mapMetrics } from '../../network/metrics.js';

/** Below this many members who mapped their network, nothing is shown: too few to stay anonymous. */
export const MIN_MAPPED = 5;

/** Map sizes in bins [from, to); the last is open. */
export const SIZE_BINS: readonly (readonly [number, number | null])[] = [
  [0, 5],
  [5, 10],
  [10, 15],
  [15, 20],
  [20, 30],
  [30, 40],
  [40, null],
];
/** Weak-tie shares in fifths: 0–20%, 20–40% … 80–100% (100% falls in the last). */
export const SHARE_BINS = 5;

export interface Growth {
  /** Members who completed the network map at least once. */
  mapped: number;
  /** False below MIN_MAPPED: then every other figure is empty. */
  shown: boolean;
  sizes: { first: number[]; now: number[] };
  weakShares: { first: number[]; now: number[] };
  /** People on the maps who were added after the member's first map was done. */
  added: number;
  /** Members who added anyone since their first map. */
  membersAdding: number;
  /**
   * Dormant ties revived: reconnect commitments (a dormant or weak tie the member planned to get
   * back in touch with) that the member said happened. Marking one done sets that person's last
   * contact to the day (src/exercises/followup.ts), so the tie is no longer dormant on the map.
   */
  revived: number;
}

interface MapPoint {
  size: number;
  weakShare: number;
}

const sizeBin = (size: number) =>
  SIZE_BINS.findIndex(([from, to]) => size >= from && (to === null || size < to));
const shareBin = (share: number) => Math.min(SHARE_BINS - 1, Math.floor(share * SHARE_BINS));

function histogram(values: number[], bins: number, bin: (v: number) => number): number[] {
  const counts = Array.from({ length: bins }, () => 0);
  for (const v of values) {
    const i = bin(v);
    if (i >= 0) counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** The member's first completed map, from the figures the awareness exercise kept at its end. */
function firstMap(state: State): (MapPoint & { at: string }) | undefined {
  const first = state.completed.find((c) => c.exercise === 'awareness');
  if (!first) return undefined;
  const size = num(first.metrics.size);
  const weakShare = num(first.metrics.weakShare);
  if (size === undefined || weakShare === undefined) return undefined;
  return { size, weakShare, at: first.at };
}

const empty = (mapped: number): Growth => ({
  mapped,
  shown: false,
  sizes: { first: [], now: [] },
  weakShares: { first: [], now: [] },
  added: 0,
  membersAdding: 0,
  revived: 0,
});

/** How the maps of members who mapped their network grew: first map beside the map today. */
export function growthOf(states: State[]): Growth {
  const mapped = states.flatMap((s) => {
    const first = firstMap(s);
    return first ? [{ state: s, first }] : [];
  });
  if (mapped.length < MIN_MAPPED) return empty(mapped.length);
  const now = mapped.map(({ state }) => mapMetrics(state.network));
  const addedPer = mapped.map(({ state, first }) => {
    const firstAt = Date.parse(first.at);
    return state.network.people.filter((p) => Date.parse(p.addedAt) > firstAt).length;
  });
  return {
    mapped: mapped.length,
    shown: true,
    sizes: {
      first: histogram(
        mapped.map((m) => m.first.size),
        SIZE_BINS.length,
        sizeBin,
      ),
      now: histogram(
        now.map((m) => m.size),
        SIZE_BINS.length,
        sizeBin,
      ),
    },
    weakShares: {
      first: histogram(
        mapped.map((m) => m.first.weakShare),
        SHARE_BINS,
        shareBin,
      ),
      now: histogram(
        now.map((m) => m.weakShare),
        SHARE_BINS,
        shareBin,
      ),
    },
    added: addedPer.reduce((a, b) => a + b, 0),
    membersAdding: addedPer.filter((n) => n > 0).length,
    revived: mapped.reduce(
      (n, { state }) =>
        n + state.commitments.filter((c) => c.kind === 'reconnect' && c.status === 'done').length,
      0,
    ),
  };
}
