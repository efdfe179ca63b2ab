/**
 * Item 4 of issue 13, reflections that follow the answer: the reversal answer gets the reflection
 * its meaning asks for, the member predicts before hearing the research finding, the finding comes
 * back beside what happened, and a vague goal becomes an exploration ask. Through the real engine.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/types.js';
import type { Commitment } from '../../src/engine/records.js';
import type { State } from '../../src/engine/state.js';
import { testEngine } from '../helpers/engine.js';
import { say } from '../helpers/texts.js';

type Harness = Awaited<ReturnType<typeof testEngine>>;
let h: Harness | undefined;
afterEach(async () => {
  await h?.store.close();
  h = undefined;
});

/** A member in `lang` who opens ask-for-help and gives the goal. */
async function atGoal(lang: Lang, goal: string): Promise<Harness> {
  h = await testEngine();
  await h.command('start', [lang]);
  const state = (await h.state()) as State;
  await h.members.save({ ...state, flow: { at: 'menu' } });
  await h.choice('ask-for-help');
  await h.choice('begin');
  await h.text(goal);
  return h;
}

const sentTexts = (t: Harness, from = 0) => t.sent.slice(from).map((s) => s.reply.text);

/** Up to the reversal question: goal, need, a prediction of two of five. */
async function atReversal(lang: Lang, goal = 'A role in health-care IT'): Promise<Harness> {
  const t = await atGoal(lang, goal);
  await t.choice('advice');
  await t.choice('b2');
  return t;
}

const draftOf = async (t: Harness) => (await t.state())?.drafts['ask-for-help'];
const count = (text: string, part: string) => text.split(part).length - 1;

describe('each reading of the reversal answer gets its own reflection', () => {
  const cases: [Lang, string, 'help' | 'depends' | 'no' | 'unclear'][] = [
    ['en', 'I help, of course', 'help'],
    ['en', 'I rarely say no', 'help'],
    ['en', 'Depends on who is asking', 'depends'],
    ['en', "Honestly, I often say no, I'm swamped", 'no'],
    ['en', 'Good question', 'unclear'],
    ['nl', 'Dan help ik natuurlijk', 'help'],
    ['nl', 'Hangt ervan af', 'depends'],
    ['nl', 'Eerlijk gezegd zeg ik vaak nee, ik heb het al zo druk', 'no'],
    ['nl', 'Geen idee eigenlijk', 'unclear'],
  ];
  it.each(cases)('%s: "%s" reads as %s', async (lang, answer, kind) => {
    const t = await atReversal(lang);
    const from = t.sent.length;
    await t.text(answer);
    const [reflection, finding, question] = sentTexts(t, from);
    expect(reflection).toBe(say(lang, `help.reflect.${kind}`, { answer }));
    expect(count(reflection ?? '', answer)).toBe(1);
    expect(finding).toBe(say(lang, 'help.finding', { belief: 2 }));
    expect(question).toBe(say(lang, 'help.request'));
    expect((await draftOf(t))?.reversalKind).toBe(kind);
  });

  it.each([
    ['en', "Honestly, I often say no, I'm swamped"],
    ['nl', 'Eerlijk gezegd zeg ik vaak nee, ik heb het al zo druk'],
  ] as [Lang, string][])(
    '%s: one who says no hears about a small ask with an easy no, never that they help',
    async (lang, answer) => {
      const t = await atReversal(lang);
      const from = t.sent.length;
      await t.text(answer);
      const said = sentTexts(t, from).join('\n');
      // "Ik help je er een bericht van te maken" (the request question) is the coach helping, not them.
      expect(said).not.toMatch(/most people|meeste mensen|you help|(?<!ik )help je|ze helpen|they help/i);
      expect(said).toMatch(
        lang === 'en'
          ? /clear, small ask that is easy to turn down/
          : /duidelijke, kleine vraag\. En mensen zeggen makkelijker ja als ze weten dat nee ook mag\./,
      );
    },
  );

  it('the four reflections differ from each other in both languages', () => {
    for (const lang of ['en', 'nl'] as const) {
      const all = ['help', 'depends', 'no', 'unclear'].map((k) =>
        say(lang, `help.reflect.${k}`, { answer: 'x' }),
      );
      expect(new Set(all).size).toBe(4);
    }
  });
});

