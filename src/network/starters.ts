/**
 * Whom to start with after the map: two or three weak or dormant ties, in the parts of life that
 * carry what the member is after. Pure and deterministic: the same map and focus give the same
 * people in the same order.
 */
import { DOMAINS, type Domain, type Person, type ResourceItem } from './model.js';
import { looksLikeName, sameName } from './names.js';

/**
 * The parts of life where each resource of the Resource Generator is most often found, likeliest
 * first: work resources through colleagues past and present, associations and online networks;
 * advice and public roles through studies, boards and friends.
 */
export const RESOURCE_DOMAINS: Record<ResourceItem, readonly Domain[]> = {
  organisation: ['former', 'work', 'associations', 'online'],
  salaries: ['work', 'former', 'associations', 'online'],
  board: ['volunteering', 'associations', 'former'],
  reference: ['former', 'work', 'study'],
  government: ['volunteering', 'associations', 'study', 'neighbourhood'],
  press: ['online', 'associations', 'study'],
  legal: ['study', 'friends', 'family', 'former'],
  financial: ['friends', 'family', 'former', 'study'],
  hires: ['work', 'former', 'associations', 'online'],
  cv: ['former', 'work', 'study', 'associations'],
};

/**
 * The parts of life that carry the resources the member lacks, the ones carrying most gaps first
 * (a likelier place weighs more); ties between parts keep the order of DOMAINS.
 */
export function gapDomains(gaps: readonly ResourceItem[]): Domain[] {
  const weight = new Map<Domain, number>();
  for (const gap of gaps) {
    const places = RESOURCE_DOMAINS[gap];
    places.forEach((d, i) => {
      weight.set(d, (weight.get(d) ?? 0) + places.length - i);
    });
  }
  return DOMAINS.filter((d) => weight.has(d)).sort((a, b) => (weight.get(b) ?? 0) - (weight.get(a) ?? 0));
}

/** How a first contact is tied to the member: an acquaintance (outer ring), gone quiet, or both. */
export type StarterTie = 'acquaintance' | 'dormant' | 'both';

export interface Starter {
  person: Person;
  tie: StarterTie;
}

/** A weak tie (outer ring) or a dormant one (three years or more without contact). */
export function tieOf(p: Person): StarterTie | undefined {
  const dormant = p.contact === 'dormant';
  if (p.ring === 'outer') return dormant ? 'both' : 'acquaintance';
  return dormant ? 'dormant' : undefined;
}

/**
 * Dormant ties first (Levin, Walter & Murnighan 2011: reconnecting brings fresher advice than
 * active ties), then acquaintances seen least often: someone met weekly already shares much of
 * what the member hears.
 */
const CONTACT_ORDER = { dormant: 0, yearly: 1, monthly: 2, weekly: 3 } as const;
const quietness = (p: Person) => (p.contact === null ? 2 : CONTACT_ORDER[p.contact]);

/**
 * Up to `count` people to start with: weak or dormant ties with a part of life and a name, those
 * in the focus (its earlier parts first) before the rest; one per part of life while other parts
 * have candidates, so the start is not three colleagues; then by quietness, name and id.
 */
export function chooseStarters(people: readonly Person[], focus: readonly Domain[], count = 3): Starter[] {
  const rank = (p: Person) => {
    const i = focus.indexOf(p.domain as Domain);
    return i < 0 ? focus.length : i;
  };
  const ranked = people
    .filter((p) => p.domain !== null && tieOf(p) !== undefined && looksLikeName(p.name))
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        quietness(a) - quietness(b) ||
        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
        (a.id < b.id ? -1 : 1),
    );
  const chosen: Person[] = [];
  const take = (p: Person) => {
    if (chosen.length < count && !chosen.some((c) => c.id === p.id || sameName(c.name, p.name)))
      chosen.push(p);
  };
  for (const p of ranked) if (!chosen.some((c) => c.domain === p.domain)) take(p);
  for (const p of ranked) take(p);
  // The order of the ranking, not of the two passes.
  chosen.sort((a, b) => ranked.indexOf(a) - ranked.indexOf(b));
  return chosen.map((person) => ({ person, tie: tieOf(person) as StarterTie }));
}
