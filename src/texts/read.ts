/**
 * Reading prompts/<lang>/*.json, without the catalog: the loader, the catalog's generator and
 * the tests all read the texts through here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGS, type Lang } from '../core/types.js';

/** Every variant of each text, by dotted key ({"a":{"b":…}} is "a.b"), in the order written. */
export type Table = Map<string, string[]>;

export class TextsError extends Error {}

const PLACEHOLDER = /\{(\w+)\}/g;

/** The placeholders a text uses, each once, in order of appearance. */
export function placeholders(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(PLACEHOLDER), (m) => m[1] as string))];
}

/** A text with its placeholders filled; one without a value stays as written. */
export function fill(text: string, params: Record<string, string | number> = {}): string {
  return text.replace(PLACEHOLDER, (all, name: string) => String(params[name] ?? all));
}

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

/** The texts of one language, file by file (file name → its table), files in name order. */
export function readFiles(dir: string): Map<string, Table> {
  const files = new Map<string, Table>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const where = join(dir, file);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(where, 'utf8'));
    } catch (error) {
      throw new TextsError(`${where}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const table: Table = new Map();
    flatten(table, '', json, where);
    files.set(file, table);
  }
  return files;
}

/** All texts of one language in one table; a key may live in one file only. */
export function readLanguage(dir: string): Table {
  const table: Table = new Map();
  const home = new Map<string, string>();
  for (const [file, texts] of readFiles(dir)) {
    for (const [key, variants] of texts) {
      const other = home.get(key);
      if (other) throw new TextsError(`${join(dir, file)}: "${key}" is already defined in ${other}`);
      home.set(key, file);
      table.set(key, variants);
    }
  }
  return table;
}

/** The texts of every language, from prompts/<lang>/*.json. */
export function readTables(promptsDir: string): Record<Lang, Table> {
  return Object.fromEntries(LANGS.map((lang) => [lang, readLanguage(join(promptsDir, lang))])) as Record<
    Lang,
    Table
  >;
}
