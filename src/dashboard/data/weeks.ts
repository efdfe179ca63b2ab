/** Weeks as the charts count them: Monday to Sunday in UTC, named by their Monday (YYYY-MM-DD). */

const DAY_MS = 86_400_000;

/** The most weeks a chart shows: half a year reads well at a phone's width. */
export const MAX_WEEKS = 26;

/** Each Monday's name by its day number since 1970: pages name the same few weeks thousands of times. */
const mondays = new Map<number, string>();

/** The Monday (UTC) of the week an instant or local date falls in, or undefined when it is no date. */
export function weekOf(when: string | Date): string | undefined {
  const t = typeof when === 'string' ? Date.parse(when) : when.getTime();
  if (Number.isNaN(t)) return undefined;
  const day = Math.floor(t / DAY_MS);
  // 1 January 1970 was a Thursday: (day + 3) % 7 counts days since Monday.
  const monday = day - ((((day + 3) % 7) + 7) % 7);
  let name = mondays.get(monday);
  if (name === undefined) {
    name = new Date(monday * DAY_MS).toISOString().slice(0, 10);
    mondays.set(monday, name);
  }
  return name;
}

/**
 * Every week from the earliest of `weeks` to the week of `now`, at most MAX_WEEKS (the latest);
 * only `now`'s week when there is nothing yet.
 */
export function weekRange(weeks: Iterable<string>, now: Date): string[] {
  const last = weekOf(now) as string;
  let first = last;
  for (const w of weeks) if (w < first) first = w;
  const range: string[] = [];
  for (let t = Date.parse(first); t <= Date.parse(last); t += 7 * DAY_MS)
    range.push(new Date(t).toISOString().slice(0, 10));
  return range.slice(-MAX_WEEKS);
}

/** How many of `items` fall in each week of `range`, by the date `at` gives (none: not counted). */
export function perWeek<T>(
  range: readonly string[],
  items: readonly T[],
  at: (item: T) => string | undefined,
) {
  const index = new Map(range.map((w, i) => [w, i]));
  const counts = range.map(() => 0);
  for (const item of items) {
    const date = at(item);
    const i = date === undefined ? undefined : index.get(weekOf(date) ?? '');
    if (i !== undefined) counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}
