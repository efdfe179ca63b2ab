import { describe, expect, it } from 'vitest';
import { distinctTags, hasTag, sameTag } from '../../src/pairing/tags.js';
import { needMet } from '../../src/pairing/weights.js';

describe('tags compared without regard to case', () => {
  it('takes "Health IT" and "health it" as one tag, and "IT" apart from "it support"', () => {
    expect(sameTag('Health IT', 'health it')).toBe(true);
    expect(sameTag('Zorg-ICT', 'zorg-ict')).toBe(true);
    expect(sameTag('IT', 'it support')).toBe(false);
    expect(hasTag(['Python', 'law'], 'python')).toBe(true);
    expect(hasTag(undefined, 'python')).toBe(false);
    expect(distinctTags(['Health IT', 'python', 'health it'])).toEqual(['Health IT', 'python']);
  });

  it('meets a need typed one way with an offer typed another', () => {
    const member = (needs: string[], offers: string[]) => ({ user: 'x', needs, offers }) as never;
    expect(needMet(member(['Health IT'], []), member([], ['health it']))).toBe(true);
    expect(needMet(member(['Health IT'], []), member([], ['health']))).toBe(false);
  });
});
