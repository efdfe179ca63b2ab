import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROMPTS_DIR } from '../../src/paths.js';
import { CATALOG } from '../../src/texts/catalog.js';
import { readTables } from '../../src/texts/read.js';
import { checkTexts, loadTexts, TextsError } from '../../src/texts/texts.js';

/** A copy of prompts/ with one file of one language changed. */
function variant(
  lang: string,
  file: string,
  change: (json: Record<string, Record<string, unknown>>) => void,
) {
  const dir = mkdtempSync(join(tmpdir(), 'weakties-prompts-'));
  cpSync(PROMPTS_DIR, dir, { recursive: true });
  const path = join(dir, lang, file);
  const json = JSON.parse(readFileSync(path, 'utf8'));
  change(json);
  writeFileSync(path, JSON.stringify(json));
  return dir;
}

describe('texts', () => {
  it('English and Dutch define exactly the keys the code uses, with only the placeholders it fills', () => {
    expect(checkTexts(readTables(PROMPTS_DIR), CATALOG)).toEqual([]);
  });

  it('fails when a key exists in one language and not the other', () => {
    const dir = variant('nl', 'network.json', (json) => {
      delete json.ring?.middle;
    });
    expect(checkTexts(readTables(dir), CATALOG)).toEqual(['nl: missing "ring.middle"']);
    expect(() => loadTexts(dir)).toThrow(TextsError);
  });

  it('fails when a text has a placeholder the code does not fill', () => {
    const dir = variant('en', 'network.json', (json) => {
      (json.remove as Record<string, string>).done = '{name} and {surname} are gone.';
    });
    expect(checkTexts(readTables(dir), CATALOG)).toEqual([
      'en: "remove.done" has {surname}, which the code does not fill',
    ]);
  });

  it('fails on a key the code does not use', () => {
    const dir = variant('en', 'common.json', (json) => {
      (json.common as Record<string, string>).unused = 'never shown';
    });
    expect(checkTexts(readTables(dir), CATALOG)).toEqual(['en: "common.unused" is not used by the code']);
  });

  it('fills placeholders and picks variants', () => {
    const say = loadTexts(PROMPTS_DIR).forLang('nl');
    expect(say('remove.done', { name: 'Anna' })).toBe('Anna staat niet meer op je kaart.');
    expect(say('common.empty', undefined, 0)).not.toBe(say('common.empty', undefined, 1));
  });
});
