import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROMPTS_DIR } from '../../src/paths.js';
import { CATALOG } from '../../src/texts/catalog.js';
import { readFiles, readTables } from '../../src/texts/read.js';
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

/** Every key of each file of one language, in the order written. */
const layout = (lang: string) =>
  [...readFiles(join(PROMPTS_DIR, lang))].map(([file, table]) => [file, [...table.keys()]]);

describe('texts', () => {
  it('English and Dutch define exactly the keys the code uses, with only the placeholders it fills', () => {
    expect(checkTexts(readTables(PROMPTS_DIR), CATALOG)).toEqual([]);
  });

  it('English and Dutch have the same files, each with the same keys in the same order', () => {
    expect(layout('nl')).toEqual(layout('en'));
  });

  it('fails when a key exists in one language and not the other', () => {
    const dir = variant('nl', 'network.json', (json) => {
      delete json.ring?.middle;
    });
    expect(checkTexts(readTables(dir), CATALOG)).toEqual(['nl: missing "ring.middle"']);
    expect(() => loadTexts(dir)).toThrow(TextsError);
  });

  it('fails when a text has a placeholder the code does not fill, and says how to update the catalog', () => {
    const dir = variant('en', 'network.json', (json) => {
      (json.remove as Record<string, string>).done = '{name} and {surname} are gone.';
    });
    expect(checkTexts(readTables(dir), CATALOG)).toEqual([
      'en: "remove.done" has {surname}, which the code does not fill',
    ]);
    expect(() => loadTexts(dir)).toThrow(/has \{surname\}.*\n.*run `npm run texts`/);
  });

  it('fails when a Dutch text has a placeholder the English one lacks', () => {
    const dir = variant('nl', 'network.json', (json) => {
      (json.remove as Record<string, string>).done = '{name} en {surname} zijn weg.';
    });
    expect(checkTexts(readTables(dir), CATALOG)).toEqual([
      'nl: "remove.done" has {surname}, which the code does not fill',
    ]);
  });

  it('lets a Dutch text leave out a placeholder', () => {
    const dir = variant('nl', 'network.json', (json) => {
      (json.remove as Record<string, string>).done = 'Deze persoon staat niet meer op je kaart.';
    });
    expect(checkTexts(readTables(dir), CATALOG)).toEqual([]);
  });

  it('fails on a key the code does not use', () => {
    const dir = variant('en', 'common.json', (json) => {
      (json.common as Record<string, string>).unused = 'never shown';
    });
    expect(checkTexts(readTables(dir), CATALOG)).toEqual(['en: "common.unused" is not used by the code']);
  });

  it('fails on a Dutch key that English lacks', () => {
    const dir = variant('nl', 'common.json', (json) => {
      (json.common as Record<string, string>).extra = 'nooit getoond';
    });
    expect(checkTexts(readTables(dir), CATALOG)).toEqual(['nl: "common.extra" is not in prompts/en']);
    expect(() => loadTexts(dir)).toThrow(/is not in prompts\/en$/);
  });

  it('fails on a key defined in two files', () => {
    const dir = variant('en', 'menu.json', (json) => {
      json.common = { back: 'Back' };
    });
    expect(() => readTables(dir)).toThrow(/menu\.json: "common\.back" is already defined in common\.json/);
  });

  it('fills placeholders and picks variants', () => {
    const say = loadTexts(PROMPTS_DIR).forLang('nl');
    expect(say('remove.done', { name: 'Anna' })).toBe('Anna staat niet meer op je kaart.');
    expect(say('common.empty', undefined, 0)).not.toBe(say('common.empty', undefined, 1));
  });
});
