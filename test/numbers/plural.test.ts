import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROMPTS_DIR } from '../../src/paths.js';
import { CATALOG } from '../../src/texts/catalog.js';
import { fill, placeholders, readTables } from '../../src/texts/read.js';
import { checkTexts, loadTexts } from '../../src/texts/texts.js';

const texts = loadTexts(PROMPTS_DIR);
const en = texts.forLang('en');
const nl = texts.forLang('nl');

/** A copy of prompts/ with one text of one language replaced. */
function withText(lang: string, file: string, group: string, name: string, text: unknown) {
  const dir = mkdtempSync(join(tmpdir(), 'weakties-plural-'));
  cpSync(PROMPTS_DIR, dir, { recursive: true });
  const path = join(dir, lang, file);
  const json = JSON.parse(readFileSync(path, 'utf8'));
  json[group][name] = text;
  writeFileSync(path, JSON.stringify(json));
  return dir;
}

describe('plural forms', () => {
  it.each([
    [0, 'My network: 0 people', 'Mijn netwerk: 0 mensen'],
    [1, 'My network: 1 person', 'Mijn netwerk: 1 persoon'],
    [2, 'My network: 2 people', 'Mijn netwerk: 2 mensen'],
  ])('choose the form by the number in both languages: %i', (size, english, dutch) => {
    expect(en('map.title', { size })).toBe(english);
    expect(nl('map.title', { size })).toBe(dutch);
  });

  it.each([
    [0, 'the 0 people', 'de 0 mensen'],
    [1, 'the one person on your map', 'de enige persoon op je kaart'],
    [2, 'the 2 people', 'de 2 mensen'],
  ])('take {count} when no number is named: %i', (count, english, dutch) => {
    expect(en('rate.intro', { count })).toContain(english);
    expect(nl('rate.intro', { count })).toContain(dutch);
  });

  it('nest a second number: people and parts of life', () => {
    const reach = { of: 10, spread: 'evenly' };
    expect(en('summary.reach', { ...reach, size: 1, domains: 1 })).toBe(
      'Your map has 1 person, from one part of your life.',
    );
    expect(en('summary.reach', { ...reach, size: 2, domains: 1 })).toBe(
      'Your map has 2 people, all from one part of your life.',
    );
    expect(en('summary.reach', { ...reach, size: 5, domains: 3 })).toBe(
      'Your 5 people reach 3 of the 10 parts of your life, evenly.',
    );
    expect(nl('summary.reach', { ...reach, size: 1, domains: 1 })).toBe(
      'Op je kaart staat 1 persoon, uit één deel van je leven.',
    );
    expect(nl('summary.reach', { ...reach, size: 0, domains: 0 })).toMatch(/^Je kaart is nog leeg/);
    expect(nl('summary.reach', { ...reach, size: 5, domains: 2 })).toBe(
      'Je 5 mensen komen uit twee van de 10 delen van je leven.',
    );
  });

  it('never say "from 1 to 1", "1 groups", "1 pairs", "1 rounds" or "1 dagen"', () => {
    const stats = { round: 1, seed: 7, groups: 1, absent: 0, unplaced: 1, date: 'x', participants: 2 };
    const counts = { ...stats, pairs: 1, met: 1, repeats: 0, cross: 0, ghost: 0, rounds: 1, members: 2 };
    for (const say of [en, nl])
      for (const key of [
        'coffee.admin.preview',
        'coffee.admin.ran',
        'coffee.stats.round',
        'coffee.stats.overall',
      ] as const)
        expect(say(key, counts)).not.toMatch(/\b1 (groups|pairs|rounds|groepen|paren|rondes)\b/);
    expect(nl('summary.closing', { days: 1 })).not.toContain('1 dagen');
    expect(nl('summary.closing', { days: 7 })).toContain('Over 7 dagen');
    expect(en('summary.crossovers', { count: 1 })).toMatch(/^One of your ties crosses/);
    expect(en('summary.crossovers', { count: 2 })).toMatch(/^2 of your ties cross /);
    expect(nl('summary.crossovers', { count: 1 })).toMatch(/^Eén van je banden gaat /);
  });

  it('write decimals as the language does', () => {
    expect(en('summary.details.blau', { blau: 0.61 })).toMatch(/^Blau index 0\.61:/);
    expect(nl('summary.details.blau', { blau: 0.61 })).toMatch(/^Blau-index 0,61:/);
    expect(fill('seed {seed}', { seed: 1234567 }, 'nl')).toBe('seed 1234567');
  });

  it('count the number a form is chosen by, nested ones too, among the placeholders', () => {
    const [text] = readTables(PROMPTS_DIR).en.get('summary.reach') ?? [];
    expect(text && placeholders(text).sort()).toEqual(['domains', 'of', 'size', 'spread']);
    expect(CATALOG['map.title']).toEqual(['size']);
  });

  it('check at start-up that each language has its forms, and only placeholders the code fills', () => {
    const missing = withText('nl', 'network.json', 'map', 'title', {
      plural: 'size',
      other: '{size} mensen',
    });
    expect(checkTexts(readTables(missing), CATALOG)).toEqual(['nl: "map.title" lacks the plural form "one"']);
    expect(() => loadTexts(missing)).toThrow(/lacks the plural form "one"/);
    const foreign = withText('en', 'network.json', 'map', 'title', {
      plural: 'size',
      one: '{size} person',
      few: '{size} persons',
      other: '{size} people',
    });
    expect(checkTexts(readTables(foreign), CATALOG)).toEqual([
      'en: "map.title" has the plural form "few", which this language does not use',
    ]);
    const unfilled = withText('nl', 'network.json', 'map', 'title', {
      plural: 'people',
      one: '{people} persoon',
      other: '{people} mensen',
    });
    expect(checkTexts(readTables(unfilled), CATALOG)).toEqual([
      'nl: "map.title" has {people}, which the code does not fill',
    ]);
    const exact = withText('nl', 'network.json', 'map', 'title', {
      plural: 'size',
      '0': 'Mijn netwerk: nog leeg',
      one: '{size} persoon',
      other: '{size} mensen',
    });
    expect(checkTexts(readTables(exact), CATALOG)).toEqual([]);
    expect(loadTexts(exact).forLang('nl')('map.title', { size: 0 })).toBe('Mijn netwerk: nog leeg');
  });
});
