import { describe, expect, it } from 'vitest';
import { createQuestions } from '../../adapters/questions.js';
import type { MemberRef } from '../../src/core/types.js';

const ada: MemberRef = { platform: 'discord', space: 'global', user: 'u1' };
const bob: MemberRef = { platform: 'slack', space: 'T1', user: 'u1' };

describe('the open-question tracker both adapters share', () => {
  it('knows the current question, refuses older ones, and lets an answer count once', () => {
    const questions = createQuestions();
    expect(questions.check(ada, 'm1')).toBe('unknown');
    expect(questions.claim(ada, 'm1')).toEqual({ fresh: 'unknown' });
    questions.asked(ada, 'm1');
    questions.asked(ada, 'm2');
    expect(questions.check(ada, 'm1')).toBe('stale');
    expect(questions.claim(ada, 'm1')).toEqual({ fresh: 'stale' });
    expect(questions.check(ada, 'm2')).toBe('live');
    expect(questions.claim(ada, 'm2').fresh).toBe('live');
    expect(questions.claim(ada, 'm2')).toEqual({ fresh: 'stale' });
    expect(questions.check(ada, 'm2')).toBe('stale');
    questions.forget(ada);
    expect(questions.check(ada, 'm2')).toBe('unknown');
  });

  it('keys by member, platform and space included', () => {
    const questions = createQuestions();
    questions.asked(ada, 'm1');
    expect(questions.check(bob, 'm1')).toBe('unknown');
  });

  it('hands over what the adapter kept of the message, on a live claim or when taken away', () => {
    const questions = createQuestions<{ channel: string }>();
    expect(questions.take(bob)).toBeUndefined();
    // Taken away before anything was asked: every later press is stale, not unknown.
    expect(questions.check(bob, '1.1')).toBe('stale');
    questions.asked(bob, '1.2', { channel: 'D1' });
    expect(questions.claim(bob, '1.2')).toEqual({ fresh: 'live', posted: { channel: 'D1' } });
    questions.asked(bob, '1.3', { channel: 'D1' });
    expect(questions.take(bob)).toEqual({ channel: 'D1' });
    expect(questions.take(bob)).toBeUndefined();
    expect(questions.claim(bob, '1.3')).toEqual({ fresh: 'stale' });
  });
});
