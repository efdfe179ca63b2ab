/**
 * Item 6 of issue 13, openers that read well: the ARE opener is built as sentences from the
 * member's hook (no pasted capitals, punctuation once), ends with a question that fits the topic,
 * and the event card's two follow-up questions are suggested and editable. Both languages.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/types.js';
import type { State } from '../../src/engine/state.js';
import { ENDINGS, endingFor, inSentence, reasonFrom } from '../../src/exercises/hook/opener.js';
import { testEngine } from '../helpers/engine.js';
import { say } from '../helpers/texts.js';

type Harness = Awaited<ReturnType<typeof testEngine>>;
let h: Harness | undefined;
afterEach(async () => {
  await h?.store.close();
  h = undefined;
});

describe('the hook set into a sentence', () => {
  it.each([
    ["Our ward's EHR screens slow us down.", "our ward's EHR screens slow us down"],
    ['The future of care!!', 'the future of care'],
    ['It is my daily work...', 'it is my daily work'],
    ['Dr. Jansen redesigned our screens', 'Dr. Jansen redesigned our screens'],
    ['EHR screens are my job', 'EHR screens are my job'],
    ['I work on this every day', 'I work on this every day'],
    ['Epic is coming to our hospital', 'Epic is coming to our hospital'],
    ['Onze afdeling stapt over op Epic.', 'onze afdeling stapt over op Epic'],
    ['Ik werk zelf met zorgdata!', 'ik werk zelf met zorgdata'],
    ['Amsterdam UMC  doet  dit al ?', 'Amsterdam UMC doet dit al'],
  ])('"%s" → "%s"', (typed, said) => {
    expect(inSentence(typed)).toBe(said);
  });

  it('keeps a reason the member gave with its own "because" or "omdat"', () => {
    expect(reasonFrom('Because our screens are slow.', 'because')).toBe('because our screens are slow');
    expect(reasonFrom('Omdat ik er elke dag mee werk', 'want')).toBe('omdat ik er elke dag mee werk');
    expect(reasonFrom('Onze screens zijn traag', 'want')).toBe('want onze screens zijn traag');
  });
});

describe('endings chosen to fit the topic', () => {
  const TOPICS: [string, string][] = [
    ['The future of nursing informatics', 'next'],
    ['Lessons from our Epic rollout', 'differently'],
    ['New research on burnout', 'surprised'],
    ['Leadership in hybrid teams', 'practice'],
    ['De toekomst van de zorg', 'next'],
    ['Onderzoek naar werkdruk', 'surprised'],
    ['De overstap naar een nieuw EPD', 'differently'],
    ['Samenwerken op de werkvloer', 'practice'],
  ];
  it.each(TOPICS)('"%s" ends with the %s question', (topic, ending) => {
    expect(endingFor(topic, '')).toBe(ending);
  });

  it('picks the same ending every time, and spreads topics without a telling word over all endings', () => {
    const plain = [
      'Dr. Jansen',
      'Marieke de Vries',
      'Keynote',
      'Panel',
      'Opening',
      'Anne Bakker',
      'Workshop B',
    ];
    for (const topic of plain) expect(endingFor(topic, 'I like it')).toBe(endingFor(topic, 'I like it'));
    expect(new Set(plain.map((t) => endingFor(t, 'I like it'))).size).toBeGreaterThanOrEqual(3);
    for (const lang of ['en', 'nl'])
      expect(new Set(ENDINGS.map((e) => say(lang, `hook.ending.${e}`))).size).toBe(ENDINGS.length);
  });
});

/** A member in `lang` at the menu who prepares an in-person event with these topics and hooks. */
async function toOpeners(lang: Lang, topics: string[], hooks: string[]): Promise<Harness> {
  h = await testEngine();
  await h.command('start', [lang]);
  const state = (await h.state()) as State;
  await h.members.save({ ...state, flow: { at: 'menu' } });
  await h.choice('hook');
  await h.text(lang === 'en' ? 'Nursing Informatics Day' : 'Zorg-ICT-dag');
  await h.choice('d3');
  await h.choice('inperson');
  await h.text(topics.join(', '));
  await h.text(
    lang === 'en' ? 'Meet two people who work in health IT' : 'Twee mensen uit de zorg-ICT spreken',
  );
  for (const hook of hooks) await h.text(hook);
  await h.choice('open');
  return h;
}

