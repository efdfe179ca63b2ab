import { describe, expect, it } from 'vitest';
import type { State } from '../../src/engine/state.js';
import { draft } from '../../src/exercises/ask-for-help/index.js';
import { readTags, suggestedTags } from '../../src/exercises/coffee/gaps.js';
import { gapReasons } from '../../src/pairing/why.js';
import { say } from '../helpers/texts.js';

const ctx = (lang: string) => ({ say: ((key: string) => say(lang, key)) as never });

describe('readTags', () => {
  it('reads a typed list as short distinct tags', () => {
    expect(readTags(' Health IT, python;  Health it \n a first  job ')).toEqual([
      'health it',
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
      'a job in health it',
      say('en', 'resourceShort.salaries').toLowerCase(),
      say('en', 'resourceShort.cv').toLowerCase(),
    ]);
    expect(suggestedTags(state, 'offers', ctx('nl'))).toEqual(['python lessons']);
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

  it('says nothing without the consent of both', () => {
    expect(gapReasons([anna, { ...bram, prefs: { ...bram.prefs, shareGaps: false } }])).toEqual([]);
    expect(gapReasons([{ ...anna, prefs: { ...anna.prefs, shareGaps: undefined } }, bram])).toEqual([]);
  });
});
