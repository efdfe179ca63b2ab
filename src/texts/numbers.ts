/**
 * Numbers in texts, per language: plural forms chosen with Intl.PluralRules, and numbers written
 * with Intl.NumberFormat ("0.5" in English, "0,5" in Dutch).
 */
import { LANGS, type Lang } from '../core/types.js';

/**
 * A text whose words follow a number, written in prompts/<lang>/*.json as an object of forms:
 * `{ "one": "{count} group", "other": "{count} groups" }`. The number is the placeholder named
 * in `"plural"`, or `count` when none is named. The forms are the language's plural categories
 * (English and Dutch: "one" and "other"), plus optional exact numbers ("0": "No groups yet"),
 * which win over the category. A form may itself be plural forms for a second number:
 * `{ "plural": "size", "one": "1 person", "other": { "plural": "domains", "one": …, "other": … } }`.
 */
export interface Plural {
  plural: string;
  forms: Record<string, string | Plural>;
}

export const DEFAULT_PLURAL = 'count';
const CATEGORIES = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);
const EXACT = /^\d+$/;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether a value of a prompts file is a plural text, rather than a group of texts. */
export function isPluralJson(value: unknown): value is Record<string, unknown> {
  return (
    isRecord(value) &&
    'other' in value &&
    Object.entries(value).every(([k, v]) =>
      k === 'plural'
        ? typeof v === 'string'
        : (CATEGORIES.has(k) || EXACT.test(k)) && (typeof v === 'string' || isPluralJson(v)),
    )
  );
}

/** A plural text from its JSON object (see isPluralJson). */
export function toPlural(value: Record<string, unknown>): Plural {
  const { plural = DEFAULT_PLURAL, ...forms } = value;
  return {
    plural: plural as string,
    forms: Object.fromEntries(
      Object.entries(forms).map(([k, v]) => [
        k,
        typeof v === 'string' ? v : toPlural(v as Record<string, unknown>),
      ]),
    ),
  };
}

/** Every plain text of a plural text, its nested forms included. */
export const allForms = (text: Plural): string[] =>
  Object.values(text.forms).flatMap((form) => (typeof form === 'string' ? [form] : allForms(form)));

const byLang = <T>(make: (lang: Lang) => T) =>
  Object.fromEntries(LANGS.map((lang) => [lang, make(lang)])) as Record<Lang, T>;
const RULES = byLang((lang) => new Intl.PluralRules(lang));
/** At most two decimals, and no grouping: a seed or a year reads as one number. */
const NUMBERS = byLang(
  (lang) => new Intl.NumberFormat(lang, { maximumFractionDigits: 2, useGrouping: false }),
);

/** The plural categories a language needs ("one" and "other" for English and Dutch). */
export const categories = (lang: Lang): string[] => RULES[lang].resolvedOptions().pluralCategories;

/** Whether a form name is fine for the language: one of its categories, or an exact number. */
export const knownForm = (lang: Lang, form: string): boolean =>
  EXACT.test(form) || categories(lang).includes(form);

/** The form of a plural text for its numbers among params; "other" for a number that is missing. */
export function pluralForm(text: Plural, params: Record<string, unknown>, lang: Lang): string {
  const value = params[text.plural];
  const n = typeof value === 'number' ? value : Number(value);
  const known = value !== undefined && value !== '' && !Number.isNaN(n);
  const form = known
    ? (text.forms[String(n)] ?? text.forms[RULES[lang].select(n)] ?? text.forms.other)
    : text.forms.other;
  return typeof form === 'string' ? form : pluralForm(form as Plural, params, lang);
}

/** A number as the language writes it: "2.5" or "2,5", at most two decimals, no grouping. */
export function formatNumber(n: number, lang: Lang): string {
  return NUMBERS[lang].format(n);
}

/** Whole percentages, as a member reads them: "62%" in English and, by Intl, in Dutch too. */
const PERCENTS = byLang(
  (lang) => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }),
);
/** The texts write British English, which lists without the serial comma: "a, b and c". */
const LISTS = byLang(
  (lang) => new Intl.ListFormat(lang === 'en' ? 'en-GB' : lang, { style: 'long', type: 'conjunction' }),
);

/** A share (0 to 1) as the language writes a percentage, through Intl: never a hand-made "%". */
export function formatPercent(share: number, lang: Lang): string {
  return PERCENTS[lang].format(share);
}

/** Items joined as the language lists them: "a, b and c" in English, "a, b en c" in Dutch. */
export function formatList(items: readonly string[], lang: Lang): string {
  return LISTS[lang].format(items);
}
