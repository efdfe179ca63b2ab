import type { WorkingHours } from './community.js';

/**
 * Times that fit everyone: three concrete 30-minute slots in the round's week that fall inside
 * every member's working hours, each on a different day where the week allows it. When the
 * group's hours never meet, the slot that stretches anyone's day the least, and by how much.
 * Pure: instants in, instants out; showing them in each reader's zone is the caller's part.
 */

/** A coffee is half an hour. */
export const SLOT_MINUTES = 30;
/** How many times an intro proposes. */
export const SLOTS_PROPOSED = 3;
/** Candidates every quarter hour (UTC), which also lands on local quarter hours in every real zone. */
const STEP_MINUTES = 15;
const MINUTE = 60_000;

export interface SlotMember {
  id: string;
  /** IANA time zone ("Europe/Amsterdam"). */
  zone: string;
  /** Working hours in the member's own zone, minutes of the day [start, end). */
  hours: WorkingHours;
}

/** How far a slot falls outside one member's working hours: minutes before their day starts, or after it ends. */
export interface Stretch {
  id: string;
  before: number;
  after: number;
}

export type SlotProposal =
  | { kind: 'slots'; slots: Date[] }
  /** No common working time: the closest slot, and how far it stretches each member. */
  | { kind: 'none'; closest: Date; stretches: Stretch[] };

/** Local weekday (1 = Monday … 7 = Sunday) and minute of the day of an instant in a zone. */
export function localClock(t: Date, zone: string): { weekday: number; minute: number; date: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(t)
      .map((p) => [p.type, p.value]),
  ) as Record<string, string>;
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday ?? '') + 1;
  return {
    weekday,
    minute: Number(parts.hour) * 60 + Number(parts.minute),
    date: `${parts.year}-${parts.month}-${parts.day}`,
  };
}

/** Working days are Monday to Friday in the member's own zone. */
const isWorkday = (weekday: number) => weekday >= 1 && weekday <= 5;

/**
 * Minutes the slot starting at t falls outside the member's working day: 0 and 0 when it fits.
 * A weekend day counts as a whole day outside, so it is never the closest edge.
 */
function stretchOf(t: Date, m: SlotMember): Stretch {
  const { weekday, minute } = localClock(t, m.zone);
  if (!isWorkday(weekday)) return { id: m.id, before: 1440, after: 1440 };
  const end = minute + SLOT_MINUTES;
  return {
    id: m.id,
    before: Math.max(0, m.hours.start - minute),
    after: Math.max(0, end - m.hours.end),
  };
}

const fits = (t: Date, m: SlotMember) => {
  const s = stretchOf(t, m);
  return s.before === 0 && s.after === 0;
};

/** Quarter-hour instants from `from` (rounded up) while a whole slot still ends by `until`. */
function candidates(from: Date, until: Date): Date[] {
  const step = STEP_MINUTES * MINUTE;
  const out: Date[] = [];
  for (
    let t = Math.ceil(from.getTime() / step) * step;
    t + SLOT_MINUTES * MINUTE <= until.getTime();
    t += step
  )
    out.push(new Date(t));
  return out;
}

/** The start nearest the middle of a day's shared time, on the hour or half hour (UTC) when it has one. */
function middleOf(first: Date, rest: Date[]): Date {
  const day = [first, ...rest];
  const round = day.filter((t) => t.getUTCMinutes() % 30 === 0);
  const pool = round.length > 0 ? round : day;
  const middle = (first.getTime() + (rest.at(-1) ?? first).getTime()) / 2;
  return pool.reduce((best, t) =>
    Math.abs(t.getTime() - middle) < Math.abs(best.getTime() - middle) ? t : best,
  );
}

/** `count` indices spread evenly over 0..n-1 (first, middle, last for three). */
function spread(n: number, count: number): number[] {
  if (n <= count) return [...Array(n).keys()];
  return [...Array(count).keys()].map((i) => Math.round((i * (n - 1)) / (count - 1)));
}

/**
 * Three slots between `from` and `until` (the round's week) inside every member's working hours,
 * on different days (days as the first member, the organiser, counts them) when there are enough;
 * otherwise further slots from the same days, an hour or more apart. No common time: the
 * closest slot by the largest stretch, then the total.
 */
export function proposeSlots(members: readonly SlotMember[], from: Date, until: Date): SlotProposal {
  const all = candidates(from, until);
  const fitting = all.filter((t) => members.every((m) => fits(t, m)));
  if (fitting.length === 0) return closestEdges(members, all);

  const dayZone = members[0]?.zone ?? 'UTC';
  const byDay = new Map<string, Date[]>();
  for (const t of fitting) {
    const day = localClock(t, dayZone).date;
    byDay.set(day, [...(byDay.get(day) ?? []), t]);
  }
  const days = [...byDay.values()];
  const chosen = spread(days.length, SLOTS_PROPOSED).flatMap((i) => {
    const [first, ...rest] = days[i] ?? [];
    return first ? [middleOf(first, rest)] : [];
  });
  if (chosen.length < SLOTS_PROPOSED) {
    const apart = 60 * MINUTE;
    for (const t of fitting) {
      if (chosen.length >= SLOTS_PROPOSED) break;
      if (chosen.every((c) => Math.abs(c.getTime() - t.getTime()) >= apart)) chosen.push(t);
    }
  }
  chosen.sort((a, b) => a.getTime() - b.getTime());
  return { kind: 'slots', slots: chosen };
}

function closestEdges(members: readonly SlotMember[], all: Date[]): SlotProposal {
  let best: { t: Date; worst: number; total: number; stretches: Stretch[] } | undefined;
  for (const t of all) {
    const stretches = members.map((m) => stretchOf(t, m));
    const sizes = stretches.map((s) => s.before + s.after);
    const worst = Math.max(...sizes);
    const total = sizes.reduce((a, b) => a + b, 0);
    if (!best || worst < best.worst || (worst === best.worst && total < best.total))
      best = { t, worst, total, stretches };
  }
  if (!best) return { kind: 'none', closest: all[0] ?? new Date(0), stretches: [] };
  return { kind: 'none', closest: best.t, stretches: best.stretches };
}