/** The suggested opener in the opener question now shown. */
const shownOpener = (t: Harness) => /\n"(.*)"\n/.exec(t.question()?.text ?? '')?.[1] ?? '';

describe('openers through the engine', () => {
  it.each([
    [
      'en',
      'Dr. Jansen on nurse-led EHR redesign',
      "Our ward's EHR screens slow us down..",
      "because our ward's EHR screens slow us down. ",
    ],
    [
      'nl',
      'De overstap naar een nieuw EPD',
      'Onze afdeling stapt volgend jaar over!!',
      'want onze afdeling stapt volgend jaar over. ',
    ],
  ] as [Lang, string, string, string][])(
    '%s: the hook reads as part of the sentence',
    async (lang, topic, hook, reason) => {
      const t = await toOpeners(lang, [topic], [hook]);
      const opener = shownOpener(t);
      expect(opener).toContain(reason);
      expect(opener).not.toMatch(/[.!?]{2}|\.\s*\./);
      expect(opener).not.toMatch(/(?:because|want) \p{Lu}\p{Ll}/u);
      if (lang === 'en') expect(opener).toContain('about Dr. Jansen on nurse-led EHR redesign caught');
      else expect(opener).toContain('over de overstap naar een nieuw EPD trok');
      expect(opener.endsWith(say(lang, `hook.ending.${endingFor(topic, hook)}`))).toBe(true);
    },
  );

  it.each([
    [
      'en',
      [
        'The future of nursing informatics',
        'Lessons from our Epic rollout',
        'New research on burnout',
        'Leadership in hybrid teams',
      ],
    ],
    [
      'nl',
      [
        'De toekomst van de zorg',
        'Lessen uit onze EPD-invoering',
        'Onderzoek naar werkdruk',
        'Samenwerken op de werkvloer',
      ],
    ],
  ] as [Lang, string[]][])(
    '%s: openers for four topics end with four different questions',
    async (lang, topics) => {
      const hooks = topics.map(() =>
        lang === 'en' ? 'It touches my daily work' : 'Het raakt mijn dagelijkse werk',
      );
      const t = await toOpeners(lang, topics, hooks);
      const endings: string[] = [];
      for (let i = 0; i < topics.length; i++) {
        const opener = shownOpener(t);
        expect(opener).not.toContain('..');
        endings.push(opener.slice(opener.lastIndexOf('. ') + 2));
        await t.choice('use');
      }
      expect(new Set(endings).size).toBe(4);
      expect(endings).not.toContain(say(lang, 'hook.ending.brought'));
    },
  );

  it.each([
    ['en', 'What would you start with? Who else should I meet?'],
    ['nl', 'Waar zou jij beginnen? Wie moet ik nog meer spreken?'],
  ] as [Lang, string][])(
    '%s: the follow-up questions are suggested from the topic, and can be changed',
    async (lang, own) => {
      const topic = lang === 'en' ? 'New research on burnout' : 'Onderzoek naar werkdruk';
      const t = await toOpeners(
        lang,
        [topic],
        [lang === 'en' ? 'I see it on my ward' : 'Ik zie het op mijn afdeling'],
      );
      await t.choice('use');
      const suggestion = say(lang, 'hook.followUpsFor.surprised');
      expect(t.question()?.text).toBe(say(lang, 'hook.followUps', { suggestion }));
      expect(t.question()?.choices?.map((c) => c.id)).toEqual(['use']);
      await t.text(own);
      expect(t.lastText()).toBe(say(lang, 'hook.intro'));
      expect((await t.state())?.drafts.hook?.followUps).toBe(own);
      await t.text(
        lang === 'en' ? 'I am a nurse moving into health IT' : 'Ik ben HR-adviseur bij een gemeente',
      );
      await t.choice('connect');
      await t.choice('Europe/Amsterdam');
      await t.choice('h19');
      const card = t.sent
        .map((s) => s.reply.text)
        .find((x) => x.includes(say(lang, 'card.followUps', { questions: own })));
      expect(card).toBeDefined();
      expect(card).not.toContain(suggestion);
    },
  );

  it('the suggestion is taken with one press', async () => {
    const t = await toOpeners('en', ['Leadership in hybrid teams'], ['I lead a team of twelve']);
    await t.choice('use');
    await t.choice('use');
    expect((await t.state())?.drafts.hook?.followUps).toBe(say('en', 'hook.followUpsFor.practice'));
  });
});
