import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../src/pairing/match.js';
import { meetsById, tagIds } from '../../src/pairing/tag-ids.js';
import { needMet } from '../../src/pairing/weights.js';

const member = (id: string, needs: string[], offers: string[]): Candidate => ({
  id,
  trios: 0,
  blocks: [],
  needs,
  offers,
});

describe('tagIds', () => {
  it('answers as needMet does, tags compared without regard to case or accents', () => {
    const members = [
      member('a', ['Health IT'], ['café']),
      member('b', ['cafe'], ['health it', 'python']),
      member('c', ['design'], ['Python']),
      member('d', [], ['DESIGN']),
      member('e', ['rust'], []),
    ];
    const ids = tagIds(members);
    expect(ids).toBeDefined();
    for (const [i, a] of members.entries())
      for (const [j, b] of members.entries())
        if (i !== j) expect(meetsById(ids as NonNullable<typeof ids>, i, j)).toBe(needMet(a, b));
    expect(meetsById(ids as NonNullable<typeof ids>, 0, 1)).toBe(true);
    expect(meetsById(ids as NonNullable<typeof ids>, 1, 0)).toBe(true);
    expect(meetsById(ids as NonNullable<typeof ids>, 4, 0)).toBe(false);
  });

  it('gives up past 200 distinct spellings (the caller then compares the tags)', () => {
    const many = Array.from({ length: 120 }, (_, i) => member(`m${i}`, [`need ${i}`], [`offer ${i}`]));
    expect(tagIds(many)).toBeUndefined();
  });
});
