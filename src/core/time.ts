import type { Lang } from './types.js';

/** Dates in the member's own time zone, and how the coach says them. */

export const NUDGE_HOURS = [9, 12, 15, 19] as const;

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}

/** Milliseconds the zone is ahead of UTC at instant t. */
function offset(t: number, zone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(t)
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<string, number>;
  const local = Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day,
    parts.hour,
    parts.minute,
    parts.second,
  );
  return local - Math.floor(t / 1000) * 1000;
}

/** The local calendar date (YYYY-MM-DD) of an instant in a zone. */
export function localDate(t: Date, zone: string): string {
  return new Date(t.getTime() + offset(t.getTime(), zone)).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The instant of a local date and hour (15.5 is 15:30) in a zone (daylight saving included). */
export function zonedInstant(date: string, hour: number, zone: string): Date {
  const guess = Date.parse(`${date}T00:00:00Z`) + Math.round(hour * 60) * 60_000;
  let t = guess - offset(guess, zone);
  const corrected = guess - offset(t, zone);
  if (corrected !== t) t = corrected;
  return new Date(t);
}

/** The local time of an instant in a zone, as a clock shows it: "9:00", "15:30". */
export function clockAt(t: Date, zone: string): string {
  const local = t.getTime() + offset(t.getTime(), zone);
  return clockTime((local % 86_400_000) / 3_600_000);
}

/** An hour with its minutes, as a clock shows it: 7 → "7:00", 15.5 → "15:30". */
export function clockTime(hour: number): string {
  const minutes = Math.round(hour * 60);
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * A stored date (YYYY-MM-DD) as the coach says it: weekday, day and month in the member's
 * language ("Friday 4 December", "vrijdag 4 december"), with the year only when it is not
 * the year of `today`.
 */
export function formatDay(date: string, lang: Lang, today: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  const sameYear = date.slice(0, 4) === today.slice(0, 4);
  return new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(sameYear ? {} : { year: 'numeric' }),
  })
    .format(new Date(`${date}T12:00:00Z`))
    .replace(',', '');
}

/** An ISO weekday (1 = Monday … 7 = Sunday) by name: "Monday", "maandag" (Dutch lower-case). */
export function weekdayName(weekday: number, lang: Lang): string {
  // 2024-01-01 was a Monday.
  const date = new Date(Date.UTC(2024, 0, weekday, 12));
  return new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    timeZone: 'UTC',
    weekday: 'long',
  }).format(date);
}
