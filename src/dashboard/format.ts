import type { Lang } from '../core/types.js';

/** Numbers, shares and days as an admin of each language reads them: "0,5" and "7 dec." in Dutch. */
export interface Formats {
  count(n: number): string;
  /** A share 0..1 as a whole percent ("40%"); "–" when there was nothing to share. */
  percent(share: number | null): string;
  /** A day (YYYY-MM-DD or an instant) as "7 Dec" / "7 dec.". */
  day(date: string): string;
}

const LOCALES: Record<Lang, string> = { en: 'en-GB', nl: 'nl-NL' };

export function formatsFor(lang: Lang): Formats {
  const locale = LOCALES[lang];
  const count = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  return {
    count: (n) => count.format(n),
    percent: (share) => (share === null ? '–' : percent.format(share)),
    day: (date) => day.format(new Date(date.length === 10 ? `${date}T00:00:00Z` : date)),
  };
}

/** A share as a whole percent for a table cell (67), null when there was nothing to share. */
export const percentCell = (share: number | null): number | null =>
  share === null ? null : Math.round(share * 100);

/** part / whole, or null when the whole is empty. */
export const shareOf = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);
