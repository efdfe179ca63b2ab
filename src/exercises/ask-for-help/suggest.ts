import type { Domain, Person } from '../../network/model.js';
import type { Need } from './index.js';

/** Where a kind of help tends to be found: the domains that carry it. */
const NEED_DOMAINS: Record<Need, Domain[]> = {
  information: ['work', 'former', 'study', 'online', 'associations', 'event'],
  introduction: ['former', 'work', 'associations', 'volunteering', 'event'],
  advice: ['former', 'study', 'associations', 'volunteering', 'work'],
  feedback: ['work', 'former', 'study'],
  opportunity: ['former', 'associations', 'volunteering', 'online', 'event'],
};

export type Reason = 'dormant' | 'moderate' | 'weak' | 'close';

export interface Suggestion {
  person: Person;
  reason: Reason;
  score: number;
}

/**
 * Moderately weak and dormant ties first (Rajkumar et al. 2022; Levin, Walter & Murnighan
 * 2011), among the domains that carry the need; the closest ties last, since we pick those anyway.
 */
export function tieScore(p: Person): { score: number; reason: Reason } {
  if (p.contact === 'dormant') return { score: 3, reason: 'dormant' };
  if (p.ring === 'middle') return { score: 2.5, reason: 'moderate' };
  if (p.ring === 'outer' || p.ring === null)
    return { score: p.contact === 'weekly' ? 1.5 : 2, reason: 'weak' };
  return { score: 0, reason: 'close' };
}

export function suggestPeople(people: Person[], need: Need, count = 3): Suggestion[] {
  return people
    .map((person) => {
      const { score, reason } = tieScore(person);
      const relevant = person.domain !== null && NEED_DOMAINS[need].includes(person.domain);
      return { person, reason, score: score + (relevant ? 3 : 0) };
    })
    .sort((a, b) => b.score - a.score || a.person.name.localeCompare(b.person.name))
    .slice(0, count);
}
