import { LANGS, type Lang } from '../core/types.js';
import { CATALOG, type TextKey } from './catalog.js';
import { categories, knownForm } from './numbers.js';
import { fill, placeholders, readTables, type Table, type Text, TextsError } from './read.js';

export { TextsError };

type Params<K extends TextKey> = (typeof CATALOG)[K] extends readonly []
  ? [params?: undefined, variant?: number]
  : [params: Record<(typeof CATALOG)[K][number], string | number>, variant?: number];

/** A translator bound to one language. */
export type Say = <K extends TextKey>(key: K, ...rest: Params<K>) => string;

/**
 * The other words that mean what the text under `key` means (a choice's label), in one language:
 * the variants of `words.<key>` in the prompts; none when it has no words.
 */
export type Words = (key: string) => readonly string[];

export interface Texts {
  forLang(lang: Lang): Say;
  words(lang: Lang): Words;
}

/**
 * Every problem with the texts of all languages against the catalog; empty when all is well.
 * Each language defines exactly the catalog's keys. A text may use only the placeholders the
 * code fills (English's); it may leave some out, as a Dutch sentence sometimes can. Plural forms
 * are the language's own categories, all of them, and their number is a placeholder the code fills.
 */
export function checkTexts(
  tables: Record<Lang, Table>,
  catalog: Record<string, readonly string[]>,
): string[] {
  const problems: string[] = [];
  for (const lang of LANGS) {
    const table = tables[lang];
    for (const key of Object.keys(catalog)) if (!table.has(key)) problems.push(`${lang}: missing "${key}"`);
    for (const [key, variants] of table) {
      const allowed = catalog[key];
      if (!allowed) {
        problems.push(
          lang === 'en' || tables.en.has(key)
            ? `${lang}: "${key}" is not used by the code`
            : `${lang}: "${key}" is not in prompts/en`,
        );
        continue;
      }
      for (const name of new Set(variants.flatMap(placeholders)))
        if (!allowed.includes(name))
          problems.push(`${lang}: "${key}" has {${name}}, which the code does not fill`);
      for (const variant of variants) problems.push(...pluralProblems(lang, key, variant));
    }
  }
  return problems;
}

/** A plural text has every form its language needs and none it cannot choose. */
function pluralProblems(lang: Lang, key: string, text: Text): string[] {
  if (typeof text === 'string') return [];
  const forms = Object.keys(text.forms);
  const nested = Object.values(text.forms).flatMap((form) => pluralProblems(lang, key, form));
  return [
    ...nested,
    ...categories(lang)
      .filter((form) => !forms.includes(form))
      .map((form) => `${lang}: "${key}" lacks the plural form "${form}"`),
    ...forms
      .filter((form) => !knownForm(lang, form))
      .map((form) => `${lang}: "${key}" has the plural form "${form}", which this language does not use`),
  ];
}

/** Loads and validates prompts/<lang>/*.json at start-up; a mismatch stops the start. */
export function loadTexts(promptsDir: string): Texts {
  const tables = readTables(promptsDir);
  const problems = checkTexts(tables, CATALOG);
  if (problems.length > 0) {
    const hint = problems.some((p) => p.startsWith('en: '))
      ? '\nprompts/en defines the keys and placeholders: after changing them, run `npm run texts`.'
      : '';
    throw new TextsError(`The texts in ${promptsDir} do not match the code:\n${problems.join('\n')}${hint}`);
  }
  return {
    forLang(lang) {
      const table = tables[lang];
      return ((key: string, params?: Record<string, string | number>, variant?: number) => {
        const variants = table.get(key) as Text[];
        return fill(variants[(variant ?? 0) % variants.length] as Text, params, lang);
      }) as Say;
    },
    words(lang) {
      const table = tables[lang];
      return (key) => (table.get(`words.${key}`) ?? []).filter((w): w is string => typeof w === 'string');
    },
  };
}
