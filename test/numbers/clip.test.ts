import { describe, expect, it } from 'vitest';
import { clip } from '../../src/core/clip.js';
import { testEngine } from '../helpers/engine.js';

describe('clip', () => {
  it('leaves a text that fits alone', () => {
    expect(clip('Ask Sanne', 9)).toBe('Ask Sanne');
    expect(clip('', 5)).toBe('');
  });

  it('cuts at a word, never mid-word, with one ellipsis and no dangling punctuation', () => {
    expect(clip('advice on the first steps and getting started', 30)).toBe('advice on the first steps and…');
    expect(clip('advice on the first steps and getting started', 33)).toBe('advice on the first steps and…');
    expect(clip('hello world foo', 12)).toBe('hello world…');
    expect(clip('one, two three', 6)).toBe('one…');
    expect(clip('advies over de eerste stappen, en beginnen', 31)).toBe('advies over de eerste stappen…');
    for (const max of [10, 20, 25, 40]) {
      const cut = clip('a talk about nurse-led EHR redesign in Dutch hospitals', max);
      expect([...cut].length).toBeLessThanOrEqual(max);
      expect('a talk about nurse-led EHR redesign in Dutch hospitals'.startsWith(cut.slice(0, -1))).toBe(
        true,
      );
      expect(cut.slice(0, -1)).toMatch(/(^|\s)\S+$/);
      expect('a talk about nurse-led EHR redesign in Dutch hospitals'.charAt(cut.length - 1)).toMatch(/\s/);
    }
  });

  it('cuts inside only a first word longer than the limit, and keeps emoji whole', () => {
    expect(clip('Featherstonehaugh', 8)).toBe('Feather…');
    expect(clip('👋👋👋👋 hi', 4)).toBe('👋👋👋…');
  });

  it('cuts the titles in "my commitments" at a word', async () => {
    const t = await testEngine();
    await t.text('hello');
    const state = await t.state();
    if (!state) throw new Error('no state');
    const title =
      'advice on moving from the ward into health-care IT, and what the first steps and getting started look like';
    await t.members.save({
      ...state,
      commitments: [
        {
          id: 'c1',
          kind: 'ask',
          title,
          person: 'Sanne',
          date: '2026-12-04',
          jobId: 'j1',
          status: 'open',
          createdAt: '2026-11-01T10:00:00.000Z',
        },
      ],
    });
    await t.command('commitments');
    const label = t.question()?.choices?.find((c) => c.id === 'c1')?.label ?? '';
    expect(label).toMatch(/^Ask Sanne: advice on moving from the ward into health-care IT, and… \(/);
    expect(label).not.toContain(`${title.slice(0, 60)} (`);
  });
});
