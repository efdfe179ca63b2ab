import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGS, type Lang } from '../core/types.js';
import { CATALOG, type TextKey } from './catalog.js';

type Params<K extends TextKey> = (typeof CATALOG)[K] extends readonly []
  ? [params?: undefined, variant?: number]
  : [params: Record<(typeof CATALOG)[K][number], string | number>, variant?: number];

/** A translator bound to one language. */
export type Say = <K extends TextKey>(key: K, ...rest: Params<K>) => string;

export interface Texts {
  forLang(lang: Lang): Say;
}

type Table = Map<string, string[]>;

const PLACEHOLDER = /\{(\w+)\}/g;

export class TextsError extends Error {}

function flatten(into: Table, prefix: string, value: unknown, where: string): void {
  const variants = typeof value === 'string' ? [value] : value;
  if (Array.isArray(variants)) {
    if (variants.length === 0 || variants.some((v) => typeof v !== 'string')) {
      throw new TextsError(`${where}: "${prefix}" must be a text or a list of texts`);
    }
    if (into.has(prefix)) throw new TextsError(`${where}: "${prefix}" is defined twice`);
    into.set(prefix, variants as string[]);
    return;
  }
  if (typeof value !== 'object' || value === null)
    throw new TextsError(`${where}: "${prefix}" is not a text`);
  for (const [key, inner] of Object.entries(value))
    flatten(into, prefix ? `${prefix}.${key}` : key, inner, where);
}

/** Reads every JSON file of one language; nesting becomes dotted keys ({"a":{"b":…}} is "a.b"). */
function readLanguage(dir: string): Table {
  const table: Table = new Map();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const where = join(dir, file);
    flatten(table, '', JSON.parse(readFileSync(where, 'utf8')), where);
  }
  return table;
}

/** Every problem with the texts of all languages against the catalog; empty when all is well. */
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
        problems.push(`${lang}: "${key}" is not used by the code`);
        continue;
      }
      for (const text of variants) {
        for (const [, name] of text.matchAll(PLACEHOLDER)) {
          if (!allowed.includes(name as string))
            problems.push(`${lang}: "${key}" has {${name}}, which the code does not fill`);
        }
      }
    }
  }
  return problems;
}

export function readTables(promptsDir: string): Record<Lang, Table> {
  return { en: readLanguage(join(promptsDir, 'en')), nl: readLanguage(join(promptsDir, 'nl')) };
}

/** Loads and validates prompts/<lang>/*.json at start-up; a mismatch stops the start. */
export function loadTexts(promptsDir: string): Texts {
  const tables = readTables(promptsDir);
  const problems = checkTexts(tables, CATALOG);
  if (problems.length > 0)
    throw new TextsError(`The texts in ${promptsDir} do not match the code:\n${problems.join('\n')}`);
  return {
    forLang(lang) {
      const table = tables[lang];
      return ((key: string, params?: Record<string, string | number>, variant?: number) => {
        const variants = table.get(key) as string[];
        const text = variants[(variant ?? 0) % variants.length] as string;
        return params ? text.replace(PLACEHOLDER, (all, name: string) => String(params[name] ?? all)) : text;
      }) as Say;
    },
  };
}
