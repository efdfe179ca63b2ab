/**
 * Seeded randomness for the matcher. Every random choice in src/pairing comes from here, so the
 * same input and seed always give the same pairs: never Math.random, never the clock.
 */

/** A random number generator: each call returns the next number in [0, 1). */
export type Random = () => number;

/** mulberry32: a tiny, fast 32-bit generator; plenty for shuffling members. */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number in [0, max). */
export const randomInt = (random: Random, max: number): number => Math.floor(random() * max);

/** Fisher–Yates, in place; returns the same array. */
export function shuffle<T>(items: T[], random: Random): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(random, i + 1);
    const swap = items[i] as T;
    items[i] = items[j] as T;
    items[j] = swap;
  }
  return items;
}

/**
 * A stateless hash of three whole numbers to [0, 2^32). The matcher uses it for per-pair
 * tie-breaks: the same pair gets the same tie-break wherever it is looked at in one round,
 * without storing a number for each of the n² pairs.
 */
export function hash3(a: number, b: number, c: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ b, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16) ^ c, 0x27d4eb2f);
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca6b);
  return (h ^ (h >>> 13)) >>> 0;
}
