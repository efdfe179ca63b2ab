/** The map's summary in sentences, in English and Dutch: spread in words, plurals, percentages, and the details. */
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/types.js';
import type { Ctx } from '../../src/engine/flow.js';
import {
  detailsText,
  SPREAD_EVEN,
  SPREAD_FAIR,
  spreadOf,
  summaryText,
} from '../../src/exercises/awareness/summary.js';
import { mapMetrics } from '../../src/network/metrics.js';
import type { Contact, Domain, Network, Person, Ring } from '../../src/network/model.js';
import { PROMPTS_DIR } from '../../src/paths.js';
import { formatList, formatPercent } from '../../src/texts/numbers.js';
import { loadTexts } from '../../src/texts/texts.js';

const texts = loadTexts(PROMPTS_DIR);
const ctxFor = (lang: Lang): Ctx => ({
  say: texts.forLang(lang),
  words: texts.words(lang),
  now: new Date('2026-03-02T10:00:00Z'),
  revisitDays: 7,
  day: (d) => d,
});

let n = 0;
const person = (domain: Domain, ring: Ring, contact: Contact, named = false): Person => ({
  id: `p${++n}`,
  name: `P${n}`,
  domain,
  ring,
  contact,
  named: named ? ['discuss'] : [],
  addedAt: '2026-01-01T00:00:00.000Z',
});

/** People per part of life; each part's first `outer` are acquaintances, the rest close. */
function network(parts: [Domain, number][], outerOf: (i: number) => boolean, dormant: number): Network {
  const people: Person[] = [];
  let i = 0;
  for (const [domain, count] of parts)
    for (let k = 0; k < count; k++, i++)
      people.push(person(domain, outerOf(i) ? 'outer' : 'inner', i < dormant ? 'dormant' : 'monthly'));
  return { people, resources: {} };
}

/** 30 people over 8 parts of life (12, 6, 4, 2, 2, 2, 1, 1): normalised Blau 0.84, "fairly evenly". */
const THIRTY: [Domain, number][] = [
  ['work', 12],
  ['former', 6],
  ['friends', 4],
  ['family', 2],
  ['study', 2],
  ['neighbourhood', 2],
  ['associations', 1],
  ['online', 1],
];

describe('the spread in words', () => {
  it('reads the normalised Blau index at its thresholds', () => {
    expect(spreadOf(1)).toBe('even');
    expect(spreadOf(SPREAD_EVEN)).toBe('even');
    expect(spreadOf(SPREAD_EVEN - 0.001)).toBe('fair');
    expect(spreadOf(SPREAD_FAIR)).toBe('fair');
    expect(spreadOf(SPREAD_FAIR - 0.001)).toBe('narrow');
    expect(spreadOf(0)).toBe('narrow');
  });

  it('fits the maps the thresholds were chosen for', () => {
    const even = mapMetrics(
      network(
        ['work', 'former', 'study', 'family', 'friends'].map((d) => [d as Domain, 3]),
        () => false,
        0,
      ),
    );
    expect(spreadOf(even.blauNormalised)).toBe('even'); // five equal parts
    const fair = mapMetrics(network(THIRTY, () => false, 0));
    expect(fair.blauNormalised).toBeCloseTo(0.84, 2);
    expect(spreadOf(fair.blauNormalised)).toBe('fair');
    const narrow = mapMetrics(
      network(
        [
          ['work', 20],
          ['family', 5],
          ['friends', 5],
        ],
        () => false,
        0,
      ),
    );
    expect(spreadOf(narrow.blauNormalised)).toBe('narrow'); // two thirds in one part
  });
});

