import { isTimeZone } from '../core/time.js';
import { type Community, defaultPrefs, type Round } from './community.js';
import { proposeSlots, type SlotMember } from './slots.js';

/**
 * The times a new group is offered, from what its members told the coach: their own zone (else
 * the community's) and their working hours (else 9:00 to 17:00, the usual office day).
 */

/** Slots start at least this long after the round does, so nobody is asked for "in ten minutes". */
const LEAD_MINUTES = 120;
/** The round's week. */
const WEEK_MINUTES = 7 * 24 * 60;
const OFFICE_DAY = { start: 9 * 60, end: 17 * 60 };

/** A member's zone as the group's times are shown to them. */
export function zoneOf(c: Community, user: string): string {
  const zone = c.roster[user]?.prefs.timezone;
  return zone && isTimeZone(zone) ? zone : c.settings.timezone;
}

export interface GroupTimes {
  /** Three proposed starts (ISO, UTC), or none when the group's hours never meet. */
  slots?: string[];
  /** With no common time: the start that stretches anyone's day the least. */
  closest?: string;
}

/** The group's proposed times; the first user (the organiser, when the caller puts them first) counts the days. */
export function groupTimes(c: Community, round: Round, users: readonly string[]): GroupTimes {
  const members: SlotMember[] = users.map((id) => ({
    id,
    zone: zoneOf(c, id),
    hours: (c.roster[id]?.prefs ?? defaultPrefs()).hours ?? OFFICE_DAY,
  }));
  const start = Date.parse(round.at);
  const from = new Date(start + LEAD_MINUTES * 60_000);
  const until = new Date(start + WEEK_MINUTES * 60_000);
  const proposal = proposeSlots(members, from, until);
  return proposal.kind === 'slots'
    ? { slots: proposal.slots.map((t) => t.toISOString()) }
    : { closest: proposal.closest.toISOString() };
}

/** The first time every member of the group picked; undefined while someone has not answered or none is shared. */
export function commonPick(
  users: readonly string[],
  picks: Readonly<Record<string, readonly string[]>> = {},
): string | undefined {
  const lists = users.map((u) => picks[u]);
  if (lists.some((l) => l === undefined)) return undefined;
  const [first = [], ...rest] = lists as string[][];
  return [...first].sort().find((t) => rest.every((l) => l.includes(t)));
}
