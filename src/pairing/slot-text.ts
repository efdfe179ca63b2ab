import { clockAt, formatDay, localDate } from '../core/time.js';
import type { Lang } from '../core/types.js';

/**
 * Proposed times as people read them: each in the reader's own zone, or, where a whole group
 * reads one message, in every member's zone side by side. Pure formatting; no texts of the coach.
 */

/** A zone as people name it: its city ("America/New_York" is "New York"); UTC stays UTC. */
export const zoneCity = (zone: string) => (zone.split('/').at(-1) ?? zone).replace(/_/g, ' ');

/** "Wednesday 9 December 15:00" in the reader's zone and language. */
export function slotIn(t: Date, zone: string, lang: Lang, now: Date): string {
  return `${formatDay(localDate(t, zone), lang, localDate(now, zone))} ${clockAt(t, zone)}`;
}

/**
 * One slot for a whole group: the day in the first zone, then each distinct zone's clock,
 * "Wednesday 9 December: 15:00 Amsterdam, 9:00 New York, 19:30 Kolkata". A clock on another
 * local day than the first says so with its own weekday.
 */
export function slotForGroup(t: Date, zones: readonly string[], lang: Lang, now: Date): string {
  const distinct = [...new Set(zones)];
  const first = distinct[0] ?? 'UTC';
  const day = localDate(t, first);
  const clocks = distinct.map((zone) => {
    const other = localDate(t, zone);
    const clock = clockAt(t, zone);
    const shown = other === day ? clock : `${weekdayOf(other, lang)} ${clock}`;
    return `${shown} ${zoneCity(zone)}`;
  });
  return `${formatDay(day, lang, localDate(now, first))}: ${clocks.join(', ')}`;
}

const weekdayOf = (date: string, lang: Lang) =>
  new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { timeZone: 'UTC', weekday: 'long' }).format(
    new Date(`${date}T12:00:00Z`),
  );
