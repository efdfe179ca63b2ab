import { DOMAINS, type Domain, type Person } from '../../network/model.js';
import { looksLikeName, readNames, sameName } from '../../network/names.js';
import type { Need } from './index.js';

/** Where a kind of help tends to be found: the domains that carry it. */
const NEED_DOMAINS: Record<Need, Domain[]> = {
  information: ['work', 'former', 'study', 'online', 'associations', 'event'],
  introduction: ['former', 'work', 'associations', 'volunteering', 'event'],
  advice: ['former', 'study', 'associations', 'volunteering', 'work'],
  feedback: ['work', 'former', 'study'],
  opportunity: ['former', 'associations', 'volunteering', 'online', 'event'],
};

/** Words in a goal or request that point at a part of life, in English and Dutch. */
const DOMAIN_WORDS: Partial<Record<Domain, string[]>> = {
  former: ['former', 'previous', 'old job', 'vroeger', 'vorige', 'oud-collega', 'oude baan'],
  study: [
    'study',
    'studies',
    'university',
    'course',
    'degree',
    'master',
    'studie',
    'universiteit',
    'opleiding',
    'hogeschool',
    'cursus',
  ],
  school: ['school', 'classmate', 'klasgenoot', 'middelbare'],
  volunteering: ['volunteer', 'volunteering', 'board', 'vrijwilliger', 'vrijwilligerswerk', 'bestuur'],
  associations: ['association', 'network', 'club', 'vereniging', 'netwerk', 'beroepsvereniging'],
  online: ['linkedin', 'online', 'blog', 'community'],
  event: ['event', 'conference', 'meetup', 'congres', 'evenement', 'bijeenkomst'],
};

/** Words too common to say what a request is about. */
const COMMON = new Set(
  `would could should about with that this from have your into like want what when where which some someone
  more just make help need know think really very they them their there other than then also work works working
  time first next week month year people person maybe something anything ask asking request
  graag iemand naar voor mijn jouw over deze zijn hebben maken werk werken werkt wil willen zou kunnen
  tijd eerste week maand jaar mensen misschien iets vragen vraag hulp andere echt heel want omdat zodat`
    .split(/\s+/)
    .filter(Boolean),
);

/** The words of a text that say what it is about, cut to a stem so "informatics" meets "informatica". */
export function topicStems(text: string): Set<string> {
  const words = text.toLocaleLowerCase().match(/\p{L}[\p{L}-]*/gu) ?? [];
  return new Set(words.filter((w) => w.length >= 4 && !COMMON.has(w)).map((w) => w.slice(0, 6)));
}

export type Reason = 'fits' | 'dormant' | 'moderate' | 'weak' | 'close';

export interface Suggestion {
  person: Person;
  reason: Reason;
  score: number;
}

/**
 * Moderately weak and dormant ties first (Rajkumar et al. 2022; Levin, Walter & Murnighan
 * 2011), among the domains that carry the need; the closest ties last, since we pick those anyway.
 */
export function tieScore(p: Person): { score: number; reason: Exclude<Reason, 'fits'> } {
  if (p.contact === 'dormant') return { score: 3, reason: 'dormant' };
  if (p.ring === 'middle') return { score: 2.5, reason: 'moderate' };
  if (p.ring === 'outer' || p.ring === null)
    return { score: p.contact === 'weekly' ? 1.5 : 2, reason: 'weak' };
  return { score: 0, reason: 'close' };
}

/** Whether a text names a part of life ("my old job", "a conference"). */
const names = (domain: Domain, text: string) =>
  (DOMAIN_WORDS[domain] ?? []).some((w) => new RegExp(`(?<![\\p{L}])${w}(?![\\p{L}])`, 'iu').test(text));

/** How well a person fits what the request is about: shared words in their note, or their domain named. */
function fitOf(person: Person, topic: Set<string>, about: string): { note: boolean; domain: boolean } {
  const note = person.note ? [...topicStems(person.note)].some((s) => topic.has(s)) : false;
  return { note, domain: person.domain !== null && names(person.domain, about) };
}

/** The parts of life that carry a goal: those its words name, then those that carry its kind of help. */
export function goalDomains(goal: string, need?: Need): Domain[] {
  const named = DOMAINS.filter((d) => names(d, goal));
  return [...new Set([...named, ...(need ? NEED_DOMAINS[need] : [])])];
}

/** The name as people write it, without a note ("Dick" for "Dick (oud-directeur)"). */
const shortName = (name: string) => readNames(name).people[0]?.name ?? name.trim();

/** What is no name at all: a list ending kept as a person before those were understood ("no", "niemand"). */
const notAName = (name: string) => !looksLikeName(name) || readNames(name).ended;

/**
 * Up to `count` people to ask, each for a reason of its own: someone whose note fits what the
 * request is about, then the tie kinds the research favours. Stored non-names ("no", kept from
 * before list endings were understood) and a second entry for the same name are left out.
 */
export function suggestPeople(people: Person[], need: Need, about = '', count = 3): Suggestion[] {
  const topic = topicStems(about);
  const ranked = people
    .filter((person) => !notAName(person.name))
    .map((person) => {
      const tie = tieScore(person);
      const relevant = person.domain !== null && NEED_DOMAINS[need].includes(person.domain);
      const fits = fitOf(person, topic, about);
      const score = tie.score + (relevant ? 3 : 0) + (fits.domain ? 3 : 0) + (fits.note ? 6 : 0);
      return { person, reason: fits.note ? 'fits' : tie.reason, score } as Suggestion;
    })
    .sort((a, b) => b.score - a.score || a.person.name.localeCompare(b.person.name));
  const chosen: Suggestion[] = [];
  for (const s of ranked) {
    if (chosen.length >= count) break;
    const same = chosen.some(
      (c) => c.reason === s.reason || sameName(shortName(c.person.name), shortName(s.person.name)),
    );
    if (!same) chosen.push(s);
  }
  return chosen;
}
