import { describe, expect, it } from 'vitest';
import { readZone } from '../../src/core/zone-read.js';
import { PROMPTS_DIR } from '../../src/paths.js';
import { loadTexts } from '../../src/texts/texts.js';

describe('readZone', () => {
  it.each([
    ['Asia/Kolkata', 'Asia/Kolkata'],
    ['europe/amsterdam', 'Europe/Amsterdam'],
    ['Amsterdam', 'Europe/Amsterdam'],
    ['new york', 'America/New_York'],
    ['New_York', 'America/New_York'],
    ['Kolkata', 'Asia/Kolkata'],
    ['Kyiv', 'Europe/Kyiv'],
    ['São Paulo', 'America/Sao_Paulo'],
    ['utc', 'UTC'],
  ])('reads %j as %s', (typed, zone) => {
    expect(readZone(typed)).toBe(zone);
  });

  it('knows nothing of a made-up place, an empty answer, or a country without its words', () => {
    expect(readZone('Atlantis')).toBeUndefined();
    expect(readZone('   ')).toBeUndefined();
    expect(readZone('India')).toBeUndefined();
  });

  it('reads countries and other names through the coach’s words, in English and Dutch', () => {
    const texts = loadTexts(PROMPTS_DIR);
    const places = (lang: 'en' | 'nl') =>
      Object.fromEntries(
        ['Europe/Amsterdam', 'Asia/Kolkata'].map((z) => [
          z,
          texts.words(lang)(`zone.${z.replace('/', '-')}`),
        ]),
      );
    expect(readZone('India', places('en'))).toBe('Asia/Kolkata');
    expect(readZone('Holland', places('en'))).toBe('Europe/Amsterdam');
    expect(readZone('België', places('nl'))).toBe('Europe/Amsterdam');
  });
});
