/** The prompts as the tests see them: read straight from prompts/<lang>/*.json, placeholders filled. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './cli.js';

type Table = Map<string, string[]>;

const tables = new Map<string, Table>();

function flatten(into: Table, prefix: string, value: unknown): void {
  if (typeof value === 'string') into.set(prefix, [value]);
  else if (Array.isArray(value)) into.set(prefix, value as string[]);
  else if (typeof value === 'object' && value !== null)
    for (const [key, inner] of Object.entries(value)) flatten(into, prefix ? `${prefix}.${key}` : key, inner);
}

function table(lang: string): Table {
  let found = tables.get(lang);
  if (!found) {
    found = new Map();
    const dir = join(ROOT, 'prompts', lang);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')))
      flatten(found, '', JSON.parse(readFileSync(join(dir, file), 'utf8')));
    tables.set(lang, found);
  }
  return found;
}

/** Every variant of a text, placeholders filled. */
export function variants(lang: string, key: string, params: Record<string, string | number> = {}): string[] {
  const texts = table(lang).get(key);
  if (!texts) throw new Error(`prompts/${lang}: no text "${key}"`);
  return texts.map((t) => t.replace(/\{(\w+)\}/g, (all, name: string) => String(params[name] ?? all)));
}

/** The first variant of a text, placeholders filled. */
export function say(lang: string, key: string, params: Record<string, string | number> = {}): string {
  return variants(lang, key, params)[0] as string;
}
