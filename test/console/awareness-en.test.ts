import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript, type ScriptStep, useCli } from '../helpers/cli.js';
import { expectElevenPeopleMap, isPng, part, probe } from '../helpers/scripts.js';
import { say } from '../helpers/texts.js';

const e2e = useCli();

/**
 * The people of this script, with where they come from and how they are rated:
 *   work: Anna (inner, weekly, also named in "discuss"), Piet (middle, monthly), Mo (outer, yearly; via the probe)
 *   study: Sara (outer, dormant)
 *   family: Mama (inner, weekly), Papa (inner, monthly)
 *   friends: Jo (middle, monthly), Kim (middle, yearly, named in "career"), Lex (outer, dormant; via the probe)
 *   associations: Ria (outer, yearly)
 *   career "discuss": Zoe (new, no domain; rated outer, dormant, then domain online)
 * "anna" at the associations probe is a duplicate: it adds nobody, so online goes without a probe.
 */
function script(): ScriptStep[] {
  const recall = (n: number, key: string) => `${part(n)}${say('en', key)}`;
  return [
    { send: { choice: 'begin' }, expect: say('en', 'awareness.intro') },
    { send: { choice: 'begin' }, expect: recall(1, 'recall.work') },
    // Names as a JSON text, then more names at the probe (which also moves on).
    { send: { text: 'Anna, Piet' }, expect: probe('work', 0) },
    { send: 'Mo', expect: part(2) },
    { send: { choice: 'none' }, expect: part(3) },
    // Names through the form; the probe brings nobody, so the next two parts go without one.
    { send: { form: { names: 'Sara' } }, expect: probe('study', 2) },
    { send: { choice: 'none' }, expect: part(4) },
    { send: { choice: 'none' }, expect: part(5) },
    { send: { text: 'Mama and Papa' }, expect: recall(6, 'recall.friends') },
    { send: { text: 'Jo; Kim' }, expect: probe('friends', 5) },
    { send: { text: 'Lex' }, expect: part(7) },
    { send: { choice: 'none' }, expect: part(8) },
    { send: { choice: 'none' }, expect: part(9) },
    { send: { text: 'Ria' }, expect: probe('associations', 8) },
    { send: { text: 'anna' }, expect: recall(10, 'recall.online') },
    { send: { choice: 'none' }, expect: say('en', 'career.discuss') },
    { send: { text: 'Anna, Zoe' }, expect: say('en', 'career.jobChange') },
    { send: { choice: 'none' }, expect: say('en', 'career.career') },
    { send: { form: { names: 'Kim' } }, expect: say('en', 'rateGroup.inner') },
    // Rating by groups, numbered in the order the people were added: Anna, Piet, Mo, Sara, Mama,
    // Papa, Jo, Kim, Lex, Ria, Zoe.
    { send: '1, 5, 6', expect: say('en', 'rateGroup.middle') },
    { send: '1, 4-5', expect: say('en', 'rateGroup.weekly') }, // Piet, Jo, Kim of the eight left
    { send: 'Anna, Mama', expect: say('en', 'rateGroup.monthly') },
    { send: 'Piet, Papa, Jo', expect: say('en', 'rateGroup.yearly') },
    { send: '1, 3, 5', expect: say('en', 'rateGroup.where', { name: 'Zoe' }) }, // Mo, Kim, Ria
    { send: { choice: 'online' }, expect: say('en', 'resourceTheme.career') },
    // Someone for all but hires; for salaries only an acquaintance.
    { send: '1, 2, 3, 5', expect: say('en', 'resourceTheme.weakOnly') },
    { send: '2', expect: say('en', 'resourceTheme.expertise') },
    // Press, legal, financial; for the press only an acquaintance.
    { send: '3-5', expect: say('en', 'resourceTheme.weakOnly') },
    { send: '1', expect: 'To start: ' },
  ];
}

