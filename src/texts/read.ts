/**
 * Reading prompts/<lang>/*.json, without the catalog: the loader, the catalog's generator and
 * the tests all read the texts through here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGS, type Lang } from '../core/types.js';
import { allForms, formatNumber, isPluralJson, type Plural, pluralForm, toPlural } from './numbers.js';

/** One way to say a text: a plain text, or plural forms chosen by a number (see Plural). */
export type Text = string | Plural;

/** Every variant of each text, by dotted key ({"a":{"b":…}} is "a.b"), in the order written. */
export type Table = Map<string, Text[]>;

export class TextsError extends Error {}

const PLACEHOLDER = /\{(\w+)\}/g;
/** A placeholder, with the closing quote and the full stop, question or exclamation mark after it. */
const PLACEHOLDER_AND_STOP = /\{(\w+)\}(["'”’»]?)([.!?]?)/g;

/** The placeholders a text uses, each once, in order of appearance; a plural text's number too. */
export function placeholders(text: Text): string[] {
  const forms = typeof text === 'string' ? [text] : allForms(text);
  const names = forms.flatMap((form) => Array.from(form.matchAll(PLACEHOLDER), (m) => m[1] as string));
  return [...new Set(typeof text === 'string' ? names : [...names, ...selectors(text)])];
}

/** The numbers a plural text's forms are chosen by, its nested forms' included. */
const selectors = (text: Plural): string[] => [
  text.plural,
  ...Object.values(text.forms).flatMap((form) => (typeof form === 'string' ? [] : selectors(form))),
];

/**
 * The text's punctuation after a value that ends a sentence itself is left out, so a member's
 * words are punctuated once: `"{answer}". More` with "I help." gives `"I help." More`. A question
 * or exclamation mark stays after a full stop ("A.B.?").
 */
function stopAfter(value: string, stop: string): string {
  const end = value.trimEnd().at(-1) ?? '';
  const ended = stop === '.' ? /[.!?…]/.test(end) : /[!?]/.test(end);
  return ended ? '' : stop;
}

/**
 * A text with its placeholders filled, in the words of `lang`: a plural text takes the form for
 * its number, numbers are written as the language writes them, and a value that ends with its
 * own punctuation is not punctuated again. A placeholder without a value stays as written.
 */
export function fill(text: Text, params: Record<string, string | number> = {}, lang: Lang = 'en'): string {
  const template = typeof text === 'string' ? text : pluralForm(text, params, lang);
  return template.replace(PLACEHOLDER_AND_STOP, (all, name: string, quote: string, stop: string) => {
    const value = params[name];
    if (value === undefined) return all;
    const shown = typeof value === 'number' ? formatNumber(value, lang) : value;
    return `${shown}${quote}${stop && stopAfter(shown, stop)}`;
  });
}

/** A variant as written: a text, or an object of plural forms. */
const toText = (value: unknown): Text | undefined =>
  typeof value === 'string' ? value : isPluralJson(value) ? toPlural(value) : undefined;

function flatten(into: Table, prefix: string, value: unknown, where: string): void {
  const single = toText(value);
  if (single !== undefined || Array.isArray(value)) {
    const texts = single === undefined ? (value as unknown[]).map(toText) : [single];
    if (texts.length === 0 || texts.some((v) => v === undefined)) {
      throw new TextsError(`${where}: "${prefix}" must be a text, plural forms or a list of them`);
    }
    if (into.has(prefix)) throw new TextsError(`${where}: "${prefix}" is defined twice`);
    into.set(prefix, texts as Text[]);
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
