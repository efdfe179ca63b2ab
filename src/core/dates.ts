import * as chrono from 'chrono-node';
import type { Lang } from './types.js';

/** How to read a typed date: the member's language, and whether "3/12" puts the day first. */
export interface DateReading {
  lang: Lang;
  dayFirst: boolean;
}

/** Numeric dates put the day first, except for American English when the platform says so. */
export function dayFirst(lang: Lang, locale?: string): boolean {
  return lang === 'nl' || locale?.replace('_', '-').toLowerCase() !== 'en-us';
}

type Part = 'start' | 'mid' | 'end';

/** Where in a month, said before a month chrono read without its day ("eind januari", "mid March"). */
const PART_WORDS: [RegExp, Part][] = [
  [/(?:^|\s)(?:begin|begin van|start of|beginning of|early)\s*$/i, 'start'],
  [/(?:^|\s)(?:half|medio|midden|midden van|mid-?|middle of)\s*$/i, 'mid'],
  [/(?:^|\s)(?:eind|einde|eind van|end of|late)\s*$/i, 'end'],
];

const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

const partOfMonth: chrono.Refiner = {
  refine(context, results) {
    for (const result of results) {
      const { start } = result;
      if (start.isCertain('day') || !start.isCertain('month')) continue;
      const before = context.text.slice(0, result.index);
      const found = PART_WORDS.map(([words, part]) => ({ match: before.match(words), part })).find(
        (p) => p.match,
      );
      if (!found?.match) continue;
      const year = start.get('year') ?? 0;
      const month = start.get('month') ?? 1;
      const day = { start: 1, mid: 15, end: lastDay(year, month) }[found.part];
      start.assign('year', year).assign('month', month).assign('day', day);
      const from = (found.match.index ?? 0) + found.match[0].length - found.match[0].trimStart().length;
      result.text = context.text.slice(from, result.index + result.text.length);
      result.index = from;
    }
    return results;
  },
};

const DAY_MS = 86_400_000;
const dayOf = (t: number) => {
  const d = new Date(t);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
};

/** "overmorgen": the day after tomorrow, which chrono's Dutch does not know (counted on the machine's clock, as the reference is). */
const overmorgen: chrono.Parser = {
  pattern: () => /(?<![\p{L}])overmorgen(?![\p{L}])/iu,
  extract: (context) => {
    const d = new Date(context.reference.instant);
    d.setDate(d.getDate() + 2);
    return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
  },
};

/** "dinsdag volgende week", "tuesday next week": chrono reads two dates; this makes them one. */
const weekdayThenWeek: chrono.Refiner = {
  refine(context, results) {
    return results.flatMap((result, i) => {
      const previous = results[i - 1];
      const gap = previous ? context.text.slice(previous.index + previous.text.length, result.index) : '';
      const joins =
        previous?.start.isOnlyWeekdayComponent() &&
        /^\s*$/.test(gap) &&
        /^(?:volgende|komende|next) week$/i.test(result.text);
      if (!previous || !joins) return [result];
      const week = Date.UTC(
        result.start.get('year') ?? 0,
        (result.start.get('month') ?? 1) - 1,
        result.start.get('day') ?? 1,
      );
      const monday = week - ((new Date(week).getUTCDay() + 6) % 7) * DAY_MS;
      const target = dayOf(monday + (((previous.start.get('weekday') ?? 1) + 6) % 7) * DAY_MS);
      previous.start.assign('year', target.year).assign('month', target.month).assign('day', target.day);
      previous.text = context.text.slice(previous.index, result.index + result.text.length);
      return [];
    });
  },
};

function withRefiners(base: chrono.Chrono, parsers: chrono.Parser[] = []): chrono.Chrono {
  const parser = base.clone();
  parser.parsers.push(...parsers);
  parser.refiners.push(weekdayThenWeek, partOfMonth);
  return parser;
}

/** English with day-first numbers: British numeric dates, but "December 10" still read as a day. */
function englishDayFirst(): chrono.Chrono {
  const british = chrono.en.GB.parsers.find((p) => 'groupNumberDay' in p);
  const parser = chrono.en.casual.clone();
  parser.parsers = parser.parsers.map((p) => ('groupNumberDay' in p && british ? british : p));
  return parser;
}

const PARSERS = {
  nl: withRefiners(chrono.nl.casual, [overmorgen]),
  enDayFirst: withRefiners(englishDayFirst()),
  enMonthFirst: withRefiners(chrono.en.casual),
};

const MAX_DATE_TEXT = 200;

const pad = (n: number | null) => String(n ?? 0).padStart(2, '0');

/**
 * A date in plain words ("friday", "10 december", "volgende week dinsdag", "eind januari", "3/12"),
 * read from `today` (YYYY-MM-DD, the member's own day) onward. Returns YYYY-MM-DD, or undefined
 * when no day is named or two different days are.
 */
export function parseDate(text: string, today: string, reading: DateReading): string | undefined {
  // A day is said in a few words; a long text is no answer to "when?" and would only cost time.
  if (text.length > MAX_DATE_TEXT) return undefined;
  const parser =
    reading.lang === 'nl' ? PARSERS.nl : reading.dayFirst ? PARSERS.enDayFirst : PARSERS.enMonthFirst;
  // Chrono reads "12/3" but not "12-3" or "12.3" without a year.
  const typed = text.trim().replace(/^(\d{1,2})[-.](\d{1,2})$/, '$1/$2');
  // Noon of `today` on this machine's clock: some of chrono's parsers count in the machine's zone.
  const [year, month, day] = today.split('-').map(Number);
  const reference = new Date(year ?? 0, (month ?? 1) - 1, day ?? 1, 12);
  const days = new Set(
    parser
      .parse(typed, reference, { forwardDate: true })
      .filter((r) => r.start.isCertain('day') || r.start.isCertain('weekday'))
      .map((r) => `${r.start.get('year')}-${pad(r.start.get('month'))}-${pad(r.start.get('day'))}`),
  );
  return days.size === 1 ? [...days][0] : undefined;
}
