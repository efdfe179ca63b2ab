import type { Say } from '../texts/texts.js';
import type { Community, Round } from './community.js';

/** Figures for admins, per round and overall: counts and rates only, never a name. */
interface RoundStats {
  round: number;
  at: string;
  /** Members placed in a group. */
  participants: number;
  absent: number;
  pairs: number;
  /** Of the members who answered the check-in, the share that met. */
  metRate: number | null;
  repeatRate: number | null;
  crossGroupRate: number | null;
  /** Of the members introduced, the share who never answered the check-in. */
  ghostRate: number | null;
}

const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);

function roundStats(round: Round): RoundStats {
  const participants = round.participants;
  const outcomes = Object.values(round.outcomes);
  const answered = outcomes.length;
  const met = outcomes.filter((o) => o === 'met').length;
  return {
    round: round.n,
    at: round.at,
    participants,
    absent: round.absent.length,
    pairs: round.pairs,
    metRate: rate(met, answered),
    repeatRate: rate(round.repeats, round.pairs),
    crossGroupRate: rate(round.crossGroup, round.pairs),
    ghostRate: rate(participants - answered, participants),
  };
}

interface CommunityStats {
  rounds: RoundStats[];
  overall: Omit<RoundStats, 'round' | 'at'> & { rounds: number; members: number };
}

export function communityStats(community: Community): CommunityStats {
  const real = community.rounds.filter((r) => !r.dryRun);
  const rounds = real.map(roundStats);
  const total = (pick: (r: Round) => number) => real.reduce((n, r) => n + pick(r), 0);
  const participants = rounds.reduce((n, r) => n + r.participants, 0);
  const answered = total((r) => Object.keys(r.outcomes).length);
  const met = total((r) => Object.values(r.outcomes).filter((o) => o === 'met').length);
  const pairs = total((r) => r.pairs);
  return {
    rounds,
    overall: {
      rounds: real.length,
      members: Object.values(community.roster).filter((e) => e.prefs.joined !== false).length,
      participants,
      absent: total((r) => r.absent.length),
      pairs,
      metRate: rate(met, answered),
      repeatRate: rate(
        total((r) => r.repeats),
        pairs,
      ),
      crossGroupRate: rate(
        total((r) => r.crossGroup),
        pairs,
      ),
      ghostRate: rate(participants - answered, participants),
    },
  };
}

const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)}%`);

/**
 * The figures as an admin reads them: the last twelve rounds, then the whole; `day` says a
 * round's instant as its day ("Monday 7 December").
 */
export function statsText(stats: CommunityStats, say: Say, day: (instant: string) => string): string {
  if (stats.rounds.length === 0) return say('coffee.stats.none');
  const figures = (s: RoundStats | CommunityStats['overall']) => ({
    met: pct(s.metRate),
    repeats: pct(s.repeatRate),
    cross: pct(s.crossGroupRate),
    ghost: pct(s.ghostRate),
  });
  return [
    say('coffee.stats.heading'),
    ...stats.rounds.slice(-12).map((r) =>
      say('coffee.stats.round', {
        round: r.round,
        date: day(r.at),
        participants: r.participants,
        absent: r.absent,
        pairs: r.pairs,
        ...figures(r),
      }),
    ),
    say('coffee.stats.overall', {
      rounds: stats.overall.rounds,
      members: stats.overall.members,
      ...figures(stats.overall),
    }),
  ].join('\n');
}