describe('console --json: the network-map exercise in English', () => {
  it('runs to the summary, and the event carries the metrics of the answers', {
    timeout: 30_000,
  }, async () => {
    const sandbox = e2e.sandbox();
    const session = e2e.start(sandbox, { user: 'U', lang: 'en', json: true });
    const welcome = await session.question();
    expect(welcome.question.text).toBe(say('en', 'welcome.intro'));
    expect(welcome.question.choices?.map((c) => c.id)).toEqual(['begin', 'menu', 'switch']);

    const turns = await runScript(session, script());

    // What the names produced on the way.
    const acks = turns.flatMap((t) => t.replies.map((r) => r.text));
    expect(acks).toContain(say('en', 'people.added', { names: 'Anna, Piet', total: 2 }));
    expect(acks).toContain(say('en', 'people.added', { names: 'Mama, Papa', total: 6 }));
    expect(acks).toContain(say('en', 'people.duplicate', { names: 'Anna' }));
    expect(acks).toContain(say('en', 'rateGroup.intro', { count: 11 }));
    expect(acks).toContain(say('en', 'rateGroup.ringsDone', { inner: 3, middle: 3, outer: 5 }));
    expect(acks).toContain(
      say('en', 'rateGroup.contactsDone', { weekly: 2, monthly: 3, yearly: 3, dormant: 3 }),
    );
    // The group question carries its options as a pick, numbered in the terminal.
    const first = turns.find((t) => t.question.text === say('en', 'rateGroup.inner'))?.question;
    expect(first?.pick?.options.map((o) => o.label)).toEqual([
      'Anna',
      'Piet',
      'Mo',
      'Sara',
      'Mama',
      'Papa',
      'Jo',
      'Kim',
      'Lex',
      'Ria',
      'Zoe',
    ]);
    expect(first?.choices?.map((c) => c.id)).toEqual(['none', 'skip']);

    const last = turns.at(-1);
    if (!last) throw new Error('no turns');
    expect(last.events).toHaveLength(1);
    const event = last.events[0];
    expect(event).toMatchObject({ type: 'event', name: 'exercise.completed', exercise: 'awareness' });
    const data = event?.data ?? {};
    expectElevenPeopleMap(data);
    expect(Number.isNaN(Date.parse(String(data.at)))).toBe(false);

    // The show-back in sentences a member can use, then the picture and the closing; no index.
    const texts = last.replies.map((r) => r.text);
    const summary = texts.find((t) =>
      t.startsWith('Your 11 people reach 6 of the 10 parts of your life, evenly.'),
    );
    expect(summary).toBeDefined();
    expect(summary).toContain('• Current work: 3');
    expect(summary).toContain('• Friends: 3');
    expect(summary).not.toContain('• School');
    expect(summary).toContain('5 of your 11 people (45%) are acquaintances');
    expect(summary).toContain("3 people you haven't been in touch with for three years or more");
    expect(summary).toContain('Not yet within reach: someone on a board, government and someone who hires.');
    expect(summary).not.toMatch(/Blau|0\.\d/);
    expect(texts).toContain(say('en', 'summary.closing', { days: 7 }));

    const pictures = last.replies.filter((r) => r.image);
    expect(pictures).toHaveLength(1);
    const image = pictures[0]?.image;
    expect(image?.alt).toBe(say('en', 'map.alt', { size: 11 }));
    expect(dirname(image?.path ?? '')).toBe(sandbox.outDir);
    expect(existsSync(image?.path ?? '')).toBe(true);
    expect(isPng(image?.path ?? '')).toBe(true);
    // The map as issue 14 draws it: 1600 px wide and small enough to send anywhere.
    const png = readFileSync(image?.path ?? '');
    expect(png.readUInt32BE(16)).toBe(1600);
    expect(png.length).toBeLessThan(300 * 1024);

    // The next step: three named people where the missing help is found, and what to do with them.
    expect(last.question.text).toContain(
      'To start: Ria (an acquaintance from an association), Mo (an acquaintance from work) and Sara (an acquaintance from your studies, not in touch for three years or more).',
    );
    expect(last.question.choices?.map((c) => c.label)).toEqual([
      'Ask Ria for help',
      'Ask Mo for help',
      'Ask Sara for help',
      say('en', 'nextStep.remind'),
      say('en', 'common.backToMenu'),
    ]);

    // Typed as a person would: asking Ria opens ask-for-help with Ria already chosen.
    const [start, ...rest] = await runScript(session, [
      { send: 'Ask Ria for help', expect: say('en', 'help.goal') },
      { send: 'Find someone on a board at a foundation', expect: say('en', 'help.need') },
      { send: { choice: 'advice' }, expect: say('en', 'help.belief') },
      { send: '3', expect: say('en', 'help.reversal') },
      { send: 'I help when I can', expect: say('en', 'help.request') },
      // No "whom?" question: after the request comes "why Ria?".
      { send: 'Could you tell me how you got onto a board', expect: say('en', 'help.why', { name: 'Ria' }) },
    ]);
    expect(start?.replies.map((r) => r.text)).toContain(say('en', 'nextStep.askStart', { name: 'Ria' }));
    expect(rest.filter((t) => t.question.text.includes(say('en', 'help.whom')))).toEqual([]);

    expect(await session.end()).toEqual({ code: 0, signal: null });
    expect(session.pending()).toEqual([]);
  });
});