describe('the summary in English', () => {
  const en = ctxFor('en');

  it('says reach, acquaintances, dormant ties and crossovers in plain sentences, without an index', () => {
    // 18 of 30 acquaintances; 5 dormant.
    const m = mapMetrics(network(THIRTY, (i) => i % 5 < 3, 5));
    const text = summaryText(m, en, 'en');
    expect(text).toMatch(
      /^Your 30 people reach 8 of the 10 parts of your life, fairly evenly\.\n• Current work: 12\n/,
    );
    expect(text).toContain(
      '18 of your 30 people (60%) are acquaintances: that is where new information usually comes from.',
    );
    expect(text).toContain('Close to you, in your inner ring: 12. In between, in your middle ring: 0.');
    expect(text).toContain("5 people you haven't been in touch with for three years or more:");
    // Work contacts in the inner ring cross the line: four from current work, two from former work.
    expect(text).toContain('6 of your ties cross the line between work and private life:');
    expect(text).not.toMatch(/Blau|index|0\.\d/);
  });

  it('chooses the singular and the zero forms', () => {
    const one = mapMetrics({
      people: [
        person('work', 'outer', 'dormant'),
        person('work', 'middle', 'weekly'),
        person('family', 'inner', 'weekly', true),
        person('friends', 'inner', 'weekly'),
        person('friends', 'middle', 'monthly'),
      ],
      resources: { board: 'acquaintance', cv: 'nobody' },
    });
    const text = summaryText(one, en, 'en');
    expect(text).toContain('One of your 5 people (20%) is an acquaintance:');
    expect(text).toContain("One person you haven't been in touch with for three years or more:");
    expect(text).toContain('One of your ties crosses the line between work and private life:');
    expect(text).toContain(
      'Through your network you can reach one of the 10 kinds of help I asked about. For someone on a board you rely on acquaintances alone. Not yet within reach: a CV review.',
    );
    const none = summaryText(
      mapMetrics({ people: [person('work', 'inner', 'weekly')], resources: {} }),
      en,
      'en',
    );
    expect(none).toMatch(/^Your map has 1 person, from one part of your life\./);
    expect(none).toContain('Nobody you placed is in your outer ring yet.');
    expect(none).toContain('One of your ties crosses the line'); // a work contact in the inner ring
    expect(none).toContain('Nobody on your map has gone three years or more without hearing from you.');
    expect(none).not.toContain('kinds of help');
  });

  it('says when most people are in one or two parts of life', () => {
    const m = mapMetrics(
      network(
        [
          ['work', 20],
          ['family', 5],
          ['friends', 5],
        ],
        () => false,
        0,
      ),
    );
    expect(summaryText(m, en, 'en')).toMatch(
      /^Your 30 people reach 3 of the 10 parts of your life, though most are in one or two of them\./,
    );
  });
});

describe('the summary in Dutch', () => {
  const nl = ctxFor('nl');

  it('uses Dutch agreement, words for one, and the percent style Intl gives for Dutch', () => {
    const m = mapMetrics(network(THIRTY, (i) => i % 5 < 3, 5));
    const text = summaryText(m, nl, 'nl');
    expect(text).toMatch(
      /^Je 30 mensen komen uit 8 van de 10 delen van je leven, redelijk gelijkmatig verdeeld\./,
    );
    expect(text).toContain('18 van je 30 mensen (60%) zijn kennissen');
    expect(text).toContain('5 mensen heb je al drie jaar of langer niet gesproken');
    const one = mapMetrics({
      people: [
        person('work', 'outer', 'dormant'),
        person('work', 'middle', 'weekly'),
        person('family', 'inner', 'weekly', true),
      ],
      resources: { board: 'nobody', cv: 'nobody', hires: 'friend' },
    });
    const single = summaryText(one, nl, 'nl');
    expect(single).toContain('Eén van je 3 mensen (33%) is een kennis');
    expect(single).toContain('Eén persoon heb je al drie jaar of langer niet gesproken');
    expect(single).toContain('Eén van je banden gaat over de grens tussen werk en privé');
    expect(single).toContain('Nog niet binnen bereik: iemand in een bestuur en iemand die naar je cv kijkt.');
    expect(single).not.toMatch(/Blau|0,\d/);
  });
});

describe('numbers as each language writes them', () => {
  it('formats percentages and lists through Intl', () => {
    expect(formatPercent(0.62, 'en')).toBe(new Intl.NumberFormat('en', { style: 'percent' }).format(0.62));
    expect(formatPercent(0.62, 'en')).toBe('62%');
    expect(formatPercent(0.62, 'nl')).toBe(new Intl.NumberFormat('nl', { style: 'percent' }).format(0.62));
    expect(formatPercent(0.625, 'nl')).toMatch(/^6[23]%$/);
    expect(formatList(['a', 'b', 'c'], 'en')).toBe('a, b and c');
    expect(formatList(['a', 'b', 'c'], 'nl')).toBe('a, b en c');
  });

  it('shows the indices under details: a decimal comma in Dutch, one line each', () => {
    const m = mapMetrics(network(THIRTY, (i) => i % 5 < 3, 5));
    const blau = Math.round(m.blau * 100) / 100;
    const en = detailsText(m, ctxFor('en'), 'en');
    const nl = detailsText(m, ctxFor('nl'), 'nl');
    expect(en).toContain(`\n• Blau index ${String(blau)}: the chance that two people`);
    expect(nl).toContain(`\n• Blau-index ${String(blau).replace('.', ',')}: de kans dat twee`);
    expect(en).toContain(`\n• Normalised Blau index ${formatPercent(m.blauNormalised, 'en')}:`);
    expect(en).toContain('\n• Share of weak ties 60%: 18 of the 30 people you placed');
    expect(nl).toContain('\n• Aandeel zwakke banden 60%: 18 van de 30 mensen');
    expect(en.split('\n')).toHaveLength(8);
  });
});