describe('the member predicts before hearing the finding', () => {
  const FINDING = /half as many|half zoveel|twice|twee keer|dubbel/i;
  it.each(['en', 'nl'] as Lang[])(
    '%s: no finding before the prediction, the finding after it',
    async (lang) => {
      const t = await atGoal(lang, 'A role in health-care IT');
      expect(sentTexts(t).some((x) => FINDING.test(x))).toBe(false);
      expect(say(lang, 'help.intro')).not.toMatch(FINDING);
      await t.choice('advice');
      expect(t.lastText()).toBe(say(lang, 'help.belief'));
      expect(sentTexts(t).some((x) => FINDING.test(x))).toBe(false);
      await t.choice('b4');
      await t.text(lang === 'en' ? 'I help' : 'Ik help');
      const finding = sentTexts(t).findIndex((x) => FINDING.test(x));
      const prediction = sentTexts(t).lastIndexOf(say(lang, 'help.belief'));
      expect(finding).toBeGreaterThan(prediction);
      expect(sentTexts(t)[finding]).toBe(say(lang, 'help.finding', { belief: 4 }));
    },
  );

  it('says none and all five as words, in both languages', () => {
    expect(say('en', 'help.finding', { belief: 0 })).toContain('none of the five');
    expect(say('en', 'help.finding', { belief: 5 })).toContain('all five');
    expect(say('nl', 'help.finding', { belief: 1 })).toContain('dat één van de vijf ja zegt');
    expect(say('nl', 'help.finding', { belief: 2 })).toContain('dat 2 van de vijf ja zeggen');
    expect(say('nl', 'help.finding', { belief: 5 })).toContain('alle vijf');
  });

  const ask = (outcome?: 'yes' | 'no'): Commitment => ({
    id: 'c1',
    kind: 'ask',
    title: 'A role in health-care IT',
    person: 'Sanne',
    date: '2026-03-10',
    jobId: 'j1',
    status: 'open',
    predicted: 2,
    createdAt: '2026-03-01T09:00:00Z',
    ...(outcome ? { outcome } : {}),
  });

  it.each([
    ['en', 'yes'],
    ['en', 'no'],
    ['nl', 'yes'],
    ['nl', 'no'],
  ] as [Lang, 'yes' | 'no'][])(
    '%s: the follow-up after a %s sets the finding beside what happened',
    async (lang, outcome) => {
      h = await testEngine();
      await h.command('start', [lang]);
      const state = (await h.state()) as State;
      await h.members.save({
        ...state,
        commitments: [ask()],
        flow: { at: 'followup.asked', commitment: 'c1' },
      });
      await h.choice(outcome);
      const from = h.sent.length;
      await h.text(lang === 'en' ? 'We talked for half an hour.' : 'We hebben een half uur gepraat.');
      const said = sentTexts(h, from);
      const line = say(lang, 'progress.calibrationFew', {
        yes: outcome === 'yes' ? 1 : 0,
        asked: 1,
        predicted: 2,
      });
      expect(said.slice(0, 3)).toEqual([
        say(lang, 'followup.thanks'),
        line,
        say(lang, `followup.finding.${outcome}`),
      ]);
    },
  );
});

describe('a vague goal becomes an exploration ask', () => {
  it.each([
    ['en', "I want something else but don't know what", 'explore', 'health IT'],
    ['nl', 'iets anders maar ik weet niet wat', 'verkennen', 'de zorg-ICT'],
  ] as [Lang, string, string, string][])('%s: "%s" → explore a field', async (lang, goal, pick, field) => {
    const t = await atGoal(lang, goal);
    const q = t.question();
    expect(q?.text).toBe(say(lang, 'help.vague'));
    expect(q?.choices?.map((c) => c.id)).toEqual(['explore', 'keep']);
    await t.text(pick);
    expect(t.lastText()).toBe(say(lang, 'help.field'));
    const from = t.sent.length;
    await t.text(`${field}.`);
    expect(sentTexts(t, from)).toEqual([say(lang, 'help.exploring', { field }), say(lang, 'help.belief')]);
    const draft = await draftOf(t);
    expect(draft).toMatchObject({
      explore: field,
      need: 'information',
      goal: say(lang, 'help.exploreGoal', { field }),
    });
    await t.choice('b3');
    await t.text(lang === 'en' ? 'I help' : 'Ik help');
    expect(sentTexts(t)).toContain(say(lang, 'help.requestExplore', { field }));
    expect(t.lastText()).toBe(say(lang, 'help.request'));
  });

  it.each([
    ['en', 'Something new, no idea what yet', 'keep'],
    ['nl', 'Ik wil een andere richting op, maar weet nog niet welke', 'Mijn doel houden'],
  ] as [Lang, string, string][])('%s: the member may keep the goal', async (lang, goal, keep) => {
    const t = await atGoal(lang, goal);
    expect(t.question()?.text).toBe(say(lang, 'help.vague'));
    await t.text(keep);
    expect(t.lastText()).toBe(say(lang, 'help.need'));
    expect(await draftOf(t)).toMatchObject({ goal });
    expect((await draftOf(t))?.explore).toBeUndefined();
  });

  it.each([
    ['en', 'A role as a product owner in health-care IT'],
    ['nl', 'Een baan als HR-adviseur bij een gemeente'],
  ] as [Lang, string][])('%s: a goal with a field goes straight on', async (lang, goal) => {
    const t = await atGoal(lang, goal);
    expect(t.lastText()).toBe(say(lang, 'help.need'));
  });
});
