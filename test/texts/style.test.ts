/**
 * docs/STYLE.md, checked where a rule can be read from the texts themselves: the Dutch register,
 * weekdays and months, decimals, and labels inside sentences.
 */
import { describe, expect, it } from 'vitest';
import { weekdayName } from '../../src/core/time.js';
import type { Lang } from '../../src/core/types.js';
import { CONTACTS, DOMAINS, RINGS } from '../../src/network/model.js';
import { PROMPTS_DIR } from '../../src/paths.js';
import { allForms } from '../../src/texts/numbers.js';
import { readTables } from '../../src/texts/read.js';

const tables = readTables(PROMPTS_DIR);

/** Every plain text of a language (plural forms included), by key; model instructions left out. */
function texts(lang: Lang): [string, string][] {
  return [...tables[lang]].flatMap(([key, variants]) =>
    key.startsWith('llm.') || key.startsWith('words.')
      ? []
      : variants
          .flatMap((v) => (typeof v === 'string' ? [v] : allForms(v)))
          .map((t) => [key, t] as [string, string]),
  );
}

const WEEKDAYS_EN = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const MONTHS_EN = [
  'january',
  'february',
  'march',
  'april',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const WEEKDAYS_NL = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'];
const MONTHS_NL = [
  'januari',
  'februari',
  'maart',
  'april',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];

describe('the style guide, as far as the texts show it', () => {
  it('Dutch uses je and jij, never u or uw', () => {
    const formal = texts('nl').filter(([, t]) => /\b(u|uw|Uw)\b/.test(t));
    expect(formal).toEqual([]);
  });

  it('English weekdays and months take a capital; Dutch ones never do mid-sentence', () => {
    const en = new RegExp(`\\b(${[...WEEKDAYS_EN, ...MONTHS_EN].join('|')})\\b`);
    expect(texts('en').filter(([, t]) => en.test(t))).toEqual([]);
    const nl = new RegExp(
      `[^.?!:\\n"“] (${[...WEEKDAYS_NL, ...MONTHS_NL].map((w) => w[0]?.toUpperCase() + w.slice(1)).join('|')})\\b`,
    );
    expect(texts('nl').filter(([, t]) => nl.test(t))).toEqual([]);
  });

  it('Dutch writes no decimal point', () => {
    expect(texts('nl').filter(([, t]) => /\d\.\d/.test(t))).toEqual([]);
  });

  it('no text says "day 1" where a weekday is meant', () => {
    expect(texts('en').filter(([, t]) => /\bday \{/.test(t))).toEqual([]);
    expect(texts('nl').filter(([, t]) => /\bdag \{/.test(t))).toEqual([]);
    expect([1, 5, 7].map((d) => weekdayName(d, 'en'))).toEqual(['Monday', 'Friday', 'Sunday']);
    expect([1, 5, 7].map((d) => weekdayName(d, 'nl'))).toEqual(['maandag', 'vrijdag', 'zondag']);
  });

  it('the words a label becomes inside a sentence are lower-case, in both languages', () => {
    for (const lang of ['en', 'nl'] as const) {
      const keys = [
        ...DOMAINS.flatMap((d) => [`domainFrom.${d}`, `inSentence.domain.${d}`]),
        ...RINGS.map((r) => `inSentence.ring.${r}`),
        ...CONTACTS.map((c) => `inSentence.contact.${c}`),
      ];
      for (const key of keys) {
        const [text] = tables[lang].get(key) ?? [];
        expect(typeof text === 'string' && text.length > 0, `${lang} ${key}`).toBe(true);
        expect(text, `${lang} ${key}`).toBe((text as string).toLocaleLowerCase(lang));
      }
    }
  });

  it('no capitalised button label is pasted into the middle of a sentence', () => {
    for (const lang of ['en', 'nl'] as const) {
      const all = texts(lang);
      // Short capitalised texts without a full stop are the labels of buttons and menus.
      const labels = [
        ...new Set(
          all
            .map(([, t]) => t)
            .filter(
              (t) => /^\p{Lu}/u.test(t) && !/[.?!{]/.test(t) && t.split(' ').length <= 4 && t.length > 3,
            ),
        ),
      ];
      const pasted = all.flatMap(([key, t]) =>
        labels
          .filter((label) => t !== label && new RegExp(`[\\p{Ll},;] ${escapeRegExp(label)}\\b`, 'u').test(t))
          .map((label) => `${key}: ${label}`),
      );
      expect(pasted, lang).toEqual([]);
    }
  });
});

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
