/** People and words for the map tests: names in many scripts, some the font lacks, and every null case. */
import type { MapLabels } from '../../src/network/map-layout.js';
import { CONTACTS, DOMAINS, type Person, RINGS } from '../../src/network/model.js';

export const LABELS: MapLabels = {
  me: 'Me',
  title: "Anna's network",
  subtitle: '1 December 2026 · 8 of 11 parts of life · 18 acquaintances · 5 dormant ties',
  rings: { inner: 'Inner ring', middle: 'Middle ring', outer: 'Outer ring' },
  domains: Object.fromEntries(DOMAINS.map((d) => [d, `Part ${d}`])) as MapLabels['domains'],
  partsOfLife: 'Parts of life',
  noDomain: 'No part of life yet',
  closeness: 'How close',
  listedNote: 'Names listed under parts of life',
  unrated: 'Not yet on a ring',
  dormant: 'Dormant',
};

const NAMES = [
  'Ann',
  'Bartholomew Featherstonehaugh-Smythe',
  'Zoë Ødegård-Łukasiewicz',
  'Дмитрий Шостакович',
  '李小龍',
  '👩‍🔬 Marie Curie',
  'محمد عبد الرحمن',
  'WWWWWWWWWWWWWWWWWWWW',
  'Nina 🌻',
  'x',
];

export function person(i: number, overrides: Partial<Person> = {}): Person {
  return {
    id: `p${i}`,
    name: `${NAMES[i % NAMES.length]} ${i}`.slice(0, 40),
    note: `SECRET NOTE ${i}`,
    // Every 11th person has no domain, every 7th no ring and every 5th is dormant.
    domain: i % 11 === 10 ? null : (DOMAINS[(i * 3) % DOMAINS.length] ?? null),
    ring: i % 7 === 6 ? null : (RINGS[i % RINGS.length] ?? null),
    contact: i % 5 === 4 ? 'dormant' : (CONTACTS[i % 3] ?? null),
    named: [],
    addedAt: '2024-01-01T00:00:00Z',
    ...overrides,
  };
}
export const crowd = (count: number): Person[] => Array.from({ length: count }, (_, i) => person(i));
