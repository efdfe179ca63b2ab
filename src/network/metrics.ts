import {
  DOMAINS,
  type Domain,
  type Network,
  type Person,
  RECALL_DOMAINS,
  RESOURCE_ITEMS,
  type ResourceItem,
  WORK_DOMAINS,
} from './model.js';

export interface MapMetrics {
  size: number;
  perDomain: Record<Domain, number>;
  strong: number;
  middle: number;
  weak: number;
  /** Shares of the people whose ring is known, 0 when none is. */
  strongShare: number;
  weakShare: number;
  /** Blau index 1 - sum p_k^2 over the domains, and the same divided by its maximum 1 - 1/K. */
  blau: number;
  blauNormalised: number;
  domainsUsed: number;
  crossovers: number;
  dormant: number;
  resources: {
    reachable: ResourceItem[];
    weakOnly: ResourceItem[];
    myself: ResourceItem[];
    gaps: ResourceItem[];
  };
}

/** Blau's heterogeneity index of category counts, and its normalised form for K categories. */
export function blauIndex(counts: number[], categories: number): { blau: number; normalised: number } {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0 || categories < 2) return { blau: 0, normalised: 0 };
  const blau = 1 - counts.reduce((sum, n) => sum + (n / total) ** 2, 0);
  return { blau, normalised: blau / (1 - 1 / categories) };
}

/**
 * A tie crosses the work/private line when someone from private life matters for work
 * (named in a career question) or a work contact is in the inner ring.
 */
export function crossesWorkPrivateLine(p: Person): boolean {
  if (p.domain === null) return false;
  return WORK_DOMAINS.has(p.domain) ? p.ring === 'inner' : p.named.length > 0;
}

export function mapMetrics(network: Network): MapMetrics {
  const people = network.people;
  const perDomain = Object.fromEntries(DOMAINS.map((d) => [d, 0])) as Record<Domain, number>;
  for (const p of people) if (p.domain) perDomain[p.domain] += 1;
  const count = (ring: Person['ring']) => people.filter((p) => p.ring === ring).length;
  const strong = count('inner');
  const middle = count('middle');
  const weak = count('outer');
  const rated = strong + middle + weak;
  const { blau, normalised } = blauIndex(Object.values(perDomain), DOMAINS.length);
  const answered = (answer: string) => RESOURCE_ITEMS.filter((item) => network.resources[item] === answer);
  return {
    size: people.length,
    perDomain,
    strong,
    middle,
    weak,
    strongShare: rated ? strong / rated : 0,
    weakShare: rated ? weak / rated : 0,
    blau,
    blauNormalised: normalised,
    domainsUsed: Object.values(perDomain).filter((n) => n > 0).length,
    crossovers: people.filter(crossesWorkPrivateLine).length,
    dormant: people.filter((p) => p.contact === 'dormant').length,
    resources: {
      reachable: RESOURCE_ITEMS.filter((item) => {
        const answer = network.resources[item];
        return answer !== undefined && answer !== 'nobody';
      }),
      weakOnly: answered('acquaintance'),
      myself: answered('myself'),
      gaps: answered('nobody'),
    },
  };
}

/** The parts of life the map asks about, and the events part once someone is on it: "6 of 10". */
export const partsOfLife = (m: MapMetrics): number => RECALL_DOMAINS.length + (m.perDomain.event > 0 ? 1 : 0);
