import { addDays, localDate, zonedInstant } from '../core/time.js';
import type { Settings } from './community.js';

/** ISO weekday (1 = Monday … 7 = Sunday) of a YYYY-MM-DD date. */
const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay() || 7;

/** The first local date on or after `date` that falls on the weekday. */
const onOrAfter = (date: string, weekday: number) => addDays(date, (weekday - weekdayOf(date) + 7) % 7);

/** The first instant after `after` on the settings' weekday and hour, in their time zone. */
function nextSlot(settings: Settings, after: Date): Date {
  const { weekday, hour, timezone } = settings;
  let date = onOrAfter(localDate(after, timezone), weekday);
  while (zonedInstant(date, hour, timezone).getTime() <= after.getTime()) date = addDays(date, 7);
  return zonedInstant(date, hour, timezone);
}

/**
 * When the next round starts: the next slot after now, and for fortnightly or monthly rounds no
 * sooner than two weeks, or the next calendar month, after the previous round.
 */
export function nextRoundAt(settings: Settings, now: Date, previous?: Date): Date {
  if (!previous || settings.cadence === 'weekly') return nextSlot(settings, now);
  const prevDate = localDate(previous, settings.timezone);
  const earliest = settings.cadence === 'biweekly' ? addDays(prevDate, 13) : `${nextMonth(prevDate)}-01`;
  const from = zonedInstant(earliest, 0, settings.timezone);
  return nextSlot(settings, new Date(Math.max(now.getTime(), from.getTime())));
}

const nextMonth = (date: string) => {
  const [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

/** The end-of-round check-in: the check-in weekday after the round, at the round's hour. */
export function checkinAt(settings: Settings, roundAt: Date): Date {
  const roundDate = localDate(roundAt, settings.timezone);
  const date = onOrAfter(addDays(roundDate, 1), settings.checkinWeekday);
  return zonedInstant(date, settings.hour, settings.timezone);
}

/** Halfway to the check-in, the organiser of a quiet intro gets a nudge. */
export const nudgeAt = (roundAt: Date, checkin: Date) =>
  new Date(roundAt.getTime() + Math.round((checkin.getTime() - roundAt.getTime()) / 2));

/** The heads-up before a round: the day before, at the round's hour, in the community's zone. */
export function headsupAt(settings: Settings, roundAt: Date): Date {
  const day = addDays(localDate(roundAt, settings.timezone), -1);
  return zonedInstant(day, settings.hour, settings.timezone);
}
