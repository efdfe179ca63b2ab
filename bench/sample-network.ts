import { CONTACTS, DOMAINS, type Person, RINGS } from '../src/network/model.js';

/**
 * A made-up network of any size, the same every time: first names from many places (a few with an
 * emoji or in a script the font lacks), parts of life weighted as people tend to fill them, most
 * people on the outer ring, some dormant, a few not yet placed on a ring.
 */
const FIRST = [
  'Anna',
  'Piet',
  'Sanne',
  'Mohamed',
  'Joost',
  'Fatima',
  'Lars',
  'Ingrid',
  'Bas',
  'Yusuf',
  'Eva',
  'Daan',
  'Noor',
  'Thijs',
  'Mei',
  'Sofia',
  'Jan-Willem',
  'Ayşe',
  'Ruben',
  'Lotte',
  'Kwame',
  'Femke',
  'Priya',
  'Willemijn',
  'Tom',
  'Ilse',
  'Bram',
  'Chen 陈',
  'Zoë',
  'Marieke',
  'Omar',
  'Hanneke',
  'Jeroen',
  'Liesbeth',
  'Nina 🌻',
  'Karim',
  'Wouter',
  'Elif',
  'Gert',
  'Saskia',
  'Diego',
  'Maartje',
];
const LAST = ['de Vries', 'B.', 'van den Berg', 'K.', 'Jansen', 'from the choir', 'S.', 'Bakker', 'M.'];
/** Relative weights of the parts of life, in DOMAINS order. */
const WEIGHTS = [6, 3, 2, 1, 3, 4, 2, 1, 2, 1, 1];
const RING_WEIGHTS = [1, 2, 4];

/** A deterministic pseudo-random sequence (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted<T>(items: readonly T[], weights: number[], r: number): T {
  const total = weights.reduce((a, b) => a + b, 0);
  let at = r * total;
  for (const [i, item] of items.entries()) {
    at -= weights[i] ?? 0;
    if (at < 0) return item;
  }
  return items[items.length - 1] as T;
}

export function sampleNetwork(size: number, seed = 14): Person[] {
  const next = random(seed);
  return Array.from({ length: size }, (_, i) => {
    const first = FIRST[Math.floor(next() * FIRST.length)] ?? 'Anna';
    const last = next() < 0.6 ? ` ${LAST[Math.floor(next() * LAST.length)]}` : '';
    return {
      id: `p${i + 1}`,
      name: `${first}${last}`,
      note: 'never on the picture',
      domain: next() < 0.03 ? null : weighted(DOMAINS, WEIGHTS, next()),
      ring: next() < 0.06 ? null : weighted(RINGS, RING_WEIGHTS, next()),
      contact: next() < 0.15 ? 'dormant' : weighted(CONTACTS.slice(0, 3), [2, 3, 3], next()),
      named: [],
      addedAt: '2026-11-01T00:00:00Z',
    };
  });
}
