import { toCsv } from '../core/csv.js';
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
  /** Groups of two or more introduced to each other. */
  groups: number;
  /** Groups in which at least one member answered the check-in "met". */
  groupsMet: number;
  /** Of the groups, the share that met (a group that never answered counts as not met). */
  groupMetRate: number | null;
  /** Groups whose coffee was set: every member picked a time they share, or the organiser wrote one. */
  groupsTimeSet: number;
  /** Of the groups, the share that set a time. */
  timeSetRate: number | null;
  /** Rounds in `gaps` mode: groups in which one member's need was among another's offers. */
  groupsNeedMet: number;
  /** Of the groups of `gaps` rounds, the share where a need met an offer; null without such rounds. */
  needMetRate: number | null;
  /** Of the members who answered the check-in, the share that met. */
  metRate: number | null;
  repeatRate: number | null;
  crossGroupRate: number | null;
  /** Of the members introduced, the share who never answered the check-in. */
  ghostRate: number | null;
}

const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);

const groupCounts = (round: Round) => {
  const groups = round.groups.filter((g) => g.users.length > 1);
  const met = groups.filter((g) => g.users.some((u) => round.outcomes[u] === 'met')).length;
  const timeSet = groups.filter((g) => g.setAt !== undefined).length;
  const gapGroups = groups.filter((g) => g.needMet !== undefined);
  return {
    groups: groups.length,
    groupsMet: met,
    groupsTimeSet: timeSet,
    gapGroups: gapGroups.length,
    groupsNeedMet: gapGroups.filter((g) => g.needMet).length,
  };
};

function roundStats(round: Round): RoundStats {
  const participants = round.participants;
  const { groups, groupsMet, groupsTimeSet, gapGroups, groupsNeedMet } = groupCounts(round);
  const outcomes = Object.values(round.outcomes);
  const answered = outcomes.length;
  const met = outcomes.filter((o) => o === 'met').length;
  return {
    round: round.n,
    at: round.at,
    participants,
    absent: round.absent.length,
    pairs: round.pairs,
    groups,
    groupsMet,
    groupMetRate: rate(groupsMet, groups),
    groupsTimeSet,
    timeSetRate: rate(groupsTimeSet, groups),
    groupsNeedMet,
    needMetRate: rate(groupsNeedMet, gapGroups),
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
  const groups = total((r) => groupCounts(r).groups);
  const groupsMet = total((r) => groupCounts(r).groupsMet);
  const groupsTimeSet = total((r) => groupCounts(r).groupsTimeSet);
  const groupsNeedMet = total((r) => groupCounts(r).groupsNeedMet);
  return {
    rounds,
    overall: {
      rounds: real.length,
      members: Object.values(community.roster).filter((e) => e.prefs.joined !== false).length,
      participants,
      absent: total((r) => r.absent.length),
      pairs,
      groups,
      groupsMet,
      groupMetRate: rate(groupsMet, groups),
      groupsTimeSet,
      timeSetRate: rate(groupsTimeSet, groups),
      groupsNeedMet,
      needMetRate: rate(
        groupsNeedMet,
        total((r) => groupCounts(r).gapGroups),
      ),
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
  const withGroups = (line: string, s: RoundStats | CommunityStats['overall']) =>
    [
      `${line}; ${say('coffee.stats.groupsTimeSet', { share: pct(s.timeSetRate) })}`,
      say('coffee.stats.groupsMet', { share: pct(s.groupMetRate) }),
      ...(s.needMetRate === null ? [] : [say('coffee.stats.groupsNeedMet', { share: pct(s.needMetRate) })]),
    ].join(', ');
  const figures = (s: RoundStats | CommunityStats['overall']) => ({
    met: pct(s.metRate),
    repeats: pct(s.repeatRate),
    cross: pct(s.crossGroupRate),
    ghost: pct(s.ghostRate),
  });
  return [
    say('coffee.stats.heading'),
    ...stats.rounds.slice(-12).map((r) =>
      withGroups(
        say('coffee.stats.round', {
          round: r.round,
          date: day(r.at),
          participants: r.participants,
          absent: r.absent,
          pairs: r.pairs,
          ...figures(r),
        }),
        r,
      ),
    ),
    withGroups(
      say('coffee.stats.overall', {
        rounds: stats.overall.rounds,
        members: stats.overall.members,
        ...figures(stats.overall),
      }),
      stats.overall,
    ),
  ].join('\n');
}

/** A share for a spreadsheet: a plain decimal (0.667), empty when there was nothing to share. */
const share = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);

export const STATS_CSV_HEADER = [
  'round',
  'date',
  'participants',
  'absent',
  'groups',
  'pairs',
  'groups_met',
  'groups_met_share',
  /** Of the groups, the share that set a time: a plain decimal like groups_met_share. */
  'time_set',
  'met_share',
  'repeat_share',
  'cross_group_share',
  'no_answer_share',
  // Columns added later come last, so a sheet that reads columns by position keeps working.
  /** Groups whose coffee was set (a shared time picked, or written by the organiser). */
  'groups_time_set',
  /** `gaps` rounds: groups where one member's need was among another's offers, and their share. */
  'groups_need_met',
  'need_met_share',
] as const;

/** One row per round, for a spreadsheet; counts and shares only, never a name. */
export function statsCsv(stats: CommunityStats): string {
  return toCsv(
    STATS_CSV_HEADER,
    stats.rounds.map((r) => [
      r.round,
      r.at,
      r.participants,
      r.absent,
      r.groups,
      r.pairs,
      r.groupsMet,
      share(r.groupMetRate),
      share(r.timeSetRate),
      share(r.metRate),
      share(r.repeatRate),
      share(r.crossGroupRate),
      share(r.ghostRate),
      r.groupsTimeSet,
      r.needMetRate === null ? null : r.groupsNeedMet,
      share(r.needMetRate),
    ]),
  );
}
