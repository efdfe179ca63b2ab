/** Dates in the member's own time zone, without a date library. */

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

/** The instant of a local date and hour in a zone (daylight saving included). */
export function zonedInstant(date: string, hour: number, zone: string): Date {
  const guess = Date.parse(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);
  let t = guess - offset(guess, zone);
  const corrected = guess - offset(t, zone);
  if (corrected !== t) t = corrected;
  return new Date(t);
}

/**
 * A typed date: 2026-12-04, 4-12-2026, 4/12, or 4-12 (day first, as in most of Europe).
 * Returns YYYY-MM-DD, or undefined when it is not a real date.
 */
export function parseDate(text: string, today: string): string | undefined {
  const iso = text.trim().match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/);
  const dayFirst = text.trim().match(/^(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{2,4}))?$/);
  let y: number;
  let m: number;
  let d: number;
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dayFirst) {
    [d, m] = [Number(dayFirst[1]), Number(dayFirst[2])];
    const year = dayFirst[3];
    y = year ? Number(year.length === 2 ? `20${year}` : year) : Number(today.slice(0, 4));
    if (!year && `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` < today) y += 1;
  } else return undefined;
  const date = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const check = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(check.getTime()) && check.toISOString().slice(0, 10) === date ? date : undefined;
}
