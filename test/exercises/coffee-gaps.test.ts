import { describe, expect, it } from 'vitest';
import type { State } from '../../src/engine/state.js';
import { draft } from '../../src/exercises/ask-for-help/index.js';
import { readTags, suggestedTags } from '../../src/exercises/coffee/gaps.js';
import { CommunitySchema } from '../../src/pairing/community.js';
import { gapReasons } from '../../src/pairing/why.js';
import { say } from '../helpers/texts.js';

const ctx = (lang: string) => ({ say: ((key: string) => say(lang, key)) as never });

describe('readTags', () => {
  it('reads a typed list as short distinct tags, kept as typed', () => {
    expect(readTags(' Health IT, python;  Health it \n a first  job ')).toEqual([
      'Health IT',
      'python',
      'a first job',
    ]);
    expect(readTags(', ;')).toEqual([]);
    expect(readTags('a, b, c, d, e, f')).toHaveLength(5);
    expect(readTags('x'.repeat(60))[0]).toHaveLength(40);
  });
});

describe('suggestedTags', () => {
  const state: Pick<State, 'drafts' | 'network'> = {
    drafts: { 'ask-for-help': draft.parse({ goal: 'a job in health IT', offer: 'Python lessons' }) },
    network: {
      people: [],
      resources: { salaries: 'nobody', cv: 'nobody', board: 'friend', legal: 'myself' },
    },
  };

  it('suggests the ask-for-help goal and what the map lacks as needs, the offer as offers', () => {
    expect(suggestedTags(state, 'needs', ctx('en'))).toEqual([
      'a job in health IT',
      say('en', 'resourceShort.salaries'),
      say('en', 'resourceShort.cv'),
    ]);
    expect(suggestedTags(state, 'offers', ctx('nl'))).toEqual(['Python lessons']);
  });

  it('suggests nothing to a member who did neither exercise', () => {
    const empty = { drafts: {}, network: { people: [], resources: {} } } as Pick<State, 'drafts' | 'network'>;
    expect(suggestedTags(empty, 'needs', ctx('en'))).toEqual([]);
    expect(suggestedTags(empty, 'offers', ctx('en'))).toEqual([]);
  });
});

describe('gapReasons', () => {
  const anna = { user: 'U1', prefs: { needs: ['health it'], offers: ['python'], shareGaps: true } };
  const bram = { user: 'U2', prefs: { needs: ['python'], offers: ['health it'], shareGaps: true } };

  it('names whose need a partner offers, each way', () => {
    expect(gapReasons([anna, bram])).toEqual([
      { needer: 'U1', offerer: 'U2', tag: 'health it' },
      { needer: 'U2', offerer: 'U1', tag: 'python' },
    ]);
  });

  it('matches a need and an offer typed in different case, telling the need as its member typed it', () => {
    const ria = { user: 'U3', prefs: { needs: ['Health IT'], shareGaps: true } };
    expect(gapReasons([ria, bram])).toEqual([{ needer: 'U3', offerer: 'U2', tag: 'Health IT' }]);
  });

  it('says nothing without the consent of both', () => {
    expect(gapReasons([anna, { ...bram, prefs: { ...bram.prefs, shareGaps: false } }])).toEqual([]);
    expect(gapReasons([{ ...anna, prefs: { ...anna.prefs, shareGaps: undefined } }, bram])).toEqual([]);
  });
});

describe('stored communities', () => {
  const old = {
    v: 1,
    ref: { platform: 'slack', space: 'T1' },
    settings: { active: true, size: 2 },
    roster: { U1: { prefs: { joined: true, blocks: [] } } },
  };

  it('reads a community stored before needs, offers and the mode: pairing as before', () => {
    const c = CommunitySchema.parse(old);
    expect(c.settings.mode).toBeUndefined();
    expect(c.roster.U1?.prefs.needs).toBeUndefined();
    expect(c.roster.U1?.prefs.shareGaps).toBeUndefined();
  });

  it('keeps needs and offers as trimmed tags as the member typed them, and refuses a mode it does not know', () => {
    const c = CommunitySchema.parse({
      ...old,
      settings: { ...old.settings, mode: 'gaps' },
      roster: { U1: { prefs: { needs: ['  Health IT '], offers: ['Python'], shareGaps: true } } },
    });
    expect(c.settings.mode).toBe('gaps');
    expect(c.roster.U1?.prefs).toMatchObject({ needs: ['Health IT'], offers: ['Python'], shareGaps: true });
    expect(CommunitySchema.safeParse({ ...old, settings: { mode: 'best' } }).success).toBe(false);
  });
});
