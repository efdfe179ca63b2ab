/** The intro text's placeholders, the CSV quoting, and groups that met or set a time, as pure logic. */
import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../src/core/csv.js';
import { CommunitySchema } from '../../src/pairing/community.js';
import {
  fillIntroTemplate,
  introTextOf,
  MAX_INTRO_TEMPLATE,
  readIntroTemplate,
  unquoted,
} from '../../src/pairing/intro-template.js';
import { communityStats, statsCsv, statsText } from '../../src/pairing/stats.js';
import { PROMPTS_DIR } from '../../src/paths.js';
import { loadTexts } from '../../src/texts/texts.js';
import { say } from '../helpers/texts.js';

describe('an intro text with placeholders', () => {
  it('is cut into words and placeholders, and filled with values as they are and words escaped', () => {
    const read = readIntroTemplate('Hi {partners} & <all>! { Organiser } starts: {starter}{slots}');
    if (!('parts' in read)) throw new Error('should read');
    const filled = fillIntroTemplate(
      read.parts,
      { partners: '<@U1> and <@U2>', organiser: '<@U1>', starter: 'what made you smile?', slots: '' },
      (t) => t.replace(/</g, '&lt;'),
    );
    expect(filled).toBe('Hi <@U1> and <@U2> & &lt;all>! <@U1> starts: what made you smile?');
  });

  it('names the first mistake: an unknown name, a brace alone, too long, nothing', () => {
    expect(readIntroTemplate('Hello {partner}')).toEqual({ problem: { kind: 'unknown', name: '{partner}' } });
    expect(readIntroTemplate('Hello {partners')).toEqual({
      problem: { kind: 'unbalanced', near: 'Hello {partners' },
    });
    expect(readIntroTemplate('Hello {partners {organiser}}')).toMatchObject({
      problem: { kind: 'unbalanced' },
    });
    expect(readIntroTemplate('Hello partners}')).toMatchObject({ problem: { kind: 'unbalanced' } });
    expect(readIntroTemplate('x'.repeat(MAX_INTRO_TEMPLATE + 1))).toEqual({
      problem: { kind: 'tooLong', length: MAX_INTRO_TEMPLATE + 1 },
    });
    expect(readIntroTemplate('  ')).toEqual({ problem: { kind: 'empty' } });
    expect(readIntroTemplate('No placeholders at all.')).toEqual({
      parts: [{ text: 'No placeholders at all.' }],
    });
  });

  it('is read whole from a command text, quotes taken off', () => {
    expect(introTextOf(' set intro "Hi {partners},\nWelcome"')).toBe('"Hi {partners},\nWelcome"');
    expect(introTextOf('set size 4')).toBeUndefined();
    expect(unquoted('“Hi {partners}”')).toBe('Hi {partners}');
    expect(unquoted('"Hi"')).toBe('Hi');
    expect(unquoted('Say "hi" now')).toBe('Say "hi" now');
  });
});

describe('stats for a spreadsheet', () => {
  it('quotes fields as RFC 4180 asks and ends every line with CRLF', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(toCsv(['a', 'b'], [[1, 'x,y']])).toBe('a,b\r\n1,"x,y"\r\n');
  });

  it('counts a group as met when one of its members answered "met", and as set when its time was', () => {
    const round = (n: number, outcomes: Record<string, string>, setAt?: string) => ({
      n,
      at: `2026-12-0${n}T09:00:00.000Z`,
      seed: 1,
      groups: [
        { users: ['a', 'b'], organiser: 'a', ...(setAt ? { setAt } : {}) },
        { users: ['c', 'd', 'e'], organiser: 'c' },
      ],
      absent: [],
      nudgeAt: '2026-12-10T09:00:00.000Z',
      checkinAt: '2026-12-11T09:00:00.000Z',
      outcomes,
      participants: 5,
      pairs: 4,
    });
    const community = CommunitySchema.parse({
      v: 1,
      ref: { platform: 'console', space: 'local' },
      settings: {},
      rounds: [
        round(1, { a: 'met', b: 'met', c: 'missed' }, '2026-12-02T14:00:00.000Z'),
        round(2, { d: 'later' }),
      ],
    });
    const stats = communityStats(community);
    expect(stats.rounds.map((r) => [r.groups, r.groupsMet, r.groupMetRate])).toEqual([
      [2, 1, 0.5],
      [2, 0, 0],
    ]);
    expect(stats.rounds.map((r) => [r.groupsTimeSet, r.timeSetRate])).toEqual([
      [1, 0.5],
      [0, 0],
    ]);
    expect(stats.overall).toMatchObject({
      groups: 4,
      groupsMet: 1,
      groupMetRate: 0.25,
      groupsTimeSet: 1,
      timeSetRate: 0.25,
    });
    const [header, first, second, end] = statsCsv(stats).split('\r\n');
    expect(header?.split(',')).toHaveLength(16);
    // The columns of the first sheet keep their places; later ones are added at the end.
    expect(header).toContain('groups_met,groups_met_share,time_set,met_share,');
    expect(header?.endsWith('no_answer_share,groups_time_set,groups_need_met,need_met_share')).toBe(true);
    // Not a gaps round: the need columns are empty.
    expect(first).toBe('1,2026-12-01T09:00:00.000Z,5,0,2,4,1,0.5,0.5,0.667,0,0,0.4,1,,');
    expect(second?.startsWith('2,2026-12-02T09:00:00.000Z,5,0,2,4,0,0,0,')).toBe(true);
    // The chat stats say it per round and overall, in English and Dutch.
    for (const lang of ['en', 'nl'] as const) {
      const text = statsText(stats, loadTexts(PROMPTS_DIR).forLang(lang), (at) => at.slice(0, 10));
      const lines = text.split('\n');
      expect(lines[1]).toContain(say(lang, 'coffee.stats.groupsTimeSet', { share: '50%' }));
      expect(lines[2]).toContain(say(lang, 'coffee.stats.groupsTimeSet', { share: '0%' }));
      expect(lines[3]).toContain(say(lang, 'coffee.stats.groupsTimeSet', { share: '25%' }));
    }
    expect(end).toBe('');
  });
});
