import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROMPTS_DIR } from '../../src/paths.js';
import { CATALOG_FILE, renderCatalog } from '../../src/texts/generate.js';
import { loadTexts } from '../../src/texts/texts.js';

/** A prompts folder holding one English file. */
function english(json: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'weakties-catalog-'));
  mkdirSync(join(dir, 'en'));
  writeFileSync(join(dir, 'en', 'part.json'), JSON.stringify(json));
  return dir;
}

describe('the catalog', () => {
  it('is generated from prompts/en', () => {
    expect(
      readFileSync(CATALOG_FILE, 'utf8'),
      'src/texts/catalog.ts is out of date with prompts/en: run `npm run texts` and commit the result',
    ).toBe(renderCatalog(PROMPTS_DIR));
  });

  it('declares each key with the placeholders of all its English variants, file by file', () => {
    const dir = english({ x: { many: ['{a} one', '{b} and {a} two'], plain: 'no placeholder' } });
    const catalog = renderCatalog(dir);
    expect(catalog).toContain("  // part.json\n  'x.many': ['a', 'b'],\n  'x.plain': [],\n");
    expect(catalog).toMatch(/^\/\/ Generated from prompts\/en\/\*\.json by `npm run texts`/);
  });

  it('wants every key to be a group and a name', () => {
    expect(() => renderCatalog(english({ lonely: 'text' }))).toThrow('"lonely" should be a group and a name');
  });

  it('types every call: the key must exist and each placeholder be given', () => {
    const say = loadTexts(PROMPTS_DIR).forLang('en');
    const max = 500;
    expect(say('common.tooLong', { max })).toContain('500');
    expect(say('common.back')).toBe('Back');
    // Never run: these lines are here for `tsc --noEmit`, which fails if one of them compiles.
    const wrong = () => [
      // @ts-expect-error {max} is missing
      say('common.tooLong'),
      // @ts-expect-error {max} is missing
      say('common.tooLong', {}),
      // @ts-expect-error no text has this key
      say('common.noSuchText'),
      // @ts-expect-error remove.done has {name}, not {surname}
      say('remove.done', { name: 'Anna', surname: 'Smit' }),
    ];
    expect(wrong).toBeTypeOf('function');
  });
});
