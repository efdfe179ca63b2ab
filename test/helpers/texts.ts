/** The prompts as the tests see them: read by the real loader from prompts/<lang>/*.json, placeholders filled. */
import type { Lang } from '../../src/core/types.js';
import { PROMPTS_DIR } from '../../src/paths.js';
import { fill, readTables, type Table } from '../../src/texts/read.js';

let tables: Record<Lang, Table> | undefined;

/** Every variant of a text, placeholders filled. */
export function variants(lang: string, key: string, params: Record<string, string | number> = {}): string[] {
  tables ??= readTables(PROMPTS_DIR);
  const texts = tables[lang as Lang]?.get(key);
  if (!texts) throw new Error(`prompts/${lang}: no text "${key}"`);
  return texts.map((text) => fill(text, params, lang as Lang));
}

/** The first variant of a text, placeholders filled. */
export function say(lang: string, key: string, params: Record<string, string | number> = {}): string {
  return variants(lang, key, params)[0] as string;
}
