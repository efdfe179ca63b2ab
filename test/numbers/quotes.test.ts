import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/types.js';
import { fill } from '../../src/texts/read.js';
import { testEngine } from '../helpers/engine.js';
import { say } from '../helpers/texts.js';

/** The coach's reflection on the member's answer to the reversal question. */
async function reflection(lang: Lang, answer: string): Promise<string> {
  const t = await testEngine();
  await t.text('hello');
  const state = await t.state();
  if (!state) throw new Error('no state');
  await t.members.save({
    ...state,
    lang,
    flow: { at: 'ask-for-help.reversal' },
    drafts: {
      ...state.drafts,
      'ask-for-help': { goal: 'a move into health-care IT', need: 'advice', belief: 2, smartAsked: [] },
    },
  });
  t.sent.length = 0;
  await t.text(answer);
  return t.sent.map((s) => s.reply.text).join('\n');
}

describe('quotes punctuated once', () => {
  it("the member's final punctuation is not doubled by the text (help.reflect)", async () => {
    const en = await reflection('en', 'I help, of course, when someone asks me.');
    expect(en).toContain('"I help, of course, when someone asks me." ');
    expect(en).not.toMatch(/[.!?]"[.!?]/);
    const nl = await reflection('nl', 'Eerlijk gezegd zeg ik vaak nee, ik heb het al zo druk!');
    expect(nl).toContain('"Eerlijk gezegd zeg ik vaak nee, ik heb het al zo druk!" ');
    expect(nl).not.toMatch(/[.!?]"[.!?]/);
  });

  it("an answer without punctuation gets the text's", async () => {
    expect(await reflection('en', 'I help')).toContain('"I help". ');
    expect(await reflection('nl', 'ik help')).toContain('"ik help". ');
  });

  it('after a placeholder: a full stop once, a question mark after an abbreviation kept', () => {
    expect(fill('You wrote: "{answer}". Next.', { answer: 'Why not?' })).toBe('You wrote: "Why not?" Next.');
    expect(fill('Ask about: {goal}. Did you?', { goal: 'a new job…' })).toBe(
      'Ask about: a new job… Did you?',
    );
    expect(fill('When will you ask {name}?', { name: 'A.B.' })).toBe('When will you ask A.B.?');
    expect(fill('Noted: {group}.', { group: 'Team B.' }, 'nl')).toBe('Noted: Team B.');
    expect(fill('Noted: {group}.', { group: 'Team B' })).toBe('Noted: Team B.');
    expect(
      say('en', 'followup.asked', { name: 'Sanne', date: 'Friday', goal: 'a job in health-care IT.' }),
    ).toContain('health-care IT. Did you ask?');
  });
});
